/** What every command module of the command line exports. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Runs the command with the arguments after its name; resolves to the exit status. */
export type CliCommand = (argv: string[]) => Promise<number>;

/** A usage error: exit status 2 and the usage text. */
export class UsageError extends Error {}

/** `node:util` parseArgs, with its errors turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(frenchUsage(error, Object.keys(options)));
  }
}

export { printJson } from './format';

/**
 * parseArgs's English, in French: an unknown option, an option missing its
 * value, or a value taken for an option (`--seed -3`: write `--seed=-3`).
 */
function frenchUsage(error: unknown, known: string[]): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  const list = known.map((k) => `--${k}`).join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `option inconnue « ${option} »${list ? ` ; options de cette commande : ${list}` : ''}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) {
      return `l’option « ${option} » attend une valeur.`;
    }
    if (/ambiguous|looks like an option|starting with/i.test(message)) {
      return `la valeur de « ${option} » commence par « - » : écrivez ${option}=VALEUR (par exemple ${option}=-3).`;
    }
    return `l’option « ${option} » ne prend pas de valeur.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'argument en trop.';
  return 'arguments incompris ; voir l’aide ci-dessous.';
}

/** A number option, or a usage error naming it. */
export function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} attend un nombre, pas « ${raw} ».`);
  return value;
}
