/**
 * `arbitra optimize FILE [--scenario ID] [--time-limit SECONDS] [--gap FRACTION] [--robustness]
 *  [--objective discounted|mandate] [--confidence C] [--iterations N] [--seed S] [--json]`
 *
 * `--objective` and `--confidence` override the scenario's fields (MODEL.md
 * §7); with a confidence, `--iterations` (default 20 000, at least 10 000) and
 * `--seed` (default 42) set the simulation that checks the plan, and the JSON
 * holds the `confidence` block of CLI.md. The JSON also holds `seconds` and
 * `cpuSeconds` (CPU time of the process while the engine worked).
 *
 * The best plan under the rules of MODEL.md §4 (CLI.md). Exit status: 0 when
 * a plan is found (optimal or stopped with a gap), 1 when the file is refused
 * or no plan exists (the reasons are printed), 2 on a usage error, which
 * includes a `--scenario` naming no scenario of the document.
 * `--robustness` adds, for each criterion, the range of its weight over
 * which the plan keeps the same projects and what enters or leaves beyond
 * (shared/engine/robustness.ts), and each project's stability under
 * sampled weightings (`stability`, an added field); every re-optimisation
 * has the same time limit and gap as the main one.
 * Progress goes to standard error, and only when it is a terminal.
 */
import highsLoader from 'highs';
import type { Portfolio } from '../../../shared/model/portfolio';
import {
  optimise,
  UnknownScenarioError,
  type ConfidenceReport,
  type OptimiseOptions,
  type OptimiseProgress,
  type OptimiseResult,
} from '../../../shared/engine/optimise';
import {
  robustness,
  type RobustnessProgress,
  type RobustnessResult,
} from '../../../shared/engine/robustness';
import { portfolioValues } from '../../../shared/engine/value';
import { numberOption, parseCommandArgs, UsageError, type CliCommand } from '../command';
import { euro, fr, lineSafe, print, printJson, table } from '../format';
import { loadPortfolioForCli } from '../load';
import { solverThreadsFor } from '../../optimise/pool';

export const DEFAULT_TIME_LIMIT = 30;

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    'time-limit': { type: 'string' },
    gap: { type: 'string' },
    robustness: { type: 'boolean' },
    objective: { type: 'string' },
    confidence: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  const timeLimit = numberOption('time-limit', values['time-limit'], DEFAULT_TIME_LIMIT);
  if (timeLimit <= 0) throw new UsageError('--time-limit attend un nombre de secondes positif.');
  const gap = numberOption('gap', values.gap, 1e-4);
  if (gap < 0 || gap >= 1)
    throw new UsageError('--gap attend une fraction entre 0 et 1 (0.01 pour 1 %).');

  const risk = riskOptions(values);

  const loaded = await loadPortfolioForCli(file, { json: values.json });
  if (typeof loaded === 'number') return loaded;
  const { portfolio } = loaded;

  let result: OptimiseResult;
  const cpu = process.cpuUsage();
  try {
    result = await optimise(() => highsLoader(), portfolio, {
      scenarioId: values.scenario,
      timeLimitSeconds: timeLimit,
      gap,
      ...risk,
      onProgress: process.stderr.isTTY ? reportProgress : undefined,
    });
  } catch (error) {
    if (error instanceof UnknownScenarioError) throw new UsageError(error.message);
    throw error;
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const found = result.status === 'optimal' || result.status === 'feasible';
  const cpuSeconds = cpuSecondsSince(cpu);

  let robust: RobustnessResult | undefined;
  if (values.robustness && found) {
    robust = await robustness(() => highsLoader(), portfolio, {
      scenarioId: values.scenario,
      timeLimitSeconds: timeLimit,
      gap,
      // A plan stopped with a gap is not known to be optimal: start afresh.
      reference: result.status === 'optimal' ? result.plan : undefined,
      samples: ROBUSTNESS_SAMPLES,
      race: solverThreadsFor(portfolio),
      onProgress: process.stderr.isTTY ? reportRobustness : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }

  if (values.json) {
    const json = { ...result, cpuSeconds };
    printJson(robust ? { ...json, ...robustnessJson(robust) } : json);
  } else {
    print(describeResult(portfolio, result));
    if (robust) print(describeRobustness(portfolio, robust));
  }
  return found ? 0 : 1;
};

/** CPU seconds of this process (every thread) since `since`. */
export function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** `--objective`, `--confidence`, `--iterations`, `--seed` (MODEL.md §7), checked. */
export function riskOptions(values: {
  objective?: string;
  confidence?: string;
  iterations?: string;
  seed?: string;
}): Pick<OptimiseOptions, 'objective' | 'confidence' | 'iterations' | 'seed'> {
  const out: Pick<OptimiseOptions, 'objective' | 'confidence' | 'iterations' | 'seed'> = {};
  if (values.objective !== undefined) {
    if (values.objective !== 'discounted' && values.objective !== 'mandate') {
      throw new UsageError(
        `--objective attend « discounted » (valeur actualisée) ou « mandate » (valeur livrée dans le mandat), pas « ${values.objective} ».`,
      );
    }
    out.objective = values.objective;
  }
  if (values.confidence !== undefined) {
    const c = numberOption('confidence', values.confidence, 0);
    if (c < 0.5 || c > 0.99) {
      throw new UsageError(
        '--confidence attend une probabilité entre 0.5 et 0.99 (0.8 pour 80 %).',
      );
    }
    out.confidence = c;
  }
  if (values.iterations !== undefined) {
    const n = numberOption('iterations', values.iterations, 0);
    if (!Number.isInteger(n) || n < 10_000 || n > 1_000_000) {
      throw new UsageError(
        '--iterations attend un nombre entier de tirages entre 10 000 et 1 000 000.',
      );
    }
    out.iterations = n;
  }
  if (values.seed !== undefined) {
    const seed = numberOption('seed', values.seed, 0);
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new UsageError('--seed attend un entier positif ou nul.');
    }
    out.seed = seed;
  }
  return out;
}

/** Sampled weightings for the stability of each project. */
export const ROBUSTNESS_SAMPLES = 20;

/** The `robustness` field of CLI.md, plus `stability` (an added field). */
export function robustnessJson(r: RobustnessResult) {
  return {
    robustness: r.ranges.map((x) => ({
      criterion: x.criterion,
      weight: x.weight,
      low: x.low,
      high: x.high,
      enteringAtLow: x.enteringAtLow,
      leavingAtLow: x.leavingAtLow,
      enteringAtHigh: x.enteringAtHigh,
      leavingAtHigh: x.leavingAtHigh,
      exact: x.exact,
    })),
    stability: r.stability.map((s) => ({ project: s.project, share: s.share, inPlan: s.inPlan })),
  };
}

function reportRobustness(p: RobustnessProgress): void {
  const what = p.criterion ? ` critère ${lineSafe(p.criterion)}` : '';
  process.stderr.write(
    `\r\x1b[KRobustesse…${what} ${fr(100 * p.fraction)} % (${p.solves} optimisations)`,
  );
}

export function describeRobustness(portfolio: Portfolio, r: RobustnessResult): string {
  const label = new Map(portfolio.criteria.map((c) => [c.id, c.label]));
  const pct = (x: number) => `${fr(100 * x, 1)} %`;
  const ids = (xs: string[]) => (xs.length > 0 ? xs.join(', ') : '—');
  const out = [
    '',
    'Robustesse aux poids (le plan garde les mêmes projets tant que le poids reste dans la plage) :',
    table(
      ['Critère', 'Poids', 'Plage', 'En dessous', 'Au-dessus'],
      r.ranges.map((x) => [
        label.get(x.criterion) ?? x.criterion,
        pct(x.weight),
        `${pct(x.low)} – ${pct(x.high)}`,
        x.low > 0 ? `+ ${ids(x.enteringAtLow)} / − ${ids(x.leavingAtLow)}` : '—',
        x.high < 1 ? `+ ${ids(x.enteringAtHigh)} / − ${ids(x.leavingAtHigh)}` : '—',
      ]),
      { align: 'lrlll' },
    ).trimEnd(),
  ];
  if (r.samples > 0) {
    const shaky = r.stability
      .filter((s) => s.inPlan && s.share < 1)
      .sort((a, b) => a.share - b.share)
      .map((s) => `${s.project} (${pct(s.share)})`);
    out.push(
      `Stabilité sur ${r.samples} pondérations tirées autour des poids actuels : ${
        shaky.length > 0
          ? `projets du plan pas toujours retenus : ${shaky.join(', ')}`
          : 'tous les projets du plan restent toujours retenus'
      }.`,
    );
  }
  if (r.approximate)
    out.push('Certaines optimisations se sont arrêtées avant la preuve : plages approchées.');
  return out.join('\n') + '\n';
}

function reportProgress(p: OptimiseProgress): void {
  if (p.note) {
    process.stderr.write(`\r\x1b[KConfiance… ${fr(p.seconds, 1)} s ; ${p.note}`);
    return;
  }
  const parts = [`${fr(p.seconds, 1)} s`];
  if (p.objective !== null) parts.push(`meilleur plan ${fr(p.objective, 1)} points`);
  if (p.bound !== null) parts.push(`borne ${fr(p.bound, 1)}`);
  if (p.gap !== null) parts.push(`écart ${fr(100 * p.gap, 2)} %`);
  process.stderr.write(`\r\x1b[KOptimisation… ${parts.join(' ; ')}`);
}

/** Which measure the objective is, in the shared vocabulary of the screens. */
function objectiveWords(portfolio: Portfolio, scenarioId: string): string {
  const s = portfolio.scenarios?.find((x) => x.id === scenarioId);
  return s?.objective === 'mandate'
    ? 'valeur livrée dans le mandat, espérée et actualisée'
    : 'valeur actualisée du plan';
}

/** The confidence block (MODEL.md §7) in words. */
export function describeConfidence(portfolio: Portfolio, c: ConfidenceReport): string[] {
  const first = portfolio.horizon.firstYear;
  const out = [
    '',
    `Confiance demandée : ${fr(100 * c.target)} % — chaque enveloppe d’investissement tenue au moins ${fr(10 * c.target, 1)} années sur 10 (${fr(c.iterations)} tirages, graine ${c.seed}).`,
    c.holds
      ? `Prix de la confiance : ${fr(100 * c.priceOfConfidence, 1)} % de la valeur (${fr(c.deterministicObjective, 1)} points sans marge de risque).`
      : 'Aucun plan trouvé ne tient cette confiance.',
  ];
  if (c.uniformBaseline) {
    out.push(
      `Référence « marge uniforme » (toutes les enveloppes × ${fr(c.uniformBaseline.factor, 3)}) : ${fr(c.uniformBaseline.objective, 1)} points.`,
    );
  }
  out.push(
    'Risque de dépassement simulé par année :',
    table(
      ['Année', 'Risque', '± erreur'],
      c.pOverEnvelope.map((p, t) => [
        String(first + t),
        `${fr(100 * p, 1)} %`,
        `${fr(100 * (c.stdError[t] ?? 0), 1)} pt`,
      ]),
    ).trimEnd(),
  );
  return out;
}

const STATUS: Record<OptimiseResult['status'], string> = {
  optimal: 'optimal (prouvé)',
  feasible: 'plan trouvé, arrêté avant la preuve d’optimalité',
  infeasible: 'aucun plan possible',
  unknown: 'aucun plan trouvé dans le temps imparti',
};

export function describeResult(portfolio: Portfolio, r: OptimiseResult): string {
  const out: string[] = [];
  out.push(`Scénario : ${r.scenario}`);
  out.push(`Statut : ${STATUS[r.status]} (${fr(r.seconds, 1)} s)`);
  if (r.status === 'infeasible' || r.status === 'unknown') {
    out.push('', 'Pourquoi :', ...r.reasons.map((x) => `  - ${x}`));
    return out.join('\n') + '\n';
  }
  out.push(
    `Valeur du plan : ${fr(r.objective, 1)} points (${objectiveWords(portfolio, r.scenario)} ; borne prouvée ${fr(r.bound, 1)}, écart ${fr(100 * r.gap, 2)} %)`,
  );
  if (r.confidence) out.push(...describeConfidence(portfolio, r.confidence));
  const values = portfolioValues(portfolio);
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  out.push('', `Plan (${r.plan.length} projet${r.plan.length > 1 ? 's' : ''}) :`);
  out.push(
    table(
      ['Projet', 'Début', 'Fin', 'Valeur', 'Nom'],
      r.plan.map((e) => {
        const p = byId.get(e.project);
        const n = p?.investment.length ?? 1;
        return [
          e.project,
          String(e.start),
          String(e.start + n - 1),
          fr(values.get(e.project) ?? 0, 1),
          p?.name ?? '',
        ];
      }),
      { align: 'lrrrl' },
    ).trimEnd(),
  );
  const first = portfolio.horizon.firstYear;
  const teams = portfolio.teams;
  const scenario = portfolio.scenarios?.find((s) => s.id === r.scenario);
  const invF = scenario?.budgetFactor?.investment ?? 1;
  const opF = scenario?.budgetFactor?.operating ?? 1;
  const capF = scenario?.capacityFactor ?? 1;
  out.push('', 'Consommation par année (utilisé / disponible) :');
  out.push(
    table(
      ['Année', 'Investissement net', 'Fonctionnement net', ...teams.map((t) => t.id)],
      r.usage.investment.map((inv, t) => [
        String(first + t),
        `${euro(inv)} / ${euro((portfolio.budget.investment[t] ?? 0) * invF)}`,
        `${euro(r.usage.operating[t] ?? 0)} / ${euro((portfolio.budget.operating[t] ?? 0) * opF)}`,
        ...teams.map(
          (team) =>
            `${fr(r.usage.teams[team.id]?.[t] ?? 0)} / ${fr((team.capacity[t] ?? 0) * capF)} j`,
        ),
      ]),
    ).trimEnd(),
  );
  const h = r.heuristic;
  out.push('');
  if (r.confidence) {
    // The ranking heuristic knows no risk: comparing it with a plan that holds would mislead.
    out.push(
      `Sans marge de risque, l’optimum vaut ${fr(r.confidence.deterministicObjective, 1)} points et le classement par valeur par euro ${fr(h.objective, 1)} points ; ni l’un ni l’autre ne tient forcément les enveloppes avec cette confiance.`,
    );
  } else if (h.feasible) {
    const plus = r.objective - h.objective;
    const pct = h.objective > 0 ? (100 * plus) / h.objective : 0;
    out.push(
      `Classement par valeur par euro (heuristique) : ${fr(h.objective, 1)} points, ${h.plan.length} projets.`,
      `L'optimisation apporte ${plus >= 0 ? '+' : ''}${fr(plus, 1)} points (${plus >= 0 ? '+' : ''}${fr(pct, 1)} %).`,
    );
  } else {
    out.push(
      'Le classement par valeur par euro (heuristique) ne parvient pas à placer tous les projets imposés ; l’optimisation, si.',
    );
  }
  return out.join('\n') + '\n';
}
