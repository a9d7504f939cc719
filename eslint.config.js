// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const FEATURES = ['clients', 'policies', 'secrets', 'playground', 'audit'];

/** @typedef {{ group: string[]; message: string; allowTypeImports?: boolean }} Ban */
const ban = (/** @type {string[]} */ groups, /** @type {string} */ message) =>
  groups.map((g) => /** @type {Ban} */ ({ group: [g], message }));

// Every console file: no devbox (only the HTTP contract is shared), and no classic zod, whose extra
// schema types would land in the shared first-load chunk (decision 0004).
const EVERYWHERE = ban(
  ['**/devbox/**'],
  'The console never imports devbox: they only share the HTTP contract.',
);
const NO_CLASSIC_ZOD = [
  { name: 'zod', message: "Import from 'zod/mini' (decision 0004: first-load budget)." },
];
const LOWER = ban(
  ['**/features/**', '**/app/**'],
  'Lower layers never import features/ or app/ (architecture §3).',
);
const PURE = ban(
  ['react', 'react-dom', '**/api/**', '**/auth/**', '**/components/**'],
  'domain/ is pure: no React, no I/O.',
);
// The model (decision 0090) is the bottom layer: resource shapes only, importing nothing of ours.
const MODEL_LEAF = ban(
  [
    '**/api/**',
    '**/auth/**',
    '**/components/**',
    '**/config/**',
    '**/domain/**',
    '**/testing/**',
    'react',
    'react-dom',
  ],
  'model/ is the bottom layer: resource shapes only, it imports nothing of the console.',
);
// domain/ reads the model's types, never its zod schemas (those are for parsing, which is api/'s job).
const MODEL_TYPES_ONLY = [
  {
    group: ['**/model/**'],
    message: 'domain/ imports only types from model/ (decision 0090).',
    allowTypeImports: true,
  },
];

/** Product code never imports the test helpers in src/testing/ (decision 0091). */
const NO_TESTING_IMPORT = {
  selector: 'ImportDeclaration[source.value=/(^|\\/)testing\\//]',
  message: 'Product code never imports src/testing/ (decision 0091): test helpers are for tests.',
};

/**
 * Layering rules (decision 0001). ESLint keeps only the last `no-restricted-imports` setting that
 * matches a file, so each folder gets one block holding every ban that applies to it.
 */
const layer = (/** @type {string[]} */ files, /** @type {Ban[]} */ patterns) => ({
  files,
  rules: {
    // The typescript-eslint variant: it knows `import type`, which domain/ may use on model/.
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths: NO_CLASSIC_ZOD, patterns: [...EVERYWHERE, ...patterns] },
    ],
  },
});

export default defineConfig([
  globalIgnores(['dist', 'node_modules', '.devbox', 'test-results', 'playwright-report', 'coverage']),
  {
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, prettier],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.js', '*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [jsxA11y.flatConfigs.recommended, pluginQuery.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // oidc-client-ts offers ROPC; RFC 9700 §2.4 forbids it for us.
      'no-restricted-properties': [
        'error',
        { property: 'signinResourceOwnerCredentials', message: 'ROPC is forbidden (RFC 9700 §2.4).' },
      ],
    },
  },
  layer(['src/**'], []),
  layer(['src/components/**', 'src/config/**', 'src/api/**', 'src/auth/**'], LOWER),
  layer(['src/domain/**'], [...LOWER, ...PURE, ...MODEL_TYPES_ONLY]),
  layer(['src/model/**'], [...LOWER, ...MODEL_LEAF]),
  // The path registry (issue 13 §3): every layer links through it, so it depends on nothing.
  layer(['src/routes/**'], [...LOWER, ...PURE]),
  ...FEATURES.map((f) =>
    layer(
      [`src/features/${f}/**`],
      ban(
        FEATURES.filter((o) => o !== f).flatMap((o) => [`**/features/${o}/**`, `../${o}/**`]),
        'A feature never imports another feature; move shared code into api/ or domain/.',
      ),
    ),
  ),
  {
    // Test helpers never ship (decision 0091). no-restricted-syntax, because the layer blocks above
    // each own the one no-restricted-imports setting of their files; the block below repeats this
    // entry, as the last no-restricted-syntax setting that matches a file is the one ESLint keeps.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-restricted-syntax': ['error', NO_TESTING_IMPORT] },
  },
  {
    // Decision 0090: every query key, and every invalidation, lives in src/api/<resource>.ts.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**', 'src/app/query-client.ts', 'src/testing/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='queryKey']",
          message: 'Query keys live only in src/api/<resource>.ts (decision 0090).',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(invalidateQueries|setQueryData|setQueriesData)$/]',
          message: "Declare invalidation in the mutation's meta, in src/api/ (decision 0090).",
        },
        NO_TESTING_IMPORT,
      ],
    },
  },
  {
    // This file is plain JS importing untyped plugins (jsx-a11y ships no types): type-aware rules
    // would only report the plugins' missing types.
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['devbox/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
]);
