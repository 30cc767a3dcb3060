import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering (docs/ARCHITECTURE.md): shared imports nothing from electron/ or renderer/, nor Node or the DOM;
 * renderer never imports electron/ or Node; only the Electron shell imports 'electron'.
 * Enforced here so a machine, not a reviewer, keeps the boundaries.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'stream', 'events'];

/**
 * Electron's main thread must stay free to draw windows and menus: the database, services,
 * dispatcher and PDF building run in the core thread (electron/main/core-worker.ts). The shell and
 * the core client that main loads may reach them only through the core's port.
 */
const CORE_ONLY = {
  group: [
    '**/core',
    '**/core-worker',
    '**/core-thread/serve-core',
    '**/db/*',
    '!**/db/files', // the file's name and a header check, no driver: the shell finds the key with it
    '**/ipc/*',
    '**/accounts/*',
    '**/settings/*',
    '**/patients/*',
    '**/appointments/*',
    '**/drafts/*',
    '**/audit/*',
    '**/security/recovery',
    '**/security/security-handlers',
    '**/printing/*',
    '!**/printing/pdf-printer',
    'better-sqlite3',
    'drizzle-orm',
    'drizzle-orm/*',
    'pdfmake',
    'pdfmake/*',
  ],
  message:
    "This runs on Electron's main thread: the database, services and PDFs belong to the core thread (core-thread/core-client.ts talks to it).",
};
const NOT_RENDERER = { group: ['**/renderer/**'], message: 'Main never imports the renderer.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'migrations/**', '.native/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'resources/**/*.mjs', '*.config.{js,ts}', 'tests/**/*.ts', 'electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron'],
              message: 'shared/ must not import electron/ or renderer/.',
            },
            { group: NODE_BUILTINS, message: 'shared/ must run in both Node and the browser: no Node modules.' },
            {
              group: ['react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'shared/ holds pure code only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron'],
              message: 'The renderer talks to main only through renderer/src/api/client.ts.',
            },
            { group: NODE_BUILTINS, message: 'The renderer is sandboxed: no Node modules.' },
            { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'Only main touches the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/shell/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message:
                'Only the shell (electron/main/index.ts, electron/main/shell/) and the preload import electron; services stay testable in plain Node.',
            },
            { group: ['**/renderer/**'], message: 'Main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/index.ts', 'electron/main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_ONLY, NOT_RENDERER] }] },
  },
  {
    files: ['electron/main/core-thread/core-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CORE_ONLY,
            NOT_RENDERER,
            { group: ['electron'], message: 'The core client runs in plain Node too (harness, explore, bench).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/main/**'],
              message: 'The preload imports only shared/ and electron.',
            },
          ],
        },
      ],
    },
  },
);
