/**
 * Electronegativity (Doyensec's scanner of Electron misconfigurations) on the
 * app's Electron sources, for CI. Run through its programmatic runner: its
 * command line reads options from the `commander` it does not declare, and the
 * version npm hoists (7) no longer stores them where it looks.
 *
 * Every finding must be listed in scripts/electronegativity-ignore.json with
 * the reason it does not apply; any other finding fails the run (exit 1).
 *
 * Usage: node scripts/electronegativity.mjs [input folder, default electron/]
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const input = resolve(ROOT, process.argv[2] ?? 'electron');
const electron = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const ignored = JSON.parse(
  readFileSync(join(ROOT, 'scripts', 'electronegativity-ignore.json'), 'utf8'),
);

const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: false,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electron,
    parserPlugins: [],
  },
  false,
);

const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: relative(ROOT, issue.file),
  line: issue.location?.line,
  description: issue.description,
}));
const unjustified = findings.filter(
  (f) => !ignored.some((i) => i.id === f.id && (!i.file || i.file === f.file) && i.reason),
);
const justified = findings.length - unjustified.length;
process.stdout.write(
  `Electronegativity ${result.globalChecks + result.atomicChecks} checks on ${relative(ROOT, input) || '.'} (Electron ${electron}): ${findings.length} findings, ${justified} justified in scripts/electronegativity-ignore.json.\n`,
);
for (const error of result.errors ?? []) {
  process.stdout.write(
    `  could not parse ${relative(ROOT, error.file ?? '')}: ${error.message ?? error}\n`,
  );
}
for (const f of unjustified) {
  process.stdout.write(`  ${f.id} ${f.file}:${f.line} — ${f.description}\n`);
}
if (unjustified.length > 0 || (result.errors ?? []).length > 0) process.exit(1);
