/**
 * Loading the FILE argument of a command: one helper for every command, so
 * they all refuse the same files with the same words.
 */
import { basename } from 'node:path';
import type { Portfolio, Problem } from '../../shared/model/portfolio';
import { portfolioFileKind, readPortfolioFile } from '../documents/files';
import { printJson, UsageError } from './command';
import { lineSafe, printError } from './format';

export interface LoadedPortfolio {
  portfolio: Portfolio;
  /** Remarks already printed on standard error. */
  warnings: string[];
}

export interface LoadOptions {
  /**
   * The command was called with `--json`: a refused file also prints
   * `{ "valid": false, "problems": [...] }` on standard output, so that
   * standard output still holds exactly one JSON value.
   */
  json?: boolean;
}

/** The problems of a refused document as a readable French list. */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  const count = problems.length;
  const lines = [
    `Le fichier « ${lineSafe(basename(file))} » est refusé : ${count} problème${count > 1 ? 's' : ''} à corriger.`,
    ...problems.map((p) =>
      p.path ? `  - ${lineSafe(p.path)} : ${lineSafe(p.message)}` : `  - ${lineSafe(p.message)}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** Remarks that do not block, one per line. */
export function formatWarnings(warnings: readonly string[]): string {
  return warnings.map((w) => `Remarque : ${lineSafe(w)}\n`).join('');
}

/**
 * Reads and validates FILE. Missing argument or unknown extension: a usage
 * error (exit 2). Refused file: its problems are printed (standard error,
 * and standard output with `json`) and the exit status 1 is returned.
 * Warnings are printed on standard error.
 */
export async function loadPortfolioForCli(
  file: string | undefined,
  options: LoadOptions = {},
): Promise<LoadedPortfolio | number> {
  if (!file) throw new UsageError('indiquez le fichier du portefeuille (FICHIER).');
  if (!portfolioFileKind(file)) {
    throw new UsageError(
      `« ${lineSafe(basename(file))} » : extension inconnue ; utilisez un fichier .json, .arbitra ou .xlsx.`,
    );
  }
  const result = await readPortfolioFile(file);
  if (!result.ok) {
    printError(formatProblems(file, result.problems));
    if (options.json) printJson({ valid: false, problems: result.problems });
    return 1;
  }
  printError(formatWarnings(result.warnings));
  return { portfolio: result.portfolio, warnings: result.warnings };
}
