/**
 * Fields the format does not define: kept as they are on round trip, and
 * listed in one warning (MODEL.md §2: never silently dropped).
 */
import { KNOWN_FIELDS } from '../schema';
import { formatPath, isObj, list, type Key } from './input';

export type Kind = keyof typeof KNOWN_FIELDS;

/** Where the walker goes down: the kind of each child object, one or a list of them. */
const CHILDREN: Partial<Record<Kind, Record<string, [Kind, 'one' | 'many']>>> = {
  portfolio: {
    organisation: ['organisation', 'one'],
    horizon: ['horizon', 'one'],
    criteria: ['criterion', 'many'],
    axes: ['axis', 'many'],
    directions: ['direction', 'many'],
    teams: ['team', 'many'],
    budget: ['budget', 'one'],
    projects: ['project', 'many'],
    risk: ['risk', 'one'],
    scenarios: ['scenario', 'many'],
    decisions: ['decision', 'many'],
    criteriaJudgements: ['memberJudgements', 'many'],
    actuals: ['actual', 'many'],
    baseline: ['baseline', 'one'],
  },
  criterion: { scale: ['criterionScale', 'one'] },
  memberJudgements: { pairs: ['pairJudgement', 'many'] },
  baseline: { plan: ['baselineEntry', 'many'] },
  project: {
    staff: ['staffNeed', 'many'],
    durationMonths: ['threePoint', 'one'],
    costFactor: ['threePoint', 'one'],
  },
  risk: { blackSwan: ['blackSwan', 'one'] },
  scenario: { budgetFactor: ['budgetFactor', 'one'], plan: ['planEntry', 'many'] },
};

/** Paths of the fields the format does not define. */
export function unknownFields(
  value: unknown,
  kind: Kind = 'portfolio',
  path: Key[] = [],
): string[] {
  if (!isObj(value)) return [];
  const known: readonly string[] = KNOWN_FIELDS[kind];
  const found: string[] = [];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) found.push(formatPath([...path, key]));
  }
  const children = CHILDREN[kind] ?? {};
  for (const [key, [childKind, arity]] of Object.entries(children)) {
    const child = value[key];
    if (arity === 'one') found.push(...unknownFields(child, childKind, [...path, key]));
    else
      list(child).forEach((item, i) =>
        found.push(...unknownFields(item, childKind, [...path, key, i])),
      );
  }
  return found;
}

export function unknownFieldsWarning(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const shown = paths.slice(0, 20).join(', ');
  const more = paths.length > 20 ? ` et ${paths.length - 20} autres` : '';
  const s = paths.length > 1;
  return `Champ${s ? 's' : ''} inconnu${s ? 's' : ''} d'Arbitra conservé${s ? 's' : ''} tel${s ? 's' : ''} quel${s ? 's' : ''} (non utilisé${s ? 's' : ''} par les calculs) : ${shown}${more}.`;
}
