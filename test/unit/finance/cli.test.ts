import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command, formatEuros } from '../../../electron/cli/commands/finance';
import { UsageError } from '../../../electron/cli/command';

const dir = mkdtempSync(join(tmpdir(), 'arbitra-finance-'));

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

const doc = {
  format: 'arbitra-portfolio',
  version: 1,
  organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N' },
  horizon: { firstYear: 2027, years: 2 },
  criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
  teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 100] }],
  budget: { investment: [1000000, 1000000], operating: [100000, 100000] },
  projects: [
    {
      id: 'P1',
      name: 'Portail',
      scores: { usagers: 4 },
      investment: [100000],
      runCost: 10000,
      savings: 2500,
      durationMonths: { low: 6, mode: 9, high: 12 },
    },
    {
      id: 'P2',
      name: 'GED',
      scores: { usagers: 2 },
      investment: [50000],
      durationMonths: { low: 6, mode: 9, high: 12 },
    },
  ],
  scenarios: [
    { id: 'base', name: 'Référence', plan: [{ project: 'P1', start: 2027 }] },
    { id: 'ged', name: 'GED seule', plan: [{ project: 'P2', start: 2028 }] },
  ],
};

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

describe('arbitra finance', () => {
  it('prints exactly the CLI.md fields as one JSON value, for the first scenario by default', async () => {
    const file = write('ok.json', doc);
    const io = capture();
    const status = await command([file, '--json']);
    vi.restoreAllMocks();
    expect(status).toBe(0);
    const report = JSON.parse(io.out());
    expect(Object.keys(report).sort()).toEqual(
      [
        'fctva',
        'investment',
        'netCost',
        'operating',
        'projects',
        'totals',
        'years',
        // MODEL.md §9
        'ppi',
        'annex',
        'selfFinancing',
      ].sort(),
    );
    expect(report.years).toEqual([2027, 2028]);
    expect(report.investment).toEqual({
      gross: [100000, 0],
      subsidies: [0, 0],
      partners: [0, 0],
      net: [100000, 0],
    });
    expect(report.fctva).toEqual([16404, 0]);
    expect(report.operating).toEqual({ run: [0, 10000], savings: [0, 2500] });
    expect(report.netCost).toEqual([83596, 7500]);
    expect(report.totals).toMatchObject({
      gross: 100000,
      subsidies: 0,
      partners: 0,
      net: 100000,
      fctva: 16404,
      run: 10000,
      savings: 2500,
      netCost: 91096,
      fctvaAfterHorizon: 0,
    });
    expect(report.projects).toEqual([{ project: 'P1', start: 2027, ap: 100000, cp: [100000] }]);
  });

  it('uses the plan of the scenario named by --scenario', async () => {
    const file = write('ok2.json', doc);
    const io = capture();
    expect(await command([file, '--scenario', 'ged', '--json'])).toBe(0);
    vi.restoreAllMocks();
    expect(JSON.parse(io.out()).investment.gross).toEqual([0, 50000]);
  });

  it('treats an unknown scenario as a usage error (status 2), naming the available ids', async () => {
    const file = write('ok3.json', doc);
    const error = await command([file, '--scenario', 'nope']).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('« nope »');
    expect((error as Error).message).toContain('base, ged');
  });

  it('exits 1 on a refused document, with one JSON value on standard output', async () => {
    const file = write('refused.json', { ...doc, horizon: { firstYear: 2027, years: 0 } });
    const io = capture();
    expect(await command([file, '--json'])).toBe(1);
    vi.restoreAllMocks();
    expect(io.err()).toContain('refusé');
    expect(JSON.parse(io.out())).toMatchObject({ valid: false });
  });

  it('exits 1 on a file that is not JSON', async () => {
    const file = write('broken.json', '{ not json');
    const io = capture();
    expect(await command([file])).toBe(1);
    vi.restoreAllMocks();
    expect(io.err()).toContain('broken.json');
  });

  it('costs the optimised plan when the scenario has none', async () => {
    // One envelope of 120 000 € in 2027 and none in 2028: the optimiser takes P1
    // (value 80) and leaves P2 (value 40), since both together need 150 000 €.
    const file = write('noplan.json', {
      ...doc,
      budget: { investment: [120000, 0], operating: [100000, 100000] },
      scenarios: [{ id: 'libre', name: 'Sans plan' }],
    });
    const io = capture();
    expect(await command([file, '--json'])).toBe(0);
    vi.restoreAllMocks();
    const report = JSON.parse(io.out());
    expect(report.projects).toEqual([{ project: 'P1', start: 2027, ap: 100000, cp: [100000] }]);
    expect(report.investment.gross).toEqual([100000, 0]);
    expect(io.err()).toContain('plan optimisé');
  });

  it('exits 1 with the reasons when no plan respects the rules', async () => {
    const file = write('infeasible.json', {
      ...doc,
      budget: { investment: [50000, 50000], operating: [100000, 100000] },
      projects: doc.projects.map((p) => ({ ...p, mandatory: p.id === 'P1' })),
      scenarios: [{ id: 'libre', name: 'Sans plan' }],
    });
    const io = capture();
    expect(await command([file, '--json'])).toBe(1);
    vi.restoreAllMocks();
    expect(io.err()).toContain('aucun plan');
    expect(JSON.parse(io.out()).reasons.length).toBeGreaterThan(0);
  });

  it('prints a French table with French number formatting without --json', async () => {
    const file = write('ok4.json', doc);
    const io = capture();
    expect(await command([file])).toBe(0);
    vi.restoreAllMocks();
    expect(io.out()).toContain('Investissement brut');
    expect(io.out()).toContain('FCTVA reçu');
    expect(io.out()).toContain(formatEuros(83596));
    expect(io.out()).toContain('P1 Portail');
  });

  it('formats euros the French way', () => {
    expect(formatEuros(1234567).replace(/\s/g, ' ')).toBe('1 234 567 €');
    expect(formatEuros(-0.2)).toBe('0 €');
  });

  it('is a usage error without a file', async () => {
    await expect(command([])).rejects.toBeInstanceOf(UsageError);
  });
});
