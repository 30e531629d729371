/**
 * `arbitra simulate FILE [--scenario ID] [--iterations N] [--seed S] [--json]`
 *
 * The risk simulation of MODEL.md §5 (CLI.md). Defaults: 10 000 iterations,
 * seed 42; the same seed gives the same figures on every machine and with
 * any number of worker threads. The plan is the scenario's `plan`; without
 * one, the optimised plan (the optimiser runs first, 30 s at most).
 *
 * Small runs (iterations × projects below WORKER_THRESHOLD) are computed in
 * this thread; larger ones on worker threads, one per core. Exit status: 0
 * with figures, 1 when the file is refused or no plan exists, 2 on a usage
 * error (including an unknown scenario). Progress goes to standard error,
 * and only when it is a terminal.
 */
import highsLoader from 'highs';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import { resolveScenario } from '../../../shared/model/portfolio';
import { optimise } from '../../../shared/engine/optimise';
import { effectiveRisk } from '../../../shared/engine/risk';
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  MAX_ITERATIONS,
  prepareSimulation,
  runSimulation,
  type SimulationResult,
} from '../../../shared/engine/simulate';
import { MAX_SEED } from '../../../shared/engine/simulate/random';
import { simulateInWorkers, simulationPool } from '../../simulate/runner';
import { numberOption, parseCommandArgs, UsageError, type CliCommand } from '../command';
import {
  euro,
  fr,
  pct,
  print,
  printError,
  printJson,
  table as formatTable,
  TERMINAL_WIDTH,
  wrapText,
} from '../format';
import { loadPortfolioForCli } from '../load';

/**
 * Below this many project-iterations, worker start-up costs more than it
 * saves. A command runs once, so it pays the start of its threads (each
 * loads the engine through tsx: about half a second) against a project-
 * iteration of about 0.08 µs in this thread (`npm run bench`): threads pay
 * off beyond 2 × start / cost ≈ 12 million on two cores.
 */
export const WORKER_THRESHOLD = 12_000_000;
export const OPTIMISE_TIME_LIMIT = 30;

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  const iterations = numberOption('iterations', values.iterations, DEFAULT_ITERATIONS);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new UsageError(`--iterations attend un entier entre 1 et ${MAX_ITERATIONS}.`);
  }
  const seed = numberOption('seed', values.seed, DEFAULT_SEED);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new UsageError('--seed attend un entier positif ou nul.');
  }

  const loaded = await loadPortfolioForCli(file, { json: values.json });
  if (typeof loaded === 'number') return loaded;
  const { portfolio } = loaded;
  const scenario = resolveScenario(portfolio, values.scenario);
  if (!scenario) {
    throw new UsageError(`le scénario « ${values.scenario} » n'existe pas dans ce portefeuille.`);
  }

  const tty = process.stderr.isTTY === true;
  let plan: PlanEntry[];
  let planSource: 'scenario' | 'optimised';
  if (scenario.plan) {
    plan = scenario.plan;
    planSource = 'scenario';
  } else {
    if (tty) process.stderr.write('Pas de plan dans le scénario : optimisation…');
    const optimised = await optimise(() => highsLoader(), portfolio, {
      scenario,
      timeLimitSeconds: OPTIMISE_TIME_LIMIT,
    });
    if (tty) process.stderr.write('\r\x1b[K');
    if (optimised.status !== 'optimal' && optimised.status !== 'feasible') {
      const reasons = optimised.reasons.map((r) => `  - ${r}\n`).join('');
      printError(`Aucun plan à simuler : l'optimisation ne trouve pas de plan.\n${reasons}`);
      if (values.json)
        printJson({ error: 'aucun plan', status: optimised.status, reasons: optimised.reasons });
      return 1;
    }
    plan = optimised.plan;
    planSource = 'optimised';
  }

  const onProgress = tty
    ? (done: number, total: number) =>
        process.stderr.write(`\r\x1b[KSimulation… ${Math.round((100 * done) / total)} %`)
    : undefined;
  const inThread = iterations * Math.max(1, plan.length) < WORKER_THRESHOLD;
  // Threads are started before the clock: `seconds` and `cpuSeconds` are the engine's work
  // (the tables of the prepared input, the blocks, the summary).
  if (!inThread) await simulationPool().start();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const prepared = prepareSimulation(portfolio, plan, scenario);
  let result: SimulationResult;
  try {
    result = inThread
      ? await runSimulation(prepared, { iterations, seed, onProgress })
      : await simulateInWorkers(prepared, { iterations, seed, onProgress });
  } catch (error) {
    // A run too large for the memory of the machine is refused before it starts.
    if (!(error instanceof RangeError)) throw error;
    if (tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`Simulation refusée : ${error.message}\n`);
    if (values.json) printJson({ error: error.message });
    return 1;
  }
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (tty) process.stderr.write('\r\x1b[K');

  if (values.json) {
    printJson({ scenario: scenario.id, planSource, plan, ...result, seconds, cpuSeconds });
  } else {
    print(describeSimulation(portfolio, scenario.id, planSource, result));
  }
  return 0;
};

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const yearMonth = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** First and last columns left (project and name), the figures right. */
const table = (head: string[], rows: string[][]) =>
  formatTable(head, rows, {
    align: head.map((_, i) => (i === 0 || i === head.length - 1 ? 'l' : 'r')).join(''),
  });

/** The human-readable report, in French. */
export function describeSimulation(
  portfolio: Portfolio,
  scenarioId: string,
  planSource: 'scenario' | 'optimised',
  r: SimulationResult,
): string {
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const out: string[] = [];
  out.push(`Scénario : ${scenarioId}`);
  out.push(
    `Plan : ${planSource === 'scenario' ? 'celui du scénario' : 'le plan optimisé (le scénario n’en a pas)'}, ${r.projects.length} projet(s)`,
  );
  out.push(
    `Simulation : ${fr(r.iterations)} tirages, graine ${r.seed}${r.cancelled ? ' (interrompue)' : ''}`,
  );
  if (!r.precision.exact) {
    const p = r.precision;
    out.push(
      `  Quantiles lus sur des histogrammes (au-delà de ${fr(p.exactIterations)} tirages) : fins à ${fr(p.finishMonths * 30.4, 1)} jour(s) près, montants à ${euro(p.money)} près, corrélations à ${fr(p.rankCorrelation, 2)} près ; moyennes et probabilités exactes.`,
    );
  }
  const deadline = portfolio.mandateEnd
    ? `fin de mandat (${yearMonth(portfolio.mandateEnd)})`
    : 'fin de l’horizon (pas de fin de mandat renseignée)';
  out.push('', `Valeur livrée avant la ${deadline} :`);
  out.push(
    `  prévue ${fr(r.value.planned, 1)} points ; moyenne ${fr(r.value.mean, 1)} (± ${fr(r.value.stdError, 2)}) ; P10 ${fr(r.value.p10, 1)} ; P50 ${fr(r.value.p50, 1)} ; P90 ${fr(r.value.p90, 1)}`,
  );
  out.push(
    `  projets livrés : ${fr(r.delivered.mean, 1)} en moyenne sur ${r.delivered.planned} (P10 ${fr(r.delivered.p10)}, P90 ${fr(r.delivered.p90)})`,
  );
  out.push('', 'Fin des projets (mois où le projet s’achève) :');
  out.push(
    table(
      ['Projet', 'Début', 'P50', 'P80', 'P90', 'Livré à temps', 'Démarrage retardé', 'Nom'],
      r.projects.map((p) => [
        p.project,
        String(p.start),
        yearMonth(p.finish.p50),
        yearMonth(p.finish.p80),
        yearMonth(p.finish.p90),
        pct(p.pWithinMandate),
        pct(p.pLateStart),
        names.get(p.project) ?? '',
      ]),
    ).trimEnd(),
  );
  out.push('', 'Investissement net dépensé par année :');
  out.push(
    table(
      ['Année', 'P50', 'P80', 'P90', 'Enveloppe', 'Risque de dépassement'],
      r.investment.map((y) => [
        String(y.year),
        euro(y.p50),
        euro(y.p80),
        euro(y.p90),
        euro(y.envelope),
        pct(y.pOverEnvelope),
      ]),
    ).trimEnd(),
  );
  if (r.afterHorizon.p90 > 0) {
    out.push(
      `  après l’horizon : P50 ${euro(r.afterHorizon.p50)}, P90 ${euro(r.afterHorizon.p90)}`,
    );
  }
  out.push(
    `Coût total (investissement brut) : prévu ${euro(r.totalCost.planned)} ; P50 ${euro(r.totalCost.p50)} ; P80 ${euro(r.totalCost.p80)}`,
  );
  out.push(
    `Dépassement de coût moyen simulé : ${r.cost.meanOverrun >= 0 ? '+' : '−'}${pct(Math.abs(r.cost.meanOverrun))} par projet ; cygnes noirs : ${pct(r.cost.blackSwanShare)} des tirages`,
  );
  const preset = effectiveRisk(portfolio).preset;
  if (preset) out.push(wrapText(`(classe de référence : ${preset.source})`, TERMINAL_WIDTH, '  '));
  const top = r.drivers
    .filter((d) => d.rankCorrelation !== 0 || d.delaysSuccessor > 0)
    .slice(0, 10);
  if (top.length > 0) {
    out.push('', 'Ce qui porte le risque (corrélation de rang durée / valeur livrée) :');
    out.push(
      table(
        ['Projet', 'Corrélation', 'Retarde un successeur', 'Nom'],
        top.map((d) => [
          d.project,
          fr(d.rankCorrelation, 2),
          pct(d.delaysSuccessor),
          names.get(d.project) ?? '',
        ]),
      ).trimEnd(),
    );
  }
  const deadlines = r.projects.filter((p) => p.pOnTime !== undefined);
  if (deadlines.length > 0) {
    const due = new Map(portfolio.projects.map((p) => [p.id, p.deadline]));
    out.push('', 'Échéances (date limite de livraison) :');
    for (const p of deadlines) {
      out.push(
        `  ${p.project} : livré au plus tard fin ${yearMonth(due.get(p.project) ?? '')} avec une probabilité de ${pct(p.pOnTime!)} (P80 ${yearMonth(p.finish.p80)})`,
      );
    }
  }
  if (r.warnings.length > 0) {
    out.push('', ...r.warnings.map((w) => `Remarque : ${w}`));
  }
  return out.join('\n') + '\n';
}
