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
    throw new UsageError((error as Error).message);
  }
}

/** Writes exactly one JSON value on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** A number option, or a usage error naming it. */
export function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} attend un nombre, pas « ${raw} ».`);
  return value;
}
