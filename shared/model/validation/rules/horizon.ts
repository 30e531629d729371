/**
 * Lengths that follow the horizon (one value per budget year), builds that
 * cannot fit in it, and the mandate's end.
 */
import type { Collector } from '../collector';
import { horizonWords, plural, visible } from '../describe';
import { isYearMonth } from '../../schema';
import { durationOf, field, list, num, str } from '../input';

export function checkHorizonLengths(out: Collector): void {
  const { ctx } = out;
  if (ctx.years === undefined) return;
  list(field(ctx.root, 'teams')).forEach((team, i) => {
    const capacity = field(team, 'capacity');
    if (Array.isArray(capacity) && capacity.length !== ctx.years) {
      out.error(
        ['teams', i, 'capacity'],
        `la capacité est donnée pour ${plural(capacity.length, 'année')} mais l'horizon compte ${horizonWords(ctx)} ; il faut une valeur par année`,
      );
    }
  });
  for (const key of ['investment', 'operating'] as const) {
    const envelope = field(field(ctx.root, 'budget'), key);
    if (Array.isArray(envelope) && envelope.length !== ctx.years) {
      const what =
        key === 'investment' ? "l'enveloppe d'investissement" : "l'enveloppe de fonctionnement";
      out.error(
        ['budget', key],
        `${what} est donnée pour ${plural(envelope.length, 'année')} mais l'horizon compte ${horizonWords(ctx)} ; il faut un montant par année`,
      );
    }
  }
}

/** Warnings: a build that cannot fit in the horizon (an infeasible plan, not an invalid document). */
export function checkProjectFits(out: Collector, project: unknown, i: number): void {
  const { ctx } = out;
  const duration = durationOf(project);
  if (duration === undefined || ctx.years === undefined) return;
  if (duration > ctx.years) {
    out.warn(
      ['projects', i, 'investment'],
      `sa réalisation est prévue sur ${plural(duration, 'an')}, plus que l'horizon de ${plural(ctx.years, 'an')} : il ne pourra pas être planifié`,
    );
    return;
  }
  if (ctx.firstYear === undefined) return;
  const lastStart = ctx.firstYear + ctx.years - duration;
  const earliest = num(field(project, 'earliestStart'));
  const fixed = num(field(project, 'fixedStart'));
  if (fixed !== undefined && (fixed < ctx.firstYear || fixed > lastStart)) {
    out.warn(
      ['projects', i, 'fixedStart'],
      `le démarrage imposé en ${fixed} ne permet pas de réaliser ses ${plural(duration, 'année')} dans l'horizon (${ctx.firstYear} à ${ctx.firstYear + ctx.years - 1}) : aucun plan ne sera possible`,
    );
  } else if (fixed === undefined && earliest !== undefined && earliest > lastStart) {
    out.warn(
      ['projects', i, 'earliestStart'],
      `un démarrage au plus tôt en ${earliest} ne laisse pas le temps de réaliser ses ${plural(duration, 'année')} dans l'horizon : il ne pourra pas être planifié`,
    );
  }
}

/**
 * MODEL.md §8: a deadline the shortest build cannot meet. A chosen project
 * started in year `s` is delivered at the end of year `s + n − 1` (its CP
 * schedule), so with its earliest start (`fixedStart`, else `earliestStart`,
 * else the first year of the horizon) a deadline before that is a warning:
 * the project cannot be chosen, and a mandatory one makes the problem
 * infeasible (explained by the optimiser). A deadline past the horizon is fine.
 */
export function checkDeadline(out: Collector, project: unknown, i: number): void {
  const { ctx } = out;
  const deadline = str(field(project, 'deadline'));
  const duration = durationOf(project);
  if (deadline === undefined || !isYearMonth(deadline) || duration === undefined) return;
  if (ctx.firstYear === undefined) return;
  const fixed = num(field(project, 'fixedStart'));
  const earliest = num(field(project, 'earliestStart'));
  const start = fixed ?? Math.max(ctx.firstYear, earliest ?? ctx.firstYear);
  const year = Number(deadline.slice(0, 4));
  const month = Number(deadline.slice(5, 7));
  // §8: 12·(s + n) <= monthIndex(deadline) + 1, in months from January of year 0.
  if (12 * (start + duration) <= 12 * year + month) return;
  const from =
    fixed !== undefined
      ? `démarré comme imposé en ${start}`
      : start > ctx.firstYear
        ? `démarré au plus tôt, en ${start}`
        : `démarré dès ${start}, la première année de l'horizon`;
  const consequence =
    field(project, 'mandatory') === true
      ? 'projet obligatoire, aucun plan ne sera possible'
      : 'il ne pourra pas être retenu dans un plan';
  out.warn(
    ['projects', i, 'deadline'],
    `la date limite de livraison (${deadline}) tombe avant la fin de sa réalisation la plus rapide : ${from}, ses ${plural(duration, 'année')} de crédits de paiement s'achèvent fin ${start + duration - 1} ; ${consequence}`,
  );
}

export function checkMandate(out: Collector): void {
  const { ctx } = out;
  const end = str(field(ctx.root, 'mandateEnd'));
  const year = end ? Number(end.slice(0, 4)) : NaN;
  if (ctx.firstYear !== undefined && Number.isInteger(year) && year < ctx.firstYear) {
    out.warn(
      ['mandateEnd'],
      `la fin du mandat (${visible(end ?? '')}) précède la première année de l'horizon (${ctx.firstYear}) : aucun projet ne pourra être livré dans le mandat`,
    );
  }
}
