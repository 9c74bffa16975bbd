// Flat config. Beyond the recommended rules it holds the layering of the architecture:
// the core and the shared contract never import Electron or do I/O; the renderer never imports
// Node or Electron; channel strings live only in src/shared/ipc.ts.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'https',
  'crypto',
  'url',
  'util',
  'events',
  'stream',
  'module',
  'process',
  'buffer',
];
const nodeModulePatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', '.cache/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core and the shared contract must run in plain Node: no Electron.' },
          ],
          patterns: [
            {
              group: nodeModulePatterns.map((m) => `node:${m}`),
              message: 'The core is pure: no I/O. Do it in src/main/services.',
            },
            {
              group: ['fs', 'fs/*', 'child_process', 'worker_threads', 'net', 'http', 'https'],
              message: 'The core is pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.guidedesk.' }],
          patterns: [
            {
              group: [...nodeModulePatterns, ...nodeModulePatterns.map((m) => `node:${m}`)],
              message: 'The renderer has no Node: ask main through window.guidedesk.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer imports only src/shared and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^guidedesk:/]',
          message: 'IPC channel names are spelled only in src/shared/ipc.ts.',
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
