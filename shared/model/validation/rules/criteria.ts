/** Criteria (MODEL.md §3): at least one weight above zero. */
import type { Collector } from '../collector';
import { field, list } from '../input';

export function checkCriteria(out: Collector): void {
  const criteria = list(field(out.ctx.root, 'criteria'));
  if (criteria.length === 0) return;
  const weights = criteria.map((c) => field(c, 'weight'));
  if (weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w === 0)) {
    out.error(
      ['criteria'],
      'les poids des critères sont tous nuls : au moins un critère doit peser plus que 0 pour que les projets puissent être comparés',
    );
  }
}
