/**
 * The plan checker: every rule of MODEL.md §4 checked on a plan, one sentence
 * per broken rule. It works from the prepared problem, not from the solver's
 * model, so it also catches a mistake in the model builder.
 */
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../model/portfolio';
import { fits, latestStart, planUsage, prepareProblem, type PreparedProblem } from './problem';
import { eurosPair, frenchNumber, monthWords, personDays } from './words';

/** Violations of the rules of MODEL.md §4 by `plan` (empty when the plan is feasible). */
export function checkPlan(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): string[] {
  return checkPreparedPlan(prepareProblem(portfolio, scenario), plan);
}

export function checkPreparedPlan(problem: PreparedProblem, plan: readonly PlanEntry[]): string[] {
  const out: string[] = [];
  const { firstYear, years } = problem;
  const last = firstYear + years - 1;
  const startOf = new Map<string, number>();
  for (const entry of plan) {
    const p = problem.byId.get(entry.project);
    if (!p) {
      out.push(`Le projet ${entry.project} n'existe pas dans le portefeuille.`);
      continue;
    }
    if (startOf.has(p.id)) {
      out.push(`Le projet ${p.id} figure plusieurs fois dans le plan.`);
      continue;
    }
    startOf.set(p.id, entry.start);
    const end = entry.start + p.duration - 1;
    if (!Number.isInteger(entry.start) || entry.start < firstYear || end > last) {
      out.push(
        `Le projet ${p.id} démarré en ${entry.start} serait construit jusqu'en ${end}, hors de l'horizon ${firstYear}–${last}.`,
      );
    }
    const fixed = p.project.fixedStart;
    if (fixed !== undefined && fixed !== null) {
      if (entry.start !== fixed) {
        out.push(`Le projet ${p.id} est engagé pour démarrer en ${fixed}, pas en ${entry.start}.`);
      }
    } else {
      const earliest = p.project.earliestStart;
      if (earliest !== undefined && earliest !== null && entry.start < earliest) {
        out.push(
          `Le projet ${p.id} ne peut pas démarrer avant ${earliest} (plan : ${entry.start}).`,
        );
      }
    }
    const postponed = problem.scenario.notBefore[p.id];
    if (postponed !== undefined && entry.start < postponed && (fixed ?? null) === null) {
      out.push(
        `Le projet ${p.id} a été reporté à ${postponed} par le comité (plan : ${entry.start}).`,
      );
    }
    const deadline = p.project.deadline;
    if (deadline && entry.start - firstYear > latestStart(p.project, firstYear)) {
      out.push(
        `Le projet ${p.id} doit être livré au plus tard fin ${monthWords(deadline)} ; démarré en ${entry.start}, il ne s'achèverait que fin ${entry.start + p.duration - 1}.`,
      );
    }
    if (p.forcedOut === 'self') {
      out.push(`Le projet ${p.id} est écarté par le scénario mais figure dans le plan.`);
    }
  }
  for (const p of problem.projects) {
    if (p.required.some((r) => r.kind !== 'dependency') && !startOf.has(p.id)) {
      out.push(`Le projet ${p.id} est imposé mais ne figure pas dans le plan.`);
    }
  }
  for (const [id, start] of startOf) {
    const q = problem.byId.get(id);
    if (!q) continue;
    for (const pi of q.dependsOn) {
      const p = problem.projects[pi];
      if (!p) continue;
      const ps = startOf.get(p.id);
      if (ps === undefined) {
        out.push(`Le projet ${q.id} dépend de ${p.id}, qui ne figure pas dans le plan.`);
      } else if (ps + p.duration > start) {
        out.push(
          `Le projet ${q.id} démarre en ${start} alors que ${p.id}, dont il dépend, n'est achevé qu'en ${ps + p.duration - 1}.`,
        );
      }
    }
  }
  for (const [a, b] of problem.exclusions) {
    const pa = problem.projects[a];
    const pb = problem.projects[b];
    if (pa && pb && startOf.has(pa.id) && startOf.has(pb.id)) {
      out.push(`Les projets ${pa.id} et ${pb.id} s'excluent mais figurent tous deux dans le plan.`);
    }
  }

  const usage = planUsage(problem, plan);
  for (let t = 0; t < years; t++) {
    const year = firstYear + t;
    const inv = usage.investment[t] as number;
    const invCap = problem.investmentCap[t] as number;
    if (!fits(inv, invCap)) {
      const [a, b] = eurosPair(inv, invCap);
      out.push(`Investissement ${year} : ${a} pour une enveloppe de ${b}.`);
    }
    const op = usage.operating[t] as number;
    const opCap = problem.operatingCap[t] as number;
    if (!fits(op, opCap)) {
      const [a, b] = eurosPair(op, opCap);
      out.push(`Fonctionnement ${year} : ${a} pour une enveloppe de ${b}.`);
    }
    for (const team of problem.teams) {
      const used = (usage.teams[team.id] as number[])[t] as number;
      const cap = team.capacity[t] as number;
      if (!fits(used, cap)) {
        out.push(
          `Équipe ${team.label} en ${year} : ${personDays(used)} pour une capacité de ${personDays(cap)}.`,
        );
      }
    }
    for (const d of problem.directions) {
      const n = (usage.directions[d.id] as number[])[t] as number;
      if (n > d.max) {
        out.push(
          `Direction ${d.label} en ${year} : ${frenchNumber(n)} projets en construction pour ${frenchNumber(d.max)} au plus.`,
        );
      }
    }
  }
  return out;
}
