/**
 * The frontiers of MODEL.md §4 and §7: a larger budget never buys less, even
 * when every point is stopped early; a point already proven is reused, not
 * solved again; the price of confidence lists the deterministic plan first
 * and never shows a stricter confidence buying more. The command line prints
 * the fields of CLI.md's "Plans that hold under risk".
 */
import { join } from 'node:path';
import highsLoader, { type Highs } from 'highs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../electron/cli/command';
import { command as frontierCommand } from '../../../electron/cli/commands/frontier';
import { command as optimizeCommand } from '../../../electron/cli/commands/optimize';
import { confidenceFrontier, frontier, optimise } from '../../../shared/engine/optimise';
import { scenarioFor } from '../../../shared/engine/optimise/optimise';
import type { Portfolio } from '../../../shared/model/portfolio';
import { generatePortfolio } from '../../support/generate';
import { objective, settingsOf, violations } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});
afterEach(() => vi.restoreAllMocks());

const fixture = (name: string) => join(__dirname, '../../fixtures', `${name}.json`);

function riskyPortfolio(seed: number): Portfolio {
  const doc = generatePortfolio({ projects: 12, years: 4, teams: 3, seed });
  for (const p of doc.projects) delete p.costFactor;
  doc.risk = { referenceClass: 'flyvbjerg-2011' };
  doc.scenarios![0]!.capacityFactor = 3;
  return doc;
}

describe('the efficient frontier', () => {
  it('never shows a larger budget buying less, even with every point stopped early', async () => {
    const doc = generatePortfolio({ projects: 60, years: 6, teams: 6, seed: 2 });
    const factors = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5];
    const { points } = await frontier(highs, doc, { factors, timeLimitSeconds: 0.05 });
    expect(points.map((p) => p.factor)).toEqual(factors);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.objective).toBeGreaterThanOrEqual(points[i - 1]!.objective - 1e-9);
    }
    const st = settingsOf(doc);
    for (const p of points) {
      const scaled = { ...st, invF: p.factor };
      expect(violations(doc, scaled, p.plan)).toEqual([]);
      expect(p.objective).toBeCloseTo(objective(doc, st, p.plan), 6);
    }
  });

  it('reuses the scenario’s proven optimum for its own factor instead of solving it again', async () => {
    const doc = riskyPortfolio(3);
    const proven = await optimise(highs, doc, { gap: 0 });
    expect(proven.status).toBe('optimal');
    const { points } = await frontier(highs, doc, {
      factors: [0.75, 1, 1.25],
      timeLimitSeconds: 5,
      known: [{ factor: 1, result: proven }],
    });
    const one = points.find((p) => p.factor === 1)!;
    expect(one.reused).toBe(true);
    expect(one.objective).toBe(proven.objective);
    expect(one.plan).toEqual(proven.plan);
    expect(points.find((p) => p.factor === 0.75)!.reused).toBeUndefined();
    expect(points[2]!.objective).toBeGreaterThanOrEqual(one.objective - 1e-9);
  });

  it('reuses a plan found but not proven, unless a smaller envelope already buys more', async () => {
    const doc = riskyPortfolio(3);
    const proven = await optimise(highs, doc, { gap: 0 });
    const small = await optimise(highs, doc, {
      gap: 0,
      scenario: {
        ...scenarioFor(doc, {}),
        budgetFactor: { ...scenarioFor(doc, {}).budgetFactor, investment: 0.75 },
      },
    });
    expect(small.status).toBe('optimal');
    // A stopped run's plan, worth more than the 0.75 envelope's optimum: taken as it is.
    const weaker = { ...proven, status: 'feasible' as const, gap: 0.02 };
    const kept = await frontier(highs, doc, {
      factors: [0.75, 1],
      timeLimitSeconds: 5,
      known: [{ factor: 1, result: weaker }],
    });
    expect(kept.points[1]!.reused).toBe(true);
    expect(kept.points[1]!.status).toBe('feasible');
    // A stopped run's plan worth less than the smaller envelope's: solved again.
    const poor = { ...weaker, objective: small.objective - 1, plan: small.plan.slice(0, 1) };
    const solved = await frontier(highs, doc, {
      factors: [0.75, 1],
      timeLimitSeconds: 5,
      known: [{ factor: 1, result: poor }],
    });
    expect(solved.points[1]!.reused).toBeUndefined();
    expect(solved.points[1]!.objective).toBeGreaterThanOrEqual(solved.points[0]!.objective - 1e-9);
  });
});

describe('the price of confidence', () => {
  it('lists the deterministic plan first, and a stricter confidence never buys more', async () => {
    const doc = riskyPortfolio(5);
    const { points } = await confidenceFrontier(highs, doc, {
      confidences: [null, 0.5, 0.8, 0.95],
      iterations: 10_000,
      timeLimitSeconds: 10,
      gap: 0,
    });
    expect(points.map((p) => p.confidence)).toEqual([null, 0.5, 0.8, 0.95]);
    expect(points[0]!.priceOfConfidence).toBe(0);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.objective).toBeLessThanOrEqual(points[i - 1]!.objective + 1e-9);
      expect(points[i]!.priceOfConfidence).toBeCloseTo(
        1 - points[i]!.objective / points[0]!.objective,
        9,
      );
      for (const p of points[i]!.pOverEnvelope!) {
        expect(p).toBeLessThanOrEqual(1 - points[i]!.confidence!);
      }
    }
  });
});

function capture() {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => out;
}

describe('arbitra optimize / frontier with a confidence', () => {
  it('prints the confidence block of CLI.md, seconds and cpuSeconds', async () => {
    const out = capture();
    const code = await optimizeCommand([
      fixture('petit'),
      '--confidence',
      '0.8',
      '--iterations',
      '10000',
      '--time-limit',
      '10',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out());
    for (const key of ['seconds', 'cpuSeconds', 'status', 'objective', 'bound', 'plan']) {
      expect(json).toHaveProperty(key);
    }
    const c = json.confidence;
    expect(c.target).toBe(0.8);
    expect(c.iterations).toBe(10_000);
    expect(c.seed).toBe(42);
    expect(c.pOverEnvelope).toHaveLength(4);
    expect(c.stdError).toHaveLength(4);
    expect(c.deterministicObjective).toBeGreaterThanOrEqual(json.objective - 1e-9);
    expect(c.priceOfConfidence).toBeGreaterThanOrEqual(0);
    expect(json.bound).toBeGreaterThanOrEqual(json.objective - 1e-9);
    expect(['optimal', 'feasible']).toContain(json.status);
  });

  it('refuses a confidence outside 0.5..0.99 and an unknown objective as usage errors', async () => {
    capture();
    await expect(optimizeCommand([fixture('petit'), '--confidence', '1.2'])).rejects.toThrow(
      UsageError,
    );
    await expect(optimizeCommand([fixture('petit'), '--objective', 'max'])).rejects.toThrow(
      UsageError,
    );
    await expect(
      frontierCommand([fixture('petit'), '--confidences', '0.8,2', '--json']),
    ).rejects.toThrow(UsageError);
  });

  it('gives one frontier point per confidence, null standing for the deterministic plan', async () => {
    const out = capture();
    const code = await frontierCommand([
      fixture('petit'),
      '--confidences',
      '0.8,0.9',
      '--iterations',
      '10000',
      '--time-limit',
      '10',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out());
    expect(json.points.map((p: { confidence: number | null }) => p.confidence)).toEqual([
      null,
      0.8,
      0.9,
    ]);
    expect(json).toHaveProperty('seconds');
    expect(json).toHaveProperty('cpuSeconds');
  });
});
