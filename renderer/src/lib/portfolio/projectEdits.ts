/**
 * Pure helpers that build the operations of one user action on a project or
 * on the settings: resizing a CP schedule, renaming or deleting a project
 * (with every reference to it), resizing the horizon. Each returns the ops of
 * ONE edit, so one undo step restores everything.
 */
import type { EditOp } from '../../../../shared/model/edits';
import type { Portfolio, Project, Scenario } from '../../../../shared/model/portfolio';

function resize(xs: readonly number[], n: number, fill: number): number[] {
  return xs.length >= n ? xs.slice(0, n) : [...xs, ...Array<number>(n - xs.length).fill(fill)];
}

/** A project with `years` build years: investment and every staff row resized together. */
export function withYears(project: Project, years: number): Project {
  const n = Math.max(1, Math.round(years));
  return {
    ...project,
    investment: resize(project.investment, n, 0),
    ...(project.staff
      ? { staff: project.staff.map((s) => ({ ...s, days: resize(s.days, n, 0) })) }
      : {}),
  };
}

function replaceId(list: readonly string[] | undefined, from: string, to: string | null) {
  if (!list || !list.includes(from)) return undefined;
  return to === null ? list.filter((x) => x !== from) : list.map((x) => (x === from ? to : x));
}

/** A scenario's postponements (MODEL.md §8) with a project renamed or removed; undefined: unchanged. */
function notBeforeWith(
  notBefore: Readonly<Record<string, number>> | undefined,
  from: string,
  to: string | null,
): Record<string, number> | undefined {
  if (!notBefore || !Object.hasOwn(notBefore, from)) return undefined;
  const entries = Object.entries(notBefore).flatMap(([id, year]): [string, number][] =>
    id !== from ? [[id, year]] : to === null ? [] : [[to, year]],
  );
  return Object.fromEntries(entries);
}

/** Scenarios with a project id renamed (to a string) or removed (to null). */
function scenariosWith(
  scenarios: readonly Scenario[] | undefined,
  from: string,
  to: string | null,
): Scenario[] | undefined {
  if (!scenarios) return undefined;
  let changed = false;
  const next = scenarios.map((s) => {
    const forceIn = replaceId(s.forceIn, from, to);
    const forceOut = replaceId(s.forceOut, from, to);
    const notBefore = notBeforeWith(s.notBefore, from, to);
    const inPlan = s.plan?.some((e) => e.project === from);
    if (!forceIn && !forceOut && !notBefore && !inPlan) return s;
    changed = true;
    return {
      ...s,
      ...(forceIn ? { forceIn } : {}),
      ...(forceOut ? { forceOut } : {}),
      ...(notBefore ? { notBefore } : {}),
      ...(inPlan && s.plan
        ? {
            plan:
              to === null
                ? s.plan.filter((e) => e.project !== from)
                : s.plan.map((e) => (e.project === from ? { ...e, project: to } : e)),
          }
        : {}),
    };
  });
  return changed ? next : undefined;
}

/** Operations replacing every reference to `from` by `to` (or removing it when null). */
function referenceOps(portfolio: Portfolio, from: string, to: string | null): EditOp[] {
  const ops: EditOp[] = [];
  for (const p of portfolio.projects) {
    if (p.id === from) continue;
    const dependsOn = replaceId(p.dependsOn, from, to);
    const excludes = replaceId(p.excludes, from, to);
    if (dependsOn || excludes) {
      ops.push({
        op: 'project.put',
        project: { ...p, ...(dependsOn ? { dependsOn } : {}), ...(excludes ? { excludes } : {}) },
      });
    }
  }
  const scenarios = scenariosWith(portfolio.scenarios, from, to);
  if (scenarios) ops.push({ op: 'section.put', section: 'scenarios', value: scenarios });
  if (portfolio.decisions?.some((d) => d.project === from)) {
    ops.push({
      op: 'section.put',
      section: 'decisions',
      value:
        to === null
          ? portfolio.decisions.filter((d) => d.project !== from)
          : portfolio.decisions.map((d) => (d.project === from ? { ...d, project: to } : d)),
    });
  }
  return ops;
}

/** Saving a project; when its id changed, it keeps its place and every reference follows. */
export function saveProjectOps(portfolio: Portfolio, oldId: string, project: Project): EditOp[] {
  if (oldId === project.id) return [{ op: 'project.put', project }];
  const index = portfolio.projects.findIndex((p) => p.id === oldId);
  return [
    { op: 'project.delete', id: oldId },
    { op: 'project.insert', project, index: Math.max(0, index) },
    ...referenceOps(portfolio, oldId, project.id),
  ];
}

/**
 * A project with its deadline (MODEL.md §8) set from what a month field
 * holds: `YYYY-MM` as typed (validation says when it is not a month), ''
 * removes it.
 */
export function withDeadline(project: Project, text: string): Project {
  const value = text.trim();
  const next: Project = { ...project };
  if (value === '') delete next.deadline;
  else next.deadline = value;
  return next;
}

/** Deleting a project and every reference to it (links, scenarios, decisions). */
export function deleteProjectOps(portfolio: Portfolio, id: string): EditOp[] {
  return [{ op: 'project.delete', id }, ...referenceOps(portfolio, id, null)];
}

export function newProject(portfolio: Portfolio, id: string, name: string): Project {
  return {
    id,
    name,
    scores: Object.fromEntries(portfolio.criteria.map((c) => [c.id, 0])),
    investment: [0],
    staff: [],
    runCost: 0,
    savings: 0,
    durationMonths: { low: 6, mode: 9, high: 12 },
    dependsOn: [],
    excludes: [],
    mandatory: false,
  };
}

/** Horizon of `years` years: budget and team capacities resized in the same edit. */
export function horizonYearsOps(portfolio: Portfolio, years: number): EditOp[] {
  const last = (xs: readonly number[]) => xs.at(-1) ?? 0;
  return [
    { op: 'section.put', section: 'horizon', value: { ...portfolio.horizon, years } },
    {
      op: 'section.put',
      section: 'budget',
      value: {
        ...portfolio.budget,
        investment: resize(portfolio.budget.investment, years, last(portfolio.budget.investment)),
        operating: resize(portfolio.budget.operating, years, last(portfolio.budget.operating)),
      },
    },
    {
      op: 'section.put',
      section: 'teams',
      value: portfolio.teams.map((team) => ({
        ...team,
        capacity: resize(team.capacity, years, last(team.capacity)),
      })),
    },
  ];
}

/** An id for a new item from its label: `Nouvelle équipe` → `nouvelle-equipe-2`. */
export function slugId(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'id';
  const set = new Set(taken);
  if (!set.has(base)) return base;
  let n = 2;
  while (set.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Projects that use a team, a direction or an axis (refuse removing it while used). */
export function projectsUsing(
  portfolio: Portfolio,
  what: 'team' | 'direction' | 'axis',
  id: string,
): string[] {
  return portfolio.projects
    .filter((p) =>
      what === 'team'
        ? (p.staff ?? []).some((s) => s.team === id)
        : what === 'direction'
          ? p.direction === id
          : (p.axes ?? []).includes(id),
    )
    .map((p) => p.id);
}
