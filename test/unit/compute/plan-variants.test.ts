/**
 * A sequence of optimisations (renderer/src/compute/plan-variants.svelte.ts)
 * driven with fake workers: variants are solved one after the other, each in
 * its own worker, a variant can start from an earlier variant's plan, a
 * failure or an infeasible variant does not stop the others, a timeout keeps
 * the best plan received, and Cancel stops the sequence keeping what was
 * solved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptimiseResult } from '../../../shared/engine/optimise';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import {
  PlanVariantsRun,
  type PlanVariant,
} from '../../../renderer/src/compute/plan-variants.svelte';
import type { WorkerLike } from '../../../renderer/src/compute/worker-run';

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  posted: { id: number; scenarioId: string; startPlans?: PlanEntry[][] }[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message as FakeWorker['posted'][number]);
  }
  terminate() {
    this.terminated = true;
  }
  get id() {
    return this.posted[0]!.id;
  }
  done(result: Partial<OptimiseResult>) {
    this.onmessage?.({
      data: {
        type: 'done',
        id: this.id,
        result: { status: 'optimal', plan: [], objective: 0, gap: 0, reasons: [], ...result },
      },
    });
  }
  progress(plan: PlanEntry[]) {
    this.onmessage?.({ data: { type: 'progress', id: this.id, progress: { plan } } });
  }
}

const doc = {} as Portfolio;
const variant = (key: string, startFrom?: string): PlanVariant => ({
  key,
  portfolio: doc,
  scenarioId: `s-${key}`,
  ...(startFrom ? { startFrom } : {}),
});
const planOf = (...ids: string[]) => ids.map((project) => ({ project, start: 2027 }));

function setup() {
  const workers: FakeWorker[] = [];
  const run = new PlanVariantsRun(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { run, workers };
}

/** Lets the run start its next variant (it does so on a microtask). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a sequence of optimisations on variants', () => {
  it('solves each variant in its own worker, in order, the next one from an earlier plan', async () => {
    const { run, workers } = setup();
    run.run([variant('group'), variant('DGS', 'group'), variant('DAF')], 5, 'k');
    expect(run.state).toBe('running');
    expect(run.current).toBe('group');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted[0]!.startPlans).toBeUndefined();
    workers[0]!.done({ plan: planOf('P1', 'P2'), objective: 12 });
    expect(workers[0]!.terminated).toBe(true);
    await settle();
    expect(run.current).toBe('DGS');
    expect(workers[1]!.posted[0]!.scenarioId).toBe('s-DGS');
    expect(workers[1]!.posted[0]!.startPlans).toEqual([planOf('P1', 'P2')]);
    workers[1]!.done({ status: 'infeasible', reasons: ['rien ne tient'] });
    await settle();
    workers[2]!.done({ status: 'feasible', plan: planOf('P3'), objective: 7, gap: 0.02 });
    await settle();
    expect(run.state).toBe('done');
    expect(run.outcomes.map((o) => [o.key, o.status, o.plan?.length ?? null, o.gap])).toEqual([
      ['group', 'optimal', 2, 0],
      ['DGS', 'infeasible', null, null],
      ['DAF', 'feasible', 1, 0.02],
    ]);
    expect(run.outcome('DGS')!.message).toBe('rien ne tient');
  });

  it('a failed worker does not stop the others; a timeout keeps the best plan received', async () => {
    const { run, workers } = setup();
    run.run([variant('a'), variant('b'), variant('c')], 2, 'k');
    workers[0]!.onerror?.({ message: 'plus de mémoire' });
    await settle();
    workers[1]!.progress(planOf('P9'));
    // The worker is stopped at the time limit plus the margin.
    await vi.advanceTimersByTimeAsync(2_000 + 20_000);
    expect(workers[1]!.terminated).toBe(true);
    await settle();
    workers[2]!.done({ plan: planOf('P1') });
    await settle();
    expect(run.outcomes.map((o) => [o.key, o.status, o.plan])).toEqual([
      ['a', 'failed', null],
      ['b', 'timeout', planOf('P9')],
      ['c', 'optimal', planOf('P1')],
    ]);
    expect(run.outcome('a')!.message).toBe('plus de mémoire');
  });

  it('cancel stops the sequence and keeps the variants already solved', async () => {
    const { run, workers } = setup();
    run.run([variant('a'), variant('b'), variant('c')], 5, 'k');
    workers[0]!.done({ plan: planOf('P1') });
    // Cancelled before the next variant started: it never starts.
    run.cancel();
    await settle();
    expect(workers).toHaveLength(1);
    expect(run.state).toBe('cancelled');
    expect(run.outcomes.map((o) => o.key)).toEqual(['a']);
    // A new run replaces what was there.
    run.run([variant('x')], 5, 'k2');
    expect(run.outcomes).toEqual([]);
    workers[1]!.done({ plan: [] });
    run.cancel();
    await settle();
    expect(run.outcomes.map((o) => o.key)).toEqual(['x']);
  });

  it('cancel during a solve terminates its worker', async () => {
    const { run, workers } = setup();
    run.run([variant('a'), variant('b')], 5, 'k');
    run.cancel();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.done({ plan: planOf('P1') });
    await settle();
    expect(run.outcomes).toEqual([]);
    expect(workers).toHaveLength(1);
  });
});
