/**
 * Re-arbitration the next year (MODEL.md §9, `arbitra next-year`): the
 * document of the next budget year, with what is under way continued, what
 * is delivered part of the base, what is abandoned out, and the rest
 * candidates again. `rollForward` moves a document to any later first year
 * (the re-forecast uses it from the first year not yet executed);
 * `nextYear` is the move by one year of §9.
 *
 * MODEL.md §9, applied as written: the horizon starts `shift` years later
 * with the same number of years; every envelope and capacity shifts by that
 * much, the last year's value repeating. By latest status (`actuals.ts`):
 *
 * - **en-cours** (continued): `fixedStart` = the new first year; its
 *   `investment` is the remainder, current AP − Σ paid (never below 0: an AP
 *   already overspent continues with nothing left to pay, and is warned),
 *   spread over its remaining planned years (at least one) in proportion to
 *   the planned CP of those years (evenly when they are all 0), to the cent,
 *   the last year taking the rounding; its staff days those of the same
 *   remaining years (when none remain, its last planned year's); each of its
 *   `durationMonths` scaled by remaining / planned years, at least one
 *   month, to a tenth of a month. The planned years are the project's
 *   `investment` years from its planned start (`baseline.ts`: `fixedStart`,
 *   else the baseline's start, else the scenario's plan, else the first year
 *   it was paid); the remaining ones are those from the new first year on.
 * - **livre** (delivered): leaves the candidates; its net running cost
 *   `runCost × (1 − partnerShare) − savings` comes off every operating
 *   envelope from the new first year (a net saving adds room); an envelope
 *   that would fall below 0 is set to 0, with a warning.
 * - **abandonne**: leaves the candidates.
 * - not started (planned or not): stays a candidate, unchanged, but for a
 *   `fixedStart` before the new first year, moved to it (warned).
 * - `baseline`, `actuals` and `decisions` are kept as they are.
 *
 * Where MODEL.md is silent:
 *
 * - **A project that leaves stays in `projects`**: the actuals, the baseline
 *   and the decisions kept name it, and validation refuses a reference to a
 *   project the list does not hold. It leaves the candidates by being in
 *   `forceOut` of every scenario (a scenario « base » with neutral settings
 *   is created when the document has none), with `mandatory`, `fixedStart`
 *   and `deadline` removed (they would require it or make the plan
 *   infeasible).
 * - **Dependencies**: on a delivered project, satisfied: the dependency is
 *   removed. On an abandoned project, kept, with a warning: the project that
 *   needs it cannot be chosen (a forced-out project rules out its
 *   dependents, MODEL.md §4) until the committee removes the dependency. A
 *   continued project keeps no dependency: it has started, so the rule on
 *   its start is past (kept, it could make the plan infeasible).
 * - **Exclusions**: the alternatives of a delivered project (either side of
 *   an `excludes` pair) are forced out too (at most one of them, and one is
 *   done), except a required one (mandatory or with a `fixedStart`), which
 *   is warned. Pairs with an abandoned project hold nothing any more.
 * - **Scenarios**: their `plan` is removed (its starts are last year's; the
 *   next year's plan is optimised again); a continued project is taken out
 *   of `forceOut` (it is under way: stopping it is recorded as `abandonne`),
 *   a project that left out of `forceIn`; `notBefore` forgets the projects
 *   that left or continue.
 * - **AP numbers**: a continued project without `apNumber` gets the number it
 *   had in the annex of the planned plan (`annex.ts`), so its AP keeps its
 *   number from one year to the next.
 * - CP paid in the new first year or later (entered before the move) count
 *   as paid too (what is paid is spent), with a warning, and stay in the
 *   continued project's `investment` in the years they were paid, on top
 *   of the remainder, the schedule lengthened to hold the last of them (its
 *   staff days 0 in the added years, its durations scaled by the years it
 *   then spans): so the new document's AP actualisée, paid before the
 *   horizon + Σ investment, is still the AP, and its CP of those years are
 *   what was paid in them.
 */
import type { PlanEntry, Portfolio, Project, Scenario, ThreePoint } from '../model/portfolio';
import { resolveScenario } from '../model/portfolio';
import { actualsByProject, currentAp, projectActuals, type ProjectActuals } from './actuals';
import { annexRows } from './annex';
import { plannedPlan, plannedStart } from './baseline';
import { toCents } from './finance';
import { finite } from './plan';

export interface ContinuedProject {
  project: string;
  /** Planned start the remaining years are counted from. */
  plannedStart: number;
  /** Current AP (AP actualisée). */
  ap: number;
  paid: number;
  /** ap − paid, planned again from the new first year. */
  remainder: number;
  /** Remaining planned years (at least one) and planned years. */
  years: number;
  plannedYears: number;
}

export interface DeliveredProject {
  project: string;
  /** runCost × (1 − partnerShare) − savings, taken off each operating envelope. */
  netRunningCost: number;
}

export interface RollForward {
  portfolio: Portfolio;
  fromYear: number;
  continued: ContinuedProject[];
  delivered: DeliveredProject[];
  abandoned: string[];
  /** Projects not started, candidates again. */
  candidates: string[];
  /** Planned projects not started, at their planned start or the new first year if later. */
  plannedNotStarted: PlanEntry[];
  /** Alternatives of delivered projects, forced out. */
  forcedOut: string[];
  warnings: string[];
}

export interface RollForwardOptions {
  /** The scenario whose plan gives the planned starts (default: the first). */
  scenarioId?: string;
}

/** `total` spread in proportion to `weights`, to the cent, the last taking the rounding. */
export function spreadInProportion(total: number, weights: readonly number[]): number[] {
  const cents = Math.round(total * 100);
  const w = weights.map((x) => Math.max(0, finite(x)));
  const sum = w.reduce((s, x) => s + x, 0);
  const share = sum > 0 ? w : w.map(() => 1);
  const shareSum = sum > 0 ? sum : w.length;
  const out = share.map((x) => Math.floor((cents * x) / shareSum));
  out[out.length - 1] = cents - out.slice(0, -1).reduce((s, x) => s + x, 0);
  return out.map((c) => toCents(c / 100));
}

function scaled(tp: ThreePoint, factor: number): ThreePoint {
  if (factor === 1) return { ...tp };
  const f = (x: number) => Math.max(1, Math.round(x * factor * 10) / 10);
  return { ...tp, low: f(tp.low), mode: f(tp.mode), high: f(tp.high) };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The document moved to `fromYear` (see the header). Throws on an unknown scenario or a year before the horizon. */
export function rollForward(
  portfolio: Portfolio,
  fromYear: number,
  options: RollForwardOptions = {},
): RollForward {
  const scenario = resolveScenario(portfolio, options.scenarioId);
  if (!scenario) throw new Error(`Le scénario « ${options.scenarioId} » n’existe pas.`);
  const { firstYear, years } = portfolio.horizon;
  const shift = fromYear - firstYear;
  if (!Number.isInteger(shift) || shift < 0) {
    throw new Error(`L’année ${fromYear} précède l’horizon du document (${firstYear}).`);
  }
  const warnings: string[] = [];
  const record = actualsByProject(portfolio);
  const status = (p: Project) => projectActuals(record, p.id).status;
  const doc = clone(portfolio);
  const shiftRow = (xs: readonly number[]) =>
    Array.from({ length: years }, (_, t) => xs[Math.min(t + shift, years - 1)]!);
  doc.horizon = { ...doc.horizon, firstYear: fromYear };

  const delivered = portfolio.projects.filter((p) => status(p) === 'livre');
  const abandoned = portfolio.projects.filter((p) => status(p) === 'abandonne');
  const continuing = portfolio.projects.filter((p) => status(p) === 'en-cours');
  const departed = new Set([...delivered, ...abandoned].map((p) => p.id));
  const continuedIds = new Set(continuing.map((p) => p.id));
  const deliveredIds = new Set(delivered.map((p) => p.id));
  const abandonedIds = new Set(abandoned.map((p) => p.id));

  // AP numbers the continued projects had (see the header).
  const planned = plannedPlan(portfolio, scenario);
  const startOf = (p: Project, a: ProjectActuals) =>
    plannedStart(portfolio, p, scenario) ?? a.startedIn ?? fromYear;
  const numbered = [
    ...planned,
    ...continuing
      .filter((p) => !planned.some((e) => e.project === p.id))
      .map((p) => ({ project: p.id, start: startOf(p, projectActuals(record, p.id)) })),
  ];
  const numbers = new Map(annexRows(portfolio, numbered).map((r) => [r.project, r.ap]));

  const continued: ContinuedProject[] = [];
  const lateRows = (portfolio.actuals ?? []).filter(
    (r) => r.year >= fromYear && r.paid > 0 && continuedIds.has(r.project),
  );
  if (lateRows.length > 0) {
    const ids = [...new Set(lateRows.map((r) => r.project))].join(', ');
    warnings.push(
      `Des crédits payés en ${fromYear} ou après sont déjà saisis (${ids}) : ils sont comptés comme dépensés, restent dans les CP des années où ils ont été payés, et seul le reste est planifié à nouveau.`,
    );
  }

  // Alternatives of delivered projects.
  const alternativesOut = new Set<string>();
  for (const p of portfolio.projects) {
    if (departed.has(p.id) || continuedIds.has(p.id)) continue;
    const partners = [
      ...new Set([
        ...(p.excludes ?? []).filter((id) => deliveredIds.has(id)),
        ...delivered.filter((d) => d.excludes?.includes(p.id)).map((d) => d.id),
      ]),
    ];
    if (partners.length === 0) continue;
    const required = p.mandatory === true || typeof p.fixedStart === 'number';
    if (required) {
      warnings.push(
        `${p.id} est une alternative de ${partners.join(', ')}, livré : obligatoire ou déjà engagé, il reste au plan ; à revoir en comité.`,
      );
    } else {
      alternativesOut.add(p.id);
      warnings.push(
        `${p.id} est une alternative de ${partners.join(', ')}, livré : il est écarté de tous les scénarios.`,
      );
    }
  }

  doc.projects = portfolio.projects.map((original) => {
    const p = clone(original);
    const a = projectActuals(record, p.id);
    if (departed.has(p.id)) {
      delete p.mandatory;
      delete p.fixedStart;
      delete p.deadline;
      return p;
    }
    if (continuedIds.has(p.id)) {
      const start = startOf(original, a);
      const n = original.investment.length;
      const remaining = Array.from({ length: n }, (_, k) => k).filter((k) => start + k >= fromYear);
      const r = Math.max(1, remaining.length);
      const ap = currentAp(original, a);
      const remainder = toCents(Math.max(0, ap - a.paid));
      if (a.paid > ap + 0.005) {
        warnings.push(
          `${p.id} : ${toCents(a.paid)} € payés pour une AP de ${ap} € ; il se poursuit sans crédit restant, l’AP est à réviser.`,
        );
      }
      const weights = remaining.length > 0 ? remaining.map((k) => original.investment[k]!) : [1];
      // CP already paid from the new first year on stay in their years (see the header).
      const paidFrom = [...a.paidByYear].filter(([year, v]) => year >= fromYear && v !== 0);
      const span = Math.max(r, ...paidFrom.map(([year]) => year - fromYear + 1));
      const spread = spreadInProportion(remainder, weights);
      p.investment = Array.from({ length: span }, (_, t) => spread[t] ?? 0);
      for (const [year, v] of paidFrom) {
        p.investment[year - fromYear] = toCents(p.investment[year - fromYear]! + v);
      }
      const pad = (days: number[]) => [...days, ...new Array<number>(span - days.length).fill(0)];
      if (original.staff) {
        p.staff = original.staff.map((need) => ({
          ...need,
          days: pad(
            remaining.length > 0
              ? remaining.map((k) => finite(need.days[k]))
              : [finite(need.days[n - 1])],
          ),
        }));
      }
      p.durationMonths = scaled(original.durationMonths, span / n);
      p.fixedStart = fromYear;
      delete p.earliestStart;
      delete p.dependsOn;
      const number = numbers.get(p.id);
      if ((typeof p.apNumber !== 'string' || p.apNumber.trim() === '') && number) {
        p.apNumber = number;
      }
      continued.push({
        project: p.id,
        plannedStart: start,
        ap,
        paid: a.paid,
        remainder,
        years: r,
        plannedYears: n,
      });
      return p;
    }
    // Not started: a candidate again.
    if (typeof p.fixedStart === 'number' && p.fixedStart < fromYear) {
      warnings.push(
        `${p.id} devait démarrer en ${p.fixedStart} (démarrage imposé) et n’a pas démarré : son démarrage imposé passe à ${fromYear}.`,
      );
      p.fixedStart = fromYear;
    }
    if (p.dependsOn) {
      const lost = p.dependsOn.filter((id) => abandonedIds.has(id));
      if (lost.length > 0) {
        warnings.push(
          `${p.id} dépend de ${lost.join(', ')}, abandonné : il ne peut plus être retenu tant que cette dépendance demeure.`,
        );
      }
      p.dependsOn = p.dependsOn.filter((id) => !deliveredIds.has(id));
      if (p.dependsOn.length === 0) delete p.dependsOn;
    }
    return p;
  });

  // Envelopes and capacities.
  const runOff = delivered.map((p) => ({
    project: p.id,
    netRunningCost: toCents(finite(p.runCost) * (1 - finite(p.partnerShare)) - finite(p.savings)),
  }));
  const base = runOff.reduce((s, d) => s + d.netRunningCost, 0);
  const clamped: number[] = [];
  doc.budget = {
    ...doc.budget,
    investment: shiftRow(portfolio.budget.investment),
    operating: shiftRow(portfolio.budget.operating).map((v, t) => {
      const left = toCents(v - base);
      if (left < 0) clamped.push(fromYear + t);
      return Math.max(0, left);
    }),
  };
  if (clamped.length > 0) {
    warnings.push(
      `Les coûts de fonctionnement des projets livrés dépassent l’enveloppe de fonctionnement en ${clamped.join(', ')} : elle est ramenée à 0.`,
    );
  }
  doc.teams = doc.teams.map((t) => ({ ...t, capacity: shiftRow(t.capacity) }));

  // Scenarios.
  const leaving = [...departed, ...alternativesOut];
  const leavingSet = new Set(leaving);
  const rewrite = (s: Scenario): Scenario => {
    const out: Scenario = { ...s };
    delete out.plan;
    const kept = (s.forceOut ?? []).filter((id) => !continuedIds.has(id));
    for (const id of (s.forceOut ?? []).filter((x) => continuedIds.has(x))) {
      warnings.push(
        `Scénario « ${s.id} » : ${id} est en cours, il n’est plus écarté (un arrêt se note « abandonné » dans le suivi).`,
      );
    }
    const forceOut = [...new Set([...kept, ...leaving])];
    if (forceOut.length > 0 || s.forceOut) out.forceOut = forceOut;
    if (s.forceIn) out.forceIn = s.forceIn.filter((id) => !leavingSet.has(id));
    if (s.notBefore) {
      out.notBefore = Object.fromEntries(
        Object.entries(s.notBefore).filter(([id]) => !departed.has(id) && !continuedIds.has(id)),
      );
    }
    return out;
  };
  if (doc.scenarios && doc.scenarios.length > 0) {
    doc.scenarios = doc.scenarios.map(rewrite);
  } else if (leaving.length > 0) {
    doc.scenarios = [{ id: 'base', name: 'Scénario de référence', forceOut: leaving }];
  }

  const candidates = portfolio.projects
    .filter((p) => !departed.has(p.id) && !continuedIds.has(p.id))
    .map((p) => p.id);
  const candidateSet = new Set(candidates);
  const plannedNotStarted = planned
    .filter((e) => candidateSet.has(e.project) && !alternativesOut.has(e.project))
    .map((e) => ({ project: e.project, start: Math.max(e.start, fromYear) }));

  return {
    portfolio: doc,
    fromYear,
    continued,
    delivered: runOff,
    abandoned: abandoned.map((p) => p.id),
    candidates,
    plannedNotStarted,
    forcedOut: [...alternativesOut],
    warnings,
  };
}

/** MODEL.md §9: the document of the next budget year (`horizon.firstYear + 1`). */
export function nextYear(portfolio: Portfolio, options: RollForwardOptions = {}): RollForward {
  return rollForward(portfolio, portfolio.horizon.firstYear + 1, options);
}
