/** Same seed, same figures: any block split, in-process or on worker threads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  prepareSimulation,
  runSimulation,
  simulateBlock,
  summarise,
} from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { simulateInWorkers } from '../../../electron/simulate/runner';

const moyen = JSON.parse(readFileSync('/work/shared/examples/moyen.json', 'utf8')) as Portfolio;
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
