/**
 * A simulation worker thread of a `SimulationPool` (runner.ts): the
 * engine's worker side (shared/engine/simulate/protocol.ts), the same one
 * the app's Web Workers run. It says `ready` once loaded, then answers the
 * coordinator's requests; buffers of partial summaries are transferred.
 */
import { parentPort } from 'node:worker_threads';
import { simulationWorker, type SimulationRequest } from '../../shared/engine/simulate';

const port = parentPort;
if (!port) throw new Error('simulate/worker.ts must run in a worker thread');

const handle = simulationWorker();

port.on('message', (request: SimulationRequest) => {
  const answer = handle(request);
  if (answer) port.postMessage(answer.reply, answer.transfer);
});
port.postMessage({ type: 'ready' });
