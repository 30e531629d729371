/**
 * `arbitra frontier FILE [--scenario ID] [--factors 0.5,0.75,1,1.25,1.5] [--time-limit SECONDS] [--json]`
 *
 * The efficient frontier (MODEL.md §4, CLI.md): the optimum for the
 * scenario's investment envelopes multiplied by each factor. `--time-limit`
 * (not in CLI.md, default 10) bounds each point's solve. Exit status: 0 when
 * at least one point has a plan, 1 when the file is refused or no point has
 * one, 2 on a usage error (unknown scenario included).
 */
import highsLoader from 'highs';
import {
  DEFAULT_FACTORS,
  frontier,
  UnknownScenarioError,
  type FrontierPoint,
} from '../../../shared/engine/optimise';
import { numberOption, parseCommandArgs, printJson, UsageError, type CliCommand } from '../command';
import { loadPortfolioForCli } from '../load';
import { solverThreadsFor } from '../../optimise/pool';
import { euro, fr, table } from './optimize';

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    factors: { type: 'string' },
    'time-limit': { type: 'string' },
    json: { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  const factors = values.factors === undefined ? DEFAULT_FACTORS : parseFactors(values.factors);
  const timeLimit = numberOption('time-limit', values['time-limit'], 10);
  if (timeLimit <= 0) throw new UsageError('--time-limit attend un nombre de secondes positif.');

  const loaded = await loadPortfolioForCli(file, { json: values.json });
  if (typeof loaded === 'number') return loaded;

  let points: FrontierPoint[];
  try {
    ({ points } = await frontier(() => highsLoader(), loaded.portfolio, {
      scenarioId: values.scenario,
      factors,
      timeLimitSeconds: timeLimit,
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

  if (values.json) printJson({ points });
  else process.stdout.write(describeFrontier(points));
  return points.some((p) => p.status === 'optimal' || p.status === 'feasible') ? 0 : 1;
};

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
