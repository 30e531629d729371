/**
 * The scenario screen's own figure: how the plan compares with the ranking
 * heuristic. What a plan uses of each envelope, team and direction and the
 * scenario's ceilings are the engine's (shared/engine/plan.ts); the rows of
 * the roadmap, envelope and team charts are the charts' (charts/data.ts).
 */

/** How much the plan beats the heuristic: points, and share of the heuristic's value. */
export function comparison(
  planObjective: number,
  heuristicObjective: number,
): { points: number; share: number | null } {
  const points = planObjective - heuristicObjective;
  return { points, share: heuristicObjective > 0 ? points / heuristicObjective : null };
}
