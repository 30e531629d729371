/** `arbitra simulate`: the JSON of CLI.md, exit statuses, same seed same output. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../../bin/arbitra.mjs', import.meta.url).pathname;
const doc = JSON.parse(readFileSync(new URL('../../fixtures/moyen.json', import.meta.url), 'utf8'));
doc.scenarios[0].plan = doc.projects
  .slice(0, 12)
  .map((p: { id: string }, i: number) => ({ project: p.id, start: 2027 + (i % 3) }));
// MODEL.md §8: a deadline on the second planned project only.
doc.projects[1].deadline = '2029-06';
const file = join(mkdtempSync(join(tmpdir(), 'arbitra-simulate-')), 'plan.json');
writeFileSync(file, JSON.stringify(doc));

const run = (...args: string[]) =>
  execFileSync(process.execPath, [bin, 'simulate', file, ...args], { encoding: 'utf8' });

describe('arbitra simulate', () => {
  it('prints the fields of CLI.md, the same for the same seed', () => {
    const out = JSON.parse(run('--json', '--iterations', '2000', '--seed', '9'));
    expect(out).toMatchObject({ iterations: 2000, seed: 9 });
    expect(Object.keys(out.projects[0])).toEqual(
      expect.arrayContaining(['project', 'finishMonth', 'finish', 'pWithinMandate', 'pLateStart']),
    );
    expect(out.projects[0].finish.p50).toMatch(/^\d{4}-\d{2}$/);
    expect(Object.keys(out.value)).toEqual(
      expect.arrayContaining(['planned', 'mean', 'p10', 'p50', 'p90', 'stdError']),
    );
    expect(out.investment).toHaveLength(6);
    expect(Object.keys(out.investment[0])).toEqual(
      expect.arrayContaining(['year', 'p50', 'p80', 'p90', 'pOverEnvelope']),
    );
    expect(Object.keys(out.drivers[0])).toEqual(
      expect.arrayContaining(['project', 'rankCorrelation', 'delaysSuccessor']),
    );
    // Same seed, same output, but for the timings of CLI.md ("seconds", "cpuSeconds").
    expect(out.seconds).toBeGreaterThan(0);
    expect(out.cpuSeconds).toBeGreaterThan(0);
    const again = JSON.parse(run('--json', '--iterations', '2000', '--seed', '9'));
    const untimed = (o: Record<string, unknown>) => ({ ...o, seconds: 0, cpuSeconds: 0 });
    expect(JSON.stringify(untimed(again), null, 2)).toBe(JSON.stringify(untimed(out), null, 2));
  });

  it('gives pOnTime to the projects with a deadline only, in JSON and in French', () => {
    const out = JSON.parse(run('--json', '--iterations', '2000'));
    const withDeadline = out.projects.filter((p: { pOnTime?: number }) => 'pOnTime' in p);
    expect(withDeadline.map((p: { project: string }) => p.project)).toEqual([doc.projects[1].id]);
    expect(withDeadline[0].pOnTime).toBeGreaterThanOrEqual(0);
    expect(withDeadline[0].pOnTime).toBeLessThanOrEqual(1);
    expect(run('--iterations', '500')).toMatch(/Échéances[\s\S]*livré au plus tard fin juin 2029/);
  });

  it('writes a French report without --json', () => {
    expect(run('--iterations', '500')).toContain('Valeur livrée');
  });

  it('refuses a bad iteration count with the usage status', () => {
    const r = spawnSync(process.execPath, [bin, 'simulate', file, '--iterations', '0'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
  });
});
