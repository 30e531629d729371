import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Three builds: the main process (Node, ESM), the preload (CommonJS: a
 * sandboxed preload cannot be an ES module) and the renderer (Svelte 5).
 * `npm run web` serves the renderer build from `out/renderer` with the same
 * main-process services behind HTTP.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [svelte()],
    worker: { format: 'es' },
    build: {
      // ARBITRA_OUT=out-x builds the renderer into out-x/renderer, so parallel
      // work can test its own build (with ARBITRA_RENDERER_DIR); default out/
      outDir: resolve(process.env.ARBITRA_OUT ?? 'out', 'renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
