/**
 * Fixed data for the chart snapshots: small, hand-made, covering each mark
 * a chart can draw (an overrun, a negative use, a point with a gap, a
 * predecessor's delay, a team without capacity…).
 */
import type { FrontierPoint } from '../../../shared/engine/optimise';
import type { ExecutionBar } from '../../../renderer/src/charts/data';
import type { Portfolio } from '../../../shared/model/portfolio';

export const portfolio = {
  format: 1,
  organisation: { name: 'Communauté test', kind: 'intercommunalite', fctvaRegime: 'N+1' },
  horizon: { firstYear: 2026, years: 3 },
  budget: { investment: [1_000_000, 1_100_000, 900_000], operating: [200_000, 200_000, 200_000] },
  teams: [
    { id: 'dsi', label: 'DSI', capacity: [400, 400, 400] },
    { id: 'metier', label: 'Équipe métier', capacity: [0, 100, 100] },
  ],
  directions: [
    { id: 'usagers', label: 'Relation usagers' },
    { id: 'ressources', label: 'Ressources' },
  ],
  criteria: [{ id: 'c1', label: 'Usagers', weight: 1 }],
  projects: [
    {
      id: 'P1',
      name: 'Portail usagers avec un nom assez long pour être coupé',
      direction: 'usagers',
      investment: [300_000, 200_000],
      scores: { c1: 5 },
      durationMonths: { low: 18, mode: 24, high: 36 },
    },
    {
      id: 'P2',
      name: 'Paie',
      direction: 'ressources',
      investment: [150_000],
      scores: { c1: 3 },
      durationMonths: { low: 10, mode: 12, high: 18 },
    },
    {
      id: 'P3',
      name: 'Archivage',
      investment: [100_000],
      scores: { c1: 1 },
      durationMonths: { low: 10, mode: 12, high: 14 },
    },
  ],
} as unknown as Portfolio;

export const plan = [
  { project: 'P1', start: 2026 },
  { project: 'P2', start: 2027 },
  { project: 'P3', start: 2028 },
];

/** MODEL.md §8: P2 due by September 2027, P3 postponed to 2028 by the scenario. */
export const obligationsPortfolio = {
  ...portfolio,
  projects: portfolio.projects.map((p) => (p.id === 'P2' ? { ...p, deadline: '2027-09' } : p)),
} as Portfolio;
export const notBefore = { P3: 2028 };

export const envelopeYears = [
  { year: 2026, used: 800_000, ceiling: 1_000_000, over: 0 },
  { year: 2027, used: 1_250_000, ceiling: 1_100_000, over: 150_000 },
  { year: 2028, used: 880_000, ceiling: 900_000, over: 0 },
];

export const operatingYears = [
  { year: 2026, used: -20_000, ceiling: 200_000, over: 0 },
  { year: 2027, used: 60_000, ceiling: 200_000, over: 0 },
  { year: 2028, used: 150_000, ceiling: 200_000, over: 0 },
];

export const loads = {
  investment: [800_000, 1_250_000, 880_000],
  operating: [-20_000, 60_000, 150_000],
  teams: { dsi: [120, 380, 420], metier: [10, 0, 50] },
  directions: {},
};

export const limits = {
  investment: [1_000_000, 1_100_000, 900_000],
  operating: [200_000, 200_000, 200_000],
  teams: { dsi: [400, 400, 400], metier: [0, 100, 100] },
  directions: {},
};

export const riskRows = [
  {
    project: 'P1',
    name: 'Portail usagers avec un nom assez long pour être coupé',
    plannedStart: 0,
    plannedEnd: 24,
    p50: 26.5,
    p80: 30.25,
    p90: 33.75,
    pWithinMandate: 0.93,
    pLateStart: 0,
    cause: null,
  },
  {
    project: 'P2',
    name: 'Paie',
    plannedStart: 12,
    plannedEnd: 24,
    p50: 25.1,
    p80: 28.4,
    p90: 31.6,
    pWithinMandate: 0.42,
    pLateStart: 0.35,
    cause: { predecessor: 'P1', share: 0.35 },
  },
];

/** The risk rows with P2 due by December 2027 (month 24), on time in 38 % of draws, and P3 postponed to 2028. */
export const riskRowsObligations = [
  riskRows[0]!,
  { ...riskRows[1]!, deadline: '2027-12', deadlineMonth: 24, pOnTime: 0.38 },
  {
    project: 'P3',
    name: 'Archivage',
    plannedStart: 24,
    plannedEnd: 36,
    p50: 36.5,
    p80: 38,
    p90: 40,
    pWithinMandate: 0.12,
    pLateStart: 0,
    cause: null,
    notBefore: 24,
  },
];

export const fanYears = [
  { year: 2026, p50: 700_000, p80: 820_000, p90: 900_000, envelope: 1_000_000, pOver: 0.05 },
  { year: 2027, p50: 1_000_000, p80: 1_180_000, p90: 1_300_000, envelope: 1_100_000, pOver: 0.32 },
  { year: 2028, p50: 600_000, p80: 700_000, p90: 760_000, envelope: 900_000, pOver: 0 },
];

export const tornadoBars = [
  {
    project: 'P1',
    name: 'Portail usagers avec un nom assez long',
    rankCorrelation: -0.62,
    delaysSuccessor: 0.35,
  },
  { project: 'P2', name: 'Paie', rankCorrelation: -0.21, delaysSuccessor: 0 },
  { project: 'P3', name: 'Archivage', rankCorrelation: 0.08, delaysSuccessor: 0 },
];

/** An S-curve from 40 to 80 points (a smooth step) and the quantiles it passes through. */
export const curve = Array.from({ length: 21 }, (_, k) => {
  const probability = k / 20;
  return { probability, value: 40 + 40 * (3 * probability ** 2 - 2 * probability ** 3) };
});
export const curveValue = { planned: 82, mean: 60, p10: 45.6, p50: 60, p90: 74.4 };

const point = (
  factor: number,
  objective: number,
  investment: number,
  extra: Partial<FrontierPoint> = {},
) =>
  ({
    factor,
    status: 'optimal',
    objective,
    bound: objective,
    gap: 0,
    investment,
    plan: plan.slice(0, Math.max(1, Math.round(factor * 2))),
    reasons: [],
    ...extra,
  }) as FrontierPoint;

export const frontierPoints: FrontierPoint[] = [
  point(0.8, 52.5, 1_900_000),
  point(1, 60, 2_300_000),
  point(1.2, 66.2, 2_700_000, { status: 'feasible', bound: 70.1, gap: 0.055 }),
  point(1.5, 71, 3_200_000),
  point(2, 0, 0, { status: 'infeasible', plan: [] }),
];

/** The price of confidence: no margin, three levels, the strictest without a plan that holds. */
export const confidenceBars = [
  { confidence: null, value: 1715.1, price: 0, worst: null },
  { confidence: 0.5, value: 1620.4, price: 0.0552, worst: 0.48 },
  { confidence: 0.8, value: 1502.4, price: 0.124, worst: 0.19 },
  { confidence: 0.95, value: null, price: 0, worst: null },
];

/** Execution per budget year (MODEL.md §9): two closed years (one well below 70 %), then the re-forecast. */
export const executionBars: ExecutionBar[] = [
  { year: 2027, voted: 900_000, paid: 820_000, rate: 820 / 900, forecast: null },
  { year: 2028, voted: 1_200_000, paid: 600_000, rate: 0.5, forecast: null },
  {
    year: 2029,
    voted: 1_000_000,
    paid: null,
    rate: null,
    forecast: { p50: 1_150_000, p80: 1_320_000, p90: 1_450_000 },
  },
  {
    year: 2030,
    voted: 0,
    paid: null,
    rate: null,
    forecast: { p50: 300_000, p80: 420_000, p90: 510_000 },
  },
];
