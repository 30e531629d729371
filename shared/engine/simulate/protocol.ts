/**
 * The messages between a simulation's coordinator (dispatch.ts) and its
 * workers, and the worker's side, the same for Node worker threads
 * (electron/simulate/worker.ts) and Web Workers (renderer compute wing):
 *
 * - `start`: the prepared input, the summary layout and the seed of a run;
 * - `block`: simulate iterations first .. first+count-1 and add them to the
 *   worker's partial summary; answered with the block's range (progress);
 * - `collect`: answer the partial summary (its buffers transferred) and
 *   forget the run;
 * - `merge`: add the other workers' partials to this one's and answer the
 *   run's figures (summarise.ts), so that no page thread does the merge.
 *
 * Every message carries the run's number; a worker drops a message of
 * another run than the one it started.
 */
import { allocateColumns, simulateInto, type IterationColumns } from './block';
import type { SummaryLayout } from './layout';
import {
  accumulateBlock,
  accumulateScratch,
  emptyPartial,
  mergePartial,
  partialBuffers,
  type AccumulateScratch,
  type PartialSummary,
} from './partial';
import type { PreparedSimulation } from './prepare';
import { finishSummary, type SimulationOutput } from './summarise';

export type SimulationRequest =
  | {
      type: 'start';
      run: number;
      prepared: PreparedSimulation;
      layout: SummaryLayout;
      seed: number;
      /** Largest block the run will send (the size of the worker's columns). */
      blockSize: number;
    }
  | { type: 'block'; run: number; firstIteration: number; count: number }
  | { type: 'collect'; run: number }
  | { type: 'merge'; run: number; partials: PartialSummary[]; cancelled: boolean };

export type SimulationReply =
  | { type: 'block'; run: number; firstIteration: number; count: number }
  | { type: 'partial'; run: number; partial: PartialSummary }
  | { type: 'output'; run: number; output: SimulationOutput }
  | { type: 'error'; run: number; message: string };

export interface Answer {
  reply: SimulationReply;
  transfer: ArrayBuffer[];
}

interface WorkerRun {
  run: number;
  prepared: PreparedSimulation;
  layout: SummaryLayout;
  seed: number;
  partial: PartialSummary;
  columns: IterationColumns;
  scratch: AccumulateScratch;
}

/** A worker's state machine: one run at a time; answers each request (or null when there is nothing to say). */
export function simulationWorker(): (request: SimulationRequest) => Answer | null {
  let current: WorkerRun | null = null;
  const answer = (request: SimulationRequest): Answer | null => {
    if (request.type === 'start') {
      const { run, prepared, layout, seed, blockSize } = request;
      current = {
        run,
        prepared,
        layout,
        seed,
        partial: emptyPartial(prepared, layout),
        columns: allocateColumns(prepared, blockSize),
        scratch: accumulateScratch(blockSize),
      };
      return null;
    }
    const state = current;
    if (!state || state.run !== request.run) {
      throw new Error('demande reçue hors de la simulation en cours');
    }
    switch (request.type) {
      case 'block': {
        const { firstIteration, count } = request;
        simulateInto(
          state.prepared,
          state.seed,
          firstIteration,
          count,
          state.columns,
          state.partial.counts,
          0,
        );
        accumulateBlock(
          state.partial,
          state.layout,
          state.columns,
          firstIteration,
          count,
          state.scratch,
        );
        return { reply: { type: 'block', run: state.run, firstIteration, count }, transfer: [] };
      }
      case 'collect': {
        current = null;
        const partial = state.partial;
        return {
          reply: { type: 'partial', run: state.run, partial },
          transfer: partialBuffers(partial),
        };
      }
      case 'merge': {
        current = null;
        for (const other of request.partials) mergePartial(state.partial, other);
        const output = finishSummary(
          state.prepared,
          state.layout,
          state.partial,
          state.seed,
          request.cancelled,
        );
        return { reply: { type: 'output', run: state.run, output }, transfer: [] };
      }
    }
  };
  return (request) => {
    try {
      return answer(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { type: 'error', run: request.run, message }, transfer: [] };
    }
  };
}
