/**
 * What the rules need to know of the whole document, built once per check:
 * the horizon, the ids of each section and the indices of projects by id.
 */
import { field, list, num, str } from './input';

export interface Context {
  root: unknown;
  firstYear: number | undefined;
  years: number | undefined;
  criteria: string[];
  criteriaSet: Set<string>;
  teams: Set<string>;
  directions: Set<string>;
  axes: Set<string>;
  projects: unknown[];
  /** Every index holding a project with this id, in document order. */
  projectIndex: Map<string, number[]>;
  /** Indices of the projects whose `excludes` names this id. */
  excludedBy: Map<string, number[]>;
  /** Indices of the projects whose `dependsOn` names this id. */
  dependents: Map<string, number[]>;
  /** Indices of the projects carrying this AP number (trimmed), in document order. */
  apNumbers: Map<string, number[]>;
}

function idsOf(items: unknown): Set<string> {
  const set = new Set<string>();
  for (const item of list(items)) {
    const id = str(field(item, 'id'));
    if (id !== undefined) set.add(id);
  }
  return set;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

export function buildContext(root: unknown): Context {
  const horizon = field(root, 'horizon');
  const firstYear = num(field(horizon, 'firstYear'));
  const yearsRaw = num(field(horizon, 'years'));
  const years =
    yearsRaw !== undefined && Number.isInteger(yearsRaw) && yearsRaw >= 1 && yearsRaw <= 15
      ? yearsRaw
      : undefined;
  const criteria = list(field(root, 'criteria'))
    .map((c) => str(field(c, 'id')))
    .filter((id): id is string => id !== undefined);
  const projects = list(field(root, 'projects'));
  const projectIndex = new Map<string, number[]>();
  const excludedBy = new Map<string, number[]>();
  const dependents = new Map<string, number[]>();
  const apNumbers = new Map<string, number[]>();
  projects.forEach((p, i) => {
    const id = str(field(p, 'id'));
    if (id !== undefined) pushTo(projectIndex, id, i);
    const ap = apKey(field(p, 'apNumber'));
    if (ap !== undefined) pushTo(apNumbers, ap, i);
    for (const x of list(field(p, 'excludes'))) if (typeof x === 'string') pushTo(excludedBy, x, i);
    for (const d of list(field(p, 'dependsOn')))
      if (typeof d === 'string') pushTo(dependents, d, i);
  });
  return {
    root,
    firstYear: firstYear !== undefined && Number.isInteger(firstYear) ? firstYear : undefined,
    years,
    criteria,
    criteriaSet: new Set(criteria),
    teams: idsOf(field(root, 'teams')),
    directions: idsOf(field(root, 'directions')),
    axes: idsOf(field(root, 'axes')),
    projects,
    projectIndex,
    excludedBy,
    dependents,
    apNumbers,
  };
}

/** An AP number as compared for uniqueness: trimmed; blank is no number. */
export function apKey(value: unknown): string | undefined {
  const ap = str(value)?.trim();
  return ap ? ap : undefined;
}

/**
 * The context with `project` standing at index `i`: a shallow overlay, so the
 * description of paths and the references see the project being edited. Only
 * the entries of its own id change; the rest is shared with the base.
 */
export function withProject(base: Context, project: unknown, i: number): Context {
  const projects = new Proxy(base.projects, {
    get(target, key, receiver) {
      if (key === String(i)) return project;
      if (key === 'length') return Math.max(target.length, i + 1);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const projectIndex = new Map(base.projectIndex);
  const oldId = str(field(base.projects[i], 'id'));
  const newId = str(field(project, 'id'));
  if (oldId !== undefined) {
    const rest = (projectIndex.get(oldId) ?? []).filter((j) => j !== i);
    if (rest.length) projectIndex.set(oldId, rest);
    else projectIndex.delete(oldId);
  }
  if (newId !== undefined) {
    projectIndex.set(
      newId,
      [...(projectIndex.get(newId) ?? []), i].sort((a, b) => a - b),
    );
  }
  return { ...base, projects, projectIndex };
}
