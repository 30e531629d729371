/**
 * A new, empty document: what "Nouveau portefeuille" creates.
 *
 * It is valid as it stands (`validatePortfolio` accepts it) and invents no
 * figure: the four criteria of MODEL.md §2 with their example weights, six
 * budget years starting next year, one IT team with no capacity yet, zero
 * envelopes, no project. The authority fills in its own numbers.
 */
import { FORMAT_NAME, FORMAT_VERSION, type Portfolio } from './portfolio';

/** Number of budget years of a new document. */
export const NEW_HORIZON_YEARS = 6;

export function emptyPortfolio(
  name = 'Nouveau portefeuille',
  firstYear: number = new Date().getFullYear() + 1,
): Portfolio {
  const zeros = (): number[] => new Array<number>(NEW_HORIZON_YEARS).fill(0);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    organisation: {
      name: name.trim() || 'Nouveau portefeuille',
      kind: 'commune',
      // The common-law regime (droit commun): FCTVA paid two years later.
      fctvaRegime: 'N+2',
    },
    horizon: { firstYear, years: NEW_HORIZON_YEARS },
    criteria: [
      { id: 'usagers', label: "Qualité de service à l'usager", weight: 0.35 },
      { id: 'efficience', label: 'Efficience pour le contribuable', weight: 0.25 },
      { id: 'agents', label: 'Conditions de travail des agents', weight: 0.15 },
      { id: 'strategie', label: 'Alignement sur le projet de mandature', weight: 0.25 },
    ],
    axes: [],
    directions: [],
    teams: [{ id: 'dsi', label: 'DSI', capacity: zeros() }],
    budget: { investment: zeros(), operating: zeros() },
    projects: [],
    scenarios: [
      {
        id: 'base',
        name: 'Scénario de référence',
        budgetFactor: { investment: 1, operating: 1 },
        capacityFactor: 1,
        forceIn: [],
        forceOut: [],
        timePreference: 0.04,
        savingsCredit: 1,
      },
    ],
    decisions: [],
  };
}
