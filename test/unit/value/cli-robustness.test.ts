/** `arbitra optimize --json --robustness`: the `robustness` field of CLI.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as optimize } from '../../../electron/cli/commands/optimize';
import { normalisedWeights } from '../../../shared/engine/value';
import type { Portfolio } from '../../../shared/model/portfolio';

const fixture = join(__dirname, '../../fixtures', 'petit.json');

function capture() {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => out;
}
afterEach(() => vi.restoreAllMocks());

describe('arbitra optimize --robustness', () => {
  it('adds one range per criterion with the fields of CLI.md, around the current weight', async () => {
    const portfolio = JSON.parse(readFileSync(fixture, 'utf8')) as Portfolio;
    const out = capture();
    const code = await optimize([fixture, '--json', '--robustness', '--gap', '0']);
    expect(code).toBe(0);
    const json = JSON.parse(out());
    const ids = new Set(portfolio.projects.map((p) => p.id));
    const planned = new Set((json.plan as { project: string }[]).map((e) => e.project));
    const weights = normalisedWeights(portfolio.criteria);
    expect(json.robustness.map((r: { criterion: string }) => r.criterion)).toEqual(
      portfolio.criteria.map((c) => c.id),
    );
    json.robustness.forEach((r: Record<string, unknown>, k: number) => {
      for (const key of [
        'criterion',
        'low',
        'high',
        'enteringAtLow',
        'leavingAtLow',
        'enteringAtHigh',
        'leavingAtHigh',
      ])
        expect(r).toHaveProperty(key);
      expect(r.weight).toBeCloseTo(weights[k]!, 12);
      expect(r.low as number).toBeLessThanOrEqual(r.weight as number);
      expect(r.high as number).toBeGreaterThanOrEqual(r.weight as number);
      for (const key of ['enteringAtLow', 'enteringAtHigh'] as const)
        for (const id of r[key] as string[]) {
          expect(ids.has(id)).toBe(true);
          expect(planned.has(id)).toBe(false);
        }
      for (const key of ['leavingAtLow', 'leavingAtHigh'] as const)
        for (const id of r[key] as string[]) expect(planned.has(id)).toBe(true);
      if (r.low === 0) expect([r.enteringAtLow, r.leavingAtLow]).toEqual([[], []]);
      if (r.high === 1) expect([r.enteringAtHigh, r.leavingAtHigh]).toEqual([[], []]);
    });
    expect(json.stability).toHaveLength(portfolio.projects.length);
  });

  it('without --robustness, the output has no robustness field', async () => {
    const out = capture();
    await optimize([fixture, '--json']);
    expect(JSON.parse(out())).not.toHaveProperty('robustness');
  });

  it('prints the ranges as a table after the plan in text mode', async () => {
    const out = capture();
    await optimize([fixture, '--robustness']);
    expect(out()).toMatch(/Robustesse aux poids/);
    expect(out()).toMatch(/Qualité de service à l'usager\s+\d/);
  });
});
