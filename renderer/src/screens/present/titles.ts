/**
 * The one-line titles of the presentation's slides, computed from the
 * figures: each says what the slide shows in words a committee reads from
 * the back of the room ("Avec 10 % de budget en plus : +23 points de
 * valeur"). Pure functions of the figures and the locale (no Svelte, no
 * DOM), tested in Node against figures recomputed independently
 * (test/unit/renderer/present-titles.test.ts). Also which slides the deck
 * holds, from what the document has.
 */
import type { Headline } from '../frontier/figures';
import type { DecisionEntry } from '../../../../shared/model/portfolio';
import { DECISION_KINDS, decisionWord as oneWord } from '../../lib/i18n/decisions';
import {
  formatEuros,
  formatEurosCompact,
  formatNumber,
  formatPercent,
  typeset,
} from '../../lib/i18n/format';

export type Locale = 'fr' | 'en';

/** Value points in a title: one decimal at most (`23`, `23,4`). */
function pts(locale: Locale, x: number): string {
  return formatNumber(locale, Math.round(x * 10) / 10, 1);
}

function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

/** `+23 points de valeur` style figure with its sign. */
function signedPoints(locale: Locale, x: number): string {
  return signed(pts(locale, Math.abs(x)), Math.round(x * 10) / 10);
}

function signedEuros(locale: Locale, x: number): string {
  return signed(formatEuros(locale, Math.abs(x)), Math.round(x));
}

/** "a, b et c" / "a, b and c". */
export function listText(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** Slide 1 when the frontier is computed: what a step of budget buys (frontier/figures `headline`). */
export function frontierTitle(locale: Locale, h: Headline): string {
  const share = formatPercent(locale, h.share, 0);
  const delta = signedPoints(locale, h.delta);
  const approx = h.approximate ? (locale === 'fr' ? ' (approché)' : ' (approximate)') : '';
  if (locale === 'fr') {
    const way = h.kind === 'more' ? 'en plus' : 'en moins';
    return `Avec ${share} de budget ${way} : ${delta} points de valeur${approx}`;
  }
  const way = h.kind === 'more' ? 'more' : 'less';
  return `With ${share} ${way} budget: ${delta} points of value${approx}`;
}

/**
 * Slide 1 without a frontier: the plan's value (the optimiser's objective)
 * against the ranking heuristic's; `heuristic` null when the heuristic
 * found no valid plan.
 */
export function valueTitle(locale: Locale, value: number, heuristic: number | null): string {
  const v = pts(locale, value);
  if (heuristic === null || !(heuristic > 0)) {
    return locale === 'fr'
      ? `Le plan apporte ${v} points de valeur`
      : `The plan brings ${v} points of value`;
  }
  const gain = (value - heuristic) / heuristic;
  const rounded = Math.round(gain * 100);
  if (rounded === 0) {
    return locale === 'fr'
      ? `Le plan apporte ${v} points de valeur, autant que le classement simple`
      : `The plan brings ${v} points of value, as much as the simple ranking`;
  }
  const share = signed(formatPercent(locale, Math.abs(rounded) / 100, 0), rounded);
  return locale === 'fr'
    ? `Le plan apporte ${v} points de valeur, ${share} par rapport au classement simple`
    : `The plan brings ${v} points of value, ${share} against the simple ranking`;
}

/** The slide that says the scenario has no plan, so the deck shows a provisional one. */
export function noPlanTitle(locale: Locale, scenario: string, count: number): string {
  return locale === 'fr'
    ? `« ${scenario} » n’a pas encore de plan : plan provisoire du classement simple (${count} projets)`
    : `“${scenario}” has no plan yet: provisional plan of the simple ranking (${count} projects)`;
}

export interface RoadmapFacts {
  /** Start year of each planned project. */
  starts: readonly number[];
  /** Last build year of each planned project. */
  ends: readonly number[];
}

/** Slide 2: how many projects, from when to when, how many start the first year. */
export function roadmapTitle(locale: Locale, facts: RoadmapFacts, firstYear: number): string {
  const n = facts.starts.length;
  if (n === 0)
    return locale === 'fr' ? 'Le plan ne contient aucun projet' : 'The plan holds no project';
  const from = Math.min(...facts.starts);
  const to = Math.max(...facts.ends);
  const early = facts.starts.filter((s) => s === firstYear).length;
  if (locale === 'fr') {
    const head = `${n} projet${n > 1 ? 's' : ''} réalisé${n > 1 ? 's' : ''} de ${from} à ${to}`;
    return early > 0
      ? `${head}, dont ${early} lancé${early > 1 ? 's' : ''} dès ${firstYear}`
      : head;
  }
  const head = `${n} project${n > 1 ? 's' : ''} built from ${from} to ${to}`;
  return early > 0 ? `${head}, ${early} of them started in ${firstYear}` : head;
}

export interface YearOver {
  year: number;
  /** Amount above the envelopes that year (investment and operating added), euros. */
  over: number;
}

/**
 * The years a plan goes over its envelopes: for each year, the sum of the
 * overruns of the investment and operating envelopes (`used − ceiling` when
 * positive). Inputs are the scenario screen's `EnvelopeYear` lists.
 */
export function overruns(
  investment: readonly { year: number; over: number }[],
  operating: readonly { year: number; over: number }[],
): YearOver[] {
  const byYear = new Map<number, number>();
  for (const y of [...investment, ...operating]) {
    if (y.over > 0) byYear.set(y.year, (byYear.get(y.year) ?? 0) + y.over);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, over]) => ({ year, over }));
}

/** Slide 3: does the plan fit its envelopes every year, and if not, where and by how much. */
export function envelopeTitle(locale: Locale, overs: readonly YearOver[], years: number): string {
  if (overs.length === 0) {
    return locale === 'fr'
      ? 'Le plan tient les enveloppes d’investissement et de fonctionnement chaque année'
      : 'The plan stays within the investment and operating envelopes every year';
  }
  if (overs.length > 3) {
    const total = formatEuros(
      locale,
      overs.reduce((s, o) => s + o.over, 0),
    );
    return locale === 'fr'
      ? `Le plan dépasse les enveloppes ${overs.length} années sur ${years} (+${total} au total)`
      : `The plan goes over its envelopes in ${overs.length} years out of ${years} (+${total} in all)`;
  }
  const items = overs.map((o) => `${o.year} (+${formatEuros(locale, o.over)})`);
  return locale === 'fr'
    ? `Le plan tient les enveloppes chaque année sauf ${listText(locale, items)}`
    : `The plan stays within its envelopes every year except ${listText(locale, items)}`;
}

/**
 * P(value ≥ x) read on an S-curve (points of increasing probability, each
 * with the value at or below which the outcome falls with that probability):
 * one minus the largest probability whose value is still below x. Exact up
 * to the curve's step (1/200 for the risk screen's curve).
 */
export function shareAtLeast(
  curve: readonly { value: number; probability: number }[],
  x: number,
): number {
  let below = 0;
  for (const point of curve) if (point.value < x) below = Math.max(below, point.probability);
  return 1 - below;
}

/** Slide 4: "7 chances sur 10 de livrer au moins 80 % de la valeur avant la fin du mandat". */
export function riskTitle(
  locale: Locale,
  share: number,
  threshold: number,
  hasMandate: boolean,
): string {
  const chances = Math.round(share * 10);
  const part = formatPercent(locale, threshold, 0);
  if (locale === 'fr') {
    const until = hasMandate ? 'avant la fin du mandat' : 'avant la fin de l’horizon';
    const word = chances > 1 ? 'chances' : 'chance';
    return `${chances} ${word} sur 10 de livrer au moins ${part} de la valeur ${until}`;
  }
  const until = hasMandate ? 'before the end of the term' : 'before the end of the horizon';
  return `${chances} ${chances === 1 ? 'chance' : 'chances'} in 10 of delivering at least ${part} of the value ${until}`;
}

/**
 * Slide 5: scenario B against A, in planned value (not discounted, so two
 * scenarios with different time preferences compare on one measure) and in
 * net investment over the horizon.
 */
export function compareTitle(
  locale: Locale,
  nameA: string,
  nameB: string,
  valueDelta: number,
  investmentDelta: number,
): string {
  const v = signedPoints(locale, valueDelta);
  const e = signedEuros(locale, investmentDelta);
  return locale === 'fr'
    ? `« ${nameB} » face à « ${nameA} » : ${v} points de valeur prévue, ${e} d’investissement net`
    : `“${nameB}” against “${nameA}”: ${v} points of planned value, ${e} of net investment`;
}

const DECISION_ORDER = DECISION_KINDS;

/** The word of a decision in the locale (singular): lib/i18n/decisions.ts, the one home. */
export function decisionWord(locale: Locale, decision: string): string {
  return oneWord(locale, decision);
}

/** Slide 6: how many decisions, by kind ("10 décisions prises : 7 retenus, 2 reportés et 1 rejeté"). */
export function decisionsTitle(locale: Locale, decisions: readonly DecisionEntry[]): string {
  const n = decisions.length;
  if (n === 0) {
    return locale === 'fr'
      ? 'Aucune décision enregistrée à ce jour'
      : 'No decision recorded so far';
  }
  const parts = DECISION_ORDER.map((kind) => {
    const count = decisions.filter((d) => d.decision === kind).length;
    return count > 0 ? `${count} ${oneWord(locale, kind, count)}` : '';
  }).filter(Boolean);
  return locale === 'fr'
    ? `${n} décision${n > 1 ? 's' : ''} prise${n > 1 ? 's' : ''} : ${listText(locale, parts)}`
    : `${n} decision${n > 1 ? 's' : ''} taken: ${listText(locale, parts)}`;
}

/** A range of years: `2027–2032`, or one year. */
function yearRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * The decision in one sentence, the deck's first title: adopt the plan, how
 * many projects, how much net investment, over which years.
 */
export function decisionTitle(
  locale: Locale,
  facts: { count: number; investment: number; first: number; last: number; provisional: boolean },
): string {
  const money = formatEurosCompact(locale, facts.investment);
  const years = yearRange(facts.first, facts.last);
  if (facts.count === 0) {
    return locale === 'fr'
      ? 'Aucun projet à retenir dans ce scénario'
      : 'No project to approve in this scenario';
  }
  if (locale === 'fr') {
    const head = facts.provisional ? 'Proposition' : 'Décision';
    return typeset(
      'fr',
      `${head} : retenir ${facts.count} projet${facts.count > 1 ? 's' : ''} pour ${money} d’investissement net sur ${years}`,
    );
  }
  const head = facts.provisional ? 'Proposal' : 'Decision';
  return `${head}: approve ${facts.count} project${facts.count > 1 ? 's' : ''} for ${money} of net investment over ${years}`;
}

/** The roadmap's title on a page of several: the whole plan, then the page (« 2 / 4 »). */
export function roadmapPageTitle(
  locale: Locale,
  facts: RoadmapFacts,
  firstYear: number,
  page: number,
  pages: number,
): string {
  const head = roadmapTitle(locale, facts, firstYear);
  return pages > 1 ? `${head} (${page + 1}/${pages})` : head;
}

/** The money slide: what the plan costs the authority, and whether it fits its envelopes. */
export function moneyTitle(
  locale: Locale,
  netCost: number,
  first: number,
  last: number,
  overs: readonly YearOver[],
): string {
  const cost = formatEurosCompact(locale, netCost);
  const years = yearRange(first, last);
  const list = listText(
    locale,
    overs.map((o) => String(o.year)),
  );
  if (locale === 'fr') {
    const fit =
      overs.length === 0
        ? ', dans les enveloppes chaque année'
        : `, au-dessus des enveloppes en ${list}`;
    return typeset('fr', `Coût net pour la collectivité : ${cost} sur ${years}${fit}`);
  }
  const fit =
    overs.length === 0 ? ', within the envelopes every year' : `, over the envelopes in ${list}`;
  return `Net cost to the authority: ${cost} over ${years}${fit}`;
}

/** The price of confidence: what holding the envelopes `level` of the time costs. */
export function confidenceTitle(locale: Locale, level: number, price: number | null): string {
  const years = formatNumber(locale, 10 * level, 1);
  if (price === null) {
    return locale === 'fr'
      ? `Aucun plan trouvé qui tienne les enveloppes ${years} années sur 10 dans le temps de calcul`
      : `No plan found that holds the envelopes ${years} years in 10 within the computing time`;
  }
  const percent = formatPercent(locale, price, 0);
  return locale === 'fr'
    ? `Tenir les enveloppes ${years} années sur 10 coûte ${percent} de la valeur`
    : `Holding the envelopes ${years} years in 10 costs ${percent} of the value`;
}

/** The projects left out of the plan. */
export function leftOutTitle(locale: Locale, count: number): string {
  if (locale === 'fr') {
    return count > 1
      ? `${count} projets restent hors du plan : les plus utiles, et pourquoi`
      : `Un projet reste hors du plan, et pourquoi`;
  }
  return count > 1
    ? `${count} projects stay out of the plan: the most useful ones, and why`
    : 'One project stays out of the plan, and why';
}

/** The decisions the committee records at the end of the meeting. */
export function recordTitle(locale: Locale, count: number): string {
  if (locale === 'fr') {
    return count > 1 ? `${count} décisions à acter aujourd’hui` : 'La décision à acter aujourd’hui';
  }
  return count > 1 ? `${count} decisions to record today` : 'The decision to record today';
}
