/**
 * Money, for finance (MODEL.md §6, CLI.md `finance --json`).
 *
 * For a plan (project, start year) this gives, per horizon year, what a
 * finance director (DAF) puts in the PPI and the budget: gross investment,
 * subsidies, partner shares, net investment, FCTVA received, running cost,
 * savings and the net cost to the authority; totals over the horizon; and for
 * each planned project its multi-year AP and its CP schedule.
 *
 * Rules (where MODEL.md is silent, the choice a DAF expects, written here):
 *
 * - **Gross investment** follows each planned project's CP schedule as
 *   planned (`investment[k]` in calendar year `start + k`), without any cost
 *   factor: this is the budgeted plan, not a risk draw (the simulation does
 *   that). A CP falling outside the horizon is not in the yearly arrays but is
 *   in the project's AP and CP; what falls after the horizon is reported in
 *   `totals.grossAfterHorizon` (an added field).
 * - **Subsidies** = `subsidyRate × gross`, **partner shares** =
 *   `partnerShare × gross`, both in the year of the CP (the budgeted view:
 *   receipts are matched with the expense they finance).
 *   **Net** = gross − subsidies − partners.
 * - **FCTVA** = `fctvaRate` (default 0.16404) × the authority's own eligible
 *   gross investment, i.e. `gross × (1 − partnerShare)`, only for projects with
 *   `fctvaEligible` not false. Subsidies do **not** reduce the base: in French
 *   law (CGCT art. L1615-1 s.) FCTVA is computed on the eligible expense
 *   incl. VAT actually borne by the authority, whoever finances it; partner
 *   shares are excluded because the partners' part is not the authority's
 *   expense (each member claims FCTVA on its own share, or repays it through a
 *   fund transfer). It is received in the year of the expense (regime `N`),
 *   one year later (`N+1`) or two years later (`N+2`). FCTVA received after
 *   the last horizon year is left out of the yearly arrays and given in
 *   `totals.fctvaAfterHorizon`; FCTVA that would be received before the
 *   horizon (a CP dated before `firstYear`) is ignored.
 * - **CP paid before the horizon** (`actuals` of years before `firstYear`,
 *   MODEL.md §9: the next year's document keeps last year's rows) bring
 *   their FCTVA in the years the regime says, whatever the plan: under `N+1`
 *   the CP paid in 2027 are refunded in 2028, a receipt of the new horizon.
 *   Same base as planned CP: `paid × (1 − partnerShare)` of eligible
 *   projects. They are not expense of the horizon (the plan's CP are).
 * - **Running cost** = `runCost × (1 − partnerShare)` per year, and
 *   **savings** = `savings` in full (they are the authority's own, and the
 *   scenario's `savingsCredit` is not applied: finance shows the announced
 *   figure), both from the year after the last build year (`start + n`) to
 *   the end of the horizon. A project finishing in the last horizon year has
 *   no running cost inside the horizon.
 * - **Net cost** per year = net − FCTVA + run − savings.
 * - Amounts are rounded to the cent; each net cost is computed from the
 *   rounded components, and each total is the rounded sum of its yearly
 *   array, so the identities hold to the cent.
 */
import type { Portfolio, PlanEntry, Project, ResolvedScenario } from '../model/portfolio';
import { DEFAULT_FCTVA_RATE } from '../model/portfolio';

export interface FinanceTotals {
  gross: number;
  subsidies: number;
  partners: number;
  net: number;
  fctva: number;
  run: number;
  savings: number;
  netCost: number;
  /** FCTVA on the plan's investment, received after the last horizon year. */
  fctvaAfterHorizon: number;
  /** Gross CP of the plan falling after the last horizon year (not in `gross`). */
  grossAfterHorizon: number;
}

export interface FinanceProjectLine {
  project: string;
  start: number;
  /** Autorisation de programme: the sum of the gross CP. */
  ap: number;
  /** Crédits de paiement by project year (year 1 = start year), gross. */
  cp: number[];
}

export interface FinanceReport {
  years: number[];
  investment: { gross: number[]; subsidies: number[]; partners: number[]; net: number[] };
  fctva: number[];
  operating: { run: number[]; savings: number[] };
  netCost: number[];
  totals: FinanceTotals;
  projects: FinanceProjectLine[];
}

/** The lines of the financing plan, in the order every table shows them. */
export const FINANCE_LINES = [
  'gross',
  'subsidies',
  'partners',
  'net',
  'fctva',
  'run',
  'savings',
  'netCost',
] as const;
export type FinanceLineKey = (typeof FINANCE_LINES)[number];

/** Their French names, as the command line and the workbooks print them. */
export const FINANCE_LINE_LABELS: Record<FinanceLineKey, string> = {
  gross: 'Investissement brut',
  subsidies: 'Subventions',
  partners: 'Part des partenaires',
  net: 'Investissement net',
  fctva: 'FCTVA reçu',
  run: 'Coût de fonctionnement',
  savings: 'Économies',
  netCost: 'Coût net pour la collectivité',
};

export interface FinanceLine {
  key: FinanceLineKey;
  /** One amount per horizon year. */
  values: number[];
  total: number;
  /** A result line (net investment, net cost), printed in bold. */
  strong: boolean;
}

/** The financing plan's lines, each with its yearly amounts and its total. */
export function financeLines(report: FinanceReport): FinanceLine[] {
  const t = report.totals;
  const values: Record<FinanceLineKey, [number[], number]> = {
    gross: [report.investment.gross, t.gross],
    subsidies: [report.investment.subsidies, t.subsidies],
    partners: [report.investment.partners, t.partners],
    net: [report.investment.net, t.net],
    fctva: [report.fctva, t.fctva],
    run: [report.operating.run, t.run],
    savings: [report.operating.savings, t.savings],
    netCost: [report.netCost, t.netCost],
  };
  return FINANCE_LINES.map((key) => ({
    key,
    values: values[key][0],
    total: values[key][1],
    strong: key === 'net' || key === 'netCost',
  }));
}

/** Years between an eligible expense and the FCTVA it brings. */
export function fctvaLag(regime: Portfolio['organisation']['fctvaRegime']): number {
  return regime === 'N' ? 0 : regime === 'N+1' ? 1 : 2;
}

/** Rounded to the cent (and -0 turned into 0). */
export function toCents(amount: number): number {
  const rounded = Math.round(amount * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/**
 * The finance figures of a plan. `scenario` is taken for the interface of the
 * engine (the figures are the budgeted plan: no factor of the scenario changes
 * them, see the rules above). Throws when the plan names an unknown project.
 */
export function financePlan(
  portfolio: Portfolio,
  _scenario: ResolvedScenario,
  plan: readonly PlanEntry[],
): FinanceReport {
  const firstYear = portfolio.horizon.firstYear;
  const count = portfolio.horizon.years;
  const lastYear = firstYear + count - 1;
  const years = Array.from({ length: count }, (_, t) => firstYear + t);
  const zeros = () => new Array<number>(count).fill(0);
  const rate = portfolio.organisation.fctvaRate ?? DEFAULT_FCTVA_RATE;
  const lag = fctvaLag(portfolio.organisation.fctvaRegime);
  const byId = new Map<string, Project>(portfolio.projects.map((p) => [p.id, p]));

  const gross = zeros();
  const subsidies = zeros();
  const partners = zeros();
  const fctva = zeros();
  const run = zeros();
  const savings = zeros();
  let fctvaAfterHorizon = 0;
  let grossAfterHorizon = 0;
  const projects: FinanceProjectLine[] = [];

  for (const entry of plan) {
    const project = byId.get(entry.project);
    if (!project) {
      throw new Error(`Le plan cite le projet « ${entry.project} », absent du portefeuille.`);
    }
    const subsidyRate = project.subsidyRate ?? 0;
    const partnerShare = project.partnerShare ?? 0;
    const eligible = project.fctvaEligible !== false;
    const n = project.investment.length;

    project.investment.forEach((cp, k) => {
      const year = entry.start + k;
      const t = year - firstYear;
      if (t >= 0 && t < count) {
        gross[t]! += cp;
        subsidies[t]! += subsidyRate * cp;
        partners[t]! += partnerShare * cp;
      } else if (year > lastYear) {
        grossAfterHorizon += cp;
      }
      if (eligible) {
        const refund = rate * cp * (1 - partnerShare);
        const paid = year + lag - firstYear;
        if (paid >= count) fctvaAfterHorizon += refund;
        else if (paid >= 0) fctva[paid]! += refund;
      }
    });

    const ownRun = (project.runCost ?? 0) * (1 - partnerShare);
    const saved = project.savings ?? 0;
    for (let t = Math.max(0, entry.start + n - firstYear); t < count; t++) {
      run[t]! += ownRun;
      savings[t]! += saved;
    }

    projects.push({
      project: project.id,
      start: entry.start,
      ap: toCents(sum(project.investment)),
      cp: project.investment.map(toCents),
    });
  }

  // FCTVA still to come on the CP paid before the horizon (MODEL.md §9
  // actuals), whatever the plan: a receipt of the years it falls in.
  for (const row of portfolio.actuals ?? []) {
    const project = byId.get(row.project);
    if (row.year >= firstYear || !project || project.fctvaEligible === false) continue;
    const refund = rate * row.paid * (1 - (project.partnerShare ?? 0));
    const paid = row.year + lag - firstYear;
    if (paid >= count) fctvaAfterHorizon += refund;
    else if (paid >= 0) fctva[paid]! += refund;
  }

  const g = gross.map(toCents);
  const s = subsidies.map(toCents);
  const p = partners.map(toCents);
  const net = years.map((_, t) => toCents(g[t]! - s[t]! - p[t]!));
  const f = fctva.map(toCents);
  const r = run.map(toCents);
  const sv = savings.map(toCents);
  const netCost = years.map((_, t) => toCents(net[t]! - f[t]! + r[t]! - sv[t]!));

  return {
    years,
    investment: { gross: g, subsidies: s, partners: p, net },
    fctva: f,
    operating: { run: r, savings: sv },
    netCost,
    totals: {
      gross: toCents(sum(g)),
      subsidies: toCents(sum(s)),
      partners: toCents(sum(p)),
      net: toCents(sum(net)),
      fctva: toCents(sum(f)),
      run: toCents(sum(r)),
      savings: toCents(sum(sv)),
      netCost: toCents(sum(netCost)),
      fctvaAfterHorizon: toCents(fctvaAfterHorizon),
      grossAfterHorizon: toCents(grossAfterHorizon),
    },
    projects,
  };
}

/**
 * The plan finance falls back on when there is neither a scenario plan nor an
 * optimised one: the projects every plan must hold (mandatory, fixed start,
 * forced in by the scenario and not forced out), each at its earliest start:
 * `fixedStart`, else the later of `firstYear` and `earliestStart`, pushed
 * after the build of its predecessors that are in this plan.
 */
export function requiredProjectsPlan(
  portfolio: Portfolio,
  scenario?: ResolvedScenario,
): PlanEntry[] {
  const forceIn = new Set(scenario?.forceIn ?? []);
  const forceOut = new Set(scenario?.forceOut ?? []);
  const required = portfolio.projects.filter(
    (p) =>
      !forceOut.has(p.id) &&
      (p.mandatory === true || forceIn.has(p.id) || (p.fixedStart ?? null) !== null),
  );
  const byId = new Map(required.map((p) => [p.id, p]));
  const starts = new Map<string, number>();
  const visiting = new Set<string>();
  const startOf = (p: Project): number => {
    const known = starts.get(p.id);
    if (known !== undefined) return known;
    let start = p.fixedStart ?? Math.max(portfolio.horizon.firstYear, p.earliestStart ?? -Infinity);
    if (p.fixedStart == null && !visiting.has(p.id)) {
      visiting.add(p.id);
      for (const id of p.dependsOn ?? []) {
        const q = byId.get(id);
        if (q) start = Math.max(start, startOf(q) + q.investment.length);
      }
      visiting.delete(p.id);
    }
    starts.set(p.id, start);
    return start;
  };
  return required.map((p) => ({ project: p.id, start: startOf(p) }));
}
