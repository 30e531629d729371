/**
 * Value of a project (MODEL.md §3): `V = 100 × Σ_c w_c × score_c / 5`, with
 * the weights normalised to sum 1, so 0 to 100 points.
 */
import type { Criterion, Portfolio, Project } from '../model/portfolio';

/** Weights scaled to sum 1 (all zero stays all zero: the document is then invalid). */
export function normalisedWeights(criteria: readonly Criterion[]): number[] {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return criteria.map((c) => (total > 0 ? c.weight / total : 0));
}

/** Points brought by each criterion; they sum to the project's value. */
export function valueBreakdown(criteria: readonly Criterion[], project: Project): number[] {
  const weights = normalisedWeights(criteria);
  return criteria.map((c, i) => (100 * (weights[i] ?? 0) * (project.scores[c.id] ?? 0)) / 5);
}

export function projectValue(criteria: readonly Criterion[], project: Project): number {
  return valueBreakdown(criteria, project).reduce((sum, v) => sum + v, 0);
}

/** Value of every project, by id. */
export function portfolioValues(portfolio: Portfolio): Map<string, number> {
  return new Map(portfolio.projects.map((p) => [p.id, projectValue(portfolio.criteria, p)]));
}
