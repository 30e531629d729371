/**
 * One word per committee decision in each language (MODEL.md §1), used by
 * every screen, slide, page and workbook label that names a decision:
 * retenu / reporté / rejeté / à instruire in French, approved / postponed /
 * rejected / needs study in English. (A project *in a plan* is not
 * « retenu »: that word is the committee's; a plan holds « projets du plan ».)
 */
import type { Locale } from '../../../../shared/api/contract';

export const DECISION_KINDS = ['retenu', 'reporté', 'rejeté', 'à instruire'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

const WORDS: Record<Locale, Record<DecisionKind, [one: string, many: string]>> = {
  fr: {
    retenu: ['retenu', 'retenus'],
    reporté: ['reporté', 'reportés'],
    rejeté: ['rejeté', 'rejetés'],
    'à instruire': ['à instruire', 'à instruire'],
  },
  en: {
    retenu: ['approved', 'approved'],
    reporté: ['postponed', 'postponed'],
    rejeté: ['rejected', 'rejected'],
    'à instruire': ['needs study', 'need study'],
  },
};

/** The word of a decision in the locale, singular or for `count` of them; an unknown decision as given. */
export function decisionWord(locale: Locale, decision: string, count = 1): string {
  const words = WORDS[locale][decision as DecisionKind];
  if (!words) return decision;
  return count > 1 ? words[1] : words[0];
}
