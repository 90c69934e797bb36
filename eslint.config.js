// ESLint: TypeScript and Svelte rules, plus the `sunrise/layering` rule that enforces architecture.md's import table.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Layers, most specific first; a file belongs to the first whose folder contains it. */
const LAYERS = [
  'electron/shared',
  'electron/core',
  'electron/main',
  'electron/preload',
  'electron/host',
  'electron/cli',
  'renderer',
  'content',
  'test',
];

/**
 * What each layer may import. `layers` are other project layers; `node` allows node:* built-ins;
 * `packages` is `true` (any npm package but `electron`), or an explicit allowlist; `electron` allows
 * the electron package. Anything importing electron/main is refused everywhere but main itself.
 */
const RULES = {
  'electron/shared': { layers: [], node: false, packages: ['zod'], electron: false },
  'electron/core': { layers: ['electron/shared'], node: true, packages: true, electron: false },
  'electron/main': { layers: ['electron/shared', 'electron/core'], node: true, packages: true, electron: true },
  'electron/preload': { layers: ['electron/shared'], node: false, packages: [], electron: true },
  'electron/host': { layers: ['electron/shared', 'electron/core'], node: true, packages: true, electron: false },
  'electron/cli': { layers: ['electron/shared', 'electron/core', 'electron/host'], node: true, packages: true, electron: false },
  renderer: { layers: ['electron/shared'], node: false, packages: true, electron: false },
  content: { layers: ['electron/shared', 'electron/core'], node: true, packages: true, electron: false },
  test: { layers: ['*'], node: true, packages: true, electron: true },
};

const NODE_BUILTINS = new Set(builtinModules);

function layerOf(absolutePath) {
  const rel = path.relative(ROOT, absolutePath).split(path.sep).join('/');
  return LAYERS.find((layer) => rel === layer || rel.startsWith(layer + '/'));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Returns why `specifier` may not be imported from `fromLayer`, or null when it may. */
function violation(fromFile, fromLayer, specifier) {
  const rule = RULES[fromLayer];
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = layerOf(path.resolve(path.dirname(fromFile), specifier));
    if (target === fromLayer) return null;
    if (target === 'electron/main') return 'nothing outside electron/main may import electron/main (it is the composition root)';
    if (target === undefined) return `it points outside the project's layers`;
    if (rule.layers.includes('*') || rule.layers.includes(target)) return null;
    return `${fromLayer} may import only ${[fromLayer, ...rule.layers].join(', ')}, and this is ${target}`;
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier))) {
    return rule.node ? null : `${fromLayer} may not use Node built-ins (${specifier})`;
  }
  const name = packageName(specifier);
  if (name === 'electron') return rule.electron ? null : `${fromLayer} must not import electron; only electron/main and electron/preload may`;
  if (rule.packages === true) return null;
  return rule.packages.includes(name) ? null : `${fromLayer} may import only ${rule.packages.length ? rule.packages.join(', ') : 'no'} npm packages, not ${name}`;
}

const layeringRule = {
  meta: { type: 'problem', docs: { description: 'Enforce the import table of architecture.md' }, schema: [] },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const fromLayer = layerOf(path.resolve(file));
    if (fromLayer === undefined) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const reason = violation(path.resolve(file), fromLayer, source.value);
      if (reason) context.report({ node, message: `Bad layering: '${source.value}' — ${reason}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'test/fixtures/layering/', 'content/build/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    plugins: { sunrise: { rules: { layering: layeringRule } } },
    rules: {
      'sunrise/layering': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval: the CSP forbids it and so do we.' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['electron/**', 'test/**', 'content/**', 'build/**', '*.js', '*.mjs'], languageOptions: { globals: { ...globals.node } } },
);

export { violation as layeringViolation };
