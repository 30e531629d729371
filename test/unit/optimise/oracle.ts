/**
 * The tests' own reading of MODEL.md §4, written independently of the engine
 * (no import from shared/engine/optimise): a plan checker, the objective, a
 * brute-force optimum over every start choice, and a fast-check arbitrary of
 * tiny portfolios that exercise every rule.
 */
import fc from 'fast-check';
import type { PlanEntry, Portfolio, Project, Scenario } from '../../../shared/model/portfolio';

export interface Settings {
  invF: number;
  opF: number;
  capF: number;
  forceIn: string[];
  forceOut: string[];
  tp: number;
  credit: number;
}

export function settingsOf(doc: Portfolio, id?: string): Settings {
  const s: Scenario | undefined = id ? doc.scenarios?.find((x) => x.id === id) : doc.scenarios?.[0];
  return {
    invF: s?.budgetFactor?.investment ?? 1,
    opF: s?.budgetFactor?.operating ?? 1,
    capF: s?.capacityFactor ?? 1,
    forceIn: s?.forceIn ?? [],
    forceOut: s?.forceOut ?? [],
    tp: s?.timePreference ?? 0.04,
    credit: s?.savingsCredit ?? 1,
  };
}

export function value(doc: Portfolio, p: Project): number {
  const total = doc.criteria.reduce((a, c) => a + c.weight, 0);
  return doc.criteria.reduce(
    (a, c) => a + (100 * (c.weight / total) * (p.scores[c.id] ?? 0)) / 5,
    0,
  );
}

export function objective(doc: Portfolio, st: Settings, plan: readonly PlanEntry[]): number {
  return plan.reduce((sum, e) => {
    const p = doc.projects.find((q) => q.id === e.project) as Project;
    return sum + value(doc, p) * (1 - st.tp) ** (e.start - doc.horizon.firstYear);
  }, 0);
}

const over = (used: number, cap: number) => used > cap + 1e-6 * Math.max(1, Math.abs(cap));

/** Every broken rule, as a short tag. */
export function violations(doc: Portfolio, st: Settings, plan: readonly PlanEntry[]): string[] {
  const out: string[] = [];
  const Y = doc.horizon.years;
  const y0 = doc.horizon.firstYear;
  const start = new Map<string, number>();
  for (const e of plan) {
    if (start.has(e.project)) out.push(`twice ${e.project}`);
    start.set(e.project, e.start - y0);
  }
  const proj = new Map(doc.projects.map((p) => [p.id, p]));
  for (const [id, s] of start) {
    const p = proj.get(id);
    if (!p) {
      out.push(`unknown ${id}`);
      continue;
    }
    const n = p.investment.length;
    if (s < 0 || s + n > Y) out.push(`horizon ${id}`);
    if (p.fixedStart != null) {
      if (s + y0 !== p.fixedStart) out.push(`fixed ${id}`);
    } else if (p.earliestStart != null && s + y0 < p.earliestStart) out.push(`earliest ${id}`);
    if (st.forceOut.includes(id)) out.push(`forceOut ${id}`);
    for (const d of p.dependsOn ?? []) {
      const sd = start.get(d);
      const pd = proj.get(d) as Project;
      if (sd === undefined || sd + pd.investment.length > s) out.push(`dependency ${id}<-${d}`);
    }
    for (const x of p.excludes ?? []) if (start.has(x)) out.push(`exclusion ${id}/${x}`);
  }
  for (const p of doc.projects) {
    const required = p.mandatory || st.forceIn.includes(p.id) || p.fixedStart != null;
    if (required && !start.has(p.id)) out.push(`required ${p.id}`);
  }
  for (let t = 0; t < Y; t++) {
    let inv = 0;
    let op = 0;
    const days = new Map<string, number>();
    const load = new Map<string, number>();
    for (const [id, s] of start) {
      const p = proj.get(id);
      if (!p) continue;
      const n = p.investment.length;
      const k = t - s;
      if (k >= 0 && k < n) {
        inv += (p.investment[k] ?? 0) * (1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0));
        for (const need of p.staff ?? []) {
          days.set(need.team, (days.get(need.team) ?? 0) + (need.days[k] ?? 0));
        }
        if (p.direction) load.set(p.direction, (load.get(p.direction) ?? 0) + 1);
      } else if (k >= n) {
        op += (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) - st.credit * (p.savings ?? 0);
      }
    }
    if (over(inv, (doc.budget.investment[t] ?? 0) * st.invF)) out.push(`investment ${y0 + t}`);
    if (over(op, (doc.budget.operating[t] ?? 0) * st.opF)) out.push(`operating ${y0 + t}`);
    for (const team of doc.teams) {
      if (over(days.get(team.id) ?? 0, (team.capacity[t] ?? 0) * st.capF)) {
        out.push(`staff ${team.id} ${y0 + t}`);
      }
    }
    for (const d of doc.directions ?? []) {
      if (d.maxConcurrent != null && (load.get(d.id) ?? 0) > d.maxConcurrent) {
        out.push(`direction ${d.id} ${y0 + t}`);
      }
    }
  }
  return out;
}

/**
 * The best objective over every choice of start (or none) per project; null if no plan is feasible.
 * `score` replaces the objective of MODEL.md §4 (e.g. the mandate objective of §7).
 */
export function bruteForce(
  doc: Portfolio,
  st: Settings,
  score: (plan: readonly PlanEntry[]) => number = (plan) => objective(doc, st, plan),
): { objective: number; plan: PlanEntry[] } | null {
  const Y = doc.horizon.years;
  const y0 = doc.horizon.firstYear;
  let best: { objective: number; plan: PlanEntry[] } | null = null;
  const plan: PlanEntry[] = [];
  const visit = (i: number) => {
    if (i === doc.projects.length) {
      if (violations(doc, st, plan).length === 0) {
        const o = score(plan);
        if (!best || o > best.objective) best = { objective: o, plan: [...plan] };
      }
      return;
    }
    visit(i + 1);
    const p = doc.projects[i] as Project;
    for (let s = 0; s < Y; s++) {
      plan.push({ project: p.id, start: y0 + s });
      visit(i + 1);
      plan.pop();
    }
  };
  visit(0);
  return best;
}

/** `arb` with probability `p`, else null. */
function sometimes<T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: Math.round(100 * (1 - p)) },
    { arbitrary: arb, weight: Math.round(100 * p) },
  );
}

/** A tiny valid portfolio: up to `maxProjects` projects, up to `maxYears` years, every rule in play. */
export function tinyPortfolio(maxProjects = 5, maxYears = 3): fc.Arbitrary<Portfolio> {
  return fc
    .record({
      years: fc.integer({ min: 1, max: maxYears }),
      n: fc.integer({ min: 1, max: maxProjects }),
      seedProjects: fc.array(
        fc.record({
          duration: fc.integer({ min: 1, max: 2 }),
          inv: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 2 }),
          days: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
          team: fc.constantFrom('a', 'b'),
          score: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
          run: fc.integer({ min: 0, max: 4 }),
          savings: fc.integer({ min: 0, max: 4 }),
          subsidy: fc.constantFrom(0, 0, 0.25, 0.5),
          partner: fc.constantFrom(0, 0, 0.25),
          dir: fc.constantFrom(undefined, 'd1', 'd2'),
          dep: sometimes(fc.nat(), 0.3),
          excl: sometimes(fc.nat(), 0.2),
          mandatory: fc.integer({ min: 0, max: 9 }).map((k) => k < 1),
          earliest: sometimes(fc.nat({ max: 2 }), 0.25),
          fixed: sometimes(fc.nat({ max: 2 }), 0.08),
        }),
        { minLength: 5, maxLength: 5 },
      ),
      invCap: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
      opCap: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
      capA: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
      capB: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
      maxConcurrent: fc.integer({ min: 1, max: 2 }),
      tp: fc.constantFrom(0, 0.04, 0.2),
      credit: fc.constantFrom(1, 0.5),
      forceIn: sometimes(fc.nat(), 0.2),
      forceOut: sometimes(fc.nat(), 0.2),
    })
    .map((r) => {
      const Y = Math.max(r.years, 1);
      const cut = (a: number[]) =>
        a.slice(0, Y).concat(new Array(Math.max(0, Y - a.length)).fill(0));
      const ids = Array.from({ length: r.n }, (_, i) => `P${i + 1}`);
      const projects: Project[] = r.seedProjects.slice(0, r.n).map((s, i) => {
        const d = Math.min(s.duration, Y);
        const p: Project = {
          id: ids[i] as string,
          name: `Projet ${i + 1}`,
          scores: { c1: s.score[0] ?? 0, c2: s.score[1] ?? 0 },
          investment: s.inv.slice(0, d),
          staff: [{ team: s.team, days: s.days.slice(0, d) }],
          runCost: s.run,
          savings: s.savings,
          subsidyRate: s.subsidy,
          partnerShare: s.partner,
          durationMonths: { low: 12 * d, mode: 12 * d, high: 12 * d },
        };
        if (s.dir) p.direction = s.dir;
        if (s.dep !== null && i > 0) p.dependsOn = [ids[s.dep % i] as string];
        if (s.excl !== null && i > 0) {
          const other = ids[s.excl % i] as string;
          if (!p.dependsOn?.includes(other)) p.excludes = [other];
        }
        if (s.mandatory) p.mandatory = true;
        if (s.earliest !== null) p.earliestStart = 2027 + s.earliest;
        if (s.fixed !== null) p.fixedStart = 2027 + s.fixed;
        return p;
      });
      const doc: Portfolio = {
        format: 'arbitra-portfolio',
        version: 1,
        organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N' },
        horizon: { firstYear: 2027, years: Y },
        criteria: [
          { id: 'c1', label: 'Un', weight: 0.6 },
          { id: 'c2', label: 'Deux', weight: 0.4 },
        ],
        directions: [
          { id: 'd1', label: 'Direction 1', maxConcurrent: r.maxConcurrent },
          { id: 'd2', label: 'Direction 2' },
        ],
        teams: [
          { id: 'a', label: 'Équipe A', capacity: cut(r.capA) },
          { id: 'b', label: 'Équipe B', capacity: cut(r.capB) },
        ],
        budget: { investment: cut(r.invCap), operating: cut(r.opCap) },
        projects,
        scenarios: [
          {
            id: 's',
            name: 'Scénario',
            timePreference: r.tp,
            savingsCredit: r.credit,
            forceIn: r.forceIn !== null ? [ids[r.forceIn % r.n] as string] : [],
            forceOut: r.forceOut !== null ? [ids[r.forceOut % r.n] as string] : [],
          },
        ],
      };
      return doc;
    });
}
