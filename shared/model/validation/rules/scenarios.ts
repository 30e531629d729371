/**
 * Scenarios (MODEL.md §2, §4, §8): forced projects, plans and postponements
 * name existing projects, a plan starts each project once, and what no plan
 * could honour is warned (a project both required and forced out, a start
 * whose build leaves the horizon, a postponement past the last start that
 * still fits the build, a plan starting a project before its postponement).
 */
import type { Collector } from '../collector';
import { plural, projectRef, quote } from '../describe';
import { durationOf, field, isObj, list, num, str, type Key } from '../input';

export function checkScenarios(out: Collector): void {
  const { ctx } = out;
  // Without a list of projects, every reference would be reported: say it once.
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  const mandatory = new Set<string>();
  for (const p of ctx.projects) {
    const id = str(field(p, 'id'));
    if (id !== undefined && field(p, 'mandatory') === true) mandatory.add(id);
  }
  list(field(ctx.root, 'scenarios')).forEach((scenario, s) => {
    const forceIn = new Set<string>();
    for (const key of ['forceIn', 'forceOut'] as const) {
      list(field(scenario, key)).forEach((id, k) => {
        if (typeof id !== 'string' || id === '') return;
        if (!ctx.projectIndex.has(id)) {
          out.error(
            ['scenarios', s, key, k],
            `le projet ${key === 'forceIn' ? 'imposé' : 'écarté'} ${quote(id)} n'existe pas dans la liste des projets`,
          );
          return;
        }
        if (key === 'forceIn') forceIn.add(id);
        else if (forceIn.has(id) || mandatory.has(id)) {
          out.warn(
            ['scenarios', s, key, k],
            `le ${projectRef(ctx, id)} est à la fois ${forceIn.has(id) ? 'imposé' : 'obligatoire'} et écarté : aucun plan ne sera possible dans ce scénario`,
          );
        }
      });
    }
    const notBefore = checkNotBefore(out, scenario, s);
    checkPlanEntries(out, field(scenario, 'plan'), ['scenarios', s, 'plan'], {
      horizon: true,
      notBefore,
    });
  });
}

/** `notBefore`: known projects, a year that leaves room for the build. Returns the valid entries. */
function checkNotBefore(out: Collector, scenario: unknown, s: number): Map<string, number> {
  const { ctx } = out;
  const valid = new Map<string, number>();
  const notBefore = field(scenario, 'notBefore');
  if (!isObj(notBefore)) return valid;
  for (const [id, value] of Object.entries(notBefore)) {
    const at: Key[] = ['scenarios', s, 'notBefore', id];
    const index = ctx.projectIndex.get(id)?.[0];
    if (index === undefined) {
      out.error(
        at,
        `le report de démarrage vise le projet ${quote(id)}, qui n'existe pas dans la liste des projets`,
      );
      continue;
    }
    const year = num(value);
    if (year === undefined) continue;
    valid.set(id, year);
    const duration = durationOf(ctx.projects[index]);
    if (duration === undefined || ctx.years === undefined || ctx.firstYear === undefined) continue;
    // A build longer than the horizon is already warned on the project.
    if (duration > ctx.years) continue;
    const lastStart = ctx.firstYear + ctx.years - duration;
    if (year > lastStart) {
      out.warn(
        at,
        `le ${projectRef(ctx, id)} est reporté à ${year} dans ce scénario, mais ses ${plural(duration, 'année')} de réalisation ne tiennent dans l'horizon que s'il démarre au plus tard en ${lastStart} : il ne pourra pas être planifié dans ce scénario`,
      );
    }
  }
  return valid;
}

export interface PlanCheckOptions {
  /** Warn when a start's build leaves the horizon (a plan to carry out, not a record). */
  horizon: boolean;
  /** Postponements of the scenario: a start before one is warned. */
  notBefore?: ReadonlyMap<string, number>;
}

/** Entries of a plan (a scenario's, or the baseline's): known projects, one start each. */
export function checkPlanEntries(
  out: Collector,
  entries: unknown,
  prefix: readonly Key[],
  options: PlanCheckOptions,
): void {
  const { ctx } = out;
  const planned = new Map<string, number>();
  list(entries).forEach((entry, k) => {
    const id = str(field(entry, 'project'));
    if (id === undefined || id === '') return;
    if (!ctx.projectIndex.has(id)) {
      out.error(
        [...prefix, k, 'project'],
        `le projet ${quote(id)} n'existe pas dans la liste des projets`,
      );
      return;
    }
    const before = planned.get(id);
    if (before !== undefined) {
      out.error(
        [...prefix, k, 'project'],
        `le ${projectRef(ctx, id)} figure deux fois dans le plan (lignes ${before + 1} et ${k + 1}) ; un projet ne démarre qu'une fois`,
      );
      return;
    }
    planned.set(id, k);
    const start = num(field(entry, 'start'));
    if (start === undefined) return;
    const postponed = options.notBefore?.get(id);
    if (postponed !== undefined && start < postponed) {
      out.warn(
        [...prefix, k, 'start'],
        `le plan fait démarrer le ${projectRef(ctx, id)} en ${start}, avant ${postponed}, l'année à laquelle ce scénario le reporte : le plan est à refaire`,
      );
    }
    if (!options.horizon) return;
    const at = ctx.projectIndex.get(id)?.[0];
    const duration =
      at === undefined ? undefined : list(field(ctx.projects[at], 'investment')).length;
    if (ctx.firstYear !== undefined && ctx.years !== undefined && duration) {
      const last = ctx.firstYear + ctx.years - 1;
      if (start < ctx.firstYear || start + duration - 1 > last) {
        out.warn(
          [...prefix, k, 'start'],
          `le ${projectRef(ctx, id)} démarre en ${start} et dure ${plural(duration, 'an')} : sa réalisation sort de l'horizon (${ctx.firstYear} à ${last})`,
        );
      }
    }
  });
}
