/** Helpers shared by the document store tests. */
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Portfolio, Project } from '../../../shared/model/portfolio';

export const EXAMPLES = ['petit', 'moyen', 'infaisable'] as const;

export function example(name: (typeof EXAMPLES)[number]): Portfolio {
  const url = new URL(`../../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Portfolio;
}

export function tempDir(prefix = 'arbitra-store-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small valid document with one unknown field at every level it can hold one. */
export function smallPortfolio(): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1', x_siren: '123' },
    horizon: { firstYear: 2027, years: 2 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 100] }],
    budget: { investment: [1_000_000, 1_000_000], operating: [100_000, 100_000] },
    projects: [project('P1'), project('P2'), project('P3')],
    x_commentaire: 'champ inconnu gardé',
  };
}

export function project(id: string, name = `Projet ${id}`): Project {
  return {
    id,
    name,
    scores: { usagers: 3 },
    investment: [100_000],
    staff: [{ team: 'dsi', days: [20] }],
    durationMonths: { low: 6, mode: 9, high: 12 },
    x_note: `note ${id}`,
  };
}

/**
 * Valid format-1 documents (MODEL.md §2), small, with unknown fields here and
 * there and any text in names, so that a lossless round trip is tested.
 */
export const portfolioArb: fc.Arbitrary<Portfolio> = fc
  .record({
    years: fc.integer({ min: 1, max: 4 }),
    criteria: fc.integer({ min: 1, max: 3 }),
    teams: fc.integer({ min: 0, max: 2 }),
    projects: fc.integer({ min: 0, max: 6 }),
    name: fc.string(),
    seed: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 64, maxLength: 64 }),
    labels: fc.array(fc.string({ unit: 'grapheme' }), { minLength: 12, maxLength: 12 }),
    extra: fc.option(fc.jsonValue(), { nil: undefined }),
    kind: fc.constantFrom(
      'commune',
      'departement',
      'region',
      'intercommunalite',
      'syndicat',
      'autre',
    ),
    regime: fc.constantFrom('N', 'N+1', 'N+2'),
  })
  .map((g) => {
    let i = 0;
    const next = (max: number) => (g.seed[i++ % g.seed.length] ?? 0) % (max + 1);
    const label = (k: number) => {
      const text = g.labels[k % g.labels.length] ?? '';
      return text.trim() ? text : `libellé ${k}`;
    };
    const criteria = Array.from({ length: g.criteria }, (_, k) => ({
      id: `c${k}`,
      label: label(k),
      weight: 1 + next(9),
    }));
    const teams = Array.from({ length: g.teams }, (_, k) => ({
      id: `t${k}`,
      label: label(k + 3),
      capacity: Array.from({ length: g.years }, () => next(1000)),
    }));
    const projects: Project[] = Array.from({ length: g.projects }, (_, k) => {
      const n = 1 + next(Math.min(2, g.years - 1));
      const low = 1 + next(12);
      const mode = low + next(6);
      const p: Project = {
        id: `P${k}`,
        name: label(k + 6),
        scores: Object.fromEntries(criteria.map((c) => [c.id, next(5)])),
        investment: Array.from({ length: n }, () => next(500_000)),
        staff: teams.map((t) => ({ team: t.id, days: Array.from({ length: n }, () => next(50)) })),
        durationMonths: { low, mode, high: mode + next(12) },
      };
      if (next(1)) p.runCost = next(50_000);
      if (next(1)) p.subsidyRate = next(5) / 10;
      if (next(1)) p.mandatory = false;
      if (next(1)) p.x_inconnu = { texte: label(k), liste: [1, 'deux', null] };
      return p;
    });
    const portfolio: Portfolio = {
      format: 'arbitra-portfolio',
      version: 1,
      organisation: {
        name: g.name.trim() ? g.name : 'Collectivité',
        kind: g.kind,
        fctvaRegime: g.regime,
      },
      horizon: { firstYear: 2027, years: g.years },
      criteria,
      teams,
      budget: {
        investment: Array.from({ length: g.years }, () => next(2_000_000)),
        operating: Array.from({ length: g.years }, () => next(300_000)),
      },
      projects,
    };
    if (g.extra !== undefined) portfolio.x_extension = g.extra;
    return portfolio;
  });
