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

/** Layering rules from docs/decisions/0001: lower layers never reach up; features never import each other. */
const layer = (/** @type {string[]} */ files, /** @type {string[]} */ banned, /** @type {string} */ why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((group) => ({ group: [group], message: why })) },
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
  layer(
    ['src/components/**', 'src/config/**', 'src/api/**', 'src/auth/**', 'src/domain/**'],
    ['**/features/**', '**/app/**'],
    'Lower layers never import features/ or app/ (architecture §3).',
  ),
  layer(
    ['src/domain/**'],
    ['react', 'react-dom', '**/api/**', '**/auth/**', '**/components/**'],
    'domain/ is pure: no React, no I/O.',
  ),
  ...FEATURES.map((f) =>
    layer(
      [`src/features/${f}/**`],
      FEATURES.filter((o) => o !== f).map((o) => `**/features/${o}/**`),
      'A feature never imports another feature; move shared code into api/ or domain/.',
    ),
  ),
  layer(['src/**'], ['**/devbox/**'], 'The console never imports devbox: they only share the HTTP contract.'),
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
