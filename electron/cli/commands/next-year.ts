/**
 * `arbitra next-year FILE OUT [--scenario ID]` (CLI.md, MODEL.md §9): writes
 * the next budget year's document (`nextYear` in shared/engine/next-year.ts)
 * as `.json`, `.arbitra` or `.xlsx` (like `convert`, through
 * `documents/files.ts`: complete or not at all) and says what it did.
 *
 * `--scenario` names the scenario whose plan gives the planned starts of the
 * projects the baseline does not hold (default: the first). The document
 * written is checked by `validatePortfolio` first; its remarks are printed.
 * Exit status: 0 when written; 1 when FILE is refused or OUT cannot be
 * written; 2 on a usage error (missing argument, unknown extension, OUT the
 * same file as FILE, unknown scenario).
 */
import { basename, resolve } from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand } from '../command';
import { loadPortfolioForCli } from '../load';
import { euro, print } from '../format';
import { portfolioFileKind, writePortfolioFile } from '../../documents/files';
import { DocumentError } from '../../documents/store';
import { nextYear, type RollForward } from '../../../shared/engine/next-year';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';

const plural = (n: number, word: string) =>
  n === 0 ? `aucun ${word}` : `${n} ${word}${n > 1 ? 's' : ''}`;

/** What the command did, in French, one fact a line. */
export function describeNextYear(before: Portfolio, rolled: RollForward): string {
  const doc = rolled.portfolio;
  const last = doc.horizon.firstYear + doc.horizon.years - 1;
  const list = (ids: readonly string[]) => (ids.length > 0 ? ` : ${ids.join(', ')}` : '');
  const remainder = rolled.continued.reduce((s, c) => s + c.remainder, 0);
  const run = rolled.delivered.reduce((s, d) => s + d.netRunningCost, 0);
  const continued = rolled.continued.length;
  const delivered = rolled.delivered.length;
  const lines = [
    `Arbitrage ${doc.horizon.firstYear} préparé pour ${before.organisation.name} : horizon ${doc.horizon.firstYear}–${last} (${plural(doc.horizon.years, 'an')}), enveloppes et capacités décalées d’un an, la dernière année répétée.`,
    `- ${plural(continued, 'projet')} en cours poursuivi${continued > 1 ? 's' : ''} en ${doc.horizon.firstYear}` +
      (continued > 0
        ? `${list(rolled.continued.map((c) => c.project))} ; reste à payer ${euro(remainder)}.`
        : '.'),
    `- ${plural(delivered, 'projet')} livré${delivered > 1 ? 's' : ''}` +
      (delivered === 0
        ? '.'
        : `${list(rolled.delivered.map((d) => d.project))} ; ` +
          (run >= 0
            ? `${euro(run)} de fonctionnement net retirés chaque année de l’enveloppe de fonctionnement.`
            : `${euro(-run)} d’économies nettes ajoutées chaque année à l’enveloppe de fonctionnement.`)),
    `- ${plural(rolled.abandoned.length, 'projet')} abandonné${rolled.abandoned.length > 1 ? 's' : ''}${list(rolled.abandoned)}.`,
    `- ${plural(rolled.candidates.length, 'projet')} candidat${rolled.candidates.length > 1 ? 's' : ''} à arbitrer` +
      (rolled.forcedOut.length > 0
        ? `, dont ${rolled.forcedOut.length} écarté${rolled.forcedOut.length > 1 ? 's' : ''} (alternative d’un projet livré)`
        : '') +
      '.',
    '- Plan adopté, suivi d’exécution et décisions conservés ; les plans des scénarios sont retirés (à optimiser à nouveau).',
  ];
  return lines.join('\n') + '\n';
}

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { scenario: { type: 'string' } });
  const [input, output, ...extra] = positionals;
  if (!input || !output) {
    throw new UsageError('indiquez le fichier à lire puis le fichier à écrire.');
  }
  if (extra.length > 0) throw new UsageError(`trop d’arguments (« ${extra[0]} »).`);
  if (!portfolioFileKind(output)) {
    throw new UsageError(
      `« ${basename(output)} » : extension inconnue ; le fichier à écrire doit finir par .json, .arbitra ou .xlsx.`,
    );
  }
  if (resolve(input) === resolve(output)) {
    throw new UsageError('le fichier à écrire doit être différent du fichier à lire.');
  }
  const loaded = await loadPortfolioForCli(input);
  if (typeof loaded === 'number') return loaded;
  const { portfolio } = loaded;
  const ids = (portfolio.scenarios ?? []).map((s) => s.id);
  if (values.scenario !== undefined && !ids.includes(values.scenario)) {
    throw new UsageError(
      `le scénario « ${values.scenario} » n’existe pas dans ce portefeuille ; ` +
        (ids.length > 0
          ? `scénarios disponibles : ${ids.join(', ')}.`
          : 'le document n’a aucun scénario (omettez --scenario).'),
    );
  }
  const rolled = nextYear(portfolio, { scenarioId: values.scenario });
  const checked = validatePortfolio(rolled.portfolio);
  if (!checked.ok) {
    // A rule of next-year broke a rule of the format: say so rather than write it.
    process.stderr.write(
      `Le document de l’année suivante serait refusé ; rien n’est écrit :\n` +
        checked.problems.map((p) => `  - ${p.path} : ${p.message}\n`).join(''),
    );
    return 1;
  }
  process.stderr.write(checked.warnings.map((w) => `Remarque (document écrit) : ${w}\n`).join(''));
  try {
    await writePortfolioFile(output, rolled.portfolio);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    process.stderr.write(
      `Le fichier « ${basename(output)} » n’a pas été écrit : ${error.message}\n` +
        error.problems
          .filter((p) => p.path)
          .map((p) => `  - ${p.path} : ${p.message}\n`)
          .join(''),
    );
    return 1;
  }
  print(
    describeNextYear(portfolio, rolled) +
      rolled.warnings.map((w) => `Remarque : ${w}\n`).join('') +
      `Écrit : « ${basename(output)} ».\n`,
  );
  return 0;
};
