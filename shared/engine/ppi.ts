/**
 * Money for the vote (MODEL.md §9, CLI.md `finance --json`): the PPI table
 * for the budget-orientation debate (ROB), the AP/CP annex (`annex.ts`) and
 * the self-financing floor (CGCT L1111-10).
 *
 * Rules (where MODEL.md is silent):
 *
 * - **PPI table**, per horizon year: expenditure = the plan's gross CP
 *   (`financePlan`'s gross investment), subsidies, partner shares, FCTVA
 *   received that year (`financePlan`'s FCTVA line: on the plan's CP with
 *   the regime's lag, and on the CP paid before the horizon still to be
 *   refunded), net = expenditure − subsidies − partners − FCTVA, each to the
 *   cent; totals over the horizon. So receipts + net = expenditure every
 *   year, and the PPI says exactly what the financing plan says.
 * - **Per project** the PPI gives its AP number and amount (the annex's) and
 *   its CP: realised before the horizon, per horizon year, after the horizon
 *   (before + Σ per year + after = amount). The projects' CP per horizon
 *   year sum to the year's expenditure.
 * - **Self-financing floor**: a project whose `subsidyRate + partnerShare`
 *   exceeds `1 − floor` (floor = `selfFinancingFloor`, default 0.2) is
 *   listed with `share = 1 − subsidyRate − partnerShare`, and
 *   `shortfall = (floor − share) × Σ investment` (rounded to the cent).
 *   Exactly at the floor is allowed; shares are compared to within 10⁻⁹, so
 *   that decimal shares (0.4 + 0.3 in binary floating point) are not
 *   reported below a floor they meet. `finance` lists the plan's projects.
 */
import type { PlanEntry, Portfolio, Project } from '../model/portfolio';
import { DEFAULT_SELF_FINANCING_FLOOR } from '../model/portfolio';
import { annexRows, cpIn, type AnnexRow } from './annex';
import { toCents, type FinanceReport } from './finance';
import { finite } from './plan';

export interface PpiProject {
  project: string;
  /** AP number. */
  ap: string;
  label: string;
  /** Gross AP (the annex's amount). */
  amount: number;
  /** CP paid before the horizon. */
  before: number;
  /** CP per horizon year. */
  cp: number[];
  /** CP after the horizon. */
  after: number;
}

export interface PpiTable {
  years: number[];
  expenditure: number[];
  subsidies: number[];
  partners: number[];
  fctva: number[];
  net: number[];
  totals: { expenditure: number; subsidies: number; partners: number; fctva: number; net: number };
  projects: PpiProject[];
}

export interface SelfFinancingShortfall {
  project: string;
  floor: number;
  /** 1 − subsidyRate − partnerShare */
  share: number;
  /** (floor − share) × Σ investment */
  shortfall: number;
}

/** What `finance --json` adds for the vote: the PPI, the annex and the floor warnings. */
export interface MoneyForVote {
  ppi: PpiTable;
  annex: AnnexRow[];
  selfFinancing: SelfFinancingShortfall[];
}

const sum = (xs: readonly number[]) => toCents(xs.reduce((s, x) => s + x, 0));

/** The PPI table of a plan from its finance report and its annex (see the header). */
export function ppiTable(report: FinanceReport, annex: readonly AnnexRow[]): PpiTable {
  const years = report.years;
  const expenditure = report.investment.gross;
  const { subsidies, partners } = report.investment;
  const fctva = report.fctva;
  const net = years.map((_, t) =>
    toCents(expenditure[t]! - subsidies[t]! - partners[t]! - fctva[t]!),
  );
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first - 1;
  const projects = annex.map((row) => {
    let before = 0;
    let after = 0;
    row.cp.forEach((v, i) => {
      const year = row.firstYear + i;
      if (year < first) before += v;
      else if (year > last) after += v;
    });
    return {
      project: row.project,
      ap: row.ap,
      label: row.label,
      amount: row.amount,
      before: toCents(before),
      cp: years.map((y) => cpIn(row, y)),
      after: toCents(after),
    };
  });
  return {
    years,
    expenditure,
    subsidies,
    partners,
    fctva,
    net,
    totals: {
      expenditure: sum(expenditure),
      subsidies: sum(subsidies),
      partners: sum(partners),
      fctva: sum(fctva),
      net: sum(net),
    },
    projects,
  };
}

/** Shares are compared to within this (see the header). */
export const SHARE_TOLERANCE = 1e-9;

/** The projects below their self-financing floor, in the order given (see the header). */
export function selfFinancingShortfalls(projects: readonly Project[]): SelfFinancingShortfall[] {
  const out: SelfFinancingShortfall[] = [];
  for (const p of projects) {
    const floor = p.selfFinancingFloor ?? DEFAULT_SELF_FINANCING_FLOOR;
    const share = 1 - finite(p.subsidyRate) - finite(p.partnerShare);
    if (share >= floor - SHARE_TOLERANCE) continue;
    const total = p.investment.reduce((s, x) => s + finite(x), 0);
    out.push({
      project: p.id,
      floor,
      share: Math.round(share * 1e9) / 1e9,
      shortfall: toCents((floor - share) * total),
    });
  }
  return out;
}

/** The PPI, the annex and the floor warnings of a plan (its finance report given). */
export function moneyForVote(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  report: FinanceReport,
): MoneyForVote {
  const annex = annexRows(portfolio, plan);
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const planned = plan.map((e) => byId.get(e.project)).filter((p): p is Project => !!p);
  return {
    ppi: ppiTable(report, annex),
    annex,
    selfFinancing: selfFinancingShortfalls(planned),
  };
}
