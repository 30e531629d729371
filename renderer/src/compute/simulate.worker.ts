/**
 * A Web Worker of the risk simulation, off the UI thread: the engine's
 * worker side (shared/engine/simulate/protocol.ts), driven by compute/pool.ts.
 * It keeps a partial summary of the blocks it runs, hands it over (its
 * buffers transferred) or merges the others' and answers the figures. The
 * page gives up a run by terminating the worker.
 */
import { simulationWorker, type SimulationRequest } from '../../../shared/engine/simulate';

const handle = simulationWorker();

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const answer = handle(event.data);
  if (answer) (self as unknown as Worker).postMessage(answer.reply, answer.transfer);
};
