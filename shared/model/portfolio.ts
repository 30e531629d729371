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
}

export interface BlackSwan extends Extra {
  probability: number;
  scheduleFactor: number;
  costFactor: number;
}

export interface RiskSettings extends Extra {
  distribution?: 'pert' | 'triangular';
  correlation?: number;
  blackSwan?: BlackSwan | null;
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
}

export interface DecisionEntry extends Extra {
  /** YYYY-MM-DD */
  date: string;
  meeting?: string;
  project: string;
  decision: Decision;
  rationale?: string;
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
}

export const DEFAULT_FCTVA_RATE = 0.16404;
export const DEFAULT_TIME_PREFERENCE = 0.04;

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
  };
}
