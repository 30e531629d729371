/**
 * Every rule that concerns one project, in the context of the document: the
 * same list serves the whole document and the project sheet (one project
 * checked at each keystroke).
 */
import { DEFAULT_SELF_FINANCING_FLOOR } from '../../portfolio';
import { formatEuros, formatNumber, formatPercent } from '../predicates';
import type { Collector } from '../collector';
import { plural, quote, visible } from '../describe';
import { durationOf, field, list, num, str, type Key } from '../input';
import { checkLinks } from './dependencies';
import { checkDeadline, checkProjectFits } from './horizon';
import { checkApNumber, checkOwnIdUnique, checkProjectReferences } from './references';

export interface ProjectCheckOptions {
  /** Checking one project being edited: also report what other projects' rules would. */
  single: boolean;
}

export function checkProjectRules(
  out: Collector,
  project: unknown,
  i: number,
  options: ProjectCheckOptions,
): void {
  checkProjectReferences(out, project, i);
  checkStaff(out, project, i);
  checkShares(out, project, i);
  checkThreePoints(out, project, i);
  checkLinks(out, project, i, options.single);
  if (options.single) checkOwnIdUnique(out, project, i);
  checkProjectFits(out, project, i);
  checkDeadline(out, project, i);
  checkSelfFinancing(out, project, i);
  checkApNumber(out, project, i, options.single);
}

/** Staff: known teams, one line per team, one value per project year. */
function checkStaff(out: Collector, project: unknown, i: number): void {
  const at = (...rest: Key[]): Key[] => ['projects', i, ...rest];
  const duration = durationOf(project);
  const teamsSeen = new Map<string, number>();
  list(field(project, 'staff')).forEach((need, j) => {
    const team = str(field(need, 'team'));
    if (team !== undefined && team !== '') {
      if (!out.ctx.teams.has(team)) {
        out.error(
          at('staff', j, 'team'),
          `l'équipe ${quote(team)} n'existe pas dans la liste des équipes`,
        );
      }
      const before = teamsSeen.get(team);
      if (before !== undefined) {
        out.error(
          at('staff', j, 'team'),
          `l'équipe ${visible(team)} apparaît deux fois dans le besoin en personnel (lignes ${before + 1} et ${j + 1}) ; regroupez ses jours sur une seule ligne`,
        );
      } else teamsSeen.set(team, j);
    }
    const days = field(need, 'days');
    if (duration !== undefined && Array.isArray(days) && days.length !== duration) {
      out.error(
        at('staff', j, 'days'),
        `le calendrier des crédits de paiement compte ${plural(duration, 'année')} mais le personnel ${team ? `de l'équipe ${visible(team)}` : `de la ligne ${j + 1}`} en compte ${days.length}`,
      );
    }
  });
}

/** Subsidy and partners together pay at most the whole investment. */
function checkShares(out: Collector, project: unknown, i: number): void {
  const subsidy = num(field(project, 'subsidyRate')) ?? 0;
  const partner = num(field(project, 'partnerShare')) ?? 0;
  const inRange = subsidy >= 0 && subsidy <= 1 && partner >= 0 && partner <= 1;
  if (inRange && subsidy + partner > 1 + 1e-9) {
    out.error(
      ['projects', i, 'subsidyRate'],
      `le taux de subvention (${formatNumber(subsidy)}) et la part des partenaires (${formatNumber(partner)}) dépassent ensemble 100 % de l'investissement`,
    );
  }
}

/**
 * MODEL.md §9 (CGCT L1111-10): the authority finances at least `floor` of a
 * project's investment itself (default 0.2). Below it, a warning naming the
 * shortfall in euros, `(floor − own share) × Σ investment`.
 */
function checkSelfFinancing(out: Collector, project: unknown, i: number): void {
  const subsidy = num(field(project, 'subsidyRate')) ?? 0;
  const partner = num(field(project, 'partnerShare')) ?? 0;
  const floor = num(field(project, 'selfFinancingFloor')) ?? DEFAULT_SELF_FINANCING_FLOOR;
  const inRange = [subsidy, partner, floor].every((x) => x >= 0 && x <= 1);
  // Above 100 % together is an error of its own.
  if (!inRange || subsidy + partner > 1 + 1e-9) return;
  const own = 1 - subsidy - partner;
  if (own >= floor - 1e-9) return;
  const cp = list(field(project, 'investment'));
  const total = cp.reduce<number>((sum, v) => sum + (num(v) ?? 0), 0);
  const shortfall = (floor - own) * total;
  out.warn(
    ['projects', i, subsidy > 0 ? 'subsidyRate' : 'partnerShare'],
    `la subvention (${formatPercent(subsidy)}) et la part des partenaires (${formatPercent(partner)}) ne laissent que ${formatPercent(Math.max(0, own))} de l'investissement à la charge de la collectivité, moins que l'autofinancement minimal de ${formatPercent(floor)} (article L1111-10 du CGCT) : il manque ${formatEuros(shortfall)} d'autofinancement`,
  );
}

function ordered(tp: unknown): { low: number; mode: number; high: number } | undefined {
  const low = num(field(tp, 'low'));
  const mode = num(field(tp, 'mode'));
  const high = num(field(tp, 'high'));
  if (low === undefined || mode === undefined || high === undefined) return undefined;
  return { low, mode, high };
}

/** Three-point estimates in order: optimistic ≤ most likely ≤ pessimistic. */
function checkThreePoints(out: Collector, project: unknown, i: number): void {
  for (const key of ['durationMonths', 'costFactor'] as const) {
    const tp = ordered(field(project, key));
    if (tp && !(tp.low <= tp.mode && tp.mode <= tp.high)) {
      const what =
        key === 'durationMonths' ? 'la durée estimée' : 'le coefficient d’incertitude sur le coût';
      out.error(
        ['projects', i, key],
        `${what} doit respecter optimiste ≤ plus probable ≤ pessimiste (reçu : ${formatNumber(tp.low)}, ${formatNumber(tp.mode)}, ${formatNumber(tp.high)})`,
      );
    }
  }
}
