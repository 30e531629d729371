/**
 * A simulation worker thread of a `SimulationPool` (runner.ts). Per run it
 * receives the prepared simulation and the run's shared columns, then block
 * requests, which it writes in place and answers with the block's counts,
 * then chunks of projects, answered with their `projectFigures`.
 */
import { parentPort } from 'node:worker_threads';
import {
  PROJECT_FIGURES,
  projectFigures,
  projectScratch,
  simulateInto,
  type IterationColumns,
  type PreparedSimulation,
  type ProjectScratch,
} from '../../shared/engine/simulate';
import type { WorkerReply, WorkerRequest } from './runner';

const port = parentPort;
if (!port) throw new Error('simulate/worker.ts must run in a worker thread');

let run: { prepared: PreparedSimulation; seed: number; columns: IterationColumns } | undefined;
let scratch: ProjectScratch | undefined;

function answer(request: WorkerRequest): WorkerReply | undefined {
  switch (request.type) {
    case 'run':
      run = request;
      return undefined;
    case 'end':
      run = undefined;
      scratch = undefined;
      return undefined;
    case 'block': {
      if (!run) throw new Error('bloc demandé hors d’une simulation');
      const counts = simulateInto(
        run.prepared,
        run.seed,
        request.firstIteration,
        request.count,
        run.columns,
      );
      return {
        type: 'block',
        firstIteration: request.firstIteration,
        count: request.count,
        counts,
      };
    }
    case 'figures': {
      if (!run) throw new Error('synthèse demandée hors d’une simulation');
      const { n, from, to } = request;
      if (!scratch || scratch.values.length < n) scratch = projectScratch(n);
      const { finish, duration, length } = run.columns;
      const figures = new Float64Array(PROJECT_FIGURES * (to - from));
      const ranks = { twice: request.twice, sumSquares: request.sumSquares };
      for (let p = from; p < to; p++) {
        projectFigures(
          finish.subarray(p * length, p * length + n),
          duration.subarray(p * length, p * length + n),
          n,
          ranks,
          figures,
          PROJECT_FIGURES * (p - from),
          scratch,
        );
      }
      return { type: 'figures', from, to, figures };
    }
  }
}

port.on('message', (request: WorkerRequest) => {
  try {
    const reply = answer(request);
    if (reply) port.postMessage(reply);
  } catch (error) {
    port.postMessage({ type: 'error', error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
