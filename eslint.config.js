// Lint, including the architecture's boundaries: each folder may import only what its
// environment allows (see DESIGN.md). A forbidden import fails `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url'];

/** Build a no-restricted-imports rule from [pattern, reason] pairs. */
function forbid(...groups) {
  return [
    'error',
    { patterns: groups.map(([group, message]) => ({ group: [].concat(group), message })) },
  ];
}

const backendGroups = [
  [['electron', 'electron/*'], 'The backend is plain Node: it must run without Electron.'],
  [['react', 'react-*', '@mantine/*', '@tabler/*'], 'The backend must not import UI code.'],
  [['**/renderer/**', '**/main/**', '**/preload/**'], 'The backend must not import a shell.'],
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'build/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
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
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        [nodeBuiltins, 'shared/ is pure: no Node built-ins.'],
        [['electron', 'electron/*'], 'shared/ must not import electron.'],
        [['react', 'react-*', '@mantine/*'], 'shared/ must not import UI code.'],
        [['better-sqlite3', 'kysely'], 'shared/ must not import database code.'],
        [['**/electron/**', '**/renderer/**'], 'shared/ must not depend on either side.'],
      ),
    },
  },
  {
    files: ['electron/backend/**'],
    rules: { 'no-restricted-imports': forbid(...backendGroups) },
  },
  {
    // Domains own their tables: persons gathers what others register (persons/links.ts).
    files: ['electron/backend/persons/**'],
    rules: {
      'no-restricted-imports': forbid(...backendGroups, [
        ['**/shelter/**', '**/complaints/**', '../shelter', '../complaints'],
        'persons/ must not reach into other domains: they register a person link instead.',
      ]),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/backend/**', 'better-sqlite3', 'kysely'], 'The preload only relays calls.'],
        [nodeBuiltins, 'The preload runs sandboxed: no Node built-ins.'],
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(
        [nodeBuiltins, 'The renderer has no Node: talk to the backend through the contract.'],
        [['electron', 'electron/*'], 'The renderer must not import electron.'],
        [
          ['better-sqlite3', 'kysely', 'kysely/*', '**/electron/**'],
          'The renderer must not import backend code.',
        ],
      ),
    },
  },
);
