/**
 * Markdown to a plain tree the notes screen renders with Svelte elements, so
 * the calculation notes reach the page without any HTML string: no
 * `innerHTML`, no `{@html}`, nothing for a sanitiser to miss.
 *
 * - Parsing is markdown-it's (CommonMark and tables), with raw HTML off: a
 *   `<script>` in the text stays text. Any token this module does not know
 *   becomes its text content.
 * - Only the elements of the subset the notes use come out: headings,
 *   paragraphs, lists, tables, block quotes, rules, code (inline and
 *   fenced), emphasis, strong, line breaks, links.
 * - Headings get the ids GitHub gives them (github-slugger on their text), so
 *   `calculs.md#finances` points to the same place on the forge and in the app.
 * - Links keep no address: a link to a section of the notes (`#finances`,
 *   `calculs.md#finances`) becomes a `section`; any other link is shown as
 *   its text (with a web address beside it, `shownTarget`), since the app
 *   neither navigates away nor opens other documents.
 * - Table alignment comes out as a value, not a `style` attribute, so the
 *   page needs no inline style under its Content-Security-Policy.
 */
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';

export type BlockTag =
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'p'
  | 'ul'
  | 'ol'
  | 'li'
  | 'blockquote'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'pre'
  | 'code'
  | 'em'
  | 'strong'
  | 's';

export type MdNode =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'rule' }
  | { kind: 'link'; section: string | null; target: string; children: MdNode[] }
  | {
      kind: 'element';
      tag: BlockTag;
      /** Headings: the anchor id. */
      id?: string;
      /** Table cells: the column's alignment. */
      align?: 'left' | 'center' | 'right';
      /** Ordered lists: the first number, when not 1. */
      start?: number;
      children: MdNode[];
    };

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface MdDocument {
  nodes: MdNode[];
  /** Every heading, in order, with its id. */
  headings: Heading[];
}

const BLOCK_TAGS = new Set<string>([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
]);

const parser = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
  .enable('table')
  .enable('strikethrough');

/** The visible text of inline tokens (code spans included, markup left out). */
function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((t) =>
      t.type === 'text' || t.type === 'code_inline'
        ? t.content
        : t.children
          ? inlineText(t.children)
          : '',
    )
    .join('');
}

function alignOf(token: Token): 'left' | 'center' | 'right' | undefined {
  const style = String(token.attrGet('style') ?? '');
  const found = /text-align:\s*(left|center|right)/.exec(style);
  return found ? (found[1] as 'left' | 'center' | 'right') : undefined;
}

/**
 * The section of the notes a link points to, or null: `#id`, or `calculs.md#id`
 * (the notes file itself, named from another document or from itself).
 */
export function sectionOf(href: string, notesFile = 'calculs.md'): string | null {
  const at = href.indexOf('#');
  if (at < 0) return null;
  const file = href.slice(0, at);
  if (file !== '' && file !== notesFile && !file.endsWith(`/${notesFile}`)) return null;
  const id = href.slice(at + 1);
  if (id === '') return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Builds the tree of a Markdown text. */
export function parseMarkdown(source: string, notesFile = 'calculs.md'): MdDocument {
  const tokens = parser.parse(source, {});
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const root: MdNode[] = [];
  const stack: MdNode[][] = [root];
  const top = () => stack[stack.length - 1]!;

  const open = (node: Extract<MdNode, { children: MdNode[] }>) => {
    top().push(node);
    stack.push(node.children);
  };
  const close = () => {
    if (stack.length > 1) stack.pop();
  };

  const walkInline = (children: readonly Token[]) => {
    for (const t of children) {
      switch (t.type) {
        case 'text':
          if (t.content) top().push({ kind: 'text', text: t.content });
          break;
        case 'code_inline':
          top().push({
            kind: 'element',
            tag: 'code',
            children: [{ kind: 'text', text: t.content }],
          });
          break;
        case 'softbreak':
          top().push({ kind: 'text', text: '\n' });
          break;
        case 'hardbreak':
          top().push({ kind: 'break' });
          break;
        case 'link_open': {
          const target = String(t.attrGet('href') ?? '');
          open({ kind: 'link', section: sectionOf(target, notesFile), target, children: [] });
          break;
        }
        case 'link_close':
          close();
          break;
        case 'image':
          // No images in the notes: the description stands in.
          top().push({ kind: 'text', text: inlineText(t.children ?? []) || t.content });
          break;
        default:
          if (t.nesting === 1 && BLOCK_TAGS.has(t.tag)) {
            open({ kind: 'element', tag: t.tag as BlockTag, children: [] });
          } else if (t.nesting === -1 && BLOCK_TAGS.has(t.tag)) {
            close();
          } else if (t.content) {
            // html_inline (raw HTML is off, so none is expected) and anything unknown: as text.
            top().push({ kind: 'text', text: t.content });
          }
      }
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'inline':
        walkInline(t.children ?? []);
        break;
      case 'heading_open': {
        const inline = tokens[i + 1];
        const text = inline?.type === 'inline' ? inlineText(inline.children ?? []) : '';
        const id = slugger.slug(text);
        const level = Number(t.tag.slice(1));
        headings.push({ level, id, text });
        open({ kind: 'element', tag: t.tag as BlockTag, id, children: [] });
        break;
      }
      case 'fence':
      case 'code_block':
        top().push({
          kind: 'element',
          tag: 'pre',
          children: [
            {
              kind: 'element',
              tag: 'code',
              children: [{ kind: 'text', text: t.content.replace(/\n$/, '') }],
            },
          ],
        });
        break;
      case 'hr':
        top().push({ kind: 'rule' });
        break;
      case 'ordered_list_open': {
        const start = Number(t.attrGet('start') ?? 1);
        open({
          kind: 'element',
          tag: 'ol',
          ...(Number.isFinite(start) && start !== 1 ? { start } : {}),
          children: [],
        });
        break;
      }
      case 'th_open':
      case 'td_open': {
        const align = alignOf(t);
        open({
          kind: 'element',
          tag: t.tag as BlockTag,
          ...(align ? { align } : {}),
          children: [],
        });
        break;
      }
      case 'paragraph_open':
        // Tight list items hide their paragraphs: keep the text, drop the <p>.
        if (!t.hidden) open({ kind: 'element', tag: 'p', children: [] });
        break;
      case 'paragraph_close':
        if (!t.hidden) close();
        break;
      default:
        if (t.nesting === 1 && BLOCK_TAGS.has(t.tag)) {
          open({ kind: 'element', tag: t.tag as BlockTag, children: [] });
        } else if (t.nesting === -1 && BLOCK_TAGS.has(t.tag)) {
          close();
        } else if (t.content) {
          // html_block (raw HTML is off) and anything unknown: as text.
          top().push({ kind: 'element', tag: 'p', children: [{ kind: 'text', text: t.content }] });
        }
    }
  }
  return { nodes: root, headings };
}

/** The plain text of a tree. */
export function textOf(nodes: readonly MdNode[]): string {
  return nodes
    .map((n) => (n.kind === 'text' ? n.text : 'children' in n ? textOf(n.children) : ''))
    .join('');
}

/**
 * What to show beside a link that does not lead into the notes: the address
 * of a web link (`https://…`) unless its text already says it; nothing for a
 * link to another file of the docs, whose text names it.
 */
export function shownTarget(link: Extract<MdNode, { kind: 'link' }>): string | null {
  if (link.section !== null || !/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return null;
  return textOf(link.children).trim() === link.target ? null : link.target;
}

/** The document without its first top-level heading (the screen shows its own title). */
export function withoutTitle(doc: MdDocument): MdDocument {
  const at = doc.nodes.findIndex((n) => n.kind === 'element' && n.tag === 'h1');
  if (at < 0) return doc;
  return { ...doc, nodes: [...doc.nodes.slice(0, at), ...doc.nodes.slice(at + 1)] };
}
