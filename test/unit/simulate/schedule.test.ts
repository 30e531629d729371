/** Starts, finishes and the mandate (MODEL.md §5): dependencies in the plan. */
import { describe, expect, it } from 'vitest';
import { prepareSimulation, runSimulation, simulateBlock } from '../../../shared/engine/simulate';
import { column, portfolio, project } from './portfolio';

const constant = (d: number) => ({ low: d, mode: d, high: d });

describe('the schedule of a plan', () => {
  it('chains two projects: the second finishes at the sum of the durations and starts late', async () => {
    const doc = portfolio([
      project('A', { durationMonths: constant(10) }),
      project('B', { durationMonths: constant(5), dependsOn: ['A'] }),
    ]);
    const prepared = prepareSimulation(doc, [
      { project: 'B', start: 2027 },
      { project: 'A', start: 2027 },
    ]);
    const r = await runSimulation(prepared, { iterations: 100 });
    const b = r.projects.find((p) => p.project === 'B')!;
    expect(b.finishMonth.p50).toBe(15);
    expect(b.pLateStart).toBe(1);
    expect(r.drivers.find((d) => d.project === 'A')!.delaysSuccessor).toBe(1);
  });

  it('starts a successor late exactly when its predecessor finishes after its planned start', () => {
    const doc = portfolio([
      project('A', { durationMonths: { low: 6, mode: 10, high: 18 } }),
      project('B', { durationMonths: { low: 3, mode: 4, high: 8 }, dependsOn: ['A'] }),
    ]);
    const prepared = prepareSimulation(doc, [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
    ]);
    const n = 20_000;
    const block = simulateBlock(prepared, 11, 0, n);
    const fa = column(block.finish, 0, n);
    const fb = column(block.finish, 1, n);
    const db = column(block.duration, 1, n);
    let late = 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      if (fa[i]! > 12) late++;
      worst = Math.max(worst, Math.abs(fb[i]! - (Math.max(12, fa[i]!) + db[i]!)));
    }
    expect(worst).toBeLessThan(1e-5);
    expect(block.lateStart[1]).toBe(late);
    expect(block.delaysSuccessor[0]).toBe(late);
    expect(late / n).toBeGreaterThan(0.05); // the case is not empty
  });

  it('starts a project fed by two parallel ones at the later of their finishes', () => {
    const doc = portfolio([
      project('A', { durationMonths: { low: 6, mode: 10, high: 18 } }),
      project('B', { durationMonths: { low: 4, mode: 12, high: 14 } }),
      project('C', { durationMonths: { low: 2, mode: 3, high: 9 }, dependsOn: ['A', 'B'] }),
    ]);
    const prepared = prepareSimulation(doc, [
      { project: 'C', start: 2027 },
      { project: 'A', start: 2027 },
      { project: 'B', start: 2027 },
    ]);
    const n = 5000;
    const block = simulateBlock(prepared, 5, 0, n);
    const [fc, fa, fb] = [0, 1, 2].map((p) => column(block.finish, p, n));
    const dc = column(block.duration, 0, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(fc![i]! - (Math.max(fa![i]!, fb![i]!) + dc[i]!)));
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('takes a predecessor outside the plan as done, and says so', async () => {
    const doc = portfolio([
      project('A', { durationMonths: constant(40) }),
      project('B', { durationMonths: constant(5), dependsOn: ['A'] }),
    ]);
    const r = await runSimulation(prepareSimulation(doc, [{ project: 'B', start: 2027 }]), {
      iterations: 10,
    });
    expect(r.projects[0]!.finishMonth.p50).toBe(5);
    expect(r.projects[0]!.pLateStart).toBe(0);
    expect(r.warnings.join(' ')).toContain('A');
  });

  it('counts a delivery at the end of the mandate’s month as within the mandate', async () => {
    // mandateEnd 2028-03: month index 14, so finish <= 15 is within.
    const plan = [{ project: 'A', start: 2027 }];
    const within = portfolio([project('A', { durationMonths: constant(15) })], {
      mandateEnd: '2028-03',
    });
    const late = portfolio([project('A', { durationMonths: constant(15.01) })], {
      mandateEnd: '2028-03',
    });
    const a = await runSimulation(prepareSimulation(within, plan), { iterations: 50 });
    const b = await runSimulation(prepareSimulation(late, plan), { iterations: 50 });
    expect(a.projects[0]!.pWithinMandate).toBe(1);
    expect(a.value).toMatchObject({ planned: 100, mean: 100 });
    expect(b.projects[0]!.pWithinMandate).toBe(0);
    expect(b.value.mean).toBe(0);
    expect(b.projects[0]!.finish.p50).toBe('2028-04');
  });

  it('uses the end of the horizon when there is no mandate end', async () => {
    const doc = portfolio([project('A', { durationMonths: constant(24) })], { years: 2 });
    const r = await runSimulation(prepareSimulation(doc, [{ project: 'A', start: 2027 }]), {
      iterations: 10,
    });
    expect(r.mandateMonth).toBe(24);
    expect(r.projects[0]!.pWithinMandate).toBe(1);
  });
});
