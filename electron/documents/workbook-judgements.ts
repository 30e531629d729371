/**
 * The « Jugements » sheet of the document workbook (MODEL.md §8
 * `criteriaJudgements`): one row per member and pair (membre, critère A,
 * critère B, rapport A sur B on Saaty's scale), so that each director can
 * fill their comparisons before the meeting. A member with no comparison
 * yet is one row with only the member's name.
 *
 * Reading: rows are grouped by member, names compared trimmed and without
 * case (validation treats « DGS » and « dgs » as one person), in the order
 * of their first row; a ratio is a number (0,333…) or a fraction typed as
 * text (« 1/3 »). Criteria are named by their id (the Critères sheet).
 * Cell problems, and later the document's rules (an unknown criterion, a
 * ratio off the scale, a pair given twice), are reported with the sheet,
 * row and column.
 */
import type { MemberJudgements } from '../../shared/model/portfolio';
import { cellText, col, SHEETS, type CellValue, type Table } from './workbook-tables';
import { rowsOf, shown, type ReadContext, type ReadTable } from './workbook-read';

export const J = {
  member: 'Membre',
  a: 'Critère A (identifiant)',
  b: 'Critère B (identifiant)',
  ratio: 'Rapport A sur B (1/9 à 9)',
} as const;

export function judgementsTable(judgements: readonly MemberJudgements[] | undefined): Table {
  return {
    name: SHEETS.judgements,
    columns: [
      col(J.member, 'text', 24),
      col(J.a, 'text', 22),
      col(J.b, 'text', 22),
      col(J.ratio, 'number', 18),
    ],
    rows: (judgements ?? []).flatMap((m): CellValue[][] =>
      m.pairs.length === 0
        ? [[cellText(m.member), null, null, null]]
        : m.pairs.map((p) => [cellText(m.member), cellText(p.a), cellText(p.b), p.ratio]),
    ),
  };
}

/** « 1/3 », « 1 / 3 »: a fraction typed as text; undefined when it is not one. */
function fraction(text: string): number | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const top = Number(m[1]!.replace(',', '.'));
  const bottom = Number(m[2]!.replace(',', '.'));
  return bottom > 0 ? top / bottom : undefined;
}

/** The members' judgements from the sheet; undefined when the sheet is absent or empty. */
export function readJudgements(
  ctx: ReadContext,
  table: ReadTable | undefined,
): MemberJudgements[] | undefined {
  const members: MemberJudgements[] = [];
  const index = new Map<string, number>();
  for (const r of rowsOf(ctx, table)) {
    const name = r.text(J.member);
    if (name === undefined) {
      r.fail(J.member, 'le membre qui donne cette comparaison est à indiquer.');
      continue;
    }
    const key = name.toLocaleLowerCase('fr');
    let m = index.get(key);
    if (m === undefined) {
      m = members.length;
      index.set(key, m);
      members.push({ member: name, pairs: [] });
      r.at(`criteriaJudgements[${m}]`);
      r.at(`criteriaJudgements[${m}].member`, J.member);
    }
    if (!r.has(J.a) && !r.has(J.b) && !r.has(J.ratio)) continue;
    const pairs = members[m]!.pairs;
    const path = `criteriaJudgements[${m}].pairs[${pairs.length}]`;
    r.at(path);
    const a = r.text(J.a, `${path}.a`);
    const b = r.text(J.b, `${path}.b`);
    let ratio: number | undefined;
    const raw = r.raw(J.ratio);
    if (typeof raw === 'string' && raw.includes('/')) {
      r.at(`${path}.ratio`, J.ratio);
      ratio = fraction(raw);
      if (ratio === undefined)
        r.fail(J.ratio, `${shown(raw)} n’est ni un nombre ni une fraction comme 1/3.`);
    } else ratio = r.number(J.ratio, `${path}.ratio`);
    const missing = [
      a === undefined ? J.a : '',
      b === undefined ? J.b : '',
      ratio === undefined && !r.has(J.ratio) ? J.ratio : '',
    ].filter(Boolean);
    for (const column of missing) {
      r.fail(column, 'une comparaison donne les deux critères et le rapport entre eux.');
    }
    if (a === undefined || b === undefined || ratio === undefined) continue;
    pairs.push({ a, b, ratio });
  }
  return members.length > 0 ? members : undefined;
}
