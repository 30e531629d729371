/** Same seed, same figures: any block split, in-process or on worker threads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exactIterations,
  prepareSimulation,
  runSimulation,
  simulateBlock,
} from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { SimulationPool, simulateInWorkers } from '../../../electron/simulate/runner';
import { generatePortfolio } from '../../support/generate';
import { summarise } from './partials';

const moyen = JSON.parse(
  readFileSync(new URL('../../fixtures/moyen.json', import.meta.url), 'utf8'),
) as Portfolio;
const plan = moyen.projects.slice(0, 20).map((p, i) => ({ project: p.id, start: 2027 + (i % 4) }));
const prepared = prepareSimulation(moyen, plan, resolveScenario(moyen));

describe('reproducibility', () => {
  it('gives identical figures whatever the block size', async () => {
    const a = await runSimulation(prepared, { iterations: 3000, seed: 123, blockSize: 3000 });
    const b = await runSimulation(prepared, { iterations: 3000, seed: 123, blockSize: 337 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives identical figures when blocks arrive out of order', () => {
    const blocks = [simulateBlock(prepared, 5, 700, 1300), simulateBlock(prepared, 5, 0, 700)];
    const whole = summarise(prepared, [simulateBlock(prepared, 5, 0, 2000)], 5);
    expect(JSON.stringify(summarise(prepared, blocks, 5))).toBe(JSON.stringify(whole));
  });

  it('gives identical figures on one and on several worker threads', async () => {
    const inProcess = await runSimulation(prepared, { iterations: 4000, seed: 77 });
    const one = await simulateInWorkers(prepared, { iterations: 4000, seed: 77, workers: 1 });
    const three = await simulateInWorkers(prepared, {
      iterations: 4000,
      seed: 77,
      workers: 3,
      blockSize: 250,
    });
    expect(JSON.stringify(one)).toBe(JSON.stringify(inProcess));
    expect(JSON.stringify(three)).toBe(JSON.stringify(inProcess));
  });

  it('gives identical figures on a reused pool, run after run, whatever the block size', async () => {
    const doc = generatePortfolio({ projects: 45, years: 6, teams: 4, seed: 3 });
    const plan45 = doc.projects.map((p, i) => ({ project: p.id, start: 2027 + (i % 4) }));
    const prepared45 = prepareSimulation(doc, plan45, resolveScenario(doc));
    const reference = JSON.stringify(
      await runSimulation(prepared45, { iterations: 3100, seed: 9 }),
    );
    const pool = new SimulationPool(2);
    try {
      for (const blockSize of [3100, 1000, 97]) {
        const r = await pool.run(prepared45, { iterations: 3100, seed: 9, blockSize });
        expect(JSON.stringify(r)).toBe(reference);
      }
      // Another plan on the same threads, then the first again.
      const other = await pool.run(prepared, { iterations: 1500, seed: 4 });
      expect(JSON.stringify(other)).toBe(
        JSON.stringify(await runSimulation(prepared, { iterations: 1500, seed: 4 })),
      );
      const again = await pool.run(prepared45, { iterations: 3100, seed: 9 });
      expect(JSON.stringify(again)).toBe(reference);
    } finally {
      await pool.close();
    }
  });

  it('reports a failing thread and runs again on fresh threads', async () => {
    const pool = new SimulationPool(2);
    try {
      const broken = { ...prepared, tables: undefined } as unknown as typeof prepared;
      await expect(pool.run(broken, { iterations: 2000, blockSize: 100 })).rejects.toThrow();
      const r = await pool.run(prepared, { iterations: 2000, seed: 8, blockSize: 300 });
      const same = await runSimulation(prepared, { iterations: 2000, seed: 8 });
      expect(JSON.stringify(r)).toBe(JSON.stringify(same));
    } finally {
      await pool.close();
    }
  });

  it('summarises on threads exactly the iterations done when cancelled', async () => {
    const controller = new AbortController();
    const r = await simulateInWorkers(prepared, {
      iterations: 20_000,
      seed: 6,
      workers: 2,
      blockSize: 500,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 2000) controller.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.iterations).toBeGreaterThanOrEqual(2000);
    expect(r.iterations).toBeLessThan(20_000);
    expect(r.iterations % 500).toBe(0);
    const same = await runSimulation(prepared, { iterations: r.iterations, seed: 6 });
    expect(JSON.stringify({ ...r, cancelled: false })).toBe(JSON.stringify(same));
  });

  it('gives identical streamed figures (beyond exactIterations) whatever the split, the threads and the order', async () => {
    const doc = generatePortfolio({ projects: 45, years: 6, teams: 4, seed: 3 });
    const plan45 = doc.projects.map((p, i) => ({ project: p.id, start: 2027 + (i % 4) }));
    const prepared45 = prepareSimulation(doc, plan45, resolveScenario(doc));
    const n = exactIterations(prepared45) + 4_321;
    const reference = await runSimulation(prepared45, { iterations: n, seed: 21, blockSize: n });
    expect(reference.precision.exact).toBe(false);
    const expected = JSON.stringify(reference);
    const small = await runSimulation(prepared45, { iterations: n, seed: 21, blockSize: 613 });
    expect(JSON.stringify(small)).toBe(expected);
    const threads = await simulateInWorkers(prepared45, {
      iterations: n,
      seed: 21,
      workers: 3,
      blockSize: 977,
    });
    expect(JSON.stringify(threads)).toBe(expected);
    const blocks = [
      simulateBlock(prepared45, 21, 5_000, n - 5_000),
      simulateBlock(prepared45, 21, 0, 1_234),
      simulateBlock(prepared45, 21, 1_234, 5_000 - 1_234),
    ];
    expect(JSON.stringify(summarise(prepared45, blocks, 21))).toBe(expected);
  });

  it('gives different figures with another seed', async () => {
    const a = await runSimulation(prepared, { iterations: 1000, seed: 1 });
    const b = await runSimulation(prepared, { iterations: 1000, seed: 2 });
    expect(a.value.mean).not.toBe(b.value.mean);
  });

  it('stops between blocks when cancelled and summarises what is done', async () => {
    let calls = 0;
    const r = await runSimulation(prepared, {
      iterations: 5000,
      blockSize: 1000,
      isCancelled: () => calls >= 2,
      onProgress: () => calls++,
    });
    expect(r).toMatchObject({ iterations: 2000, cancelled: true });
  });
});
