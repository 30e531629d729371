/**
 * Risk settings (MODEL.md §5, §7): the same risk counted twice, and a
 * preset's black swan replacing a different one written in the document (the
 * preset's own black swan, as the risk screen writes it, rounded to 4
 * decimals, is no doubt and no warning).
 *
 * These rules read the risk in force through the engine's `effectiveRisk`
 * (one definition of "a black swan in force" and of a cost law's mean), so
 * they run on a document the schema accepted.
 */
import { REFERENCE_CLASS_PRESETS, effectiveRisk, presetBlackSwan } from '../../../engine/risk';
import type { Portfolio } from '../../portfolio';
import type { Collector } from '../collector';
import { quote, visible } from '../describe';
import { formatNumber, formatPercent } from '../predicates';

/** At most this many projects named in one sentence. */
const NAMED = 10;

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED).map(visible).join(', ');
  return ids.length > NAMED ? `${shown} et ${ids.length - NAMED} autres` : shown;
}

export function checkRisk(out: Collector, portfolio: Portfolio): void {
  const risk = portfolio.risk;
  if (!risk) return;
  const preset = risk.referenceClass ? REFERENCE_CLASS_PRESETS[risk.referenceClass] : null;
  const own = risk.blackSwan;
  // The risk screen writes the preset's own black swan when the preset is chosen: no doubt then.
  const same =
    preset &&
    own &&
    (() => {
      const swan = presetBlackSwan(preset);
      const close = (a: number, b: number) => Math.abs(a - b) <= 5e-4 * Math.max(1, Math.abs(b));
      return (
        close(own.probability, swan.probability) &&
        close(own.costFactor, swan.costFactor) &&
        close(own.scheduleFactor, swan.scheduleFactor)
      );
    })();
  if (preset && own && !same) {
    out.warn(
      ['risk', 'blackSwan'],
      `la classe de référence ${quote(preset.id)} fixe son propre « cygne noir » (${formatPercent(preset.blackSwanShare)} des projets, coût ×${formatNumber(1 + preset.blackSwanCostOverrun)} en moyenne, durée ×${formatNumber(1 + preset.blackSwanScheduleOverrun)}), qui remplace celui du document (probabilité ${formatPercent(own.probability)}, coût ×${formatNumber(own.costFactor)}, durée ×${formatNumber(own.scheduleFactor)}) ; retirez l'un des deux pour lever le doute`,
    );
  }
  const { doubleCounted } = effectiveRisk(portfolio);
  if (doubleCounted.length === 0) return;
  const many = doubleCounted.length > 1;
  const projects = `${many ? 'les projets' : 'le projet'} ${idList(doubleCounted)} ${many ? 'portent' : 'porte'}`;
  const swan = preset
    ? `le « cygne noir » de la classe de référence ${quote(preset.id)}`
    : 'le « cygne noir »';
  out.warn(
    preset ? ['risk', 'referenceClass'] : ['risk', 'blackSwan'],
    `${swan} s'ajoute au coefficient d’incertitude sur le coût que ${projects} déjà, de moyenne supérieure à 1 : le même risque de dépassement est compté deux fois ; retirez ce coefficient ${many ? 'de ces projets' : 'de ce projet'} ou le cygne noir`,
  );
}
