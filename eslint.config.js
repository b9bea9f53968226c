// ESLint flat config: typescript-eslint `recommended` for all TypeScript and JavaScript, plus a few
// strictness rules. Node globals for build scripts and config files; browser globals for tests/demo.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'demo/build/',
      'node_modules/',
      'custom-elements.json',
      'scratch/',
      'coverage/',
      '.bench/',
      'examples/hugo/public/',
      'examples/hugo/resources/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      // Library code may report problems (warn/error) but must not chat on the console.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Library sources and tests run in the browser (components) or in both (calendar engine).
    files: ['src/**/*.ts', 'tests/**/*.ts', 'demo/**/*.ts'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ['tests/browser/**/*.ts'],
    languageOptions: {
      globals: { ...globals.mocha },
    },
  },
  {
    // Node programs: the CLI, the node tests, build scripts and tool configs at the root.
    files: ['src/cli/**/*.ts', 'tests/node/**/*.ts', 'scripts/**/*.js', '*.js'],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.js'],
    rules: {
      'no-console': 'off',
    },
  },
);
