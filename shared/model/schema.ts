/**
 * Runtime schema of the portfolio document, format 1 (MODEL.md §2).
 *
 * These schemas check each field on its own: its type, its range, its enum.
 * Rules that tie several fields together (references between ids, lengths
 * that must match the horizon or the project's duration, dependency cycles,
 * `subsidyRate + partnerShare <= 1`, `low <= mode <= high`...) live in
 * `validate.ts`, which also turns every issue into a French sentence. Use
 * `validatePortfolio` / `validateProject` for the full rule set; the schemas
 * here are exported for the forms (one field at a time) and for the API.
 *
 * Every object schema is loose: fields we do not know are kept as they came,
 * so an import followed by an export loses nothing. No schema fills in a
 * default value either: the parsed document equals the input.
 *
 * Each schema is checked against the TypeScript type of `portfolio.ts`
 * (`satisfies z.ZodType<...>`), so the two cannot drift apart.
 */
import { z } from 'zod';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Axis,
  type ActualEntry,
  type Baseline,
  type BaselineEntry,
  type BlackSwan,
  type Budget,
  type Criterion,
  type DecisionEntry,
  type Direction,
  type Horizon,
  type MemberJudgements,
  type Organisation,
  type PairJudgement,
  type PlanEntry,
  type Portfolio,
  type Project,
  type RiskSettings,
  type Scenario,
  type StaffNeed,
  type Team,
  type ThreePoint,
} from './portfolio';

export const ORGANISATION_KINDS = [
  'commune',
  'departement',
  'region',
  'intercommunalite',
  'syndicat',
  'autre',
] as const;
export const FCTVA_REGIMES = ['N', 'N+1', 'N+2'] as const;
export const DECISIONS = ['retenu', 'reporté', 'rejeté', 'à instruire'] as const;
export const DISTRIBUTIONS = ['pert', 'triangular'] as const;
/** MODEL.md §7 */
export const REFERENCE_CLASSES = ['flyvbjerg-2011'] as const;
export const OBJECTIVES = ['discounted', 'mandate'] as const;
/** MODEL.md §9 */
export const ACTUAL_STATUSES = ['en-cours', 'livre', 'abandonne'] as const;

/** Bounds used by the rules; the UI shows them next to the fields. */
export const LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  maxHorizonYears: 15,
  maxScore: 5,
  maxTimePreference: 0.5,
  maxIdLength: 200,
  /** MODEL.md §7: the confidence a scenario may ask for. */
  minConfidence: 0.5,
  maxConfidence: 0.99,
  /** MODEL.md §8: Saaty's scale, 1/9 .. 9. */
  maxRatio: 9,
  /**
   * Ceilings of hostile or absurd figures: past them, a sum over projects and
   * years, a product by a factor or a solver's coefficient would stop being a
   * plain number (1e308 € gives ∞ and NaN). Each is far above any real case:
   * 10^12 € is a thousand billion euros (the State's whole budget is about
   * 5 × 10^11 €); 10^9 person-days a year is what 10^12 € would pay at about
   * 1 000 € a day, so staff time has the same reach as money (and sums of
   * person-days over 15 years and 100 000 projects stay exact integers).
   */
  /** Euros: every amount (envelopes, CP, run cost, savings, paid). */
  maxAmount: 1e12,
  /** Person-days per year: team capacities and staff needs. */
  maxDaysPerYear: 1e9,
  /** Multipliers: scenario factors, cost-factor laws, black-swan factors. */
  maxFactor: 100,
  /** Months: three-point durations (100 years). */
  maxDurationMonths: 1200,
  /** A criterion's weight before normalisation. */
  maxWeight: 1e6,
} as const;

/**
 * What a ceiling says when it is passed, as the predicate of a sentence whose
 * subject names the field; the wording of validation recognises these
 * messages and adds the value received.
 */
export const CEILING_MESSAGES = {
  amount: "doit valoir au plus 1 000 milliards d'euros (10^12 €), le plafond de tout montant",
  days: 'doit valoir au plus 1 milliard de jours-homme par an (10^9), le plafond de tout temps de travail',
  factor: 'doit valoir au plus 100, le plafond de tout coefficient multiplicateur',
  duration: 'doit valoir au plus 1 200 mois (100 ans), le plafond de toute durée',
  weight: "doit valoir au plus 1 000 000, le plafond du poids d'un critère",
} as const;

/**
 * Ranges said in one sentence rather than bound by bound (the wording of
 * validation recognises them, like the ceilings).
 */
export const RANGE_MESSAGES = {
  ...CEILING_MESSAGES,
  confidence:
    'doit être compris entre 0,5 et 0,99 (de 50 % à 99 % de chances de tenir chaque enveloppe)',
  ratio:
    "doit être sur l'échelle de Saaty, de 1/9 à 9 (9 : le premier critère est extrêmement plus important que le second ; 1/9 : l'inverse)",
} as const;

/**
 * Characters refused in identifiers: the C0 controls (U+0000–U+001F), DEL
 * (U+007F), the C1 controls (U+0080–U+009F) and the bidirectional marks and
 * overrides (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). An id is
 * printed in terminals, file names and sheets: such a character can clear a
 * screen, forge a line or show a different id than the one stored. Names and
 * labels keep them (whoever prints them escapes them).
 */
export function forbiddenIdCharacter(
  s: string,
): { code: number; kind: 'control' | 'bidi' } | undefined {
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return { code, kind: 'control' };
    if (
      code === 0x061c ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
      return { code, kind: 'bidi' };
  }
  return undefined;
}

/** `U+001B`. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A non-empty identifier (blank, surrounding spaces, control and bidi characters refused). */
export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.maxIdLength)
  .refine((s) => s.trim() === s && s.length > 0, {
    message: 'ne doit contenir ni espace au début ni espace à la fin',
  })
  .superRefine((s, ctx) => {
    const bad = forbiddenIdCharacter(s);
    if (!bad) return;
    const what =
      bad.kind === 'control'
        ? 'un caractère de contrôle invisible'
        : "une marque invisible de sens d'écriture";
    ctx.addIssue({
      code: 'custom',
      message: `contient ${what} (${codePointName(bad.code)}) : un identifiant ne peut contenir ni caractère de contrôle ni marque de sens d'écriture, qui brouilleraient son affichage`,
    });
  });
/** A name or a label shown to people: required and not blank. */
export const labelSchema = z
  .string()
  .min(1)
  .refine((s) => s.trim().length > 0, { message: 'ne doit pas être vide' });
/** Free text, optional fields. */
export const textSchema = z.string();
/** Euros (incl. VAT): finite, zero or more, at most the ceiling of amounts. */
export const moneySchema = z
  .number()
  .min(0)
  .max(LIMITS.maxAmount, { message: CEILING_MESSAGES.amount });
/** Person-days in a year: finite, zero or more, at most the ceiling. */
export const daysSchema = z
  .number()
  .min(0)
  .max(LIMITS.maxDaysPerYear, { message: CEILING_MESSAGES.days });
/** A share between 0 and 1 inclusive. */
export const rateSchema = z.number().min(0).max(1);
/** A calendar year, integer. */
export const yearSchema = z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear);
/** Scale factor applied to an envelope or a capacity. */
export const factorSchema = z
  .number()
  .min(0)
  .max(LIMITS.maxFactor, { message: CEILING_MESSAGES.factor });

/** `YYYY-MM`, a real month. */
export const yearMonthSchema = z.string().refine(isYearMonth, {
  message: 'doit être un mois au format AAAA-MM (par exemple 2032-03)',
});
/** `YYYY-MM-DD`, a real calendar date. */
export const dateSchema = z.string().refine(isDate, {
  message: 'doit être une date existante au format AAAA-MM-JJ (par exemple 2027-01-15)',
});

export function isYearMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

export const organisationSchema = z.looseObject({
  name: labelSchema,
  kind: z.enum(ORGANISATION_KINDS),
  fctvaRegime: z.enum(FCTVA_REGIMES),
  fctvaRate: z.number().gt(0).lt(1).optional(),
}) satisfies z.ZodType<Organisation>;

export const horizonSchema = z.looseObject({
  firstYear: yearSchema,
  years: z.number().int().min(1).max(LIMITS.maxHorizonYears),
}) satisfies z.ZodType<Horizon>;

/**
 * `scale` is an Arbitra extension of format 1 (MODEL.md has no field for it):
 * what a score of 1, 3 and 5 means on this criterion, in words, shown to
 * whoever scores projects. Used by no calculation.
 */
export const criterionScaleSchema = z.object({
  '1': z.string().max(500).optional(),
  '3': z.string().max(500).optional(),
  '5': z.string().max(500).optional(),
});

export const criterionSchema = z.looseObject({
  id: idSchema,
  label: labelSchema,
  weight: z.number().min(0).max(LIMITS.maxWeight, { message: CEILING_MESSAGES.weight }),
  scale: criterionScaleSchema.optional(),
}) satisfies z.ZodType<Criterion>;

export const axisSchema = z.looseObject({
  id: idSchema,
  label: labelSchema,
}) satisfies z.ZodType<Axis>;

export const directionSchema = z.looseObject({
  id: idSchema,
  label: labelSchema,
  maxConcurrent: z.number().int().min(1).optional(),
}) satisfies z.ZodType<Direction>;

export const teamSchema = z.looseObject({
  id: idSchema,
  label: labelSchema,
  capacity: z.array(daysSchema),
}) satisfies z.ZodType<Team>;

export const budgetSchema = z.looseObject({
  investment: z.array(moneySchema),
  operating: z.array(moneySchema),
}) satisfies z.ZodType<Budget>;

/** Three-point estimate; `low > 0` and `low <= mode <= high` are checked in validate.ts. */
function threePointUpTo(max: number, message: string) {
  const value = z.number().gt(0).max(max, { message });
  return z.looseObject({ low: value, mode: value, high: value }) satisfies z.ZodType<ThreePoint>;
}
/** `durationMonths`: months, at most the ceiling of durations. */
export const durationMonthsSchema = threePointUpTo(
  LIMITS.maxDurationMonths,
  CEILING_MESSAGES.duration,
);
/** `costFactor`: a multiplier of the investment, at most the ceiling of factors. */
export const costFactorSchema = threePointUpTo(LIMITS.maxFactor, CEILING_MESSAGES.factor);
/** Either of the above, for the fields' names. */
export const threePointSchema = durationMonthsSchema;

export const staffNeedSchema = z.looseObject({
  team: idSchema,
  days: z.array(daysSchema),
}) satisfies z.ZodType<StaffNeed>;

export const scoreSchema = z.number().min(0).max(LIMITS.maxScore);

export const projectSchema = z.looseObject({
  id: idSchema,
  name: labelSchema,
  usage: textSchema.optional(),
  direction: idSchema.optional(),
  sponsor: textSchema.optional(),
  axes: z.array(idSchema).optional(),
  scores: z.record(z.string(), scoreSchema),
  investment: z.array(moneySchema).min(1),
  staff: z.array(staffNeedSchema).optional(),
  runCost: moneySchema.optional(),
  savings: moneySchema.optional(),
  subsidyRate: rateSchema.optional(),
  subsidySource: textSchema.optional(),
  partnerShare: rateSchema.optional(),
  fctvaEligible: z.boolean().optional(),
  durationMonths: durationMonthsSchema,
  costFactor: costFactorSchema.optional(),
  dependsOn: z.array(idSchema).optional(),
  excludes: z.array(idSchema).optional(),
  mandatory: z.boolean().optional(),
  earliestStart: yearSchema.nullable().optional(),
  fixedStart: yearSchema.nullable().optional(),
  deadline: yearMonthSchema.optional(),
  selfFinancingFloor: rateSchema.optional(),
  apNumber: textSchema.optional(),
}) satisfies z.ZodType<Project>;

/**
 * A black swan multiplies duration and cost: both factors are at least 1
 * (an event that shortens a project or lowers its cost is not a black swan).
 */
export const blackSwanSchema = z.looseObject({
  probability: rateSchema,
  scheduleFactor: z.number().min(1).max(LIMITS.maxFactor, { message: CEILING_MESSAGES.factor }),
  costFactor: z.number().min(1).max(LIMITS.maxFactor, { message: CEILING_MESSAGES.factor }),
}) satisfies z.ZodType<BlackSwan>;

export const riskSchema = z.looseObject({
  distribution: z.enum(DISTRIBUTIONS).optional(),
  correlation: z.number().min(0).lt(1).optional(),
  blackSwan: blackSwanSchema.nullable().optional(),
  referenceClass: z.enum(REFERENCE_CLASSES).nullable().optional(),
}) satisfies z.ZodType<RiskSettings>;

export const planEntrySchema = z.looseObject({
  project: idSchema,
  start: yearSchema,
}) satisfies z.ZodType<PlanEntry>;

export const scenarioSchema = z.looseObject({
  id: idSchema,
  name: labelSchema,
  budgetFactor: z
    .looseObject({ investment: factorSchema.optional(), operating: factorSchema.optional() })
    .optional(),
  capacityFactor: factorSchema.optional(),
  forceIn: z.array(idSchema).optional(),
  forceOut: z.array(idSchema).optional(),
  timePreference: z.number().min(0).max(LIMITS.maxTimePreference).optional(),
  savingsCredit: rateSchema.optional(),
  plan: z.array(planEntrySchema).optional(),
  objective: z.enum(OBJECTIVES).optional(),
  confidence: z
    .number()
    .min(LIMITS.minConfidence, { message: RANGE_MESSAGES.confidence })
    .max(LIMITS.maxConfidence, { message: RANGE_MESSAGES.confidence })
    .nullable()
    .optional(),
  notBefore: z.record(z.string(), yearSchema).optional(),
}) satisfies z.ZodType<Scenario>;

export const decisionEntrySchema = z.looseObject({
  date: dateSchema,
  meeting: textSchema.optional(),
  project: idSchema,
  decision: z.enum(DECISIONS),
  rationale: textSchema.optional(),
  until: yearSchema.optional(),
}) satisfies z.ZodType<DecisionEntry>;

/** Saaty's scale: 1/9 .. 9 (reciprocals allowed), finite and positive. */
export const ratioSchema = z
  .number()
  .min(1 / LIMITS.maxRatio - 1e-9, { message: RANGE_MESSAGES.ratio })
  .max(LIMITS.maxRatio, { message: RANGE_MESSAGES.ratio });

export const pairJudgementSchema = z.looseObject({
  a: idSchema,
  b: idSchema,
  ratio: ratioSchema,
}) satisfies z.ZodType<PairJudgement>;

export const memberJudgementsSchema = z.looseObject({
  member: labelSchema,
  pairs: z.array(pairJudgementSchema),
}) satisfies z.ZodType<MemberJudgements>;

export const actualEntrySchema = z.looseObject({
  project: idSchema,
  year: yearSchema,
  paid: moneySchema,
  status: z.enum(ACTUAL_STATUSES).optional(),
}) satisfies z.ZodType<ActualEntry>;

export const baselineEntrySchema = planEntrySchema.extend({
  ap: moneySchema.optional(),
  cp: z.array(moneySchema).optional(),
  apNumber: textSchema.optional(),
}) satisfies z.ZodType<BaselineEntry>;

export const baselineSchema = z.looseObject({
  date: dateSchema,
  meeting: textSchema.optional(),
  scenario: idSchema.optional(),
  plan: z.array(baselineEntrySchema),
}) satisfies z.ZodType<Baseline>;

export const portfolioSchema = z.looseObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  organisation: organisationSchema,
  horizon: horizonSchema,
  mandateEnd: yearMonthSchema.optional(),
  criteria: z.array(criterionSchema).min(1),
  axes: z.array(axisSchema).optional(),
  directions: z.array(directionSchema).optional(),
  teams: z.array(teamSchema),
  budget: budgetSchema,
  projects: z.array(projectSchema),
  risk: riskSchema.optional(),
  scenarios: z.array(scenarioSchema).optional(),
  decisions: z.array(decisionEntrySchema).optional(),
  criteriaJudgements: z.array(memberJudgementsSchema).optional(),
  actuals: z.array(actualEntrySchema).optional(),
  baseline: baselineSchema.optional(),
}) satisfies z.ZodType<Portfolio>;

/**
 * The known fields of each kind of object, for the "unknown field kept"
 * warning. Keys are the kinds used by `validate.ts`.
 */
export const KNOWN_FIELDS = {
  portfolio: Object.keys(portfolioSchema.shape),
  organisation: Object.keys(organisationSchema.shape),
  horizon: Object.keys(horizonSchema.shape),
  criterion: Object.keys(criterionSchema.shape),
  criterionScale: Object.keys(criterionScaleSchema.shape),
  axis: Object.keys(axisSchema.shape),
  direction: Object.keys(directionSchema.shape),
  team: Object.keys(teamSchema.shape),
  budget: Object.keys(budgetSchema.shape),
  project: Object.keys(projectSchema.shape),
  staffNeed: Object.keys(staffNeedSchema.shape),
  threePoint: Object.keys(threePointSchema.shape),
  risk: Object.keys(riskSchema.shape),
  blackSwan: Object.keys(blackSwanSchema.shape),
  scenario: Object.keys(scenarioSchema.shape),
  budgetFactor: ['investment', 'operating'],
  planEntry: Object.keys(planEntrySchema.shape),
  decision: Object.keys(decisionEntrySchema.shape),
  memberJudgements: Object.keys(memberJudgementsSchema.shape),
  pairJudgement: Object.keys(pairJudgementSchema.shape),
  actual: Object.keys(actualEntrySchema.shape),
  baseline: Object.keys(baselineSchema.shape),
  baselineEntry: Object.keys(baselineEntrySchema.shape),
} as const;
