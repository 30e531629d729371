/**
 * A generated document in its second year (MODEL.md §9): a plan adopted in
 * committee (`adoptPlan`: AP, CP and AP numbers kept) and two budget years
 * of execution on the projects started first, with every status and an
 * unknown field on one row. Shared by the workbook, store and API tests.
 */
import { adoptPlan } from '../../shared/engine/annex';
import type { ActualEntry, PlanEntry, Portfolio } from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';
import { generatePortfolio } from './generate';

export function executedPortfolio(seed: number): { doc: Portfolio; plan: PlanEntry[] } {
  const original = generatePortfolio({ projects: 12, years: 5, teams: 2, seed });
  const plan = original.projects
    .filter((_, i) => i % 3 !== 2)
    .map((p, i) => ({ project: p.id, start: 2027 + (i % 2) }));
  const baseline = adoptPlan(original, plan, {
    date: '2026-12-01',
    meeting: 'Conseil communautaire',
    ...(original.scenarios?.[0] ? { scenario: original.scenarios[0].id } : {}),
  });
  const started = plan.filter((e) => e.start === 2027).map((e) => e.project);
  const actuals: ActualEntry[] = started.flatMap((id, i): ActualEntry[] => {
    const p = original.projects.find((q) => q.id === id)!;
    return [
      { project: id, year: 2027, paid: Math.round(p.investment[0]! * 0.8), status: 'en-cours' },
      {
        project: id,
        year: 2028,
        paid: Math.round((p.investment[1] ?? 0) * 0.5),
        status: i % 3 === 0 ? 'livre' : i % 3 === 1 ? 'en-cours' : 'abandonne',
        ...(i === 0 ? { pièce: 'mandat 2028-117' } : {}),
      },
    ];
  });
  const doc: Portfolio = { ...original, baseline, actuals };
  const checked = validatePortfolio(doc);
  if (!checked.ok) {
    throw new Error(`generated document refused: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  }
  return { doc, plan };
}
