/** The committee's decisions (MODEL.md §2): each names an existing project. */
import type { Collector } from '../collector';
import { quote } from '../describe';
import { field, list, str } from '../input';

export function checkDecisions(out: Collector): void {
  const { ctx } = out;
  // Without a list of projects, every reference would be reported: say it once.
  if (!Array.isArray(field(ctx.root, 'projects'))) return;
  list(field(ctx.root, 'decisions')).forEach((d, i) => {
    const id = str(field(d, 'project'));
    if (id !== undefined && id !== '' && !ctx.projectIndex.has(id)) {
      out.error(
        ['decisions', i, 'project'],
        `le projet ${quote(id)} n'existe pas dans la liste des projets`,
      );
    }
  });
}
