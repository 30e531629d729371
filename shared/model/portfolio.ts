/**
 * The portfolio document, format 1 (MODEL.md §2), as TypeScript types.
 *
 * These types are the single description of the domain used by the engine,
 * the document store, the API and the UI. The runtime schema in `schema.ts`
 * is checked against them (`z.ZodType<Portfolio>`), so the two cannot drift.
 *
 * Money is in euros incl. VAT, staff time in person-days, durations in months,
 * years are calendar years. Unknown fields found in an imported document are
 * kept (index signatures below) so that a round trip loses nothing.
 */

export const FORMAT_NAME = 'arbitra-portfolio' as const;
export const FORMAT_VERSION = 1 as const;

export type OrganisationKind =
  'commune' | 'departement' | 'region' | 'intercommunalite' | 'syndicat' | 'autre';

export type FctvaRegime = 'N' | 'N+1' | 'N+2';

/** As written in format 1, accents included. */
export type Decision = 'retenu' | 'reporté' | 'rejeté' | 'à instruire';

/** Fields we do not know are kept as they were. */
export type Extra = { [key: string]: unknown };

export interface Organisation extends Extra {
  name: string;
  kind: OrganisationKind;
  fctvaRegime: FctvaRegime;
  /** Default 0.16404 when absent. */
  fctvaRate?: number;
}

export interface Horizon extends Extra {
  firstYear: number;
  /** 1 ..= 15 */
  years: number;
}

export interface Criterion extends Extra {
  id: string;
  label: string;
  weight: number;
  /** Arbitra extension: what scores 1, 3 and 5 mean, in words (no calculation uses it). */
  scale?: { '1'?: string; '3'?: string; '5'?: string };
}

export interface Axis extends Extra {
  id: string;
  label: string;
}

export interface Direction extends Extra {
  id: string;
  label: string;
  /** Change load: at most this many of its projects in build in one year. */
  maxConcurrent?: number;
}

export interface Team extends Extra {
  id: string;
  label: string;
  /** Person-days per horizon year. */
  capacity: number[];
}

export interface Budget extends Extra {
  /** Net investment envelope per horizon year. */
  investment: number[];
  /** Net operating envelope per horizon year. */
  operating: number[];
}

export interface ThreePoint extends Extra {
  low: number;
  mode: number;
  high: number;
}

export interface StaffNeed extends Extra {
  team: string;
  /** Person-days by project year; same length as the project's investment. */
  days: number[];
}

export interface Project extends Extra {
  id: string;
  name: string;
  usage?: string;
  direction?: string;
  sponsor?: string;
  axes?: string[];
  /** 0..5 per criterion id; a missing criterion scores 0. */
  scores: Record<string, number>;
  /** CP schedule by project year; its length is the planned duration in years. */
  investment: number[];
  staff?: StaffNeed[];
  runCost?: number;
  savings?: number;
  subsidyRate?: number;
  subsidySource?: string;
  partnerShare?: number;
  fctvaEligible?: boolean;
  durationMonths: ThreePoint;
  costFactor?: ThreePoint;
  dependsOn?: string[];
  excludes?: string[];
  mandatory?: boolean;
  earliestStart?: number | null;
  fixedStart?: number | null;
  /** MODEL.md §8: YYYY-MM the project must be delivered by (legal date, contract end). */
  deadline?: string;
  /** MODEL.md §9: least share of its investment the authority finances itself (default 0.2). */
  selfFinancingFloor?: number;
  /** Arbitra extension: the AP number of the deliberation annex (e.g. "AP-2027-01"). */
  apNumber?: string;
}

export interface BlackSwan extends Extra {
  probability: number;
  scheduleFactor: number;
  costFactor: number;
}

/** MODEL.md §7: reference classes a document may calibrate its risk on. */
export type ReferenceClass = 'flyvbjerg-2011';

export interface RiskSettings extends Extra {
  distribution?: 'pert' | 'triangular';
  correlation?: number;
  blackSwan?: BlackSwan | null;
  /** MODEL.md §7: a preset giving calibrated cost laws and the black swan. */
  referenceClass?: ReferenceClass | null;
}

export interface PlanEntry extends Extra {
  project: string;
  start: number;
}

export interface Scenario extends Extra {
  id: string;
  name: string;
  budgetFactor?: { investment?: number; operating?: number; [key: string]: unknown };
  capacityFactor?: number;
  forceIn?: string[];
  forceOut?: string[];
  timePreference?: number;
  savingsCredit?: number;
  plan?: PlanEntry[];
  /** MODEL.md §7: what the optimiser maximises (default `discounted`). */
  objective?: ScenarioObjective;
  /** MODEL.md §7: each year's envelope held with at least this probability (0.5..0.99). */
  confidence?: number | null;
  /** MODEL.md §8: earliest start decided in committee, by project id. */
  notBefore?: Record<string, number>;
}

/** MODEL.md §7: `discounted` (§4) or the expected value delivered within the mandate. */
export type ScenarioObjective = 'discounted' | 'mandate';

export interface DecisionEntry extends Extra {
  /** YYYY-MM-DD */
  date: string;
  meeting?: string;
  project: string;
  decision: Decision;
  rationale?: string;
  /** MODEL.md §8: for `reporté`, the year before which the project does not start. */
  until?: number;
}

/** MODEL.md §8: one pairwise judgement, `a` over `b` on Saaty's scale (1/9..9). */
export interface PairJudgement extends Extra {
  a: string;
  b: string;
  ratio: number;
}

/** MODEL.md §8: the pairwise comparisons of one committee member. */
export interface MemberJudgements extends Extra {
  member: string;
  pairs: PairJudgement[];
}

/** MODEL.md §9: execution status of a project in a year. */
export type ActualStatus = 'en-cours' | 'livre' | 'abandonne';

/** MODEL.md §9: the CP actually paid for a project in a year, and its status. */
export interface ActualEntry extends Extra {
  project: string;
  year: number;
  paid: number;
  status?: ActualStatus;
}

/** A project of the adopted plan, with the AP it was adopted with (Arbitra extension, shared/engine/annex.ts). */
export interface BaselineEntry extends PlanEntry {
  /** The gross AP at adoption. */
  ap?: number;
  /** The CP schedule at adoption, by project year. */
  cp?: number[];
  /** The AP number of the deliberation annex. */
  apNumber?: string;
}

/** MODEL.md §9: the plan adopted in committee. */
export interface Baseline extends Extra {
  /** YYYY-MM-DD */
  date: string;
  meeting?: string;
  scenario?: string;
  plan: BaselineEntry[];
}

export interface Portfolio extends Extra {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  organisation: Organisation;
  horizon: Horizon;
  /** YYYY-MM, end of the elected term. */
  mandateEnd?: string;
  criteria: Criterion[];
  axes?: Axis[];
  directions?: Direction[];
  teams: Team[];
  budget: Budget;
  projects: Project[];
  risk?: RiskSettings;
  scenarios?: Scenario[];
  decisions?: DecisionEntry[];
  /** MODEL.md §8 */
  criteriaJudgements?: MemberJudgements[];
  /** MODEL.md §9 */
  actuals?: ActualEntry[];
  /** MODEL.md §9 */
  baseline?: Baseline;
}

/** One problem found in a document: where (JSON path) and what, in words. */
export interface Problem {
  path: string;
  message: string;
}

/** Scenario settings with every neutral default filled in (MODEL.md §4). */
export interface ResolvedScenario {
  id: string;
  name: string;
  budgetFactor: { investment: number; operating: number };
  capacityFactor: number;
  forceIn: string[];
  forceOut: string[];
  timePreference: number;
  savingsCredit: number;
  plan?: PlanEntry[];
  objective: ScenarioObjective;
  /** Null: the deterministic plan of §4. */
  confidence: number | null;
  /** Earliest start per project id decided in committee (§8). */
  notBefore: Record<string, number>;
}

export const DEFAULT_FCTVA_RATE = 0.16404;
export const DEFAULT_TIME_PREFERENCE = 0.04;
/** MODEL.md §9: share of a project's investment the authority finances itself, at least. */
export const DEFAULT_SELF_FINANCING_FLOOR = 0.2;

/**
 * The scenario a command works on: the one with `id`, else the first, else
 * neutral settings (CLI.md). Returns undefined when `id` names no scenario.
 */
export function resolveScenario(portfolio: Portfolio, id?: string): ResolvedScenario | undefined {
  const list = portfolio.scenarios ?? [];
  const found = id === undefined ? list[0] : list.find((s) => s.id === id);
  if (id !== undefined && !found) return undefined;
  return {
    id: found?.id ?? 'neutre',
    name: found?.name ?? 'Réglages neutres',
    budgetFactor: {
      investment: found?.budgetFactor?.investment ?? 1,
      operating: found?.budgetFactor?.operating ?? 1,
    },
    capacityFactor: found?.capacityFactor ?? 1,
    forceIn: found?.forceIn ?? [],
    forceOut: found?.forceOut ?? [],
    timePreference: found?.timePreference ?? DEFAULT_TIME_PREFERENCE,
    savingsCredit: found?.savingsCredit ?? 1,
    plan: found?.plan,
    objective: found?.objective ?? 'discounted',
    confidence: found?.confidence ?? null,
    notBefore: { ...(found?.notBefore ?? {}) },
  };
}
