import { type CliCommand, UsageError } from '../command';

/** Placeholder until the command is built. */
export const command: CliCommand = async () => {
  throw new UsageError('la commande « optimize » n’est pas encore disponible.');
};
