/**
 * `npm run bench`: runs every benchmark module in turn and prints its figures.
 * A module joins by exporting an async function and being listed here.
 *
 * `BENCH=simulate npm run bench` (or BENCH=optimise, or a comma-separated
 * list) runs only the named benchmarks.
 */
import { benchConfidence } from './confidence';
import { benchLarge } from './large';
import { benchOptimise } from './optimise';
import { benchSimulate } from './simulate';

const benches: [string, () => Promise<void>][] = [
  ['optimise', benchOptimise],
  ['confidence', benchConfidence],
  ['simulate', benchSimulate],
  ['large', benchLarge],
];

const only = process.env.BENCH?.split(',').map((name) => name.trim());
for (const [name, run] of benches) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
