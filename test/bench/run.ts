/**
 * `npm run bench`: runs every benchmark module in turn and prints its figures.
 * A module joins by exporting an async function and being listed here.
 */
import { benchOptimise } from './optimise';

const benches: [string, () => Promise<void>][] = [['optimise', benchOptimise]];

for (const [name, run] of benches) {
  console.log(`\n=== ${name} ===`);
  await run();
}
