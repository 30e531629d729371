/**
 * Why no plan can satisfy the rules (MODEL.md §4): a small set of rules that
 * cannot hold together, in words naming projects, years and amounts.
 *
 * First the checks that need no solver, each of which proves infeasibility on
 * its own: a required project that is also forced out (directly or through a
 * predecessor), a fixed start whose build leaves the horizon, a required
 * project that has no start left (earliest start or dependency chain too
 * late), two required projects that exclude each other, and, for each year
 * and each envelope, team or direction, what the required projects need at
 * the least whatever their start. When none fires, a deletion filter over the
 * rules with HiGHS: lift each rule in turn and keep it lifted while the rest
 * stays infeasible; what remains is irreducible.
 */
import type { Highs } from 'highs';
import { runModel } from './highs';
import { buildModel, type ModelRow, type RowRule } from './model';
import { isRequired, latestStart, type PreparedProblem, type PreparedProject } from './problem';
import { eurosPair, euros, frenchNumber, listIds, monthWords, personDays } from './words';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "obligatoire", "retenu par le scénario", ... for one project. */
function kindOf(p: PreparedProject): { one: string; many: string } {
  const r = p.required[0];
  if (!r) return { one: 'optionnel', many: 'optionnels' };
  switch (r.kind) {
    case 'mandatory':
      return { one: 'obligatoire', many: 'obligatoires' };
    case 'forceIn':
      return { one: 'retenu par le scénario', many: 'retenus par le scénario' };
    case 'fixed':
      return { one: `engagé (démarrage ${r.year})`, many: 'engagés' };
    case 'dependency':
      return { one: `nécessaire à ${r.of}`, many: 'nécessaires' };
  }
}

/** "le projet obligatoire P05", "les projets obligatoires P05 et P11", or a mixed list. */
export function describeProjects(ps: readonly PreparedProject[]): string {
  if (ps.length === 1) {
    const p = ps[0] as PreparedProject;
    return `le projet ${kindOf(p).one} ${p.id}`;
  }
  const kinds = new Set(ps.map((p) => p.required[0]?.kind));
  const first = ps[0] as PreparedProject;
  if (kinds.size === 1 && !kinds.has('dependency') && !kinds.has('fixed')) {
    return `les projets ${kindOf(first).many} ${listIds(ps.map((p) => p.id))}`;
  }
  return `les projets imposés ${listIds(ps.map((p) => `${p.id} (${kindOf(p).one})`))}`;
}

const verb = (ps: readonly unknown[]) => (ps.length > 1 ? 'demandent' : 'demande');

/** The smallest prefix of the largest needs whose sum exceeds the cap. */
function smallestExcess(
  needs: { p: PreparedProject; need: number; exact: boolean }[],
  cap: number,
  base = 0,
): { ps: PreparedProject[]; total: number; exact: boolean } | undefined {
  const sorted = needs.filter((n) => n.need > 0).sort((a, b) => b.need - a.need);
  let total = base;
  const ps: PreparedProject[] = [];
  let exact = true;
  for (const n of sorted) {
    total += n.need;
    ps.push(n.p);
    exact &&= n.exact;
    if (total > cap + 1e-7 * Math.max(1, Math.abs(cap))) {
      return { ps: ps.sort((a, b) => a.index - b.index), total, exact };
    }
  }
  return undefined;
}

/** Reasons found without a solver; empty when none of the simple checks fires. */
export function staticReasons(problem: PreparedProblem): string[] {
  const reasons: string[] = [];
  const { firstYear, years } = problem;
  const last = firstYear + years - 1;
  const required = problem.projects.filter(isRequired);
  const blocked = new Set<number>();

  for (const p of required) {
    if (p.forcedOut === 'self') {
      reasons.push(capitalise(`${describeProjects([p])} est aussi écarté par le scénario.`));
      blocked.add(p.index);
    } else if (p.forcedOut) {
      reasons.push(
        capitalise(
          `${describeProjects([p])} dépend de ${p.forcedOut.through}, que le scénario écarte.`,
        ),
      );
      blocked.add(p.index);
    }
  }
  for (const p of required) {
    if (blocked.has(p.index)) continue;
    const fixed = p.project.fixedStart;
    if (fixed !== undefined && fixed !== null) {
      const end = fixed + p.duration - 1;
      if (fixed < firstYear || end > last) {
        reasons.push(
          `Le projet ${p.id}, engagé pour démarrer en ${fixed}, serait construit jusqu'en ${end}, hors de l'horizon ${firstYear}–${last}.`,
        );
        blocked.add(p.index);
      }
    }
  }
  for (const p of required) {
    if (blocked.has(p.index) || p.starts.length > 0) continue;
    blocked.add(p.index);
    const late = problem.projects.filter((q) => p.dependsOn.includes(q.index));
    const earliest = Math.max(
      p.project.earliestStart ?? firstYear,
      problem.scenario.notBefore[p.id] ?? firstYear,
    );
    const fixed = p.project.fixedStart;
    const deadline = p.project.deadline;
    const latest = firstYear + latestStart(p.project, firstYear);
    const possible = Math.max(
      earliest,
      ...late.map((q) => firstYear + (q.starts[0] ?? years) + q.duration),
    );
    if (deadline && (fixed ?? possible) > latest) {
      const built = `sa réalisation prévue dure ${p.duration} an${p.duration > 1 ? 's' : ''}`;
      reasons.push(
        capitalise(
          `${describeProjects([p])} doit être livré au plus tard fin ${monthWords(deadline)} ; ${built} : il aurait fallu le lancer en ${latest}${fixed !== undefined && fixed !== null ? ` ; il est engagé pour ${fixed}` : latest < firstYear ? ', avant le début de l’horizon' : ` ; il ne peut pas démarrer avant ${possible}`}.`,
        ),
      );
      continue;
    }
    const chain = late.map((q) => {
      const s = q.starts[0];
      return s === undefined
        ? `${q.id} (qui ne peut pas être construit dans l'horizon)`
        : `${q.id} (achevé au plus tôt fin ${firstYear + s + q.duration - 1})`;
    });
    if (chain.length > 0) {
      reasons.push(
        capitalise(
          `${describeProjects([p])} (${p.duration} an${p.duration > 1 ? 's' : ''} de construction) doit attendre ${listIds(chain)} : ${fixed !== undefined && fixed !== null ? `il ne peut pas démarrer en ${fixed} comme prévu` : `il ne peut pas être construit avant la fin de l'horizon ${last}`}.`,
        ),
      );
    } else {
      const from = earliest;
      reasons.push(
        capitalise(
          `${describeProjects([p])} demande ${p.duration} an${p.duration > 1 ? 's' : ''} de construction à partir de ${from} au plus tôt, au-delà de l'horizon ${firstYear}–${last}.`,
        ),
      );
    }
  }
  for (const [a, b] of problem.exclusions) {
    const pa = problem.projects[a] as PreparedProject;
    const pb = problem.projects[b] as PreparedProject;
    if (isRequired(pa) && isRequired(pb)) {
      reasons.push(capitalise(`${describeProjects([pa, pb])} s'excluent l'un l'autre.`));
    }
  }
  if (reasons.length > 0) return reasons;

  // Per year: what the required projects need at the least, whatever their start.
  const least = (p: PreparedProject, f: (s: number) => number) => {
    let min = Infinity;
    let max = -Infinity;
    for (const s of p.starts) {
      const v = f(s);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { p, need: min, exact: min === max };
  };
  const building = (p: PreparedProject, s: number, t: number) => t >= s && t - s < p.duration;
  for (let t = 0; t < years; t++) {
    const year = firstYear + t;
    const inv = required.map((p) =>
      least(p, (s) => (building(p, s, t) ? (p.investmentNet[t - s] as number) : 0)),
    );
    const cap = problem.investmentCap[t] as number;
    const hit = smallestExcess(inv, cap);
    if (hit) {
      const [a, b] = eurosPair(hit.total, cap);
      reasons.push(
        capitalise(
          `${describeProjects(hit.ps)} ${verb(hit.ps)} ${hit.exact ? '' : 'au moins '}${a} d'investissement en ${year} pour une enveloppe de ${b}.`,
        ),
      );
    }
    // Operating: optional projects with a net saving could free room, count them.
    const freed = problem.projects
      .filter((p) => !isRequired(p) && !p.forcedOut && p.operatingNet < 0)
      .reduce(
        (sum, p) =>
          sum + Math.min(0, ...p.starts.map((s) => (t >= s + p.duration ? p.operatingNet : 0))),
        0,
      );
    const op = required.map((p) => least(p, (s) => (t >= s + p.duration ? p.operatingNet : 0)));
    const savedByRequired = op.reduce((sum, n) => sum + Math.min(0, n.need), 0);
    const opCap = problem.operatingCap[t] as number;
    const opHit = smallestExcess(op, opCap, freed + savedByRequired);
    if (opHit) {
      const [a, b] = eurosPair(
        opHit.total - freed - savedByRequired,
        opCap - freed - savedByRequired,
      );
      reasons.push(
        capitalise(
          `${describeProjects(opHit.ps)} ${verb(opHit.ps)} ${opHit.exact ? '' : 'au moins '}${a} de fonctionnement en ${year} pour une enveloppe de ${euros(opCap)}${freed + savedByRequired < 0 ? ` (${b} en comptant toutes les économies possibles)` : ''}.`,
        ),
      );
    }
    for (const team of problem.teams) {
      const k = problem.teams.indexOf(team);
      const needs = required.map((p) =>
        least(p, (s) =>
          building(p, s, t)
            ? p.staff.filter((n) => n.team === k).reduce((sum, n) => sum + (n.days[t - s] ?? 0), 0)
            : 0,
        ),
      );
      const tcap = team.capacity[t] as number;
      const th = smallestExcess(needs, tcap);
      if (th) {
        reasons.push(
          capitalise(
            `${describeProjects(th.ps)} ${verb(th.ps)} ${th.exact ? '' : 'au moins '}${personDays(th.total)} à l'équipe ${team.label} en ${year} pour une capacité de ${personDays(tcap)}.`,
          ),
        );
      }
    }
    problem.directions.forEach((d, k) => {
      const needs = required
        .filter((p) => p.direction === k)
        .map((p) => least(p, (s) => (building(p, s, t) ? 1 : 0)));
      const dh = smallestExcess(needs, d.max);
      if (dh) {
        reasons.push(
          capitalise(
            `${describeProjects(dh.ps)} de la direction ${d.label} sont tous en construction en ${year}, pour ${frenchNumber(d.max)} projet${d.max > 1 ? 's' : ''} à la fois au plus.`,
          ),
        );
      }
    });
  }
  return reasons;
}

function describeRule(problem: PreparedProblem, rule: RowRule, row: ModelRow): string {
  const year = (t: number) => problem.firstYear + t;
  switch (rule.kind) {
    case 'choice': {
      const p = problem.projects[rule.project] as PreparedProject;
      return `${p.id} (${kindOf(p).one})`;
    }
    case 'investment':
      return `l'enveloppe d'investissement ${year(rule.t)} (${euros(row.upper, 2)})`;
    case 'operating':
      return `l'enveloppe de fonctionnement ${year(rule.t)} (${euros(row.upper, 2)})`;
    case 'staff':
      return `la capacité de l'équipe ${problem.teams[rule.team]?.label} en ${year(rule.t)} (${personDays(row.upper)})`;
    case 'direction':
      return `au plus ${frenchNumber(row.upper)} projet${row.upper > 1 ? 's' : ''} à la fois pour la direction ${problem.directions[rule.direction]?.label} en ${year(rule.t)}`;
    case 'dependency':
      return `${problem.projects[rule.project]?.id} dépend de ${problem.projects[rule.on]?.id}`;
    case 'exclusion':
      return `${problem.projects[rule.a]?.id} et ${problem.projects[rule.b]?.id} s'excluent`;
  }
}

const ruleKey = (rule: RowRule): string => {
  switch (rule.kind) {
    case 'dependency':
      return `dependency:${rule.project}:${rule.on}`;
    default:
      return JSON.stringify(rule);
  }
};

/**
 * Deletion filter with the solver: a set of rules that cannot hold together
 * and of which none can be dropped. Returns undefined when the rules without
 * the optional projects are feasible (nothing small to show) or when the
 * solver cannot decide in the time given.
 */
export function conflictByDeletion(
  highs: Highs,
  problem: PreparedProblem,
  secondsPerSolve = 2,
): string | undefined {
  // Optional projects can only help through a net saving: keep those.
  const keep = new Set(
    problem.projects
      .filter((p) => isRequired(p) || (p.operatingNet < 0 && !p.forcedOut))
      .map((p) => p.index),
  );
  const model = buildModel(problem, keep);
  const groups = new Map<string, number[]>();
  model.rows.forEach((row, i) => {
    const key = ruleKey(row.rule);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const infeasible = (relaxed: Set<number>) =>
    runModel(highs, model, { relaxed, feasibilityOnly: true, timeLimitSeconds: secondsPerSolve })
      .status === 'infeasible';
  const relaxed = new Set<number>();
  if (!infeasible(relaxed)) return undefined;
  const kept: number[][] = [];
  // Capacity rules first, then dependencies and exclusions, project choices last,
  // so that the set keeps the projects and names the envelopes they overflow.
  const order = (rows: number[]) => {
    const kind = model.rows[rows[0] as number]?.rule.kind;
    return kind === 'choice' ? 2 : kind === 'dependency' || kind === 'exclusion' ? 1 : 0;
  };
  const list = [...groups.values()].sort((a, b) => order(a) - order(b));
  if (list.length > 400) return undefined;
  for (const rows of list) {
    for (const i of rows) relaxed.add(i);
    if (!infeasible(relaxed)) {
      for (const i of rows) relaxed.delete(i);
      kept.push(rows);
    }
  }
  const words = kept
    .sort((a, b) => order(b) - order(a))
    .map((rows) => {
      const row = model.rows[rows[0] as number] as ModelRow;
      return describeRule(problem, row.rule, row);
    });
  if (words.length === 0) return undefined;
  return `Ces règles ne peuvent pas tenir ensemble : ${listIds(words)}.`;
}
