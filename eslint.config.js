import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Zero warnings. One house rule matters most: `shared/` is the pure engine
 * and domain model, used by the renderer, the main process, workers and the
 * command line, so it imports nothing from Node, the DOM, Electron, SQLite,
 * nor from `electron/` or `renderer/`.
 */
const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
  'electron',
  'better-sqlite3',
  'exceljs',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'out-*',
      'dist',
      'build',
      'coverage',
      'test-results',
      'playwright-report',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte', 'renderer/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    // The renderer's wings serve the screens and never reach up into them.
    files: ['renderer/src/compute/**', 'renderer/src/charts/**', 'renderer/src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/screens/**'],
              message: 'compute/, charts/ and lib/ must not import from screens/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeModules, message: 'shared/ must not depend on Node, Electron or SQLite.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not import from electron/ or renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'Buffer',
        '__dirname',
      ],
    },
  },
);
