/**
 * HiGHS for Web Workers of the renderer: the WebAssembly file is bundled by
 * Vite (`?url`) and located through `locateFile`, since the browser cannot
 * read it from node_modules. The module is loaded once per worker; workers
 * are recycled after each solve because HiGHS memory only grows.
 *
 * Pass `loadHighs` (the function, not its result) as the engine's
 * `HighsSource`, so a worker that is never asked to solve never loads it.
 */
import highsLoader, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';

let highs: Promise<Highs> | undefined;

/** The HiGHS module of this worker, loaded on first use. */
export function loadHighs(): Promise<Highs> {
  highs ??= highsLoader({ locateFile: () => wasmUrl });
  return highs;
}
