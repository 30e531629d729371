/**
 * Why a project is left out of a plan, in terms a committee can check: the
 * optimiser reports no per-project reason, so this asks, for each start year
 * the project could have, what would break if it were added to the plan as
 * it stands (every other project kept where it is). The answer is honest
 * and simple, not a proof that no other plan could take it: "in 2027 the
 * investment envelope of 2028 lacks 120 k€; in 2028 the DSI lacks 40
 * person-days in 2029…", and the rule that blocks the most start years.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../model/portfolio';
import { projectValue } from '../value';
import { ceilings, planLoads, projectLoads } from '../plan';

/** One rule that adding the project in a given start year would break. */
export type Blocker =
  | { kind: 'investment' | 'operating'; year: number; need: number; room: number }
  | { kind: 'team'; team: string; year: number; need: number; room: number }
  | { kind: 'direction'; direction: string; year: number; max: number }
  /** A predecessor missing from the plan (`end` null) or finishing too late (`end` its last build year). */
  | { kind: 'dependency'; project: string; end: number | null };

export type ExclusionReason =
  | { kind: 'forcedOut' }
  | { kind: 'forcedOutThrough'; project: string }
  /** No start year keeps the build inside the horizon (duration, earliest or fixed start). */
  | { kind: 'horizon'; earliest: number; latest: number }
  /** An alternative (`excludes`) of a project in the plan. */
  | { kind: 'alternative'; project: string }
  /** Some start year breaks no rule: the plan could take it (solve stopped early, or a tiny value). */
  | { kind: 'fits'; years: number[] }
  /** Every start year breaks at least one rule. */
  | {
      kind: 'blocked';
      starts: { year: number; blockers: Blocker[] }[];
      /** The rules (e.g. `investment`, `team:dsi`) that block the most start years (ties kept). */
      main: string[];
      /** How many start years each of them blocks. */
      mainCount: number;
    };

export interface Exclusion {
  project: string;
  name: string;
  /** Undiscounted value, 0..100 points. */
  value: number;
  reason: ExclusionReason;
}

const EPS = 1e-6;

/** The rule family of a blocker: `investment`, `operating`, `team:<id>`, `direction:<id>`, `dependency`. */
export function blockerKey(b: Blocker): string {
  if (b.kind === 'team') return `team:${b.team}`;
  if (b.kind === 'direction') return `direction:${b.direction}`;
  return b.kind;
}

/**
 * The projects left out of `plan`, highest value first, each with why.
 * `limit` keeps only that many (the ones of highest value).
 */
export function exclusionReasons(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
  limit = Infinity,
): Exclusion[] {
  const first = portfolio.horizon.firstYear;
  const years = portfolio.horizon.years;
  const last = first + years - 1;
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const startOf = new Map(plan.map((e) => [e.project, e.start]));
  const forcedOut = new Set(scenario.forceOut);
  const caps = ceilings(portfolio, scenario);
  const used = planLoads(portfolio, scenario, plan);

  /** The forced-out project a project depends on, directly or not. */
  const forcedThrough = (id: string, seen = new Set<string>()): string | null => {
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (forcedOut.has(dep)) return dep;
      const deeper = forcedThrough(dep, seen);
      if (deeper) return deeper;
    }
    return null;
  };

  const out: Exclusion[] = [];
  for (const p of portfolio.projects) {
    if (startOf.has(p.id)) continue;
    const value = projectValue(portfolio.criteria, p);
    const item = (reason: ExclusionReason): Exclusion => ({
      project: p.id,
      name: p.name,
      value,
      reason,
    });
    if (forcedOut.has(p.id)) {
      out.push(item({ kind: 'forcedOut' }));
      continue;
    }
    const through = forcedThrough(p.id);
    if (through) {
      out.push(item({ kind: 'forcedOutThrough', project: through }));
      continue;
    }
    const alternative = portfolio.projects.find(
      (q) =>
        startOf.has(q.id) &&
        ((p.excludes ?? []).includes(q.id) || (q.excludes ?? []).includes(p.id)),
    );
    if (alternative) {
      out.push(item({ kind: 'alternative', project: alternative.id }));
      continue;
    }
    const n = p.investment.length;
    const fixed = p.fixedStart ?? null;
    const earliest = fixed ?? Math.max(first, p.earliestStart ?? first);
    const latest = fixed ?? last - n + 1;
    if (earliest > latest || earliest + n - 1 > last || earliest < first) {
      out.push(item({ kind: 'horizon', earliest, latest: last - n + 1 }));
      continue;
    }
    const starts: { year: number; blockers: Blocker[] }[] = [];
    for (let s = earliest; s <= latest; s++) {
      starts.push({ year: s, blockers: blockersAt(p.id, s) });
    }
    const free = starts.filter((x) => x.blockers.length === 0).map((x) => x.year);
    if (free.length > 0) {
      out.push(item({ kind: 'fits', years: free }));
      continue;
    }
    const counts = new Map<string, number>();
    for (const x of starts) {
      for (const key of new Set(x.blockers.map(blockerKey))) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const mainCount = Math.max(...counts.values());
    const main = [...counts].filter(([, count]) => count === mainCount).map(([key]) => key);
    out.push(item({ kind: 'blocked', starts, main, mainCount }));
  }
  out.sort((a, b) => b.value - a.value || a.project.localeCompare(b.project));
  return out.slice(0, limit);

  function blockersAt(id: string, start: number): Blocker[] {
    const p = byId.get(id)!;
    const blockers: Blocker[] = [];
    for (const dep of p.dependsOn ?? []) {
      const q = byId.get(dep);
      if (!q) continue;
      const s = startOf.get(dep);
      if (s === undefined) blockers.push({ kind: 'dependency', project: dep, end: null });
      else if (s + q.investment.length > start) {
        blockers.push({ kind: 'dependency', project: dep, end: s + q.investment.length - 1 });
      }
    }
    const add = projectLoads(portfolio, scenario, id, start);
    // One blocker per rule: its first year without room.
    const money = (kind: 'investment' | 'operating') => {
      for (let t = 0; t < years; t++) {
        const need = add[kind][t]!;
        const room = caps[kind][t]! - used[kind][t]!;
        if (need > EPS && need > room + EPS * Math.max(1, Math.abs(caps[kind][t]!))) {
          blockers.push({ kind, year: first + t, need, room });
          return;
        }
      }
    };
    money('investment');
    money('operating');
    for (const team of portfolio.teams) {
      for (let t = 0; t < years; t++) {
        const need = add.teams[team.id]![t]!;
        const room = caps.teams[team.id]![t]! - used.teams[team.id]![t]!;
        if (need > EPS && need > room + EPS * Math.max(1, caps.teams[team.id]![t]!)) {
          blockers.push({ kind: 'team', team: team.id, year: first + t, need, room });
          break;
        }
      }
    }
    for (const [direction, max] of Object.entries(caps.directions)) {
      for (let t = 0; t < years; t++) {
        if (add.directions[direction]![t]! > 0 && used.directions[direction]![t]! + 1 > max) {
          blockers.push({ kind: 'direction', direction, year: first + t, max });
          break;
        }
      }
    }
    return blockers;
  }
}
