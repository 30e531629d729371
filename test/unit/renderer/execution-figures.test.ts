/**
 * The follow-up screen's shaping (renderer/src/screens/execution/figures.ts):
 * the plan execution is read against, the chart's bars from the execution
 * report and the re-forecast, the re-forecast run's shape against the
 * engine's own `reforecast`, and lateness in words.
 */
import { describe, expect, it } from 'vitest';
import { executionReport } from '../../../shared/engine/execution';
import { reforecast } from '../../../shared/engine/reforecast';
import { prepareSimulation, runSimulationOutput } from '../../../shared/engine/simulate';
import {
  executionBars,
  followUp,
  lateWords,
  reforecastShape,
} from '../../../renderer/src/screens/execution/figures';
import { executedPortfolio } from '../../support/executed';

describe('the follow-up screen’s figures', () => {
  it('reads the execution against the baseline, else the scenario’s saved plan', () => {
    const { doc } = executedPortfolio(8);
    const adopted = followUp(doc, undefined);
    expect(adopted.adopted).toBe(true);
    expect(adopted.report).toEqual(executionReport(doc, { plan: adopted.plan }));
    expect(
      adopted.report.projects.slice(0, doc.baseline!.plan.length).map((p) => p.project),
    ).toEqual(doc.baseline!.plan.map((e) => e.project));
    const { baseline: _b, ...bare } = doc;
    const scenarioId = doc.scenarios![0]!.id;
    const withPlan = {
      ...bare,
      scenarios: doc.scenarios!.map((s, i) =>
        i === 0
          ? { ...s, plan: doc.baseline!.plan.map(({ project, start }) => ({ project, start })) }
          : s,
      ),
    };
    const planned = followUp(withPlan, scenarioId);
    expect(planned.adopted).toBe(false);
    // Without a baseline the CP the plan schedules stand for the CP voted.
    const voted = (r: typeof planned.report) => r.years.map((y) => y.voted);
    expect(voted(planned.report)).toEqual(voted(adopted.report));
  });

  it('makes one bar per year: paid and rate for closed years, the re-forecast for the others', () => {
    const { doc } = executedPortfolio(3);
    const report = executionReport(doc);
    const forecast = [2029, 2030, 2031, 2032, 2033].map((year, t) => ({
      year,
      p50: 1000 * (t + 1),
      p80: 1500 * (t + 1),
      p90: 2000 * (t + 1),
      mean: 1100 * (t + 1),
      planned: 900 * (t + 1),
    }));
    const bars = executionBars(report, forecast);
    const years = bars.map((b) => b.year);
    expect(years[0]).toBe(report.years[0]!.year);
    expect(years.at(-1)).toBe(Math.max(2033, report.years.at(-1)!.year));
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i));
    for (const b of bars) {
      const y = report.years.find((r) => r.year === b.year);
      expect(b.voted).toBe(y?.voted ?? 0);
      if (y?.closed) {
        expect([b.paid, b.rate, b.forecast]).toEqual([y.paid, y.rate, null]);
      } else {
        expect([b.paid, b.rate]).toEqual([null, null]);
        const f = forecast.find((x) => x.year === b.year);
        expect(b.forecast).toEqual(f ? { p50: f.p50, p80: f.p80, p90: f.p90 } : null);
      }
    }
    // The execution recorded through 2028: the re-forecast starts the year after.
    expect(bars.filter((b) => b.paid !== null).map((b) => b.year)).toEqual([2027, 2028]);
    expect(executionBars(report, null).every((b) => b.forecast === null)).toBe(true);
  });

  it('simulates what the engine’s re-forecast simulates, in gross CP, from the document moved on', async () => {
    const { doc } = executedPortfolio(21);
    const scenarioId = doc.scenarios?.[0]?.id ?? '';
    const choice = reforecastShape.plan(doc, scenarioId);
    const engine = await reforecast(doc, {
      spend: 'gross',
      iterations: 500,
      seed: 9,
      ...(scenarioId ? { scenarioId } : {}),
    });
    expect(choice.plan).toEqual(engine.plan);
    expect(choice.fromYear).toBe(2029);
    expect(choice.portfolio.horizon.firstYear).toBe(2029);
    expect(choice.portfolio.projects.some((p) => p.subsidyRate || p.partnerShare)).toBe(false);
    // The page's run: the same preparation, the same seed, the same figures.
    const output = runSimulationOutput(
      prepareSimulation(choice.portfolio, choice.plan, choice.scenario),
      { iterations: 500, seed: 9 },
    );
    const request = { portfolio: doc, scenarioId, iterations: 500, seed: 9 };
    const figures = reforecastShape.figures(request, 'k', choice, output);
    expect(figures.years.map((y) => [y.year, y.p50, y.p90])).toEqual(
      engine.simulation.investment.map((y) => [y.year, y.p50, y.p90]),
    );
    expect(figures.years.map((y) => y.planned)).toEqual(engine.remaining.cp);
    expect(figures.total.planned).toBe(engine.remaining.total);
    expect(figures.total.p50).toBe(engine.simulation.totalCost.p50);
    expect([figures.key, figures.iterations, figures.seed, figures.cancelled]).toEqual([
      'k',
      500,
      9,
      false,
    ]);
  });

  it('says why a project is late, years as written', () => {
    const say = (key: string, params: Record<string, string | number>) =>
      `${key} ${JSON.stringify(params)}`;
    expect(lateWords({ kind: 'start', planned: 2027, actual: 2028 }, say)).toBe(
      'late.start {"actual":"2028","planned":"2027"}',
    );
    expect(lateWords({ kind: 'start', planned: 2027, actual: null }, say)).toBe(
      'late.notStarted {"planned":"2027"}',
    );
    expect(lateWords({ kind: 'paid', years: [2027, 2028] }, say)).toBe(
      'late.paid {"years":"2027, 2028"}',
    );
  });
});
