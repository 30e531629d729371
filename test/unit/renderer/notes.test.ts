/**
 * The calculation notes screen: Markdown becomes a tree of allowed elements
 * (raw HTML stays text, links keep no address, alignment is not a style),
 * headings get GitHub's anchors, and every link into the notes — from the
 * screens and between the docs — lands on a heading that exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMarkdown,
  sectionOf,
  shownTarget,
  withoutTitle,
  type MdNode,
} from '../../../renderer/src/lib/notes/markdown';
import {
  NOTE_SECTIONS,
  notesHref,
  sectionFromHash,
} from '../../../renderer/src/lib/notes/sections';

const doc = (name: string) =>
  readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

/** Every node of a tree, depth first. */
function all(nodes: readonly MdNode[]): MdNode[] {
  return nodes.flatMap((n) => ('children' in n ? [n, ...all(n.children)] : [n]));
}
const elements = (nodes: readonly MdNode[]) =>
  all(nodes).filter((n): n is Extract<MdNode, { kind: 'element' }> => n.kind === 'element');
const text = (nodes: readonly MdNode[]): string =>
  all(nodes)
    .map((n) => (n.kind === 'text' ? n.text : ''))
    .join('');

const ALLOWED = new Set([
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'em', 'strong', 's'],
]);

describe('Markdown of the notes', () => {
  it('keeps raw HTML as text and makes only allowed elements', () => {
    const source = [
      '# Titre <img src=x onerror=alert(1)>',
      '',
      'Un paragraphe <script>alert(1)</script> et <b onclick="x()">gras</b>.',
      '',
      '<div style="color:red">bloc</div>',
      '',
      '[piège](javascript:alert(1)) et ![image](data:text/html,x)',
    ].join('\n');
    const { nodes } = parseMarkdown(source);
    for (const e of elements(nodes)) expect(ALLOWED.has(e.tag), e.tag).toBe(true);
    const shown = text(nodes);
    expect(shown).toContain('<script>alert(1)</script>');
    expect(shown).toContain('<b onclick="x()">gras</b>');
    expect(shown).toContain('<div style="color:red">bloc</div>');
    expect(all(nodes).some((n) => n.kind === 'link')).toBe(false);
    expect(JSON.stringify(nodes)).not.toMatch(/"(style|onclick|onerror|href|src)"/);
  });

  it('gives headings the anchors GitHub gives them, unique within the page', () => {
    const { headings } = parseMarkdown(
      [
        "## Valeur d'un projet",
        '### Objectif « mandat »',
        '### La frontière efficace',
        '### Quantiles P50, P80, P90 (Hyndman–Fan type 7)',
        '## `code` et *accent*',
        '### Méthode',
        '### Méthode',
      ].join('\n\n'),
    );
    expect(headings.map((h) => h.id)).toEqual([
      'valeur-dun-projet',
      'objectif--mandat-',
      'la-frontière-efficace',
      'quantiles-p50-p80-p90-hyndmanfan-type-7',
      'code-et-accent',
      'méthode',
      'méthode-1',
    ]);
    expect(headings.map((h) => h.level)).toEqual([2, 3, 3, 3, 2, 3, 3]);
    expect(headings[4]!.text).toBe('code et accent');
  });

  it('turns links into sections of the notes, or text with their target', () => {
    const { nodes } = parseMarkdown(
      '[a](#finances) [b](calculs.md#loptimiseur) [c](cli.md#simulate) [d](https://example.org) [e](docs/calculs.md#la-frontière-efficace)',
    );
    const links = all(nodes).filter((n) => n.kind === 'link');
    expect(links.map((l) => (l.kind === 'link' ? [l.section, l.target] : null))).toEqual([
      ['finances', '#finances'],
      ['loptimiseur', 'calculs.md#loptimiseur'],
      [null, 'cli.md#simulate'],
      [null, 'https://example.org'],
      // markdown-it percent-encodes addresses; the section is decoded.
      ['la-frontière-efficace', 'docs/calculs.md#la-fronti%C3%A8re-efficace'],
    ]);
    expect(links.map((l) => (l.kind === 'link' ? shownTarget(l) : 'no'))).toEqual([
      null,
      null,
      null, // another file of the docs: its text names it
      'https://example.org',
      null,
    ]);
    const auto = all(parseMarkdown('<https://example.org>').nodes).find((n) => n.kind === 'link');
    expect(auto?.kind === 'link' && shownTarget(auto)).toBeNull();
    expect(sectionOf('calculs.md')).toBeNull();
    expect(sectionOf('#')).toBeNull();
    expect(sectionOf('#la-fronti%C3%A8re-efficace')).toBe('la-frontière-efficace');
  });

  it('renders tables with their alignment as a value, lists, code and emphasis', () => {
    const { nodes } = parseMarkdown(
      [
        '| ligne | 2027 |',
        '|---|--:|',
        '| brut | 180 000 |',
        '',
        '3. trois',
        '4. *quatre* et **gras**',
        '',
        '- a',
        '- b `x = 1`',
        '',
        '```',
        'V = 100 × Σ w × note / 5',
        '  indenté',
        '```',
        '',
        '> cité',
      ].join('\n'),
    );
    const cells = elements(nodes).filter((e) => e.tag === 'th' || e.tag === 'td');
    expect(cells.map((c) => c.align ?? null)).toEqual([null, 'right', null, 'right']);
    const ol = elements(nodes).find((e) => e.tag === 'ol');
    expect(ol?.start).toBe(3);
    // Tight lists keep no paragraph in their items.
    for (const li of elements(nodes).filter((e) => e.tag === 'li')) {
      expect(li.children.some((c) => c.kind === 'element' && c.tag === 'p')).toBe(false);
    }
    const pre = elements(nodes).find((e) => e.tag === 'pre');
    expect(text(pre!.children)).toBe('V = 100 × Σ w × note / 5\n  indenté');
    expect(elements(nodes).map((e) => e.tag)).toEqual(
      expect.arrayContaining(['em', 'strong', 'code', 'blockquote', 'ul', 'table', 'thead']),
    );
  });

  it('drops the document title, which the screen shows itself', () => {
    const parsed = parseMarkdown('# Notes de calcul\n\nIntro.\n\n## Valeur');
    const kept = withoutTitle(parsed);
    expect(elements(kept.nodes).map((e) => e.tag)).toEqual(['p', 'h2']);
    expect(kept.headings).toEqual(parsed.headings);
  });
});

describe('links into the notes', () => {
  const notes = parseMarkdown(doc('calculs.md'));
  const ids = new Set(notes.headings.map((h) => h.id));

  it('the screens link to headings that exist', () => {
    for (const [screen, id] of Object.entries(NOTE_SECTIONS)) {
      expect(ids.has(id), `${screen} → #${id}`).toBe(true);
    }
  });

  it('the notes have the sections the brief of each figure needs', () => {
    for (const id of [
      'plans-qui-tiennent-sous-le-risque-niveau-de-confiance',
      'méthode',
      'classe-de-référence--flyvbjerg-2011-',
      'objectif--mandat-',
      'quantiles-p50-p80-p90-hyndmanfan-type-7',
      'fctva',
      'règles-choisies-là-où-le-contrat-est-muet',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('every link between the docs lands on a heading that exists', () => {
    const files = ['calculs.md', 'cli.md', 'format.md', 'README.md'];
    const headings = new Map(
      files.map((f) => [f, new Set(parseMarkdown(doc(f)).headings.map((h) => h.id))]),
    );
    for (const file of files) {
      const links = all(parseMarkdown(doc(file)).nodes).filter(
        (n): n is Extract<MdNode, { kind: 'link' }> => n.kind === 'link',
      );
      for (const link of links) {
        const [target, anchor] = link.target.split('#');
        if (/^[a-z]+:/.test(link.target)) continue;
        const into = target === '' || target === undefined ? file : target;
        expect(headings.has(into), `${file}: ${link.target}`).toBe(true);
        if (anchor) {
          expect(
            headings.get(into)!.has(decodeURIComponent(anchor)),
            `${file}: ${link.target}`,
          ).toBe(true);
        }
      }
    }
  });

  it('routes the notes at a heading and reads the heading back', () => {
    for (const id of Object.values(NOTE_SECTIONS)) {
      expect(sectionFromHash(notesHref(id))).toBe(id);
    }
    expect(notesHref()).toBe('#/calculs');
    expect(sectionFromHash('#/calculs')).toBeNull();
    expect(sectionFromHash('#/risques/finances')).toBeNull();
  });
});
