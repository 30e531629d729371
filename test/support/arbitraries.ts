/**
 * fast-check arbitraries for property tests across the project.
 *
 * `validPortfolioArb()` generates small VALID format-1 documents (every rule
 * of MODEL.md §2 holds, `validatePortfolio` accepts them) with realistic
 * figures: money in round euros, person-days, integer months, shares as
 * whole percents. Projects have random build durations and CP schedules,
 * staff needs, an acyclic `dependsOn` (a project only depends on earlier
 * ones), `excludes` pairs that never conflict with a dependency, some
 * mandatory projects, start constraints, scenarios (forced in / out, plans)
 * and decisions. The fields of MODEL.md §7–9 are sometimes present (unless
 * `withExtensions` is false): deadlines the shortest build meets, self-
 * financing floors, unique AP numbers, scenario objectives, confidences and
 * postponements that leave room for the build, a reference class,
 * postponement years on « reporté » decisions, members' pairwise judgements
 * (complete or not), actuals (one row per project and year, within the AP)
 * and a baseline. Optional fields are either absent or set, never
 * `undefined`, so a JSON round trip gives back an equal document.
 *
 * A generated document is valid but not necessarily feasible (mandatory
 * projects may not fit the envelopes): that is what optimiser tests want.
 */
import fc from 'fast-check';
import { actualsArb, baselineArb, judgementsArb } from './arbitraries-committee';
import { compact, maybe, percent } from './arbitrary-helpers';
import type {
  DecisionEntry,
  Direction,
  Organisation,
  Portfolio,
  Project,
  RiskSettings,
  Scenario,
  StaffNeed,
  Team,
} from '../../shared/model/portfolio';

export interface PortfolioArbOptions {
  /** Default 0. */
  minProjects?: number;
  /** Default 8. */
  maxProjects?: number;
  /** Horizon length, at most. Default 6 (1..15 allowed). */
  maxYears?: number;
  /** Default 3. */
  maxTeams?: number;
  /** Default 4. */
  maxCriteria?: number;
  /** Longest build in years. Default 4. */
  maxDuration?: number;
  /**
   * Allow builds longer than the horizon (valid, warned, never plannable).
   * Default false: every project's build fits in the horizon.
   */
  allowUnplannable?: boolean;
  /** Add fields the format does not know (they must survive a round trip). Default false. */
  withUnknownFields?: boolean;
  /** Generate `scenarios` (0..2). Default true. */
  withScenarios?: boolean;
  /** Generate `decisions` (0..3). Default true. */
  withDecisions?: boolean;
  /** Allow `mandatory`, `fixedStart` and `forceIn`. Default true. */
  withRequirements?: boolean;
  /** Sometimes set the fields of MODEL.md §7–9. Default true. */
  withExtensions?: boolean;
}

const CRITERIA = [
  ['usagers', "Qualité de service à l'usager"],
  ['efficience', 'Efficience pour le contribuable'],
  ['agents', 'Conditions de travail des agents'],
  ['strategie', 'Alignement sur le projet de mandature'],
  ['conformite', 'Conformité réglementaire'],
  ['securite', 'Sécurité du système d’information'],
] as const;

const TEAMS = [
  ['dsi-etudes', 'DSI – études et développement'],
  ['dsi-infra', 'DSI – infrastructures et réseaux'],
  ['dsi-support', 'DSI – support et déploiement'],
  ['ref-finances', 'Référents métier – finances'],
  ['ref-rh', 'Référents métier – ressources humaines'],
] as const;

const DIRECTIONS = [
  ['solidarites', 'Solidarités'],
  ['finances', 'Finances'],
  ['urbanisme', 'Urbanisme et aménagement'],
  ['education', 'Éducation et enfance'],
] as const;

const AXES = [
  ['A1', 'Simplifier les démarches des habitants'],
  ['A2', 'Une administration sobre et efficace'],
  ['A3', 'La transition écologique du territoire'],
  ['A4', 'Des agents mieux équipés'],
] as const;

const PROJECT_NAMES = [
  'Demande d’aide sociale en ligne',
  'Portail famille',
  'Dématérialisation des marchés publics',
  'Gestion électronique des courriers',
  'Refonte du site internet',
  'Gestion des temps et des activités',
  'Billetterie des équipements culturels',
  'Système d’information géographique',
  'Gestion de la relation usager',
  'Parapheur électronique',
  'Gestion des salles et du matériel',
  'Archivage électronique',
];

const SUBSIDY_SOURCES = ['DSIL', 'FEDER', 'DETR', 'France Numérique Ensemble'];

interface Shape {
  years: number;
  firstYear: number;
  nCriteria: number;
  nTeams: number;
  nDirections: number;
  nAxes: number;
  nProjects: number;
}

interface Options {
  minProjects: number;
  maxProjects: number;
  maxYears: number;
  maxTeams: number;
  maxCriteria: number;
  maxDuration: number;
  allowUnplannable: boolean;
  withUnknownFields: boolean;
  withScenarios: boolean;
  withDecisions: boolean;
  withRequirements: boolean;
  withExtensions: boolean;
}

interface ProjectDraft {
  project: Project;
  depPicks: number[];
  exclPicks: number[];
}

function projectArb(i: number, shape: Shape, o: Options): fc.Arbitrary<ProjectDraft> {
  const teamIds = TEAMS.slice(0, shape.nTeams).map(([id]) => id);
  const criteriaIds = CRITERIA.slice(0, shape.nCriteria).map(([id]) => id);
  const directionIds = DIRECTIONS.slice(0, shape.nDirections).map(([id]) => id);
  const axisIds = AXES.slice(0, shape.nAxes).map(([id]) => id);
  const maxDuration = o.allowUnplannable
    ? o.maxDuration
    : Math.max(1, Math.min(o.maxDuration, shape.years));
  const lastYear = shape.firstYear + shape.years - 1;
  return fc.integer({ min: 1, max: maxDuration }).chain((duration) => {
    const schedule = (max: number): fc.Arbitrary<number[]> =>
      fc.array(fc.integer({ min: 0, max }), { minLength: duration, maxLength: duration });
    const fits = duration <= shape.years;
    return fc
      .record({
        name: fc.constantFrom(...PROJECT_NAMES),
        usage: maybe(
          fc.constantFrom('L’usager fait sa démarche en ligne', 'L’agent instruit sans papier'),
        ),
        direction: directionIds.length
          ? maybe(fc.constantFrom(...directionIds))
          : fc.constant(undefined),
        sponsor: maybe(fc.constantFrom('DGA Solidarités', 'DGA Ressources', 'DGS')),
        axes: maybe(fc.subarray(axisIds)),
        scores: fc.array(
          fc.option(
            fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
            { nil: undefined, freq: 5 },
          ),
          { minLength: criteriaIds.length, maxLength: criteriaIds.length },
        ),
        investment: schedule(300).map((xs) => xs.map((x) => (x + 5) * 1000)),
        staff: maybe(fc.subarray(teamIds, { minLength: 1 })).chain((teams) =>
          teams === undefined
            ? fc.constant(undefined)
            : fc
                .tuple(...teams.map(() => schedule(200)))
                .map((days) => teams.map((team, k): StaffNeed => ({ team, days: days[k] ?? [] }))),
        ),
        runCost: maybe(fc.integer({ min: 0, max: 120 }).map((x) => x * 500)),
        savings: maybe(fc.integer({ min: 0, max: 120 }).map((x) => x * 500)),
        subsidy: maybe(fc.integer({ min: 0, max: 80 })).chain((s) =>
          fc.record({
            subsidyRate: fc.constant(s === undefined ? undefined : s / 100),
            subsidySource: s ? maybe(fc.constantFrom(...SUBSIDY_SOURCES)) : fc.constant(undefined),
            partnerShare: maybe(percent(0, 100 - (s ?? 0))),
          }),
        ),
        fctvaEligible: maybe(fc.boolean()),
        duration: fc.record({
          early: fc.integer({ min: 0, max: 8 }),
          spreadLow: fc.integer({ min: 0, max: 6 }),
          spreadHigh: fc.integer({ min: 0, max: 18 }),
        }),
        costFactor: maybe(
          fc.record({ low: percent(80, 100), mode: percent(100, 120), extra: percent(0, 80) }),
        ),
        mandatoryPick: fc.integer({ min: 0, max: 9 }),
        earliest: fc.option(fc.integer({ min: 0, max: shape.years - 1 }), { nil: undefined }),
        earliestNull: fc.boolean(),
        fixed: fc.integer({ min: 0, max: Math.max(0, shape.years - duration) }),
        fixedPick: fc.integer({ min: 0, max: 14 }),
        depPicks: fc.array(fc.nat({ max: 999 }), { maxLength: 2 }),
        exclPicks: fc.array(fc.nat({ max: 999 }), { maxLength: 1 }),
        note: o.withUnknownFields
          ? maybe(fc.constantFrom('à revoir', 'priorité élu'))
          : fc.constant(undefined),
        extension: o.withExtensions
          ? fc.record({
              deadline: maybe(
                fc.record({
                  after: fc.integer({ min: 0, max: 3 }),
                  month: fc.integer({ min: 1, max: 12 }),
                }),
              ),
              floor: maybe(fc.constantFrom(0.2, 0.3)),
              ap: fc.boolean(),
            })
          : fc.constant(undefined),
      })
      .map((r): ProjectDraft => {
        const scores: Record<string, number> = {};
        criteriaIds.forEach((id, k) => {
          const s = r.scores[k];
          if (s !== undefined) scores[id] = s;
        });
        const mode = Math.max(1, duration * 12 - r.duration.early);
        const low = Math.max(1, mode - r.duration.spreadLow);
        const high = mode + r.duration.spreadHigh;
        const fixedStart =
          o.withRequirements && fits && r.fixedPick === 0 ? shape.firstYear + r.fixed : undefined;
        let earliestStart: number | null | undefined;
        if (r.earliest !== undefined) {
          const year = shape.firstYear + r.earliest;
          earliestStart = r.earliestNull
            ? null
            : Math.min(year, Math.max(shape.firstYear, lastYear - duration + 1));
        }
        // §8: a deadline the shortest build meets (delivered at the end of its last year).
        const start = fixedStart ?? Math.max(shape.firstYear, earliestStart ?? shape.firstYear);
        const shortestEnd = start + duration - 1;
        const deadline = r.extension?.deadline
          ? `${shortestEnd + r.extension.deadline.after}-${String(r.extension.deadline.after === 0 ? 12 : r.extension.deadline.month).padStart(2, '0')}`
          : undefined;
        const project: Project = compact({
          id: `P${String(i + 1).padStart(2, '0')}`,
          name: `${r.name} (${i + 1})`,
          usage: r.usage,
          direction: r.direction,
          sponsor: r.sponsor,
          axes: r.axes,
          scores,
          investment: r.investment,
          staff: r.staff,
          runCost: r.runCost,
          savings: r.savings,
          subsidyRate: r.subsidy.subsidyRate,
          subsidySource: r.subsidy.subsidySource,
          partnerShare: r.subsidy.partnerShare,
          fctvaEligible: r.fctvaEligible,
          durationMonths: { low, mode, high },
          costFactor: r.costFactor && {
            low: r.costFactor.low,
            mode: r.costFactor.mode,
            high: Math.round((r.costFactor.mode + r.costFactor.extra) * 100) / 100,
          },
          mandatory: o.withRequirements
            ? r.mandatoryPick === 0
              ? true
              : r.mandatoryPick < 4
                ? false
                : undefined
            : undefined,
          earliestStart,
          fixedStart: fixedStart ?? (r.fixedPick === 1 ? null : undefined),
          deadline,
          selfFinancingFloor: r.extension?.floor,
          apNumber: r.extension?.ap
            ? `AP-${shape.firstYear}-${String(i + 1).padStart(2, '0')}`
            : undefined,
          'x-note': r.note,
        });
        return { project, depPicks: r.depPicks, exclPicks: r.exclPicks };
      });
  });
}

/** Acyclic dependencies (on earlier projects only) and non-conflicting exclusions. */
function linkProjects(drafts: readonly ProjectDraft[]): Project[] {
  const projects = drafts.map((d) => d.project);
  const ancestors: Set<number>[] = [];
  drafts.forEach((d, i) => {
    const deps = new Set<number>();
    if (i > 0) for (const pick of d.depPicks) deps.add(pick % i);
    const mine = new Set<number>(deps);
    for (const j of deps) for (const a of ancestors[j] ?? []) mine.add(a);
    ancestors.push(mine);
    const project = projects[i];
    if (project && deps.size)
      project.dependsOn = [...deps].sort((a, b) => a - b).map((j) => projects[j]!.id);
  });
  drafts.forEach((d, i) => {
    const project = projects[i];
    if (!project) return;
    for (const pick of d.exclPicks) {
      const j = pick % projects.length;
      const other = projects[j];
      // Never itself, never a project on the same dependency chain.
      if (!other || j === i || ancestors[i]?.has(j) || ancestors[j]?.has(i)) continue;
      if (project.excludes?.includes(other.id) || other.excludes?.includes(project.id)) continue;
      project.excludes = [...(project.excludes ?? []), other.id];
    }
  });
  return projects;
}

function scenariosArb(
  shape: Shape,
  projects: readonly Project[],
  o: Options,
): fc.Arbitrary<Scenario[]> {
  const ids = projects.map((p) => p.id);
  const plannable = projects.filter((p) => p.investment.length <= shape.years);
  const scenario = (id: string, name: string): fc.Arbitrary<Scenario> =>
    fc
      .record({
        budgetFactor: maybe(
          fc.record({ investment: percent(50, 150), operating: percent(50, 150) }),
        ),
        capacityFactor: maybe(percent(50, 150)),
        forced: fc.shuffledSubarray(ids, { maxLength: Math.min(4, ids.length) }),
        inCount: fc.nat({ max: 4 }),
        timePreference: maybe(percent(0, 10)),
        savingsCredit: maybe(percent(0, 100)),
        objective: o.withExtensions
          ? maybe(fc.constantFrom('discounted', 'mandate' as const))
          : fc.constant(undefined),
        confidence: o.withExtensions
          ? maybe(fc.option(percent(50, 99), { nil: null }))
          : fc.constant(undefined),
        // §8: postponements that leave room for the build in the horizon.
        notBefore: o.withExtensions
          ? maybe(
              fc
                .subarray(plannable, { maxLength: Math.min(3, plannable.length) })
                .chain((chosen) =>
                  fc.tuple(
                    ...chosen.map((p) =>
                      fc
                        .integer({ min: 0, max: shape.years - p.investment.length })
                        .map((k): [string, number] => [p.id, shape.firstYear + k]),
                    ),
                  ),
                ),
            )
          : fc.constant(undefined),
        plan: maybe(
          fc.subarray(plannable).chain((chosen) =>
            fc.tuple(
              ...chosen.map((p) =>
                fc.integer({ min: 0, max: shape.years - p.investment.length }).map((s) => ({
                  project: p.id,
                  start: shape.firstYear + s,
                })),
              ),
            ),
          ),
        ),
      })
      .map((r) => {
        const split = o.withRequirements ? Math.min(r.inCount, r.forced.length) : 0;
        return compact({
          id,
          name,
          budgetFactor: r.budgetFactor,
          capacityFactor: r.capacityFactor,
          forceIn: r.forced.slice(0, split),
          forceOut: r.forced.slice(split),
          timePreference: r.timePreference,
          savingsCredit: r.savingsCredit,
          plan: r.plan,
          objective: r.objective,
          confidence: r.confidence,
          notBefore: r.notBefore && Object.fromEntries(r.notBefore),
        });
      });
  return fc
    .nat({ max: 2 })
    .chain((n) =>
      fc.tuple(
        ...[
          scenario('base', 'Scénario de référence'),
          scenario('contraint', 'Scénario contraint (DOB prudent)'),
        ].slice(0, n),
      ),
    );
}

function decisionsArb(
  shape: Shape,
  projects: readonly Project[],
  o: Options,
): fc.Arbitrary<DecisionEntry[]> {
  if (projects.length === 0) return fc.constant([]);
  return fc.array(
    fc
      .record({
        year: fc.integer({ min: 2024, max: 2031 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        project: fc.constantFrom(...projects.map((p) => p.id)),
        decision: fc.constantFrom('retenu', 'reporté', 'rejeté', 'à instruire' as const),
        meeting: maybe(fc.constantFrom('CODIR', 'Comité de pilotage SI', 'Bureau communautaire')),
        rationale: maybe(fc.constantFrom('Obligation réglementaire.', 'Chiffrage à consolider.')),
        until: o.withExtensions
          ? maybe(fc.integer({ min: shape.firstYear, max: shape.firstYear + shape.years - 1 }))
          : fc.constant(undefined),
      })
      .map((r) =>
        compact({
          date: `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
          meeting: r.meeting,
          project: r.project,
          decision: r.decision,
          rationale: r.rationale,
          until: r.decision === 'reporté' ? r.until : undefined,
        }),
      ),
    { maxLength: 3 },
  );
}

const riskArb = (o: Options): fc.Arbitrary<RiskSettings> =>
  fc
    .record({
      distribution: maybe(fc.constantFrom('pert', 'triangular' as const)),
      correlation: maybe(percent(0, 90)),
      blackSwan: maybe(
        fc.option(
          fc.record({
            probability: percent(0, 30),
            scheduleFactor: percent(100, 200),
            costFactor: percent(100, 300),
          }),
          { nil: null },
        ),
      ),
      referenceClass: o.withExtensions
        ? maybe(fc.option(fc.constant('flyvbjerg-2011' as const), { nil: null }))
        : fc.constant(undefined),
    })
    .map((r) => compact(r));

function build(shape: Shape, o: Options): fc.Arbitrary<Portfolio> {
  const yearly = (min: number, max: number, unit: number): fc.Arbitrary<number[]> =>
    fc
      .array(fc.integer({ min, max }), { minLength: shape.years, maxLength: shape.years })
      .map((xs) => xs.map((x) => x * unit));
  const projectsArb =
    shape.nProjects === 0
      ? fc.constant<Project[]>([])
      : fc
          .tuple(...Array.from({ length: shape.nProjects }, (_, i) => projectArb(i, shape, o)))
          .map(linkProjects);
  return fc
    .record({
      organisation: fc.record({
        name: fc.constantFrom(
          'Ville de Saint-Exemple-sur-Loire',
          'Communauté d’agglomération du Val d’Exemple',
          'Département de l’Exemple',
        ),
        kind: fc.constantFrom(
          'commune',
          'departement',
          'region',
          'intercommunalite',
          'syndicat',
          'autre' as const,
        ),
        fctvaRegime: fc.constantFrom('N', 'N+1', 'N+2' as const),
        fctvaRate: maybe(fc.constant(0.16404)),
      }),
      mandateEnd: maybe(
        fc.record({
          y: fc.integer({ min: 0, max: shape.years }),
          m: fc.integer({ min: 1, max: 12 }),
        }),
      ),
      weights: fc
        .array(fc.integer({ min: 0, max: 20 }), {
          minLength: shape.nCriteria,
          maxLength: shape.nCriteria,
        })
        .filter((ws) => ws.some((w) => w > 0)),
      teams: fc.tuple(
        ...TEAMS.slice(0, shape.nTeams).map(([id, label]) =>
          yearly(0, 60, 20).map((capacity): Team => ({ id, label, capacity })),
        ),
      ),
      maxConcurrent: fc.array(maybe(fc.integer({ min: 1, max: 5 })), {
        minLength: shape.nDirections,
        maxLength: shape.nDirections,
      }),
      investment: yearly(0, 200, 5000),
      operating: yearly(0, 60, 2500),
      projects: projectsArb,
      risk: maybe(riskArb(o)),
      unknown: o.withUnknownFields
        ? fc.record({ root: fc.boolean(), organisation: fc.boolean(), team: fc.boolean() })
        : fc.constant(undefined),
    })
    .chain((r) =>
      fc
        .record({
          scenarios: o.withScenarios ? scenariosArb(shape, r.projects, o) : fc.constant(undefined),
          decisions: o.withDecisions ? decisionsArb(shape, r.projects, o) : fc.constant(undefined),
          criteriaJudgements: o.withExtensions
            ? maybe(judgementsArb(CRITERIA.slice(0, shape.nCriteria).map(([id]) => id)))
            : fc.constant(undefined),
          actuals: o.withExtensions ? maybe(actualsArb(shape, r.projects)) : fc.constant(undefined),
          baseline: o.withExtensions
            ? maybe(baselineArb(shape, r.projects))
            : fc.constant(undefined),
        })
        .map((late): Portfolio => {
          const directions: Direction[] = DIRECTIONS.slice(0, shape.nDirections).map(
            ([id, label], k) => compact({ id, label, maxConcurrent: r.maxConcurrent[k] }),
          );
          const organisation: Organisation = compact({ ...r.organisation });
          if (r.unknown?.organisation) organisation['siren'] = '212700001';
          if (r.unknown?.team && r.teams[0]) r.teams[0]['couleur'] = '#1f77b4';
          const doc: Portfolio = compact({
            format: 'arbitra-portfolio' as const,
            version: 1 as const,
            organisation,
            horizon: { firstYear: shape.firstYear, years: shape.years },
            mandateEnd: r.mandateEnd
              ? `${shape.firstYear + r.mandateEnd.y}-${String(r.mandateEnd.m).padStart(2, '0')}`
              : undefined,
            criteria: CRITERIA.slice(0, shape.nCriteria).map(([id, label], k) => ({
              id,
              label,
              weight: (r.weights[k] ?? 0) / 20,
            })),
            axes: shape.nAxes
              ? AXES.slice(0, shape.nAxes).map(([id, label]) => ({ id, label }))
              : undefined,
            directions: shape.nDirections ? directions : undefined,
            teams: r.teams,
            budget: { investment: r.investment, operating: r.operating },
            projects: r.projects,
            risk: r.risk,
            scenarios: late.scenarios,
            decisions: late.decisions,
            criteriaJudgements: late.criteriaJudgements,
            actuals: late.actuals,
            baseline: late.baseline && {
              ...compact({
                date: `${shape.firstYear - 1}-12-${String(late.baseline.day).padStart(2, '0')}`,
                meeting: late.baseline.meeting,
                scenario: late.scenarios?.[late.baseline.scenarioPick]?.id,
              }),
              plan: late.baseline.plan,
            },
          });
          if (r.unknown?.root) doc['x-exportePar'] = 'Arbitra 0.1';
          return doc;
        }),
    );
}

/** Small valid portfolios (see the module comment). */
export function validPortfolioArb(options: PortfolioArbOptions = {}): fc.Arbitrary<Portfolio> {
  const o: Options = {
    minProjects: options.minProjects ?? 0,
    maxProjects: options.maxProjects ?? 8,
    maxYears: Math.min(15, Math.max(1, options.maxYears ?? 6)),
    maxTeams: Math.min(TEAMS.length, Math.max(1, options.maxTeams ?? 3)),
    maxCriteria: Math.min(CRITERIA.length, Math.max(1, options.maxCriteria ?? 4)),
    maxDuration: Math.max(1, options.maxDuration ?? 4),
    allowUnplannable: options.allowUnplannable ?? false,
    withUnknownFields: options.withUnknownFields ?? false,
    withScenarios: options.withScenarios ?? true,
    withDecisions: options.withDecisions ?? true,
    withRequirements: options.withRequirements ?? true,
    withExtensions: options.withExtensions ?? true,
  };
  return fc
    .record({
      years: fc.integer({ min: 1, max: o.maxYears }),
      firstYear: fc.integer({ min: 2025, max: 2032 }),
      nCriteria: fc.integer({ min: 1, max: o.maxCriteria }),
      nTeams: fc.integer({ min: 1, max: o.maxTeams }),
      nDirections: fc.integer({ min: 0, max: DIRECTIONS.length }),
      nAxes: fc.integer({ min: 0, max: AXES.length }),
      nProjects: fc.integer({ min: o.minProjects, max: Math.max(o.minProjects, o.maxProjects) }),
    })
    .chain((shape) => build(shape, o));
}
