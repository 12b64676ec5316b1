// Lint, including the layer rule from docs/ARCHITECTURE.md: src-shared imports nothing of the other layers
// (and no node:*, electron or React); src-main, src-renderer and src-server import only src-shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `This layer may not import ${name}.`,
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'TSEnumDeclaration', message: 'Use a string union instead of an enum.' },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('src-main'),
            layer('src-renderer'),
            layer('src-server'),
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'fastify'],
              message: 'src-shared is pure: no runtime-specific imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('src-renderer'), layer('src-server')] }] },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('src-main'),
            layer('src-server'),
            {
              group: ['node:*', 'electron'],
              message: 'The renderer reaches the OS only through window.desktop.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('src-main'), layer('src-renderer')] }] },
  },
  {
    // Plain scripts the benchmark injects into the page (test/bench/browser): browser globals, no modules.
    files: ['test/bench/browser/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        location: 'readonly',
        performance: 'readonly',
        indexedDB: 'readonly',
        IDBKeyRange: 'readonly',
        MutationObserver: 'readonly',
        PerformanceObserver: 'readonly',
        requestAnimationFrame: 'readonly',
        queueMicrotask: 'readonly',
        Event: 'readonly',
      },
    },
  },
  {
    // Config files of the tools themselves must default-export.
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
