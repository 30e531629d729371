/**
 * `arbitra frontier FILE [--scenario ID] [--factors 0.5,0.75,1,1.25,1.5] [--confidence C]
 *  [--confidences 0.5,0.8,0.9,0.95] [--objective discounted|mandate] [--time-limit SECONDS] [--json]`
 *
 * The efficient frontier (MODEL.md §4, CLI.md): the optimum for the
 * scenario's investment envelopes multiplied by each factor, each point's
 * plan holding the envelopes with `--confidence` when given (MODEL.md §7).
 * `--confidences` instead gives the price of confidence: one point per level
 * (`"confidence": 0.8` instead of `"factor"`), `null` standing for the
 * deterministic plan, always listed first. `--time-limit` (not in CLI.md,
 * default 10, 30 with a confidence) bounds each point's solve. Exit status: 0
 * when at least one point has a plan, 1 when the file is refused or no point
 * has one, 2 on a usage error (unknown scenario included).
 */
import highsLoader from 'highs';
import {
  confidenceFrontier,
  DEFAULT_FACTORS,
  frontier,
  UnknownScenarioError,
  type ConfidencePoint,
  type FrontierPoint,
} from '../../../shared/engine/optimise';
import { numberOption, parseCommandArgs, UsageError, type CliCommand } from '../command';
import { loadPortfolioForCli } from '../load';
import { euro, fr, print, printJson, table } from '../format';
import { cpuSecondsSince, riskOptions } from './optimize';
import { solverThreadsFor } from '../../optimise/pool';

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    factors: { type: 'string' },
    confidences: { type: 'string' },
    'time-limit': { type: 'string' },
    objective: { type: 'string' },
    confidence: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  if (values.confidences !== undefined && values.factors !== undefined) {
    throw new UsageError(
      '--factors et --confidences ne vont pas ensemble : choisissez l’un des deux.',
    );
  }
  if (values.confidences !== undefined && values.confidence !== undefined) {
    throw new UsageError('--confidence et --confidences ne vont pas ensemble.');
  }
  const risk = riskOptions(values);
  const confidences =
    values.confidences === undefined ? undefined : parseConfidences(values.confidences);
  const factors = values.factors === undefined ? DEFAULT_FACTORS : parseFactors(values.factors);
  const timeLimit = numberOption(
    'time-limit',
    values['time-limit'],
    confidences || risk.confidence !== undefined ? 30 : 10,
  );
  if (timeLimit <= 0) throw new UsageError('--time-limit attend un nombre de secondes positif.');

  const loaded = await loadPortfolioForCli(file, { json: values.json });
  if (typeof loaded === 'number') return loaded;

  const began = Date.now();
  const cpu = process.cpuUsage();
  if (confidences) {
    let levels: ConfidencePoint[];
    try {
      ({ points: levels } = await confidenceFrontier(() => highsLoader(), loaded.portfolio, {
        scenarioId: values.scenario,
        confidences,
        timeLimitSeconds: timeLimit,
        ...risk,
        onPoint: process.stderr.isTTY
          ? (p, done, total) =>
              process.stderr.write(
                `\r\x1b[KPrix de la confiance : ${done}/${total} niveaux (${p.confidence === null ? 'sans marge' : `${fr(100 * p.confidence)} %`})`,
              )
          : undefined,
      }));
    } catch (error) {
      if (error instanceof UnknownScenarioError) throw new UsageError(error.message);
      throw error;
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const seconds = (Date.now() - began) / 1000;
    if (values.json) printJson({ points: levels, seconds, cpuSeconds: cpuSecondsSince(cpu) });
    else print(describeConfidences(levels));
    return levels.some((p) => p.status === 'optimal' || p.status === 'feasible') ? 0 : 1;
  }

  let points: FrontierPoint[];
  try {
    ({ points } = await frontier(() => highsLoader(), loaded.portfolio, {
      scenarioId: values.scenario,
      factors,
      timeLimitSeconds: timeLimit,
      ...risk,
      race: solverThreadsFor(loaded.portfolio),
      onPoint: process.stderr.isTTY
        ? (p, done, total) =>
            process.stderr.write(
              `\r\x1b[KFrontière : ${done}/${total} points (facteur ${fr(p.factor, 2)})`,
            )
        : undefined,
    }));
  } catch (error) {
    if (error instanceof UnknownScenarioError) throw new UsageError(error.message);
    throw error;
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const seconds = (Date.now() - began) / 1000;
  if (values.json) printJson({ points, seconds, cpuSeconds: cpuSecondsSince(cpu) });
  else print(describeFrontier(points));
  return points.some((p) => p.status === 'optimal' || p.status === 'feasible') ? 0 : 1;
};

/** "null,0.5,0.8" → [null, 0.5, 0.8]; the deterministic level is always listed, first. */
function parseConfidences(raw: string): (number | null)[] {
  const list = raw.split(',').map((s) => s.trim());
  const levels = list.map((s) => (s === 'null' ? null : Number(s)));
  if (
    list.length === 0 ||
    levels.some((c, i) => list[i] === '' || (c !== null && !(c >= 0.5 && c <= 0.99)))
  ) {
    throw new UsageError(
      `--confidences attend des probabilités entre 0.5 et 0.99 séparées par des virgules (0.5,0.8,0.9,0.95), pas « ${raw} ».`,
    );
  }
  return [null, ...levels.filter((c) => c !== null)];
}

function describeConfidences(points: ConfidencePoint[]): string {
  const rows = points.map((p) => {
    const ok = p.status === 'optimal' || p.status === 'feasible';
    const worst = p.pOverEnvelope ? Math.max(0, ...p.pOverEnvelope) : null;
    return [
      p.confidence === null ? 'sans marge de risque' : `${fr(100 * p.confidence)} %`,
      ok ? fr(p.objective, 1) : '—',
      ok ? `${fr(100 * p.priceOfConfidence, 1)} %` : '—',
      ok ? euro(p.investment) : '—',
      worst === null ? '—' : `${fr(100 * worst, 1)} %`,
    ];
  });
  return (
    [
      'Prix de la confiance : valeur du meilleur plan qui tient chaque enveloppe avec la probabilité demandée',
      table(
        ['Confiance', 'Valeur (points)', 'Prix', 'Investissement net', 'Pire année (risque)'],
        rows,
      ).trimEnd(),
      ...points
        .filter((p) => p.status !== 'optimal' && p.status !== 'feasible')
        .map(
          (p) =>
            `Confiance ${p.confidence === null ? '—' : fr(100 * p.confidence)} : ${p.reasons.join(' ')}`,
        ),
    ].join('\n') + '\n'
  );
}

function parseFactors(raw: string): number[] {
  const list = raw.split(',').map((s) => s.trim());
  const factors = list.map(Number);
  if (list.length === 0 || factors.some((f, i) => list[i] === '' || !Number.isFinite(f) || f < 0)) {
    throw new UsageError(
      `--factors attend des nombres positifs séparés par des virgules, pas « ${raw} ».`,
    );
  }
  return factors;
}

function describeFrontier(points: FrontierPoint[]): string {
  const sorted = [...points].sort((a, b) => a.factor - b.factor);
  let prev: FrontierPoint | undefined;
  const rows = sorted.map((p) => {
    const ok = p.status === 'optimal' || p.status === 'feasible';
    let marginal = '';
    if (ok && prev && (prev.status === 'optimal' || prev.status === 'feasible')) {
      const dm = (p.investment - prev.investment) / 1e6;
      marginal = dm > 1e-9 ? `${fr((p.objective - prev.objective) / dm, 1)}` : '—';
    }
    if (ok) prev = p;
    return [
      `× ${fr(p.factor, 2)}`,
      ok ? fr(p.objective, 1) : '—',
      ok ? euro(p.investment) : '—',
      ok ? String(p.plan.length) : '—',
      marginal,
      p.status === 'optimal'
        ? 'optimal'
        : p.status === 'feasible'
          ? `écart ${fr(100 * p.gap, 2)} %`
          : p.status === 'infeasible'
            ? 'aucun plan'
            : 'non résolu',
    ];
  });
  const out = [
    'Frontière efficace : valeur du plan optimal selon l’enveloppe d’investissement',
    table(
      [
        'Enveloppe',
        'Valeur (points)',
        'Investissement net',
        'Projets',
        'Points par M€ en plus',
        'Statut',
      ],
      rows,
    ).trimEnd(),
  ];
  const reasons = sorted.filter((p) => p.status === 'infeasible' || p.status === 'unknown');
  for (const p of reasons) out.push(`Enveloppe × ${fr(p.factor, 2)} : ${p.reasons.join(' ')}`);
  return out.join('\n') + '\n';
}
