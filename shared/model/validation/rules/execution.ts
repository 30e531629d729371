/**
 * Execution (MODEL.md §9): the CP actually paid (`actuals`) and the plan
 * adopted in committee (`baseline`).
 *
 * - An `actuals` row names an existing project; a project has at most one
 *   row per budget year. Its year may fall before the horizon (the document
 *   of the next year keeps last year's rows) but is a year (2000..2100).
 * - Paid beyond the project's AP (paid before the horizon + Σ of its CP
 *   schedule, as a continued project keeps only its remainder) is a warning, on the
 *   row (in year order) where the total paid so far passes it: the AP must
 *   be revised, the document is not wrong.
 * - `baseline.scenario`, when given, names an existing scenario; its plan
 *   follows the rules of a scenario's plan (known projects, one start each),
 *   without the warning on starts outside the horizon: the adopted plan is a
 *   record, and the horizon moves on each year.
 */
import type { Collector } from '../collector';
import { projectRef, quote } from '../describe';
import { field, list, num, str } from '../input';
import { formatEuros } from '../predicates';
import { checkPlanEntries } from './scenarios';

export function checkActuals(out: Collector): void {
  const { ctx } = out;
  // Without a list of projects, every reference would be reported: say it once.
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  const rows = new Map<string, number>();
  const byProject = new Map<string, { year: number; paid: number; row: number }[]>();
  list(field(ctx.root, 'actuals')).forEach((entry, r) => {
    const id = str(field(entry, 'project'));
    if (id === undefined || id === '') return;
    if (!ctx.projectIndex.has(id)) {
      out.error(
        ['actuals', r, 'project'],
        `le projet ${quote(id)} n'existe pas dans la liste des projets`,
      );
      return;
    }
    const year = num(field(entry, 'year'));
    if (year === undefined) return;
    const key = JSON.stringify([id, year]);
    const before = rows.get(key);
    if (before !== undefined) {
      out.error(
        ['actuals', r, 'year'],
        `le ${projectRef(ctx, id)} a déjà une ligne pour l'exercice ${year} (ligne ${before + 1}) ; une seule ligne par projet et par exercice`,
      );
      return;
    }
    rows.set(key, r);
    const paid = num(field(entry, 'paid'));
    if (paid === undefined) return;
    const paidSoFar = byProject.get(id) ?? [];
    paidSoFar.push({ year, paid, row: r });
    byProject.set(id, paidSoFar);
  });
  for (const [id, paidRows] of byProject) {
    const project = ctx.projects[ctx.projectIndex.get(id)![0]!];
    const cp = list(field(project, 'investment'));
    if (!cp.every((v) => num(v) !== undefined)) continue;
    // The AP is what was paid before the horizon plus the CP still planned (the next
    // year's document keeps a continued project's remainder only: shared/engine/actuals.ts).
    const before =
      ctx.firstYear === undefined
        ? 0
        : paidRows.filter((r) => r.year < ctx.firstYear!).reduce((s, r) => s + r.paid, 0);
    const ap = before + cp.reduce<number>((total, v) => total + (v as number), 0);
    let total = 0;
    for (const { year, paid, row } of [...paidRows].sort((a, b) => a.year - b.year)) {
      total += paid;
      // Half a cent of rounding is not an overrun.
      if (total > ap + 0.005) {
        out.warn(
          ['actuals', row, 'paid'],
          `les crédits payés sur le ${projectRef(ctx, id)} atteignent ${formatEuros(total)} fin ${year}, plus que son autorisation de programme (${formatEuros(ap)} : les crédits payés avant l'horizon et son calendrier des crédits de paiement) : l'AP est à réviser`,
        );
        break;
      }
    }
  }
}

export function checkBaseline(out: Collector): void {
  const { ctx } = out;
  const baseline = field(ctx.root, 'baseline');
  if (baseline === undefined) return;
  const scenario = str(field(baseline, 'scenario'));
  if (scenario !== undefined && scenario !== '') {
    const known = list(field(ctx.root, 'scenarios')).some((s) => str(field(s, 'id')) === scenario);
    if (!known) {
      out.error(
        ['baseline', 'scenario'],
        `le scénario ${quote(scenario)} n'existe pas dans la liste des scénarios`,
      );
    }
  }
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  checkPlanEntries(out, field(baseline, 'plan'), ['baseline', 'plan'], { horizon: false });
}
