/**
 * The command line of MODEL.md §9: `finance` with the PPI, the annex and the
 * floor warnings (JSON and French tables under 100 columns), and
 * `next-year FILE OUT` writing the next budget year's document in the three
 * file kinds, its baseline and actuals surviving each of them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../electron/cli/command';
import { command as finance } from '../../../electron/cli/commands/finance';
import { command as nextYearCommand } from '../../../electron/cli/commands/next-year';
import { main } from '../../../electron/cli/main';
import { fitColumns, MAX_WIDTH } from '../../../electron/cli/money-for-vote';
import { readPortfolioFile } from '../../../electron/documents/files';
import { adoptPlan } from '../../../shared/engine/annex';
import { nextYear } from '../../../shared/engine/next-year';
import type { Portfolio, Project } from '../../../shared/model/portfolio';

const dir = mkdtempSync(join(tmpdir(), 'arbitra-vote-'));

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

function project(id: string, name: string, investment: number[], fields: Partial<Project> = {}) {
  return {
    id,
    name,
    scores: { usagers: 3 },
    investment,
    durationMonths: { low: 6, mode: 12, high: 18 },
    ...fields,
  } satisfies Project;
}

function doc(years = 3): Portfolio {
  const row = (v: number) => new Array<number>(years).fill(v);
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: row(500) }],
    budget: { investment: row(1e6), operating: row(1e5) },
    projects: [
      project('P1', 'Portail usagers', [100000, 20000], { runCost: 5000 }),
      project('P2', 'Vidéoprotection subventionnée à 90 %', [120000], { subsidyRate: 0.9 }),
      project('P3', 'GED', [40000]),
    ],
    scenarios: [
      {
        id: 'base',
        name: 'Référence',
        plan: [
          { project: 'P1', start: 2027 },
          { project: 'P2', start: 2028 },
        ],
      },
    ],
  };
}

/** Output with the narrow no-break spaces of French numbers written as spaces. */
function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk).replace(/[\u202f\u00a0]/g, ' ');
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

describe('arbitra finance: money for the vote', () => {
  it('adds the PPI, the annex and the floor warnings to --json', async () => {
    const file = write('vote.json', doc());
    const io = capture();
    expect(await finance([file, '--json'])).toBe(0);
    vi.restoreAllMocks();
    const report = JSON.parse(io.out());
    // Regime N: FCTVA 16.404 % of 100 000 and of 20 000 + 120 000 the same years.
    expect(report.ppi).toEqual({
      years: [2027, 2028, 2029],
      expenditure: [100000, 140000, 0],
      subsidies: [0, 108000, 0],
      partners: [0, 0, 0],
      fctva: [16404, 22965.6, 0],
      net: [83596, 9034.4, 0],
      totals: {
        expenditure: 240000,
        subsidies: 108000,
        partners: 0,
        fctva: 39369.6,
        net: 92630.4,
      },
      projects: [
        {
          project: 'P1',
          ap: 'AP-2027-01',
          label: 'Portail usagers',
          amount: 120000,
          before: 0,
          cp: [100000, 20000, 0],
          after: 0,
        },
        {
          project: 'P2',
          ap: 'AP-2028-01',
          label: 'Vidéoprotection subventionnée à 90 %',
          amount: 120000,
          before: 0,
          cp: [0, 120000, 0],
          after: 0,
        },
      ],
    });
    expect(report.annex).toEqual([
      {
        ap: 'AP-2027-01',
        project: 'P1',
        label: 'Portail usagers',
        amount: 120000,
        cp: [100000, 20000],
        firstYear: 2027,
        start: 2027,
        initial: null,
        revision: null,
      },
      {
        ap: 'AP-2028-01',
        project: 'P2',
        label: 'Vidéoprotection subventionnée à 90 %',
        amount: 120000,
        cp: [120000],
        firstYear: 2028,
        start: 2028,
        initial: null,
        revision: null,
      },
    ]);
    // 10 % self-financed against 20 %: 10 % × 120 000 = 12 000 € short.
    expect(report.selfFinancing).toEqual([
      { project: 'P2', floor: 0.2, share: 0.1, shortfall: 12000 },
    ]);
  });

  it('prints the PPI by year, the annex with its total row and the floor warning, in French', async () => {
    const file = write('vote-text.json', doc());
    const io = capture();
    expect(await finance([file])).toBe(0);
    vi.restoreAllMocks();
    const text = io.out();
    const from = text.indexOf('Plan pluriannuel d’investissement (PPI)');
    expect(from).toBeGreaterThan(0);
    const part = text.slice(from);
    const lines = part.split('\n');
    // Years pivoted to rows, a total row; then the annex and its CP, each with a total row.
    expect(
      lines.some((l) => /^2028\s+140 000 €\s+108 000 €\s+0 €\s+22 966 €\s+9 034 €$/.test(l)),
    ).toBe(true);
    expect(lines.filter((l) => l.startsWith('Total')).length).toBe(3);
    expect(part).toMatch(/AP-2027-01\s+P1 Portail usagers\s+2027\s+120 000 €/);
    expect(part).toMatch(/Total\s+240 000 €/);
    expect(part).toContain('Attention : 1 projet du plan sous son plancher');
    expect(part).toMatch(/P2 Vidéoprotection subventionnée à 90 %\s+10 %\s+20 %\s+12 000 €/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(MAX_WIDTH);
  });

  it('cuts the CP of a 15-year annex into tables under 100 columns, with the revisions', async () => {
    const long = doc(15);
    long.projects = Array.from({ length: 12 }, (_, i) =>
      project(
        `P${i + 1}`,
        `Projet au libellé volontairement très long numéro ${i + 1}`,
        [1234567, 2345678, 3456789],
      ),
    );
    const plan = long.projects.map((p, i) => ({ project: p.id, start: 2027 + i }));
    long.scenarios = [{ id: 'base', name: 'Long', plan }];
    long.budget.investment = new Array<number>(15).fill(1e8);
    long.baseline = adoptPlan(long, plan.slice(0, 6), { date: '2027-01-15' });
    long.projects[0]!.investment = [1234567, 2345678, 3500000];
    const file = write('long.json', long);
    const io = capture();
    expect(await finance([file])).toBe(0);
    vi.restoreAllMocks();
    const part = io.out().slice(io.out().indexOf('Plan pluriannuel'));
    for (const line of part.split('\n')) expect([...line].length).toBeLessThanOrEqual(MAX_WIDTH);
    // 14 years of CP (2027–2040): more than one table, every year once.
    const heads = part.split('\n').filter((l) => l.startsWith('N° AP  ') && l.includes('CP 20'));
    expect(heads.length).toBeGreaterThan(1);
    const years = heads.flatMap((h) => [...h.matchAll(/CP (\d{4})/g)].map((m) => Number(m[1])));
    expect(years).toEqual(Array.from({ length: 14 }, (_, i) => 2027 + i));
    // P1 costs 43 211 € more than adopted; P7 onwards are new APs.
    expect(part).toMatch(
      /AP-2027-01\s+P1 Projet au libellé volontairement…\s+2027\s+7 037 034 €\s+43 211 €\s+7 080 245 €/,
    );
    expect(part).toContain('« — » : AP nouvelle');
  });

  it('fits value columns beside the keys, at least one per group', () => {
    expect(fitColumns(10, [11, 11, 11])).toEqual([[0, 1, 2]]);
    expect(fitColumns(60, [11, 11, 11, 11])).toEqual([[0, 1, 2], [3]]);
    expect(fitColumns(95, [20, 20])).toEqual([[0], [1]]);
  });
});

/** Last year's document, adopted and executed: P1 under way, P3 delivered. */
function executed(): Portfolio {
  const d = doc();
  d.projects[2] = project('P3', 'GED', [40000], { runCost: 8000 });
  const plan = [
    { project: 'P1', start: 2027 },
    { project: 'P2', start: 2028 },
    { project: 'P3', start: 2027 },
  ];
  d.scenarios![0]!.plan = plan;
  d.baseline = adoptPlan(d, plan, { date: '2027-01-15', meeting: 'CODIR', scenario: 'base' });
  d.actuals = [
    { project: 'P1', year: 2027, paid: 90000, status: 'en-cours' },
    { project: 'P3', year: 2027, paid: 41000, status: 'livre' },
  ];
  d.decisions = [{ date: '2027-01-15', project: 'P3', decision: 'retenu' }];
  return d;
}

describe('arbitra next-year', () => {
  it('writes the next year’s document as JSON and says what it did', async () => {
    const input = write('annee1.json', executed());
    const output = join(dir, 'annee2.json');
    const io = capture();
    expect(await nextYearCommand([input, output])).toBe(0);
    vi.restoreAllMocks();
    const written = JSON.parse(readFileSync(output, 'utf8')) as Portfolio;
    expect(written).toEqual(nextYear(executed()).portfolio);
    expect(written.horizon.firstYear).toBe(2028);
    const out = io.out();
    expect(out).toContain('Arbitrage 2028 préparé pour Commune de Test : horizon 2028–2030');
    expect(out).toContain('1 projet en cours poursuivi en 2028 : P1 ; reste à payer 30 000 €.');
    expect(out).toContain(
      '1 projet livré : P3 ; 8 000 € de fonctionnement net retirés chaque année',
    );
    expect(out).toContain('Écrit : « annee2.json ».');
  });

  it('writes .arbitra and .xlsx documents that read back the same, baseline and actuals included', async () => {
    const input = write('annee1b.json', executed());
    const expected = nextYear(executed()).portfolio;
    for (const ext of ['arbitra', 'xlsx']) {
      const output = join(dir, `annee2.${ext}`);
      capture();
      expect(await nextYearCommand([input, output])).toBe(0);
      vi.restoreAllMocks();
      const back = await readPortfolioFile(output);
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.portfolio.baseline).toEqual(expected.baseline);
      expect(back.portfolio.actuals).toEqual(expected.actuals);
      expect(back.portfolio.decisions).toEqual(expected.decisions);
      expect(back.portfolio).toEqual(expected);
    }
  });

  it('is registered in the command line with its usage line', async () => {
    const input = write('annee1c.json', executed());
    const io = capture();
    expect(await main(['next-year', input, join(dir, 'annee2c.json'), '--scenario', 'base'])).toBe(
      0,
    );
    expect(await main(['--help'])).toBe(0);
    vi.restoreAllMocks();
    expect(io.out()).toContain('next-year FILE OUT [--scenario ID]');
  });

  it('refuses usage errors: no OUT, the same file, an unknown extension, an unknown scenario', async () => {
    const input = write('annee1d.json', executed());
    await expect(nextYearCommand([input])).rejects.toBeInstanceOf(UsageError);
    await expect(nextYearCommand([input, input])).rejects.toThrow(/différent/);
    await expect(nextYearCommand([input, join(dir, 'x.csv')])).rejects.toThrow(/extension/);
    capture();
    const error = await nextYearCommand([input, join(dir, 'y.json'), '--scenario', 'nope']).catch(
      (e: unknown) => e,
    );
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('scénarios disponibles : base');
  });

  it('exits 1 on a refused document and writes nothing', async () => {
    const bad = { ...executed(), horizon: { firstYear: 2027, years: 0 } };
    const input = write('refuse.json', bad);
    const output = join(dir, 'jamais.json');
    const io = capture();
    expect(await nextYearCommand([input, output])).toBe(1);
    vi.restoreAllMocks();
    expect(io.err()).toContain('refusé');
    expect(() => readFileSync(output)).toThrow();
  });
});

describe('what next-year says', () => {
  it('says « aucun » for what did not happen, and nothing about money then', async () => {
    const input = write('annee1e.json', doc());
    const io = capture();
    expect(await nextYearCommand([input, join(dir, 'annee2e.json')])).toBe(0);
    vi.restoreAllMocks();
    expect(io.out()).toContain('- aucun projet en cours poursuivi en 2028.\n');
    expect(io.out()).toContain('- aucun projet livré.\n');
    expect(io.out()).toContain('- 3 projets candidats à arbitrer.\n');
  });
});
