/**
 * Strategic axes (MODEL.md §2 `axes`, `projects[].axes`): what a plan gives
 * to each axis of the mandate, in value points and in money.
 *
 * A project serving several axes is shared equally between them (a project
 * on A1 and A3 brings half its value and half its money to each), so the
 * axes add up to the plan's totals; `projects` still counts it on each axis.
 * Projects serving no axis are gathered under `axis: null`. Money is the
 * net investment the authority pays (`investment × (1 − subsidyRate −
 * partnerShare)`, the figure the optimiser's envelope checks, MODEL.md §4),
 * summed over the whole build; value is the undiscounted value of §3.
 */
import type { Portfolio, PlanEntry, Project } from '../model/portfolio';
import { netInvestment } from './plan';
import { projectValue } from './value';

export interface AxisShare {
  /** The axis id, or null for the projects that serve none. */
  axis: string | null;
  label: string;
  /** Value points brought to the axis (shared equally between a project's axes). */
  value: number;
  /** Net investment going to the axis, euros (shared the same way). */
  investment: number;
  /** Ids of the plan's projects serving the axis (whole, not shared). */
  projects: string[];
}

/** The axes a project serves that the portfolio knows, without repeats. */
export function projectAxes(portfolio: Portfolio, project: Project): string[] {
  const known = new Set((portfolio.axes ?? []).map((a) => a.id));
  return [...new Set(project.axes ?? [])].filter((a) => known.has(a));
}

/**
 * Value and money of `plan` by axis, in the order of `portfolio.axes`, every
 * axis listed (an axis the plan leaves empty has 0 and no project), then
 * the "no axis" share when some planned project serves none.
 */
export function axisBreakdown(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  noAxisLabel = 'Sans axe',
): AxisShare[] {
  const shares: AxisShare[] = (portfolio.axes ?? []).map((a) => ({
    axis: a.id,
    label: a.label,
    value: 0,
    investment: 0,
    projects: [],
  }));
  const byAxis = new Map(shares.map((s) => [s.axis, s]));
  const none: AxisShare = { axis: null, label: noAxisLabel, value: 0, investment: 0, projects: [] };
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const seen = new Set<string>();
  for (const entry of plan) {
    const project = byId.get(entry.project);
    if (!project || seen.has(project.id)) continue;
    seen.add(project.id);
    const value = projectValue(portfolio.criteria, project);
    const money = netInvestment(project);
    const axes = projectAxes(portfolio, project);
    const targets = axes.length > 0 ? axes.map((a) => byAxis.get(a)!) : [none];
    for (const share of targets) {
      share.value += value / targets.length;
      share.investment += money / targets.length;
      share.projects.push(project.id);
    }
  }
  return none.projects.length > 0 ? [...shares, none] : shares;
}
