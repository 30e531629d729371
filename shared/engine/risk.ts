/**
 * The risk settings in force (MODEL.md §5 and §7): the document's `risk`
 * section with its defaults, and the reference-class preset applied.
 *
 * Every engine reads risk through `effectiveRisk`: the simulation (cost laws,
 * black swan), the mandate objective of the optimiser (duration laws and the
 * black swan's schedule factor), the confidence of §7, and the screens that
 * say which preset is in force.
 *
 * **Reference class `flyvbjerg-2011`** (Flyvbjerg & Budzier, Harvard Business
 * Review, September 2011, 1 471 IT projects): mean cost overrun 27 % over
 * projects and draws, black swans included; one project in six a black swan,
 * whose mean cost overrun is about 200 % and schedule overrun about 70 %.
 * Calibration, with π = 1/6 the black-swan probability:
 *
 * - the black swans' mean cost factor is 3 (+200 %) and the portfolio's is
 *   1.27, so the others average `E₀ = (1.27 − 3π) / (1 − π) = 0.924`: most
 *   IT projects land on or a little under their budget, and the mean is made
 *   by the tail, as in the source;
 * - every project without a `costFactor` of its own gets the cost law
 *   [0.7, mode, 1.2] whose mean is E₀ (PERT mean (low + 4·mode + high)/6,
 *   mode 0.911; triangular mean (low + mode + high)/3, mode 0.872);
 * - the black swan multiplies the drawn cost factor by `3 / E₀ ≈ 3.247`
 *   (so a black swan's mean cost factor is 3) and the duration by 1.7.
 *
 * A project with its own `costFactor` keeps it. When its mean is above 1
 * while a black swan is in force (from the preset or set by hand), the same
 * risk is counted twice: `warnings` says so, project by project.
 */
import type { Portfolio, Project, ReferenceClass, ThreePoint } from '../model/portfolio';
import { incompleteBeta, logBeta } from './simulate/distributions';

export type Distribution = 'pert' | 'triangular';

export interface BlackSwanLaw {
  probability: number;
  scheduleFactor: number;
  costFactor: number;
}

export interface ReferenceClassPreset {
  id: ReferenceClass;
  /** The source, as shown wherever the preset is used. */
  source: string;
  /** Mean cost overrun over projects and draws, black swans included (0.27 = +27 %). */
  meanOverrun: number;
  /** Share of projects hit by a black swan. */
  blackSwanShare: number;
  /** Mean cost overrun of a black swan (2 = +200 %). */
  blackSwanCostOverrun: number;
  /** Schedule overrun of a black swan (0.7 = +70 %). */
  blackSwanScheduleOverrun: number;
  /** Ends of the cost law given to projects without their own. */
  costLow: number;
  costHigh: number;
}

export const REFERENCE_CLASS_PRESETS: Record<ReferenceClass, ReferenceClassPreset> = {
  'flyvbjerg-2011': {
    id: 'flyvbjerg-2011',
    source:
      'Flyvbjerg & Budzier, « Why Your IT Project May Be Riskier Than You Think », Harvard Business Review, septembre 2011 (1\u202f471 projets informatiques)',
    meanOverrun: 0.27,
    blackSwanShare: 1 / 6,
    blackSwanCostOverrun: 2,
    blackSwanScheduleOverrun: 0.7,
    costLow: 0.7,
    costHigh: 1.2,
  },
};

/** Mean cost factor of the projects that are not black swans: E₀ above. */
export function ordinaryMeanFactor(preset: ReferenceClassPreset): number {
  const pi = preset.blackSwanShare;
  return (1 + preset.meanOverrun - pi * (1 + preset.blackSwanCostOverrun)) / (1 - pi);
}

/** Mean of a three-point law (PERT or triangular). */
export function threePointMean(distribution: Distribution, law: ThreePoint): number {
  return distribution === 'pert'
    ? (law.low + 4 * law.mode + law.high) / 6
    : (law.low + law.mode + law.high) / 3;
}

/** The preset's cost law for projects without their own, for a distribution. */
export function presetCostLaw(
  preset: ReferenceClassPreset,
  distribution: Distribution,
): ThreePoint {
  const mean = ordinaryMeanFactor(preset);
  const { costLow: low, costHigh: high } = preset;
  const mode = distribution === 'pert' ? (6 * mean - low - high) / 4 : 3 * mean - low - high;
  return { low, mode, high };
}

/** The preset's black swan. */
export function presetBlackSwan(preset: ReferenceClassPreset): BlackSwanLaw {
  return {
    probability: preset.blackSwanShare,
    scheduleFactor: 1 + preset.blackSwanScheduleOverrun,
    costFactor: (1 + preset.blackSwanCostOverrun) / ordinaryMeanFactor(preset),
  };
}

export interface EffectiveRisk {
  distribution: Distribution;
  correlation: number;
  blackSwan: BlackSwanLaw | null;
  /** The preset in force, or null. */
  preset: ReferenceClassPreset | null;
  /** The cost law of a project: its own, else the preset's, else none (factor 1). */
  costLaw(project: Project): ThreePoint | null;
  /** Projects whose own overrun estimate is stacked on a black swan. */
  doubleCounted: string[];
}

export const DEFAULT_CORRELATION = 0.3;

export function effectiveRisk(portfolio: Portfolio): EffectiveRisk {
  const risk = portfolio.risk ?? {};
  const distribution: Distribution = risk.distribution ?? 'pert';
  const preset = risk.referenceClass ? REFERENCE_CLASS_PRESETS[risk.referenceClass] : null;
  const swan: BlackSwanLaw | null = preset
    ? presetBlackSwan(preset)
    : risk.blackSwan
      ? {
          probability: risk.blackSwan.probability,
          scheduleFactor: risk.blackSwan.scheduleFactor,
          costFactor: risk.blackSwan.costFactor,
        }
      : null;
  const fallback = preset ? presetCostLaw(preset, distribution) : null;
  const doubleCounted =
    swan && swan.probability > 0
      ? portfolio.projects
          .filter((p) => p.costFactor && threePointMean(distribution, p.costFactor) > 1 + 1e-9)
          .map((p) => p.id)
      : [];
  return {
    distribution,
    correlation: risk.correlation ?? DEFAULT_CORRELATION,
    blackSwan: swan,
    preset,
    costLaw: (project) => project.costFactor ?? fallback,
    doubleCounted,
  };
}

/**
 * P(D ≤ x) for a three-point duration law (months): PERT = Beta(α, β) on
 * [low, high], or triangular; a step at `low` when low = high.
 */
export function threePointCdf(distribution: Distribution, law: ThreePoint, x: number): number {
  const { low, mode, high } = law;
  if (x < low) return 0;
  if (x >= high) return 1;
  const range = high - low;
  if (!(range > 0)) return 1;
  const u = (x - low) / range;
  const c = (mode - low) / range;
  if (distribution === 'triangular') {
    return u <= c ? (c > 0 ? (u * u) / c : 0) : 1 - ((1 - u) * (1 - u)) / (1 - c);
  }
  const alpha = 1 + 4 * c;
  const beta = 1 + 4 * (1 - c);
  return incompleteBeta(u, alpha, beta, logBeta(alpha, beta));
}

/**
 * MODEL.md §7: the probability that a project started on 1 January of
 * horizon year `s` finishes by month `limit` (months from 1 January of the
 * first year): `(1 − π)·F(L − 12s) + π·F((L − 12s)/f)` with the black swan's
 * probability π and schedule factor f. Delays inherited from predecessors
 * are not counted (the simulation shows them).
 */
export function pFinishBy(risk: EffectiveRisk, project: Project, s: number, limit: number): number {
  const available = limit - 12 * s;
  const law = project.durationMonths;
  const plain = threePointCdf(risk.distribution, law, available);
  const swan = risk.blackSwan;
  if (!swan || swan.probability <= 0) return plain;
  const hit = threePointCdf(risk.distribution, law, available / swan.scheduleFactor);
  return (1 - swan.probability) * plain + swan.probability * hit;
}
