/**
 * Validation of a format-1 document (MODEL.md §2).
 *
 * A document that breaks any rule is refused whole, and EVERY problem is
 * listed, each with its JSON path (`projects[3].staff[0].days`) and a French
 * sentence a finance officer understands, naming the project (or team,
 * scenario...) concerned. Field-by-field rules come from `schema.ts`; the
 * rules tying fields together live in `validation/rules/` (one module per
 * family), the wording in `validation/describe.ts`, `names.ts` and
 * `predicates.ts`; this module holds the entry points. Warnings do not
 * refuse the document.
 *
 * Rules where MODEL.md is silent, chosen as a finance director would expect:
 *
 * - Identifiers are non-empty, without leading or trailing spaces, at most
 *   200 characters; names and labels are required and not blank.
 * - `horizon.firstYear`, `earliestStart`, `fixedStart` and plan start years
 *   are integers in 2000..2100. `fctvaRate` is strictly between 0 and 1.
 * - Scores may be decimals (half points) in 0..5; a score whose key is not a
 *   criterion id is refused (it would silently count for nothing).
 * - A three-point estimate (`durationMonths`, `costFactor`) has all three
 *   values strictly positive and `low <= mode <= high`.
 * - Black swan: `probability` in 0..1, `scheduleFactor` and `costFactor`
 *   at least 1 (an event that shortens a project or lowers its cost is not a
 *   black swan).
 * - Scenario factors (`budgetFactor.*`, `capacityFactor`) are >= 0.
 * - A project lists each team at most once in `staff`; a scenario's plan
 *   lists each project at most once (one start per project).
 * - A project cannot depend on itself (reported as such, not as a cycle).
 *   A dependency cycle is reported once, on the first project of the cycle
 *   in document order, naming every project of the loop.
 * - `P dependsOn Q` is refused when P excludes Q or Q excludes P (it is
 *   reported on P's `dependsOn` entry).
 * - Not refused, but warned: a project whose build (length of `investment`)
 *   is longer than the horizon, or cannot fit after its `earliestStart`; a
 *   `fixedStart` whose build leaves the horizon; a project both required
 *   (mandatory, forced in) and forced out; a plan start outside the horizon.
 *   MODEL.md §4 makes those infeasible problems, not invalid documents.
 * - Warned too: a mandate ending before the horizon starts.
 * - When `projects` itself is missing, references to projects (scenarios,
 *   decisions) are not reported one by one: the missing list is the problem.
 * - Unknown fields are kept as they are and listed in one warning. The
 *   accepted document is a copy of the input, key order included.
 * - `subsidyRate + partnerShare` may exceed 1 by 1e-9 (rounding of 0.3 + 0.7).
 * - Money and person-days are finite and >= 0; NaN and Infinity are refused
 *   wherever a number is expected.
 * - Ceilings (`LIMITS` in schema.ts), so that every engine keeps plain
 *   numbers: every amount (envelopes, CP, run cost, savings, paid) at most
 *   10^12 €; person-days (capacities, staff needs) at most 10^9 a year;
 *   multipliers (scenario factors, cost-factor laws, black-swan factors) at
 *   most 100; three-point durations at most 1 200 months; a criterion's
 *   weight at most 10^6. Past one, the sentence names the field and the
 *   ceiling.
 * - Identifiers, and every field naming one, refuse control characters (C0,
 *   DEL, C1) and bidirectional marks (U+061C, U+200E/F, U+202A–U+202E,
 *   U+2066–U+2069); names, labels and free text keep them. A message shows
 *   such a character as `‹U+001B›`, never raw.
 *
 * The fields of MODEL.md §7–9 (each module says its choices):
 *
 * - errors: `scenarios[].confidence` in 0.5..0.99, `objective` known,
 *   `notBefore` naming known projects with years; `risk.referenceClass`
 *   known; `deadline` a month; `decisions[].until` only on `reporté`, a
 *   year; `criteriaJudgements`: members named once, pairs of two different
 *   known criteria given once, ratios in 1/9..9; `actuals`: known projects,
 *   one row per project and year, `paid` an amount, `status` known;
 *   `baseline`: a date, a known scenario, a plan valid as a scenario's;
 *   `selfFinancingFloor` in 0..1.
 * - warnings: a postponement past the last start that fits the build, a plan
 *   start before its postponement (rules/scenarios.ts); a black swan stacked
 *   on projects' own overruns, a preset replacing the document's black swan
 *   (rules/risk.ts); a deadline the shortest build misses (rules/horizon.ts);
 *   an `until` before the horizon (rules/decisions.ts); a member leaving
 *   pairs out (rules/criteria.ts); paid beyond the AP (rules/execution.ts);
 *   a share financed by the authority below its floor, with the shortfall
 *   (rules/projects.ts); an AP number used twice (rules/references.ts).
 */
import type { Portfolio, Problem, Project } from './portfolio';
import { portfolioSchema, projectSchema } from './schema';
import { Collector } from './validation/collector';
import { buildContext, withProject, type Context } from './validation/context';
import { cloneJson, deeperThan, field, formatPath, isObj, str } from './validation/input';
import { checkCriteria, checkJudgements } from './validation/rules/criteria';
import { checkDecisions } from './validation/rules/decisions';
import { checkActuals, checkBaseline } from './validation/rules/execution';
import { checkCycles, checkOwnCycle } from './validation/rules/dependencies';
import { checkHorizonLengths, checkMandate } from './validation/rules/horizon';
import { checkProjectRules } from './validation/rules/projects';
import { ID_SECTIONS, checkDuplicateIds } from './validation/rules/references';
import { checkRisk } from './validation/rules/risk';
import { checkScenarios } from './validation/rules/scenarios';
import { unknownFields, unknownFieldsWarning } from './validation/unknown';

export { formatPath } from './validation/input';
export { unknownFields } from './validation/unknown';

/**
 * `warnings` are the sentences; `warningPaths` the same warnings with the
 * JSON path each is about, in the same order (the unknown-field warning,
 * first when there is one, is about the whole document: path '').
 */
export type ValidationResult =
  | { ok: true; portfolio: Portfolio; warnings: string[]; warningPaths: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Deepest nesting of arrays and objects a document may have (a format-1
 * document needs about ten). Deeper input is refused before any recursive
 * walk, so that it cannot exhaust the stack.
 */
export const MAX_NESTING = 1000;

/**
 * Checks a whole document. On success, `portfolio` is a copy of the input
 * (unknown fields kept, no default filled in) and `warnings` lists what does
 * not refuse the document; on failure, `problems` lists every problem found.
 */
export function validatePortfolio(input: unknown): ValidationResult {
  if (!isObj(input)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'Le document doit être un objet JSON (entre accolades).' }],
    };
  }
  const tooDeep = deeperThan(input, MAX_NESTING);
  if (tooDeep) {
    return {
      ok: false,
      problems: [
        {
          path: formatPath(tooDeep),
          message: `Le document est imbriqué sur plus de ${MAX_NESTING} niveaux : il n’est pas lu.`,
        },
      ],
    };
  }
  const ctx = buildContext(input);
  const out = new Collector(ctx);
  const parsed = portfolioSchema.safeParse(input);
  if (!parsed.success) out.issues(parsed.error.issues, [], input);

  for (const section of ID_SECTIONS) checkDuplicateIds(out, section);
  checkCriteria(out);
  checkHorizonLengths(out);
  ctx.projects.forEach((p, i) => checkProjectRules(out, p, i, { single: false }));
  checkCycles(out);
  checkScenarios(out);
  checkDecisions(out);
  checkMandate(out);
  checkJudgements(out);
  checkActuals(out);
  checkBaseline(out);
  // Rules that read the document through the engine need it well formed.
  if (parsed.success) checkRisk(out, input as Portfolio);

  if (out.problems.length > 0 || !parsed.success) {
    return { ok: false, problems: out.problems };
  }
  const warningPaths = [...out.warnings];
  const unknown = unknownFieldsWarning(unknownFields(input));
  if (unknown) warningPaths.unshift({ path: '', message: unknown });
  const warnings = warningPaths.map((w) => w.message);
  // The schema transforms nothing, so the input, copied with its key order,
  // is the document (zod's output would list known keys first).
  return { ok: true, portfolio: cloneJson(input) as Portfolio, warnings, warningPaths };
}

/** Contexts of the documents recently checked project by project. */
const contexts = new WeakMap<object, Context>();

/** The document's context (built once per document object) with `project` at its index. */
function projectContext(
  portfolio: Portfolio,
  project: Project,
  index: number | undefined,
): { ctx: Context; i: number } {
  let base = contexts.get(portfolio);
  if (!base) {
    base = buildContext(portfolio);
    contexts.set(portfolio, base);
  }
  const id = str(field(project, 'id'));
  const i =
    index ??
    (id !== undefined ? base.projectIndex.get(id)?.[0] : undefined) ??
    base.projects.length;
  return { ctx: withProject(base, project, i), i };
}

/**
 * Checks one project as the project sheet edits it, in the context of the
 * document: the same rules as `validatePortfolio` for that project (fields,
 * references, lengths, its own dependency loops, its identifier unique).
 * Paths are relative to the document (`projects[3].investment[1]`).
 *
 * `index` is the project's position in `portfolio.projects`; by default, the
 * position of the project with the same id, else the end of the list (a new
 * project). The document's index is built once per document object and
 * reused, so a call costs the size of the project plus one walk of its
 * prerequisites, fit for every keystroke on a 500-project document.
 */
export function validateProject(portfolio: Portfolio, project: Project, index?: number): Problem[] {
  const { ctx, i } = projectContext(portfolio, project, index);
  const out = new Collector(ctx);
  const parsed = projectSchema.safeParse(project);
  if (!parsed.success) out.issues(parsed.error.issues, ['projects', i], project);
  checkProjectRules(out, project, i, { single: true });
  checkOwnCycle(out, i);
  return out.problems;
}

/** Problems and warnings of one project, both as path + message. */
export function projectWarnings(portfolio: Portfolio, project: Project, index?: number): Problem[] {
  const { ctx, i } = projectContext(portfolio, project, index);
  const out = new Collector(ctx);
  checkProjectRules(out, project, i, { single: true });
  return out.warnings;
}
