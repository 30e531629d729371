/**
 * `arbitra <command> ...`: the command line of CLI.md.
 *
 * Exit status: 0 on success, 1 when the input is refused or the problem is
 * infeasible, 2 on a usage error. With `--json`, standard output holds exactly
 * one JSON value; progress and logs go to standard error.
 */
import type { CliCommand } from './command';
import { UsageError } from './command';
import { lineSafe, printError } from './format';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  validate: () => import('./commands/validate'),
  convert: () => import('./commands/convert'),
  optimize: () => import('./commands/optimize'),
  frontier: () => import('./commands/frontier'),
  simulate: () => import('./commands/simulate'),
  finance: () => import('./commands/finance'),
  weights: () => import('./commands/weights'),
  'next-year': () => import('./commands/next-year'),
};

const USAGE = `Usage : arbitra <commande> FICHIER [options]

  validate FILE [--json]
  optimize FILE [--scenario ID] [--time-limit SECONDS] [--gap FRACTION] [--robustness]
                [--objective discounted|mandate] [--confidence C] [--iterations N] [--seed S] [--json]
  frontier FILE [--scenario ID] [--factors 0.5,0.75,1,1.25,1.5] [--confidence C]
                [--confidences 0.5,0.8,0.9,0.95] [--objective discounted|mandate] [--json]
  simulate FILE [--scenario ID] [--iterations N] [--seed S] [--json]
  finance  FILE [--scenario ID] [--json]
  weights  FILE [--json]     (poids des critères par membre du comité et pour le groupe)
  convert  IN OUT            (.json, .arbitra, .xlsx)
  next-year FILE OUT [--scenario ID]   (document de l’exercice suivant : projets en cours poursuivis,
                                        livrés et abandonnés retirés des candidats)
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    printError(`arbitra : commande inconnue « ${lineSafe(name)} ».\n\n${USAGE}`);
    return 2;
  }
  try {
    const { command } = await load();
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`arbitra ${name} : ${lineSafe(error.message)}\n\n${USAGE}`);
      return 2;
    }
    printError(`arbitra ${name} : ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
