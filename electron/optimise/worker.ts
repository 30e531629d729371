/**
 * A solver thread of a `SolverPool` (pool.ts): loads HiGHS once, warms it up
 * (see `warmUp`), then runs the lanes it is sent, posting each plan found as
 * it goes and the lane's outcome at the end.
 */
import highsLoader from 'highs';
import { parentPort } from 'node:worker_threads';
import { runLane, warmUp } from '../../shared/engine/optimise/race';
import type { SolverReply, SolverRequest } from './pool';

const port = parentPort;
if (!port) throw new Error('optimise/worker.ts must run in a worker thread');

const highs = await highsLoader();
warmUp(highs);
port.postMessage({ type: 'ready' } satisfies SolverReply);

port.on('message', (request: SolverRequest) => {
  try {
    const reply = runLane(highs, request.lane, (values, objective) =>
      port.postMessage({
        type: 'improving',
        id: request.id,
        values,
        objective,
      } satisfies SolverReply),
    );
    port.postMessage({ type: 'done', id: request.id, reply } satisfies SolverReply);
  } catch (error) {
    port.postMessage({
      type: 'error',
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SolverReply);
  }
});
