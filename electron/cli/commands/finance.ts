/**
 * `arbitra finance FILE [--scenario ID] [--json]` (CLI.md, MODEL.md §6).
 *
 * The plan is the scenario's `plan`; without one, the optimised plan (see
 * `planFor`). With `--json`, standard output holds exactly the report of
 * `financePlan` with the money for the vote of MODEL.md §9 (`ppi`, `annex`,
 * `selfFinancing`: `moneyForVote`); without, French tables for the finance
 * director, the PPI, the AP/CP annex and the floor warnings last
 * (`money-for-vote.ts`).
 * Exit status: 0 on success; 1 when the file is refused, names an unknown
 * scenario (the message lists the available ids) or admits no plan (the
 * optimiser's reasons are printed); 2 on a usage error.
 */
import highsLoader from 'highs';
import { type CliCommand, parseCommandArgs, UsageError } from '../command';
import { euro, lineSafe, print, printError, printJson, table } from '../format';
import { loadPortfolioForCli } from '../load';
import {
  FINANCE_LINE_LABELS,
  financeLines,
  financePlan,
  type FinanceLineKey,
  type FinanceReport,
} from '../../../shared/engine/finance';
import { optimise } from '../../../shared/engine/optimise';
import {
  DEFAULT_FCTVA_RATE,
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type ResolvedScenario,
} from '../../../shared/model/portfolio';
import { moneyForVote, type MoneyForVote } from '../../../shared/engine/ppi';
import { formatMoneyForVote } from '../money-for-vote';

/** How long the optimiser may search when the scenario has no plan (as `optimize`). */
export const OPTIMISE_TIME_LIMIT = 30;

/** How the command line shows each line's place in the sum (gross − … = net). */
const CLI_LINE_PREFIX: Record<FinanceLineKey, string> = {
  gross: '',
  subsidies: '– ',
  partners: '– ',
  net: '= ',
  fctva: '',
  run: '',
  savings: '',
  netCost: '',
};

const lowerFirst = (label: string, key: FinanceLineKey): string =>
  CLI_LINE_PREFIX[key] ? label.charAt(0).toLowerCase() + label.slice(1) : label;

/**
 * The plan to cost and, in words, where it comes from: the scenario's `plan`,
 * else the optimised plan (CLI.md). Resolves to the optimiser's reasons when
 * no plan exists (infeasible problem).
 */
export async function planFor(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  timeLimitSeconds = OPTIMISE_TIME_LIMIT,
): Promise<{ plan: PlanEntry[]; source: string } | { reasons: string[] }> {
  if (scenario.plan) {
    return { plan: scenario.plan, source: `plan du scénario « ${scenario.name} »` };
  }
  const result = await optimise(() => highsLoader(), portfolio, { scenario, timeLimitSeconds });
  if (result.status === 'optimal' || result.status === 'feasible') {
    const note =
      result.status === 'feasible'
        ? `, meilleur plan trouvé en ${Math.round(result.seconds)} s (écart à l’optimum ${percent.format(result.gap)})`
        : '';
    return {
      plan: result.plan,
      source: `plan optimisé pour le scénario « ${scenario.name} »${note}`,
    };
  }
  return { reasons: result.reasons };
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 3 });

/** "1 234 567 €" (French grouping, rounded to the euro). */
export const formatEuros = euro;

/** The report as French tables: yearly figures, then AP/CP by project. */
export function formatFinanceReport(
  report: FinanceReport & Partial<MoneyForVote>,
  portfolio: Portfolio,
  scenario: ResolvedScenario,
  source: string,
): string {
  const years = report.years.map(String);
  const row = (label: string, values: number[], total: number) => [
    label,
    ...values.map(formatEuros),
    formatEuros(total),
  ];
  const t = report.totals;
  const yearly = table(
    ['', ...years, 'Total'],
    financeLines(report).map((line) =>
      row(
        CLI_LINE_PREFIX[line.key] + lowerFirst(FINANCE_LINE_LABELS[line.key], line.key),
        line.values,
        line.total,
      ),
    ),
    { indent: '', rule: true },
  ).trimEnd();
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const perProject = table(
    ['Projet', 'Début', 'AP', ...years],
    report.projects.map((p) => [
      `${p.project} ${names.get(p.project) ?? ''}`.trim(),
      String(p.start),
      formatEuros(p.ap),
      ...report.years.map((y) => {
        const cp = p.cp[y - p.start];
        return cp === undefined ? '' : formatEuros(cp);
      }),
    ]),
    { indent: '', rule: true },
  ).trimEnd();
  const notes = [
    `FCTVA au taux de ${percent.format(portfolio.organisation.fctvaRate ?? DEFAULT_FCTVA_RATE)}, régime ${portfolio.organisation.fctvaRegime}` +
      (t.fctvaAfterHorizon > 0
        ? ` ; ${formatEuros(t.fctvaAfterHorizon)} de FCTVA seront reçus après ${report.years.at(-1)}.`
        : '.'),
  ];
  if (t.grossAfterHorizon > 0) {
    notes.push(`${formatEuros(t.grossAfterHorizon)} de CP tombent après l’horizon (hors tableau).`);
  }
  return [
    lineSafe(`${portfolio.organisation.name} – scénario « ${scenario.name} » (${scenario.id})`),
    `Plan : ${source}, ${report.projects.length} projet(s).`,
    '',
    'Montants TTC par exercice',
    yearly,
    '',
    ...notes,
    '',
    // The annex below lists every AP and its CP: the plain table only stands in without it.
    ...(report.annex
      ? []
      : [
          'Autorisations de programme et crédits de paiement',
          report.projects.length > 0 ? perProject : '(aucun projet au plan)',
          '',
        ]),
    ...(report.ppi && report.annex && report.selfFinancing
      ? [
          formatMoneyForVote(
            { ppi: report.ppi, annex: report.annex, selfFinancing: report.selfFinancing },
            portfolio,
          ),
        ]
      : []),
  ].join('\n');
}

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (extra.length > 0) {
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  }
  const json = values.json === true;
  const loaded = await loadPortfolioForCli(file, { json });
  if (typeof loaded === 'number') return loaded;
  const { portfolio } = loaded;

  const refuse = (message: string, details: string[] = []): number => {
    printError(`arbitra finance : ${message}\n${details.map((d) => `  - ${d}\n`).join('')}`);
    if (json) printJson({ error: message, reasons: details });
    return 1;
  };

  const scenario = resolveScenario(portfolio, values.scenario);
  if (!scenario) {
    const ids = (portfolio.scenarios ?? []).map((s) => s.id);
    // A --scenario naming nothing is a usage error (status 2), as in
    // optimize, frontier and simulate.
    throw new UsageError(
      `le scénario « ${values.scenario} » n’existe pas dans ce portefeuille ; ` +
        (ids.length > 0
          ? `scénarios disponibles : ${ids.join(', ')}.`
          : 'le document n’a aucun scénario (omettez --scenario).'),
    );
  }
  const chosen = await planFor(portfolio, scenario);
  if ('reasons' in chosen) {
    return refuse(
      `aucun plan ne respecte les règles du scénario « ${scenario.name} » : pas de chiffrage possible.`,
      chosen.reasons,
    );
  }
  let report: FinanceReport & MoneyForVote;
  try {
    const figures = financePlan(portfolio, scenario, chosen.plan);
    report = { ...figures, ...moneyForVote(portfolio, chosen.plan, figures) };
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (json) {
    printError(`Plan : ${chosen.source}.\n`);
    printJson(report);
  } else {
    print(formatFinanceReport(report, portfolio, scenario, chosen.source));
  }
  return 0;
};
