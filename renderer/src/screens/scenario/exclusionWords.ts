/**
 * Why a project is left out of a plan (shared/engine/optimise/exclusions.ts),
 * in the committee's words: the scenario screen, the deck and the dossier
 * say it the same way. Follows `i18n.locale` (the scenario screen's words).
 */
import type { Portfolio } from '../../../../shared/model/portfolio';
import type { Blocker, ExclusionReason } from '../../../../shared/engine/optimise/exclusions';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { m } from './messages';

/** The name of a rule family (`investment`, `team:dsi`, `direction:x`, `dependency`). */
export function ruleName(portfolio: Portfolio, key: string): string {
  if (key.startsWith('team:')) {
    const id = key.slice(5);
    return m('out.rule.team', { team: portfolio.teams.find((t) => t.id === id)?.label ?? id });
  }
  if (key.startsWith('direction:')) {
    const id = key.slice(10);
    const label = portfolio.directions?.find((d) => d.id === id)?.label ?? id;
    return m('out.rule.direction', { direction: label });
  }
  if (key === 'investment') return m('out.rule.investment');
  if (key === 'operating') return m('out.rule.operating');
  return m('out.rule.dependency');
}

/**
 * Why, in one sentence (lower case, as it follows « P12 Name : »); with
 * `maxRules`, only that many of the rules that block most are named (a
 * slide), the others counted.
 */
export function exclusionSentence(
  portfolio: Portfolio,
  r: ExclusionReason,
  maxRules = Infinity,
): string {
  switch (r.kind) {
    case 'forcedOut':
      return m('out.forcedOut');
    case 'forcedOutThrough':
      return m('out.forcedOutThrough', { project: r.project });
    case 'horizon':
      return m('out.horizon', { earliest: r.earliest, latest: r.latest });
    case 'alternative':
      return m('out.alternative', { project: r.project });
    case 'fits':
      return m('out.fits', { years: r.years.join(', ') });
    case 'blocked': {
      const named = r.main.slice(0, maxRules).map((key) => ruleName(portfolio, key));
      const rest = r.main.length - named.length;
      return m('out.blocked', {
        rule:
          rest > 0
            ? m('out.rulesMore', { rules: named.join(', '), count: rest })
            : named.join(', '),
        count: r.mainCount,
        total: r.starts.length,
      });
    }
  }
}

/** One rule a start year breaks, with its figures. */
export function blockerText(portfolio: Portfolio, b: Blocker): string {
  switch (b.kind) {
    case 'investment':
    case 'operating':
      return m('out.b.money', {
        rule: m(b.kind === 'investment' ? 'out.rule.investment' : 'out.rule.operating'),
        year: b.year,
        need: i18n.eurosCompact(b.need),
        room: i18n.eurosCompact(Math.max(0, b.room)),
      });
    case 'team':
      return m('out.b.team', {
        team: portfolio.teams.find((t) => t.id === b.team)?.label ?? b.team,
        year: b.year,
        need: i18n.days(b.need),
        room: i18n.days(Math.max(0, b.room)),
      });
    case 'direction':
      return m('out.b.direction', {
        direction: portfolio.directions?.find((d) => d.id === b.direction)?.label ?? b.direction,
        year: b.year,
        max: b.max,
      });
    case 'dependency':
      return b.end === null
        ? m('out.b.depMissing', { project: b.project })
        : m('out.b.depLate', { project: b.project, end: b.end });
  }
}
