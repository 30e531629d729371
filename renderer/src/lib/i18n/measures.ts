/**
 * One vocabulary for the value figures, on every screen, slide and page, so
 * a reader always knows which measure a number is (docs/calculs.md):
 *
 * - `discounted`: the optimiser's objective under the discounted objective
 *   (MODEL.md §4), Σ V × (1 − préférence)^année ;
 * - `mandate`: the optimiser's objective under the mandate objective (§7),
 *   the expected value delivered within the mandate, discounted;
 * - `planned`: Σ V over the plan, not discounted (the simulation's
 *   « valeur prévue », and what comparisons between scenarios use);
 * - `deliveredP50` / `deliveredMean`: the value delivered within the mandate
 *   in the simulation, its median or its mean, not discounted.
 *
 * `short` is the name in a sentence or a column, `long` adds how it is
 * computed, for a tooltip or a caption.
 */
import type { ScenarioObjective } from '../../../../shared/model/portfolio';
import { i18n } from './i18n.svelte';

export type Measure = 'discounted' | 'mandate' | 'planned' | 'deliveredP50' | 'deliveredMean';

const words: Record<'fr' | 'en', Record<Measure, { short: string; long: string }>> = {
  fr: {
    discounted: {
      short: 'valeur actualisée du plan',
      long: 'somme des valeurs des projets retenus (0 à 100 points chacun), réduite selon l’année de démarrage',
    },
    mandate: {
      short: 'valeur espérée livrée dans le mandat',
      long: 'valeur de chaque projet, actualisée, multipliée par sa probabilité d’être livré avant la fin du mandat',
    },
    planned: {
      short: 'valeur prévue',
      long: 'somme des valeurs des projets retenus, sans actualisation',
    },
    deliveredP50: {
      short: 'valeur livrée dans le mandat (médiane)',
      long: 'valeur des projets livrés avant la fin du mandat, sans actualisation : une chance sur deux de faire au moins autant (P50 de la simulation)',
    },
    deliveredMean: {
      short: 'valeur livrée dans le mandat (moyenne)',
      long: 'valeur des projets livrés avant la fin du mandat, sans actualisation, en moyenne sur les déroulements simulés',
    },
  },
  en: {
    discounted: {
      short: 'discounted value of the plan',
      long: 'sum of the chosen projects’ values (0 to 100 points each), reduced by their start year',
    },
    mandate: {
      short: 'expected value delivered within the mandate',
      long: 'each project’s discounted value times its probability of being delivered before the end of the mandate',
    },
    planned: {
      short: 'planned value',
      long: 'sum of the chosen projects’ values, not discounted',
    },
    deliveredP50: {
      short: 'value delivered within the mandate (median)',
      long: 'value of the projects delivered before the end of the mandate, not discounted: an even chance of at least this much (P50 of the simulation)',
    },
    deliveredMean: {
      short: 'value delivered within the mandate (mean)',
      long: 'value of the projects delivered before the end of the mandate, not discounted, averaged over the simulated runs',
    },
  },
};

/** The measure's name, for a sentence or a column head (lower case). */
export function measure(m: Measure): string {
  return words[i18n.locale][m].short;
}

/** The measure's name with a capital, for a label. */
export function measureLabel(m: Measure): string {
  const s = measure(m);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How the measure is computed, for a tooltip or a caption. */
export function measureHow(m: Measure): string {
  return words[i18n.locale][m].long;
}

/** The measure an optimiser's objective is, by the scenario's objective. */
export function objectiveMeasure(objective: ScenarioObjective | undefined): Measure {
  return objective === 'mandate' ? 'mandate' : 'discounted';
}
