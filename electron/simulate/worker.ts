/**
 * A simulation worker thread. It receives the prepared simulation once (as
 * workerData), then block requests `{ seed, firstIteration, count }`, and
 * answers each with its `BlockResult`, the typed arrays transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  blockBuffers,
  simulateBlock,
  type BlockRequest,
  type PreparedSimulation,
} from '../../shared/engine/simulate';

const prepared = workerData as PreparedSimulation;
const port = parentPort;
if (!port) throw new Error('simulate/worker.ts must run in a worker thread');

port.on('message', (request: BlockRequest) => {
  try {
    const result = simulateBlock(prepared, request.seed, request.firstIteration, request.count);
    port.postMessage({ ok: true, result }, blockBuffers(result));
  } catch (error) {
    port.postMessage({ ok: false, error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ ready: true });
