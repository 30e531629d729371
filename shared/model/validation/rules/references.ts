/**
 * Identifiers and references: ids unique within their list, and a project's
 * scores, direction and axes naming what the document defines.
 */
import type { Collector } from '../collector';
import { quote, visible } from '../describe';
import { apKey } from '../context';
import { field, isObj, list, str, type Key } from '../input';
import { NAMES_OF } from '../names';

/** Sections whose ids must be unique. */
export const ID_SECTIONS = Object.keys(NAMES_OF);

export function checkDuplicateIds(out: Collector, section: string): void {
  const [noun, withArticle] = NAMES_OF[section] ?? [section, section];
  const first = new Map<string, number>();
  list(field(out.ctx.root, section)).forEach((item, i) => {
    const id = str(field(item, 'id'));
    if (id === undefined || id === '') return;
    const at = first.get(id);
    if (at === undefined) {
      first.set(id, i);
      return;
    }
    const feminine = noun === 'équipe' || noun === 'direction';
    out.error(
      [section, i, 'id'],
      `l'identifiant ${quote(id)} est déjà utilisé par ${withArticle} n° ${at + 1} ; chaque ${noun} doit avoir un identifiant qui ${feminine ? 'la' : 'le'} distingue`,
    );
  });
}

/** Scores name known criteria; the direction and the axes exist. */
export function checkProjectReferences(out: Collector, project: unknown, i: number): void {
  const { ctx } = out;
  const at = (...rest: Key[]): Key[] => ['projects', i, ...rest];
  const scores = field(project, 'scores');
  if (isObj(scores)) {
    for (const key of Object.keys(scores)) {
      if (!ctx.criteriaSet.has(key)) {
        out.error(
          at('scores', key),
          `la note ${quote(key)} ne correspond à aucun critère du document (critères : ${ctx.criteria.map(visible).join(', ') || 'aucun'})`,
        );
      }
    }
  }
  const direction = str(field(project, 'direction'));
  if (direction !== undefined && direction !== '' && !ctx.directions.has(direction)) {
    out.error(
      at('direction'),
      `la direction ${quote(direction)} n'existe pas dans la liste des directions`,
    );
  }
  list(field(project, 'axes')).forEach((axis, k) => {
    if (typeof axis === 'string' && axis !== '' && !ctx.axes.has(axis)) {
      out.error(
        at('axes', k),
        `l'axe ${quote(axis)} n'existe pas dans la liste des axes du projet de mandature`,
      );
    }
  });
}

/**
 * AP numbers (MODEL.md §9, free text) are unique among projects: a warning
 * on each project whose number an earlier one already carries (or, for the
 * project being edited, any other one). Compared trimmed; blank is none.
 */
export function checkApNumber(out: Collector, project: unknown, i: number, single: boolean): void {
  const ap = apKey(field(project, 'apNumber'));
  if (ap === undefined) return;
  const others = (out.ctx.apNumbers.get(ap) ?? []).filter((j) => j !== i && (single || j < i));
  const other = others[0];
  if (other === undefined) return;
  const who = str(field(out.ctx.projects[other], 'id'));
  out.warn(
    ['projects', i, 'apNumber'],
    `le numéro d'autorisation de programme ${quote(ap)} est déjà celui du projet ${who ? visible(who) : `n° ${other + 1}`} : deux projets sous un même numéro se confondent dans l'annexe AP/CP votée`,
  );
}

/** The edited project's id is not another project's (one-project check). */
export function checkOwnIdUnique(out: Collector, project: unknown, i: number): void {
  const id = str(field(project, 'id'));
  if (id === undefined || id === '') return;
  const other = (out.ctx.projectIndex.get(id) ?? []).filter((j) => j !== i)[0];
  if (other !== undefined) {
    out.error(
      ['projects', i, 'id'],
      `l'identifiant ${quote(id)} est déjà utilisé par le projet n° ${other + 1} ; chaque projet doit avoir un identifiant qui le distingue`,
    );
  }
}
