/**
 * `arbitra finance FILE [--scenario ID] [--json]` (CLI.md, MODEL.md §6).
 *
 * The plan is the scenario's `plan`; without one, the optimised plan (see
 * `planFor`). With `--json`, standard output holds exactly the report of
 * `financePlan`; without, a French table for the finance director.
 * Exit status: 0 on success, 1 when the input is refused or names an unknown
 * scenario, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type CliCommand, parseCommandArgs, printJson, UsageError } from '../command';
import {
  financePlan,
  requiredProjectsPlan,
  type FinanceReport,
} from '../../../shared/engine/finance';
import {
  DEFAULT_FCTVA_RATE,
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type Problem,
  type ResolvedScenario,
} from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';

/** Input refused: exit status 1, the message and the problems on standard error. */
class RefusedInput extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

async function loadPortfolio(file: string): Promise<Portfolio> {
  if (extname(file).toLowerCase() !== '.json') {
    throw new RefusedInput(
      `« ${file} » : seule la forme JSON (format 1) est lue par cette commande pour l’instant.`,
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RefusedInput(`impossible de lire « ${file} » (${(error as Error).message}).`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new RefusedInput(`« ${file} » n’est pas un JSON valide (${(error as Error).message}).`);
  }
  const result = validatePortfolio(input);
  if (!result.ok) throw new RefusedInput(`« ${file} » est refusé.`, result.problems);
  for (const warning of result.warnings) process.stderr.write(`avertissement : ${warning}\n`);
  return result.portfolio;
}

/** The plan to cost and, in words, where it comes from. */
export function planFor(
  portfolio: Portfolio,
  scenario: ResolvedScenario,
): { plan: PlanEntry[]; source: string } {
  if (scenario.plan) {
    return { plan: scenario.plan, source: `plan du scénario « ${scenario.name} »` };
  }
  return {
    plan: requiredProjectsPlan(portfolio, scenario),
    source:
      'projets obligatoires, engagés ou imposés par le scénario, à leur date au plus tôt ' +
      '(le scénario n’a pas de plan et l’optimiseur n’est pas disponible)',
  };
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 3 });

/** "1 234 567 €" (French grouping, rounded to the euro). */
export function formatEuros(amount: number): string {
  const rounded = Math.round(amount);
  return `${number.format(rounded === 0 ? 0 : rounded)} €`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** The report as French tables: yearly figures, then AP/CP by project. */
export function formatFinanceReport(
  report: FinanceReport,
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
    [
      row('Investissement brut', report.investment.gross, t.gross),
      row('– subventions', report.investment.subsidies, t.subsidies),
      row('– participations des partenaires', report.investment.partners, t.partners),
      row('= investissement net', report.investment.net, t.net),
      row('FCTVA reçu', report.fctva, t.fctva),
      row('Fonctionnement (part propre)', report.operating.run, t.run),
      row('Économies attendues', report.operating.savings, t.savings),
      row('Coût net pour la collectivité', report.netCost, t.netCost),
    ],
  );
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
  );
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
    `${portfolio.organisation.name} – scénario « ${scenario.name} » (${scenario.id})`,
    `Plan : ${source}, ${report.projects.length} projet(s).`,
    '',
    'Montants TTC par exercice',
    yearly,
    '',
    ...notes,
    '',
    'Autorisations de programme et crédits de paiement',
    report.projects.length > 0 ? perProject : '(aucun projet au plan)',
    '',
  ].join('\n');
}

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) {
    throw new UsageError('finance attend exactement un FICHIER.');
  }
  const file = positionals[0]!;
  const json = values.json === true;
  try {
    const portfolio = await loadPortfolio(file);
    const scenario = resolveScenario(portfolio, values.scenario);
    if (!scenario) {
      const ids = (portfolio.scenarios ?? []).map((s) => s.id);
      throw new RefusedInput(
        `le scénario « ${values.scenario} » n’existe pas dans « ${file} » ; ` +
          (ids.length > 0
            ? `scénarios disponibles : ${ids.join(', ')}.`
            : 'le document n’a aucun scénario (omettez --scenario).'),
      );
    }
    const { plan, source } = planFor(portfolio, scenario);
    const report = financePlan(portfolio, scenario, plan);
    if (json) {
      process.stderr.write(`Plan : ${source}.\n`);
      printJson(report);
    } else {
      process.stdout.write(formatFinanceReport(report, portfolio, scenario, source));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof RefusedInput)) throw error;
    process.stderr.write(`arbitra finance : ${error.message}\n`);
    for (const p of error.problems) {
      process.stderr.write(`  ${p.path || '(document)'} : ${p.message}\n`);
    }
    if (json) printJson({ error: error.message, problems: error.problems });
    return 1;
  }
};
