/**
 * The coordinator of a simulation over workers (protocol.ts), whatever
 * they are: Node worker threads (electron/simulate/runner.ts) or Web
 * Workers (the renderer's compute wing). It fixes the summary's layout,
 * hands the blocks out in iteration order, one at a time to whichever
 * worker answers, then collects the workers' partial summaries and has the
 * first worker merge them and compute the figures. Partial summaries merge
 * exactly, so the figures do not depend on the number of workers, the
 * block size nor the order in which blocks finish.
 *
 * Cancelling stops handing out blocks; the blocks under way finish, so the
 * blocks done are always iterations 0 .. n-1 without a gap, and the run
 * resolves with their figures, marked cancelled. `abort` gives up at once
 * (the caller then terminates the workers).
 */
import { planBlocks } from './iterations';
import { checkSummaryMemory, summaryLayout, type SummaryLayout } from './layout';
import { partialBuffers, type PartialSummary } from './partial';
import type { PreparedSimulation } from './prepare';
import type { SimulationReply, SimulationRequest } from './protocol';
import type { SimulationOutput } from './summarise';

/** A worker seen from the coordinator. */
export interface SimulationEndpoint {
  post(request: SimulationRequest, transfer?: ArrayBuffer[]): void;
  /** Set by the coordinator for the run: each reply of this worker. */
  onReply: ((reply: SimulationReply) => void) | null;
  /** Set by the coordinator for the run: the worker failed (crashed, could not load). */
  onFailure: ((error: Error) => void) | null;
}

export interface DispatchOptions {
  iterations: number;
  seed: number;
  blockSize: number;
  /** Called after each block with the iterations done and asked. */
  onProgress?: (done: number, total: number) => void;
  /** The layout, when the caller has computed it already (summaryLayout of the same run). */
  layout?: SummaryLayout;
}

export interface Dispatch {
  done: Promise<SimulationOutput>;
  /** Stops handing out blocks; resolves with the blocks done (rejects when none is). */
  cancel: () => void;
  /** Gives up now: `done` rejects; the caller terminates the workers. */
  abort: () => void;
}

let runs = 0;

export function dispatchSimulation(
  prepared: PreparedSimulation,
  endpoints: readonly SimulationEndpoint[],
  options: DispatchOptions,
): Dispatch {
  const run = ++runs;
  const { iterations, seed } = options;
  const queue = planBlocks(iterations, seed, options.blockSize);
  const layout = options.layout ?? summaryLayout(prepared, seed, iterations);
  const blockSize = Math.min(options.blockSize, iterations);
  const workers = endpoints.slice(0, Math.max(1, Math.min(endpoints.length, queue.length)));
  checkSummaryMemory(layout, blockSize, workers.length + 1);
  let next = 0;
  let busy = 0;
  let done = 0;
  let cancelled = false;
  let settled = false;
  let finishing = false;
  let resolve!: (output: SimulationOutput) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<SimulationOutput>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  const release = () => {
    for (const w of workers) {
      w.onReply = null;
      w.onFailure = null;
    }
  };
  const fail = (error: Error) => {
    if (settled) return;
    settled = true;
    release();
    reject(error);
  };
  const feed = (worker: SimulationEndpoint) => {
    if (cancelled || next >= queue.length) return;
    const block = queue[next++]!;
    busy++;
    worker.post({ type: 'block', run, firstIteration: block.firstIteration, count: block.count });
  };
  // Once every block is in: the other workers' partials, then the merge on the first.
  const partials: PartialSummary[] = [];
  const merge = () =>
    workers[0]!.post(
      { type: 'merge', run, partials, cancelled: done < iterations },
      partials.flatMap(partialBuffers),
    );
  const finish = () => {
    if (finishing || settled) return;
    finishing = true;
    if (done === 0) {
      fail(new Error('simulation annulée'));
      return;
    }
    if (workers.length === 1) merge();
    for (const w of workers.slice(1)) w.post({ type: 'collect', run });
  };

  for (const worker of workers) {
    worker.onFailure = fail;
    worker.onReply = (reply) => {
      if (settled || reply.run !== run) return;
      switch (reply.type) {
        case 'error':
          fail(new Error(reply.message));
          return;
        case 'block':
          busy--;
          done += reply.count;
          options.onProgress?.(done, iterations);
          feed(worker);
          if (busy === 0) finish();
          return;
        case 'partial':
          partials.push(reply.partial);
          if (partials.length === workers.length - 1) merge();
          return;
        case 'output':
          settled = true;
          release();
          resolve(reply.output);
          return;
      }
    };
    worker.post({ type: 'start', run, prepared, layout, seed, blockSize });
  }
  for (const worker of workers) feed(worker);

  return {
    done: promise,
    cancel: () => {
      cancelled = true;
      if (busy === 0 && !finishing) finish();
    },
    abort: () => fail(new Error('simulation annulée')),
  };
}
