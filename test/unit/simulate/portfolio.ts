/** Small hand-made portfolios for the simulation tests. */
import type { Portfolio, Project, RiskSettings } from '../../../shared/model/portfolio';

/** A project worth `value` points (one criterion, weight 1: value = 20 × score). */
export function project(id: string, fields: Partial<Project> = {}): Project {
  return {
    id,
    name: id,
    scores: { c: 5 },
    investment: [100_000],
    durationMonths: { low: 12, mode: 12, high: 12 },
    ...fields,
  };
}

export function portfolio(
  projects: Project[],
  options: { risk?: RiskSettings; mandateEnd?: string; years?: number; envelope?: number[] } = {},
): Portfolio {
  const years = options.years ?? 6;
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years },
    ...(options.mandateEnd ? { mandateEnd: options.mandateEnd } : {}),
    criteria: [{ id: 'c', label: 'Critère', weight: 1 }],
    teams: [],
    budget: {
      investment: options.envelope ?? Array.from({ length: years }, () => 1_000_000),
      operating: Array.from({ length: years }, () => 0),
    },
    projects,
    risk: { correlation: 0, blackSwan: null, ...options.risk },
  };
}

/** Sample mean and standard deviation. */
export function meanSd(xs: ArrayLike<number>): { mean: number; sd: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  const mean = sum / xs.length;
  let sq = 0;
  for (let i = 0; i < xs.length; i++) sq += (xs[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / (xs.length - 1)) };
}

/** Column of project p in a block's project-major array. */
export function column(array: Float32Array, p: number, count: number): Float32Array {
  return array.subarray(p * count, (p + 1) * count);
}
