/**
 * The committee's decisions (MODEL.md §2, §8): each names an existing
 * project; `until` (the year a postponed project may start) goes only with
 * the decision `reporté`, and is warned when it falls before the horizon
 * (it postpones nothing then).
 */
import type { Collector } from '../collector';
import { quote } from '../describe';
import { field, list, num, str } from '../input';

export function checkDecisions(out: Collector): void {
  const { ctx } = out;
  const projectsKnown = Array.isArray(field(ctx.root, 'projects'));
  list(field(ctx.root, 'decisions')).forEach((d, i) => {
    const id = str(field(d, 'project'));
    // Without a list of projects, every reference would be reported: say it once.
    if (projectsKnown && id !== undefined && id !== '' && !ctx.projectIndex.has(id)) {
      out.error(
        ['decisions', i, 'project'],
        `le projet ${quote(id)} n'existe pas dans la liste des projets`,
      );
    }
    const until = field(d, 'until');
    if (until === undefined) return;
    const decision = str(field(d, 'decision'));
    if (decision !== undefined && decision !== 'reporté') {
      out.error(
        ['decisions', i, 'until'],
        `une année de report ne vaut que pour une décision « reporté » (ici ${quote(decision)})`,
      );
      return;
    }
    const year = num(until);
    if (year !== undefined && ctx.firstYear !== undefined && year < ctx.firstYear) {
      out.warn(
        ['decisions', i, 'until'],
        `le report jusqu'en ${year} précède la première année de l'horizon (${ctx.firstYear}) : il ne retarde aucun démarrage`,
      );
    }
  });
}
