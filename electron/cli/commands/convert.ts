/**
 * `arbitra convert IN OUT`: between `.json` (format 1), `.arbitra` and `.xlsx`
 * (the document workbook of `documents/xlsx.ts`, through `documents/files.ts`). The input must be valid; a
 * workbook's problems are listed by sheet, row and column. The output appears
 * complete or not at all (an existing OUT is replaced only once the new file
 * is written).
 */
import { basename, resolve } from 'node:path';
import { parseCommandArgs, UsageError, type CliCommand } from '../command';
import { portfolioFileKind, writePortfolioFile } from '../../documents/files';
import { DocumentError } from '../../documents/store';
import { loadPortfolioForCli } from '../load';
import { lineSafe, print, printError } from '../format';

export const command: CliCommand = async (argv) => {
  const { positionals } = parseCommandArgs(argv, {});
  const [input, output, ...extra] = positionals;
  if (!input || !output)
    throw new UsageError('indiquez le fichier à lire puis le fichier à écrire.');
  if (extra.length > 0) throw new UsageError(`trop d’arguments (« ${extra[0]} »).`);
  const outKind = portfolioFileKind(output);
  if (!outKind) {
    throw new UsageError(
      `« ${basename(output)} » : extension inconnue ; le fichier à écrire doit finir par .json, .arbitra ou .xlsx.`,
    );
  }
  if (resolve(input) === resolve(output)) {
    throw new UsageError('le fichier à écrire doit être différent du fichier à lire.');
  }
  const loaded = await loadPortfolioForCli(input);
  if (typeof loaded === 'number') return loaded;
  try {
    await writePortfolioFile(output, loaded.portfolio);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    printError(
      `Le fichier « ${lineSafe(basename(output))} » n’a pas été écrit : ${lineSafe(error.message)}\n` +
        error.problems
          .filter((p) => p.path)
          .map((p) => `  - ${lineSafe(p.path)} : ${lineSafe(p.message)}\n`)
          .join(''),
    );
    return 1;
  }
  const count = loaded.portfolio.projects.length;
  print(
    `« ${lineSafe(basename(input))} » converti en « ${lineSafe(basename(output))} » (${count} projet${count > 1 ? 's' : ''}).\n`,
  );
  return 0;
};
