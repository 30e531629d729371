/**
 * Criteria (MODEL.md §3) and the committee's pairwise judgements (§8).
 *
 * Rules of `criteriaJudgements`, chosen where MODEL.md is silent:
 *
 * - a member's name is not blank and appears once (compared trimmed and
 *   without case: « DGS » and « dgs » are one person);
 * - a pair names two known criteria, different from each other, and one
 *   member compares a pair at most once (`a/b` and `b/a` are the same pair);
 * - `ratio` is on Saaty's scale, 1/9..9 (the schema);
 * - a member who leaves pairs uncompared is a warning, not an error: in
 *   the member's own weights a missing pair counts as equal importance, and
 *   in the group's geometric mean it counts only the members who compared it
 *   (shared/engine/judgements.ts; no missing ratio is guessed for the
 *   group). The warning lists the pairs missing.
 */
import type { Collector } from '../collector';
import { quote, visible } from '../describe';
import { field, list, str } from '../input';

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

/** At most this many missing pairs named in one warning. */
const SHOWN_PAIRS = 6;

function pairKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a]);
}

export function checkJudgements(out: Collector): void {
  const { ctx } = out;
  const members = new Map<string, number>();
  list(field(ctx.root, 'criteriaJudgements')).forEach((entry, m) => {
    const member = str(field(entry, 'member'));
    const key = member?.trim().toLocaleLowerCase('fr');
    if (key) {
      const before = members.get(key);
      if (before !== undefined) {
        out.error(
          ['criteriaJudgements', m, 'member'],
          `le membre ${quote(member!.trim())} a déjà ses comparaisons à la ligne ${before + 1} ; regroupez les comparaisons de chaque membre sur une seule ligne`,
        );
      } else members.set(key, m);
    }
    const seen = new Map<string, number>();
    list(field(entry, 'pairs')).forEach((pair, k) => {
      const at = ['criteriaJudgements', m, 'pairs', k] as const;
      const a = str(field(pair, 'a'));
      const b = str(field(pair, 'b'));
      let known = true;
      for (const [side, id] of [
        ['a', a],
        ['b', b],
      ] as const) {
        if (id === undefined || id === '') {
          known = false;
          continue;
        }
        if (!ctx.criteriaSet.has(id)) {
          known = false;
          out.error(
            [...at, side],
            `le critère ${quote(id)} n'existe pas dans la liste des critères (critères : ${ctx.criteria.map(visible).join(', ') || 'aucun'})`,
          );
        }
      }
      if (!known || a === undefined || b === undefined) return;
      if (a === b) {
        out.error(
          [...at, 'b'],
          `le critère ${quote(a)} est comparé à lui-même ; une comparaison porte sur deux critères différents`,
        );
        return;
      }
      const pk = pairKey(a, b);
      const before = seen.get(pk);
      if (before !== undefined) {
        out.error(
          [...at],
          `la paire ${visible(a)} / ${visible(b)} est déjà comparée (comparaison n° ${before + 1}) ; chaque paire ne se compare qu'une fois, dans un sens ou dans l'autre`,
        );
        return;
      }
      seen.set(pk, k);
    });
    // Warning: pairs left uncompared (only when what was given is valid).
    const n = ctx.criteria.length;
    const needed = (n * (n - 1)) / 2;
    if (needed === 0 || seen.size === needed) return;
    const missing: string[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = ctx.criteria[i]!;
        const b = ctx.criteria[j]!;
        if (!seen.has(pairKey(a, b))) missing.push(`${visible(a)} / ${visible(b)}`);
      }
    const shown = missing.slice(0, SHOWN_PAIRS).join(', ');
    const more = missing.length > SHOWN_PAIRS ? ` et ${missing.length - SHOWN_PAIRS} autres` : '';
    out.warn(
      ['criteriaJudgements', m, 'pairs'],
      `${seen.size === 0 ? 'aucune paire de critères n’est comparée' : `${seen.size} paire${seen.size > 1 ? 's' : ''} de critères sur ${needed} ${seen.size > 1 ? 'sont comparées' : 'est comparée'}`} (manque${missing.length > 1 ? 'nt' : ''} : ${shown}${more}) : dans ses propres poids, une paire non comparée compte comme « aussi important » ; dans les poids du groupe, elle ne compte que les membres qui l’ont comparée`,
    );
  });
}
