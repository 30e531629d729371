/**
 * Scenarios (MODEL.md §2, §4): forced projects and plans name existing
 * projects, a plan starts each project once, and what no plan could honour
 * is warned (a project both required and forced out, a start whose build
 * leaves the horizon).
 */
import type { Collector } from '../collector';
import { plural, projectRef, quote } from '../describe';
import { field, list, num, str } from '../input';

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
    const planned = new Map<string, number>();
    list(field(scenario, 'plan')).forEach((entry, k) => {
      const id = str(field(entry, 'project'));
      if (id === undefined || id === '') return;
      if (!ctx.projectIndex.has(id)) {
        out.error(
          ['scenarios', s, 'plan', k, 'project'],
          `le projet ${quote(id)} n'existe pas dans la liste des projets`,
        );
        return;
      }
      const before = planned.get(id);
      if (before !== undefined) {
        out.error(
          ['scenarios', s, 'plan', k, 'project'],
          `le ${projectRef(ctx, id)} figure deux fois dans le plan (lignes ${before + 1} et ${k + 1}) ; un projet ne démarre qu'une fois`,
        );
        return;
      }
      planned.set(id, k);
      const start = num(field(entry, 'start'));
      const at = ctx.projectIndex.get(id)?.[0];
      const duration =
        at === undefined ? undefined : list(field(ctx.projects[at], 'investment')).length;
      if (
        start !== undefined &&
        ctx.firstYear !== undefined &&
        ctx.years !== undefined &&
        duration
      ) {
        const last = ctx.firstYear + ctx.years - 1;
        if (start < ctx.firstYear || start + duration - 1 > last) {
          out.warn(
            ['scenarios', s, 'plan', k, 'start'],
            `le ${projectRef(ctx, id)} démarre en ${start} et dure ${plural(duration, 'an')} : sa réalisation sort de l'horizon (${ctx.firstYear} à ${last})`,
          );
        }
      }
    });
  });
}
