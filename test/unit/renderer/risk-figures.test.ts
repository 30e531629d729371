/**
 * The risk screen's data shaping and its worker pool, run in Node: the pool
 * with in-thread "workers" gives exactly the engine's single-thread result;
 * the S-curve, fan, delays and tornado are recomputed independently from
 * the raw blocks.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import {
  coveredIterations,
  exactIterations,
  prepareSimulation,
  runSimulation,
  runSimulationOutput,
  simulateBlock,
  simulationWorker,
  sortedQuantile,
  type SimulationReply,
  type SimulationRequest,
} from '../../../shared/engine/simulate';
import type { Portfolio } from '../../../shared/model/portfolio';
import { onTimeRows } from '../../../renderer/src/charts/data';
import { delayCauses } from '../../support/curves';
import {
  BLACK_SWAN_PRESET,
  delaysOf,
  fanYears,
  riskWith,
  roadmapRows,
  simulatedPlan,
  tornadoBars,
} from '../../../renderer/src/screens/risk/figures';
import { runPool, workerCount, type WorkerLike } from '../../../renderer/src/compute/pool';

const portfolio = demo as unknown as Portfolio;

/** A worker that runs the real handler in this thread, answering asynchronously in random order. */
function fakeWorker(delays: () => number): WorkerLike {
  const handle = simulationWorker();
  let alive = true;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request: SimulationRequest) {
      // Structured clone, as postMessage does.
      const answer = handle(structuredClone(request));
      if (!answer) return;
      setTimeout(() => {
        if (alive) worker.onmessage?.({ data: answer.reply as SimulationReply });
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
    const inThread = runSimulationOutput(prepared, {
      iterations: 2_500,
      seed: 7,
      blockSize: 2_500,
    });
    for (const workers of [1, 3, 4]) {
      const progress: number[] = [];
      const run = runPool(
        prepared,
        {
          iterations: 2_500,
          seed: 7,
          workers,
          blockSize: 300,
          onProgress: (d) => progress.push(d),
        },
        () => fakeWorker(seeded(workers)),
      );
      const merged = await run.done;
      expect(merged.result).toEqual(reference);
      expect(progress[progress.length - 1]).toBe(2_500);
      expect(merged).toEqual(inThread);
    }
  });

  it('workers merged give one thread’s streamed figures too (beyond exactIterations)', async () => {
    const { plan, scenario } = simulatedPlan(portfolio, 'priorite-usagers');
    const prepared = prepareSimulation(portfolio, plan, scenario);
    const n = exactIterations(prepared) + 1_111;
    const inThread = runSimulationOutput(prepared, { iterations: n, seed: 4 });
    expect(inThread.result.precision.exact).toBe(false);
    const run = runPool(prepared, { iterations: n, seed: 4, workers: 3, blockSize: 800 }, () =>
      fakeWorker(seeded(5)),
    );
    expect(await run.done).toEqual(inThread);
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

  it('a summary covers iterations 0 .. n-1 without a gap; worker count stays within 1..4', () => {
    expect(() => coveredIterations([20, 10, 0, 10, 30, 5])).toThrow(/10 attendue, 20 reçue/);
    expect(coveredIterations([10, 10, 0, 10])).toBe(20);
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
    expect(causes.size).toBeGreaterThan(0);
    for (const r of result.projects) {
      const list = causes.get(r.project) ?? [];
      const sum = list.reduce((s, c) => s + c.share, 0);
      // Finishes are kept at float32 precision in the blocks: allow a few ties at the boundary.
      expect(Math.abs(sum - r.pLateStart)).toBeLessThan(0.003);
      const deps = portfolio.projects.find((p) => p.id === r.project)!.dependsOn ?? [];
      for (const c of list) expect(deps).toContain(c.predecessor);
      for (let i = 1; i < list.length; i++)
        expect(list[i]!.share).toBeLessThanOrEqual(list[i - 1]!.share);
    }
    // The engine counts the same causes as it runs, in double precision: they add up exactly.
    const counted = new Map(delaysOf(result));
    for (const r of result.projects) {
      const list = counted.get(r.project) ?? [];
      expect(list.reduce((s, c) => s + c.share, 0)).toBeCloseTo(r.pLateStart, 12);
      for (const c of list) {
        const fromBlocks = causes.get(r.project)?.find((x) => x.predecessor === c.predecessor);
        expect(Math.abs(c.share - (fromBlocks?.share ?? 0))).toBeLessThan(0.003);
      }
    }
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

describe('risk screen: obligations with a date', () => {
  // Deadlines on three planned projects (P18 started 2027, P05 in 2029, P11 in 2030), and P05
  // postponed to 2029 in the scenario; P01 has neither.
  const deadlines: Record<string, string> = { P18: '2028-09', P05: '2030-12', P11: '2033-06' };
  const doc: Portfolio = {
    ...portfolio,
    projects: portfolio.projects.map((p) =>
      deadlines[p.id] ? { ...p, deadline: deadlines[p.id] } : p,
    ),
  };
  const { plan, scenario } = simulatedPlan(doc, 'priorite-usagers');
  const postponed = { P05: 2029, P01: 2027 };
  const prepared = prepareSimulation(doc, plan, scenario);
  const n = 3_000;
  const block = simulateBlock(prepared, 9, 0, n);
  const resultP = runSimulation(prepared, { iterations: n, seed: 9 });

  it('each row with a deadline has its month and the share of draws finished by then', async () => {
    const result = await resultP;
    const rows = roadmapRows(doc, result, [], postponed);
    for (const [id, deadline] of Object.entries(deadlines)) {
      const row = rows.find((r) => r.project === id)!;
      // Months from January 2027 to the end of the deadline's month.
      const end = 12 * (Number(deadline.slice(0, 4)) - 2027) + Number(deadline.slice(5, 7));
      expect(row.deadline).toBe(deadline);
      expect(row.deadlineMonth).toBe(end);
      const p = prepared.projectIds.indexOf(id);
      let onTime = 0;
      for (let i = 0; i < n; i++) if (block.finish[p * n + i]! <= end) onTime++;
      // Finishes are float32 in the block: a few ties at the boundary at most.
      expect(Math.abs(row.pOnTime! - onTime / n)).toBeLessThan(0.003);
    }
    const without = rows.find((r) => r.project === 'P01')!;
    expect(without.deadline).toBeUndefined();
    expect(without.pOnTime).toBeUndefined();
    // A postponement is shown in months from the first year; one at the first year is no mark.
    expect(rows.find((r) => r.project === 'P05')!.notBefore).toBe(24);
    expect(without.notBefore).toBeUndefined();
  });

  it('the list « chance d’être à l’heure » holds the projects with a deadline, least likely first', async () => {
    const result = await resultP;
    const list = onTimeRows(roadmapRows(doc, result, []));
    expect(list.map((r) => r.project).sort()).toEqual(Object.keys(deadlines).sort());
    for (let i = 1; i < list.length; i++)
      expect(list[i]!.pOnTime!).toBeGreaterThanOrEqual(list[i - 1]!.pOnTime!);
    // A deadline of September 2028 for a build of ≥ 12 months started in 2027 is a real risk.
    expect(list[0]!.pOnTime!).toBeLessThan(1);
  });
});
