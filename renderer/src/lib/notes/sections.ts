/**
 * Where the screens that show figures link into the calculation notes
 * (docs/calculs.md, shown by the « Notes de calcul » screen), and the hash
 * routes of those links: `#/calculs` and `#/calculs/<heading id>`.
 *
 * The ids are those the notes' headings get (GitHub's slugs, see
 * markdown.ts); a unit test checks that each one exists in the notes.
 */

/** The notes screen's route id. */
export const NOTES_SCREEN = 'calculs';

export const NOTE_SECTIONS = {
  /** Criteria screen: the value of a project, weights, AHP. */
  value: 'valeur-dun-projet',
  /** Scenario screen: the optimiser's rules, statuses, heuristic. */
  optimiser: 'loptimiseur',
  /** Frontier screen. */
  frontier: 'la-frontière-efficace',
  /** Risk screen: the Monte Carlo simulation. */
  risk: 'simulation-des-risques',
  /** Committee screen: the financing plan. */
  finance: 'finances',
} as const;

export type NoteSection = keyof typeof NOTE_SECTIONS;

/** The route of the notes, opened at a heading id (or at the top). */
export function notesHref(id?: string): string {
  return id ? `#/${NOTES_SCREEN}/${encodeURIComponent(id)}` : `#/${NOTES_SCREEN}`;
}

/** The heading id a hash asks for (`#/calculs/finances` → `finances`), or null. */
export function sectionFromHash(hash: string): string | null {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  if (head !== NOTES_SCREEN || rest.length === 0) return null;
  const raw = rest.join('/');
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
