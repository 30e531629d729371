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
import { cliLang, commandHelp, usageText } from './help';

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

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const lang = cliLang();
  const USAGE = usageText(lang);
  if (name === 'help' && rest.length > 0) {
    const help = commandHelp(rest[0]!, lang);
    if (help === null) {
      printError(`arbitra : commande inconnue « ${lineSafe(rest[0]!)} ».\n\n${USAGE}`);
      return 2;
    }
    process.stdout.write(help);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  if (commands[name] && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(commandHelp(name, lang)!);
    return 0;
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
      printError(`arbitra ${name} : ${lineSafe(error.message)}\n\n${commandHelp(name, lang)}`);
      return 2;
    }
    printError(`arbitra ${name} : ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
