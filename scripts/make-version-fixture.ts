/**
 * Writes the document fixture of the current schema version:
 * test/fixtures/versions/schema-<N>.arbitra (N = number of migrations) and
 * the JSON it must read back as, schema-<N>.json. Run it once when a new
 * migration is added, BEFORE changing anything else, and commit both files:
 * the test in test/unit/trust/versions.test.ts then opens every earlier
 * version with the new code. Never regenerate an existing fixture.
 *
 * Usage: npx tsx scripts/make-version-fixture.ts
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writePortfolioFile, portfolioToJson } from '../electron/documents/files';
import { MIGRATIONS } from '../electron/documents/migrations';
import type { Portfolio } from '../shared/model/portfolio';
import { writeFileSync } from 'node:fs';

const version = MIGRATIONS.length;
const dir = fileURLToPath(new URL('../test/fixtures/versions/', import.meta.url));
const target = `${dir}schema-${version}.arbitra`;
if (existsSync(target) && !process.argv.includes('--force')) {
  process.stderr.write(`${target} exists: fixtures of released versions are never rewritten.\n`);
  process.exit(1);
}
// The "moyen" example, with unknown fields at several levels.
const source = JSON.parse(
  readFileSync(new URL('../test/fixtures/moyen.json', import.meta.url), 'utf8'),
) as Portfolio;
source.x_fixture = { schema: version, note: 'champ inconnu gardé' };
rmSync(target, { force: true });
await writePortfolioFile(target, source);
writeFileSync(`${dir}schema-${version}.json`, portfolioToJson(source));
process.stdout.write(`${target}\n`);
