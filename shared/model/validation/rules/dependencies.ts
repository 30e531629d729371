/**
 * Prerequisites and alternatives between projects (MODEL.md §2, §4):
 * references to existing projects, no project depending on or excluding
 * itself, no dependency on an alternative, and no dependency loop.
 *
 * A loop is reported once, on the first project of the loop in document
 * order, naming every project of it (the shortest loop through it).
 */
import type { Collector } from '../collector';
import { projectRef, quote, visible } from '../describe';
import { field, list, str, type Key } from '../input';

/** `dependsOn` and `excludes` of one project. `single`: the project is being edited on its own. */
export function checkLinks(out: Collector, project: unknown, i: number, single: boolean): void {
  const { ctx } = out;
  const at = (...rest: Key[]): Key[] => ['projects', i, ...rest];
  const id = str(field(project, 'id'));
  const excludes = list(field(project, 'excludes'));
  const excludesSet = new Set(excludes.filter((x): x is string => typeof x === 'string'));
  list(field(project, 'dependsOn')).forEach((dep, k) => {
    if (typeof dep !== 'string' || dep === '') return;
    if (dep === id) {
      out.error(at('dependsOn', k), 'le projet ne peut pas dépendre de lui-même');
      return;
    }
    if (!ctx.projectIndex.has(dep)) {
      out.error(
        at('dependsOn', k),
        `le prérequis ${quote(dep)} ne correspond à aucun projet du document`,
      );
      return;
    }
    if (excludesSet.has(dep)) {
      out.error(
        at('dependsOn', k),
        `il dépend du ${projectRef(ctx, dep)} qu'il exclut par ailleurs : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
      );
      return;
    }
    const excluders = (id !== undefined && ctx.excludedBy.get(id)) || [];
    const depIndices = ctx.projectIndex.get(dep) ?? [];
    if (excluders.some((e) => e !== i && depIndices.includes(e))) {
      out.error(
        at('dependsOn', k),
        `il dépend du ${projectRef(ctx, dep)}, qui l'exclut : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
      );
    }
  });
  excludes.forEach((x, k) => {
    if (typeof x !== 'string' || x === '') return;
    if (x === id) {
      out.error(at('excludes', k), "le projet ne peut pas s'exclure lui-même");
      return;
    }
    if (!ctx.projectIndex.has(x)) {
      out.error(
        at('excludes', k),
        `le projet incompatible ${quote(x)} ne correspond à aucun projet du document`,
      );
      return;
    }
    if (single && id !== undefined) {
      // The other side of "depends on a project that excludes it", reported
      // on this project when it is the one being edited.
      const xIndices = ctx.projectIndex.get(x) ?? [];
      const dependsOnMe = (ctx.dependents.get(id) ?? []).some(
        (d) => d !== i && xIndices.includes(d),
      );
      if (dependsOnMe) {
        out.error(
          at('excludes', k),
          `il exclut le ${projectRef(ctx, x)}, qui dépend de lui : un projet ne peut pas à la fois attendre un autre projet et en être l'alternative`,
        );
      }
    }
  });
}

/** The projects `v` depends on, as indices (first project of each id, itself left out). */
function prerequisites(out: Collector, v: number): number[] {
  const targets: number[] = [];
  for (const dep of list(field(out.ctx.projects[v], 'dependsOn'))) {
    if (typeof dep !== 'string') continue;
    const j = out.ctx.projectIndex.get(dep)?.[0];
    if (j !== undefined && j !== v) targets.push(j);
  }
  return targets;
}

/** Dependency cycles over the whole document, each reported once. */
export function checkCycles(out: Collector): void {
  const n = out.ctx.projects.length;
  const edges: number[][] = out.ctx.projects.map((_, i) => prerequisites(out, i));
  // Tarjan's strongly connected components, iterative.
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      if (e === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const targets = edges[v] ?? [];
      if (e < targets.length) {
        frame[1] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) components.push(component);
      }
    }
  }
  for (const component of components) {
    const members = new Set(component);
    const start = Math.min(...component);
    const cycle = findCycle(start, (v) => (edges[v] ?? []).filter((w) => members.has(w)));
    if (!cycle) continue;
    reportCycle(out, cycle);
  }
}

/** A dependency loop through the edited project, if any. */
export function checkOwnCycle(out: Collector, i: number): void {
  const cycle = findCycle(i, (v) => prerequisites(out, v));
  if (cycle) reportCycle(out, cycle);
}

/** A shortest dependency loop from `start` back to itself, as project indices. */
function findCycle(start: number, next: (v: number) => readonly number[]): number[] | undefined {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of next(v)) {
      if (w === start) {
        const path = [v];
        let u = v;
        while (u !== start) {
          u = parent.get(u)!;
          path.push(u);
        }
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

function reportCycle(out: Collector, cycle: readonly number[]): void {
  const { ctx } = out;
  const [first] = cycle;
  if (first === undefined) return;
  const ids = cycle.map((i) => str(field(ctx.projects[i], 'id')) ?? `n° ${i + 1}`);
  const loop = [...ids, ids[0]].map((id) => visible(id ?? '')).join(' → ');
  const nextId = ids[1] ?? ids[0];
  const k = list(field(ctx.projects[first], 'dependsOn')).indexOf(nextId);
  out.error(
    ['projects', first, 'dependsOn', ...(k >= 0 ? [k] : [])],
    `les prérequis forment une boucle (${loop}) ; chacun de ces projets attend la fin d'un autre, aucun ne pourrait démarrer`,
  );
}
