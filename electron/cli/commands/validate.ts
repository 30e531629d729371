/**
 * `arbitra validate FILE [--json]`: says whether a portfolio is accepted and,
 * if not, every problem with where it is (CLI.md).
 */
import { basename } from 'node:path';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command';
import { portfolioFileKind, readPortfolioFile } from '../../documents/files';
import { formatProblems, formatWarnings } from '../load';
import { lineSafe, print } from '../format';

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('indiquez le fichier à vérifier.');
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${lineSafe(extra[0]!)} »).`);
  if (!portfolioFileKind(file)) {
    throw new UsageError(
      `« ${lineSafe(basename(file))} » : extension inconnue ; utilisez un fichier .json, .arbitra ou .xlsx.`,
    );
  }
  const result = await readPortfolioFile(file);
  const problems = result.ok ? [] : result.problems;
  const warnings = result.ok ? result.warnings : [];
  if (values.json) {
    printJson({ valid: result.ok, problems, warnings });
  } else if (result.ok) {
    const count = result.portfolio.projects.length;
    print(
      `Le fichier « ${lineSafe(basename(file))} » est valide (${count} projet${count > 1 ? 's' : ''}).\n` +
        formatWarnings(warnings),
    );
  } else {
    print(formatProblems(file, problems));
  }
  return result.ok ? 0 : 1;
};
