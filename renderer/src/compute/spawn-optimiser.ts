/** A fresh Web Worker of the optimiser (optimise.worker.ts), for runs that take their spawn. */
import type { WorkerLike } from './worker-run';

export const spawnOptimiser = (): WorkerLike =>
  new Worker(new URL('./optimise.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
