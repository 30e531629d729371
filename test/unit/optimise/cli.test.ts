/**
 * `arbitra optimize` and `arbitra frontier`: one JSON value with --json, exit
 * 1 when no plan exists, usage error for an unknown scenario.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../electron/cli/command';
import { command as optimize } from '../../../electron/cli/commands/optimize';
import { command as frontier } from '../../../electron/cli/commands/frontier';

const fixture = (name: string) => join(__dirname, '../../fixtures', `${name}.json`);

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

describe('arbitra optimize / frontier', () => {
  it('prints exactly one JSON value with the fields of CLI.md and exits 0', async () => {
    const out = capture();
    const code = await optimize([fixture('petit'), '--json', '--robustness', '--gap', '0']);
    expect(code).toBe(0);
    const json = JSON.parse(out());
    expect(json.status).toBe('optimal');
    for (const key of [
      'objective',
      'bound',
      'gap',
      'seconds',
      'plan',
      'usage',
      'heuristic',
      'reasons',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.usage.investment).toHaveLength(4);
    expect(Object.keys(json.usage.teams).length).toBe(3);
  });

  it('exits 1 with the reasons when the problem is infeasible', async () => {
    const out = capture();
    const code = await optimize([fixture('infaisable')]);
    expect(code).toBe(1);
    expect(out()).toMatch(/P05 et P11/);
  });

  it('treats an unknown scenario as a usage error', async () => {
    capture();
    await expect(optimize([fixture('petit'), '--scenario', 'nope'])).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(optimize([fixture('petit'), '--gap', 'x'])).rejects.toBeInstanceOf(UsageError);
  });

  it('prints the frontier points in the order of the factors', async () => {
    const out = capture();
    const code = await frontier([fixture('petit'), '--factors', '1,0.75', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out());
    expect(json.points.map((p: { factor: number }) => p.factor)).toEqual([1, 0.75]);
    expect(json.points[0].investment).toBeGreaterThan(0);
  });
});
