import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.tmp/**',
      'tests/e2e/.artifacts/**',
      'tests/bench/.results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    // The engine must run under plain Node (CLI, tests, benchmarks, e2e bridge).
    files: ['main/core/**/*.ts', 'main/api/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/core, main/api and main/cli must stay Electron-free.',
            },
          ],
          patterns: [
            {
              group: ['electron/*', '**/shell/**', '**/shell'],
              message: 'Electron-free code may not import the shell.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches the main process only through the typed API.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through the typed API.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' },
            {
              group: ['**/main/core/**', '**/main/api/**', '**/main/shell/**', '**/main/cli/**'],
              message: 'Import only the API contract and core types.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render article text as text nodes.',
        },
      ],
    },
  },
);
