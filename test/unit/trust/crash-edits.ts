/**
 * The edits of the crash test, as a pure function of (seed, n): the child
 * process applies them to the document, and the test recomputes what the
 * document must hold after any number of them.
 *
 * Every edit also sets `x_seq` on the marker project `SEQ` to its own number
 * plus one, so the document says how many edits it holds.
 */
import type { Edit, EditOp } from '../../../shared/model/edits';
import { applyEdit } from '../../../shared/model/edits';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import { project, smallPortfolio } from '../store/helpers';

/** mulberry32: a small deterministic generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function marker(seq: number): Project {
  return { ...project('SEQ', 'Marqueur'), x_seq: seq };
}

/** The document the crash test starts from. */
export function initialDocument(): Portfolio {
  const start = smallPortfolio();
  start.projects.push(marker(0));
  return start;
}

/** The projects a child "imports" from a JSON file, renamed for edit `n`. */
export function importedProjects(source: readonly Project[], n: number): Project[] {
  return source.map((p, k) => ({ ...p, id: `I${n}-${k}`, name: `${p.name} (import ${n})` }));
}

/**
 * Edit number `n` (0-based) applied to `doc`. `imported` is the content of
 * the import file, used by one edit in four.
 */
export function nthEdit(
  doc: Portfolio,
  seed: number,
  n: number,
  imported: readonly Project[],
): Edit {
  const random = rng(seed * 1_000_003 + n);
  const ops: EditOp[] = [];
  const others = doc.projects.filter((p) => p.id !== 'SEQ');
  const kind = Math.floor(random() * 4);
  if (kind === 0 || others.length === 0) {
    ops.push({ op: 'project.put', project: project(`N${n}`, `Nouveau ${n} « é ’ 😀 »`) });
  } else if (kind === 1) {
    const target = others[Math.floor(random() * others.length)]!;
    ops.push({
      op: 'project.put',
      project: { ...target, name: `${target.id} modifié ${n}`, investment: [1000 * n] },
    });
  } else if (kind === 2 && others.length > 3) {
    const target = others[Math.floor(random() * others.length)]!;
    ops.push({ op: 'project.delete', id: target.id });
  } else {
    for (const p of importedProjects(imported, n)) ops.push({ op: 'project.put', project: p });
    ops.push({
      op: 'section.put',
      section: 'budget',
      value: { investment: [1_000_000 + n, 1_000_000], operating: [100_000, 100_000 + n] },
    });
  }
  ops.push({ op: 'project.put', project: marker(n + 1) });
  return { label: `édition ${n}`, ops };
}

/** How many edits a document holds, from its marker. */
export function editCount(doc: Portfolio): number {
  const seq = doc.projects.find((p) => p.id === 'SEQ')?.x_seq;
  if (typeof seq !== 'number') throw new Error('marker project SEQ missing');
  return seq;
}

/** The document after the first `count` edits, recomputed from the start. */
export function expectedAfter(
  seed: number,
  count: number,
  imported: readonly Project[],
): Portfolio {
  let doc = initialDocument();
  for (let n = 0; n < count; n++) doc = applyEdit(doc, nthEdit(doc, seed, n, imported).ops);
  return JSON.parse(JSON.stringify(doc)) as Portfolio;
}
