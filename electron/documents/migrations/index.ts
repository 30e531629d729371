/**
 * Every migration of the document schema, in order. The document records the
 * ones applied (`migrations` table); on open the store checks that this record
 * is a prefix of the list below and applies the rest. Add a file
 * `NNN_name.ts` and list it here; never edit or remove a released one. Then
 * run `npx tsx scripts/make-version-fixture.ts` so that documents of the new
 * version are kept as a fixture (test/fixtures/versions/README.md).
 */
import type { Migration } from './types';
import { migration as initial } from './001_initial';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [initial];
