// Flat config. Beyond the recommended rules it holds the layering of the architecture
// (`guidedesk/layers`, below): which room may import which, and which rooms may not touch Electron
// or Node. Channel strings live only in src/shared/ipc.ts.
import { builtinModules } from 'node:module';
import { posix, relative, sep } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ONLY_ELECTRON_ROOMS = 'only src/main/electron/ and the composition root src/main/index.ts use Electron';

/**
 * The layers and what each may import: `may` lists the other layers it may reach (its own is
 * always allowed); `packages` the kinds of package it may not import, each with the reason shown.
 * A layer is a folder (`dir`) or one file (`file`). Imports that resolve outside every layer are
 * refused too. Tests, scripts and configs are not layered.
 */
const LAYERS = {
  shared: {
    dir: 'src/shared/',
    may: [],
    packages: {
      electron: 'the shared contract runs in the renderer and in plain Node: no Electron',
      node: 'the shared contract runs in the renderer too: no Node modules',
    },
  },
  renderer: {
    dir: 'src/renderer/',
    may: ['shared'],
    packages: {
      electron: 'the renderer talks to main only through window.guidedesk',
      node: 'the renderer has no Node: ask main through window.guidedesk',
    },
  },
  preload: { dir: 'src/preload/', may: ['shared'], packages: {} },
  core: {
    dir: 'src/main/core/',
    may: ['shared'],
    packages: {
      electron: 'the core runs in plain Node: no Electron',
      node: 'the core is pure, no I/O: do it in src/main/services',
    },
  },
  services: { dir: 'src/main/services/', may: ['core', 'shared'], packages: { electron: ONLY_ELECTRON_ROOMS } },
  security: { dir: 'src/main/security/', may: ['shared'], packages: { electron: ONLY_ELECTRON_ROOMS } },
  ipc: { dir: 'src/main/ipc/', may: ['security', 'shared'], packages: { electron: ONLY_ELECTRON_ROOMS } },
  app: {
    dir: 'src/main/app/',
    may: ['services', 'ipc', 'security', 'core', 'shared'],
    packages: { electron: ONLY_ELECTRON_ROOMS },
  },
  electron: { dir: 'src/main/electron/', may: ['app', 'services', 'ipc', 'security', 'core', 'shared'], packages: {} },
  root: {
    file: 'src/main/index',
    may: ['electron', 'app', 'services', 'ipc', 'security', 'core', 'shared'],
    packages: {},
  },
  cli: {
    dir: 'src/cli/',
    may: ['app', 'services', 'ipc', 'security', 'core', 'shared'],
    packages: { electron: 'the command line runs in plain Node: no Electron' },
  },
};

const nodeBuiltins = new Set(builtinModules);
const SOURCE_EXTENSION = /\.(d\.ts|tsx?|mjs|cjs|js)$/;

/** The layer a repository-relative path (with or without extension) belongs to, or null. */
function layerOf(path) {
  const bare = path.replace(SOURCE_EXTENSION, '');
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (layer.file ? bare === layer.file : path.startsWith(layer.dir)) return name;
  }
  return null;
}

function packageKind(specifier) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return 'electron';
  if (specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0])) return 'node';
  return null;
}

/** What a folder holds, for messages: `src/main/core/` for a folder layer, the file for `root`. */
const roomName = (name) => (name ? (LAYERS[name].dir ?? `${LAYERS[name].file}.ts`) : 'code outside the layers');

/** Resolves paths without the file system, so it also checks virtual paths (test/lint/layers.test.ts). */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each room of src/ to the imports its layer allows (eslint.config.mjs LAYERS).' },
    schema: [],
    messages: {
      folder: '{{from}} may not import {{to}} ("{{specifier}}"): it may import only {{allowed}}.',
      package: '{{from}} may not import "{{specifier}}": {{reason}}.',
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    const from = layerOf(file);
    if (!from) return {};
    const layer = LAYERS[from];
    const check = (node) => {
      if (!node || typeof node.value !== 'string') return;
      const specifier = node.value.replace(/\?.*$/, '');
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = specifier.startsWith('/')
          ? posix.normalize(specifier)
          : posix.join(posix.dirname(file), specifier);
        const to = layerOf(target);
        if (to === from || layer.may.includes(to)) return;
        const allowed = [from, ...layer.may].map(roomName).join(', ');
        context.report({
          node,
          messageId: 'folder',
          data: { from: roomName(from), to: to ? roomName(to) : target, specifier, allowed },
        });
        return;
      }
      const kind = packageKind(specifier);
      const reason = kind && layer.packages[kind];
      if (reason) context.report({ node, messageId: 'package', data: { from: roomName(from), specifier, reason } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

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
    files: ['src/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { guidedesk: { rules: { layers: layersRule } } },
    rules: { 'guidedesk/layers': 'error' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
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
