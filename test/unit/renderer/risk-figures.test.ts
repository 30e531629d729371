/**
 * The risk screen's data shaping and its worker pool, run in Node: the pool
 * with in-thread "workers" gives exactly the engine's single-thread result;
 * the S-curve, fan, delays and tornado are recomputed independently from
 * the raw blocks.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import {
  prepareSimulation,
  runSimulation,
  simulateBlock,
  sortedQuantile,
  type BlockResult,
} from '../../../shared/engine/simulate';
import type { Portfolio } from '../../../shared/model/portfolio';
import { delayCauses } from '../../../shared/engine/simulate/curves';
import {
  BLACK_SWAN_PRESET,
  fanYears,
  riskWith,
  roadmapRows,
  simulatedPlan,
  tornadoBars,
} from '../../../renderer/src/screens/risk/figures';
import {
  blockHandler,
  contiguousPrefix,
  mergeBlocks,
  runPool,
  workerCount,
  type PoolReply,
  type PoolRequest,
  type WorkerLike,
} from '../../../renderer/src/screens/risk/pool';

const portfolio = demo as unknown as Portfolio;

/** A worker that runs the real handler in this thread, answering asynchronously in random order. */
function fakeWorker(delays: () => number): WorkerLike {
  const handle = blockHandler();
  let alive = true;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request: PoolRequest) {
      // Structured clone, as postMessage does.
      const answer = handle(structuredClone(request));
      if (!answer) return;
      setTimeout(() => {
        if (alive) worker.onmessage?.({ data: answer.reply as PoolReply });
      }, delays());
    },
    terminate() {
      alive = false;
    },
  };
  return worker;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % 7;
  };
}

describe('risk screen: plan simulated', () => {
  it('uses a scenario’s saved plan, else the ranking heuristic’s, labelled as such', () => {
    const saved = simulatedPlan(portfolio, 'priorite-usagers');
    expect(saved.source).toBe('saved');
    expect(saved.plan).toEqual(portfolio.scenarios!.find((s) => s.id === 'priorite-usagers')!.plan);
    const provisional = simulatedPlan(portfolio, 'reference');
    expect(provisional.source).toBe('heuristic');
    expect(provisional.plan.length).toBeGreaterThan(0);
    expect(() => simulatedPlan(portfolio, 'nope')).toThrow(/nope/);
  });

  it('risk edits keep unknown fields and change only what is asked', () => {
    const risk = { distribution: 'triangular' as const, correlation: 0.5, note: 'x' };
    expect(riskWith(risk, { correlation: 0.2 })).toEqual({
      distribution: 'triangular',
      correlation: 0.2,
      blackSwan: null,
      note: 'x',
    });
    expect(riskWith(undefined, { blackSwan: BLACK_SWAN_PRESET }).blackSwan).toEqual(
      BLACK_SWAN_PRESET,
    );
  });
});

describe('risk screen: worker pool', () => {
  it('workers merged give the same result as one thread, whatever the count and order', async () => {
    const { plan, scenario } = simulatedPlan(portfolio, 'priorite-usagers');
    const prepared = prepareSimulation(portfolio, plan, scenario);
    const reference = await runSimulation(prepared, { iterations: 2_500, seed: 7, blockSize: 300 });
    // The same iterations in one thread, in one block of another size.
    const inThread = [simulateBlock(prepared, 7, 0, 2_500)];
    for (const workers of [1, 3, 4]) {
      const progress: number[] = [];
      const run = runPool(
        prepared,
        {
          iterations: 2_500,
          seed: 7,
          workers,
          portfolio,
          blockSize: 300,
          onProgress: (d) => progress.push(d),
        },
        () => fakeWorker(seeded(workers)),
      );
      const merged = await run.done;
      expect(merged.result).toEqual(reference);
      expect(progress[progress.length - 1]).toBe(2_500);
      expect(merged).toEqual(mergeBlocks(prepared, inThread, 7, false, portfolio));
    }
  });

  it('a cancelled run keeps the blocks from iteration 0 without a gap', async () => {
    const { plan, scenario } = simulatedPlan(portfolio, 'priorite-usagers');
    const prepared = prepareSimulation(portfolio, plan, scenario);
    let run: ReturnType<typeof runPool> | null = null;
    let calls = 0;
    run = runPool(
      prepared,
      {
        iterations: 5_000,
        seed: 3,
        workers: 2,
        portfolio,
        blockSize: 500,
        onProgress: () => {
          if (++calls === 3) run!.cancel();
        },
      },
      () => fakeWorker(seeded(11)),
    );
    const { result, curve } = await run.done;
    expect(result.cancelled).toBe(true);
    expect(result.iterations).toBeLessThan(5_000);
    expect(result.iterations % 500).toBe(0);
    expect(curve.length).toBeGreaterThan(0);
    const alone = await runSimulation(prepared, {
      iterations: result.iterations,
      seed: 3,
      blockSize: 500,
    });
    expect(result.value).toEqual(alone.value);
  });

  it('contiguousPrefix stops at the first gap; worker count stays within 1..4', () => {
    const b = (first: number, count: number) => ({ firstIteration: first, count }) as BlockResult;
    expect(contiguousPrefix([b(20, 10), b(0, 10), b(30, 5)]).map((x) => x.firstIteration)).toEqual([
      0,
    ]);
    expect(contiguousPrefix([b(10, 10), b(0, 10)]).map((x) => x.firstIteration)).toEqual([0, 10]);
    expect(workerCount(16)).toBe(4);
    expect(workerCount(1)).toBe(1);
    expect(workerCount(undefined)).toBe(2);
  });
});

describe('risk screen: charts data', () => {
  const { plan, scenario } = simulatedPlan(portfolio, 'priorite-usagers');
  const prepared = prepareSimulation(portfolio, plan, scenario);
  const blocks = [simulateBlock(prepared, 5, 0, 1_200), simulateBlock(prepared, 5, 1_200, 800)];
  const resultP = runSimulation(prepared, { iterations: 2_000, seed: 5, blockSize: 1_200 });

  it('the fan is ordered and its quantiles are those of the blocks’ yearly spend', async () => {
    const result = await resultP;
    const fan = fanYears(result);
    const years = prepared.years;
    fan.forEach((y, k) => {
      expect(y.p50).toBeLessThanOrEqual(y.p80);
      expect(y.p80).toBeLessThanOrEqual(y.p90);
      const spend = blocks.flatMap((b) =>
        Array.from({ length: b.count }, (_, i) => b.spend[i * (years + 1) + k]!),
      );
      const sorted = Float64Array.from(spend).sort();
      expect(y.p80).toBeCloseTo(sortedQuantile(sorted, 0.8), 6);
      const over = spend.filter((s) => s > y.envelope).length / spend.length;
      expect(y.pOver).toBeCloseTo(over, 12);
    });
  });

  it('the roadmap rows carry the delay causes and keep their quantiles ordered', async () => {
    const result = await resultP;
    const causes = delayCauses(portfolio, prepared.projectIds, prepared.startYears, blocks);
    const rows = roadmapRows(portfolio, result, causes);
    for (const row of rows) {
      expect(row.p50).toBeLessThanOrEqual(row.p80);
      expect(row.p80).toBeLessThanOrEqual(row.p90);
      expect(row.plannedEnd).toBeGreaterThan(row.plannedStart);
    }
  });

  it('the tornado keeps the strongest drivers first', async () => {
    const result = await resultP;
    const bars = tornadoBars(portfolio, result, 5);
    expect(bars.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < bars.length; i++) {
      expect(Math.abs(bars[i]!.rankCorrelation)).toBeLessThanOrEqual(
        Math.abs(bars[i - 1]!.rankCorrelation),
      );
    }
    const strongest = Math.max(...result.drivers.map((d) => Math.abs(d.rankCorrelation)));
    expect(Math.abs(bars[0]!.rankCorrelation)).toBe(strongest);
  });
});
