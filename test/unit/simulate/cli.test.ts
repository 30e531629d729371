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
    expect(run('--json', '--iterations', '2000', '--seed', '9')).toBe(
      JSON.stringify(out, null, 2) + '\n',
    );
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
