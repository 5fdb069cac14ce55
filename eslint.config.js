import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded faker instance: randomness must be repeatable.' },
      ],
    },
  },
  // Layers point one way. No import cycle anywhere (no-cycle follows the imports that exist at run time; a
  // type-only import vanishes there), and no layer reaches up, types included: world <- store <- domain <- seed
  // and the transports; the store holds containers and indexes only (no domain code, no seeding), auth knows no
  // transport, and the contract kit never loads the mock (only its CLI starts one).
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Follow TypeScript sources (import-x reads only .js files by default) through the `.js`-suffixed imports.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/world',
              from: ['./src/store', './src/seed', './src/domain', './src/auth', './src/handlers', './src/pipeline', './src/http', './src/state', './src/contract', './src/cli'],
              message: 'The world is the bottom layer: generated data that knows nothing of the store or the rules.',
            },
            { target: './src/store', from: ['./src/domain', './src/seed', './src/auth', './src/handlers', './src/pipeline', './src/http', './src/state', './src/contract', './src/cli'], message: 'The store is containers and indexes only: seeding and rules live above it.' },
            { target: './src/domain', from: ['./src/seed', './src/handlers', './src/pipeline', './src/http', './src/state', './src/contract', './src/cli'], message: 'The domain knows no transport and no seeding: those sit above it.' },
            { target: './src/auth', from: ['./src/http', './src/handlers', './src/pipeline'], message: 'Auth is transport-free: share types through src/auth/caller.ts.' },
            {
              // The kit reads the spec and checks a target; of this project it may use the spec modules only. The
              // in-process mock its CLI starts is loaded by a dynamic import (src/contract/cli.ts), never statically.
              target: './src/contract',
              from: './src',
              except: ['./contract', './spec', './generated', './cli/in-process-mock.ts'],
              message: 'The contract kit must not load the mock: its CLI starts one (src/cli/in-process-mock.ts, by a dynamic import).',
            },
          ],
        },
      ],
    },
  },
  // The browser path (wapikit-mock/msw, the fetch adapter): what it loads must run where `fetch` runs, so no
  // Node built-ins, no Node-only packages and no Node-only modules (HTTP server, CLI, state file, contract kit,
  // the spec loader that reads files). esbuild's browser build is the second guard (test/browser/).
  {
    files: ['src/world/**/*.ts', 'src/seed/**/*.ts', 'src/store/**/*.ts', 'src/domain/**/*.ts', 'src/spec/**/*.ts', 'src/auth/**/*.ts', 'src/handlers/**/*.ts', 'src/pipeline/**/*.ts', 'src/util/**/*.ts', 'src/state/snapshot.ts', 'src/state/spec-enum-fields.ts', 'src/quirks/**/*.ts', 'src/fetch.ts', 'src/msw.ts', 'src/mock-runtime.ts', 'src/options.ts'],
    ignores: ['**/*.test.ts', 'src/world/test-support.ts', 'src/world/measure-world.ts', 'src/spec/index.ts', 'src/spec/load-spec.ts', 'src/spec/package-root.ts', 'src/spec/write-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, 'express', 'busboy', 'commander', 'swagger-ui-dist', 'junit-report-builder'].map((name) => ({
            name,
            message: 'Browser path: no Node built-ins or Node-only packages (see src/util/ for bytes and timers).',
          })),
          patterns: [
            { regex: '^node:', message: 'Browser path: no Node built-ins (see src/util/ for bytes and timers).' },
            {
              regex: '(^|/)(http|cli|contract)/|(^|/)spec/index\\.js$|(^|/)(load-spec|package-root|write-spec-json|saved-state|state-file|state-file-lock)\\.js$',
              message: 'Browser path: Node-only module (HTTP server, CLI, contract kit, state file, spec loader); import the spec modules you need directly, not the spec barrel.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'setImmediate', 'clearImmediate', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: `Browser path: '${name}' is Node-only (Uint8Array and src/util/bytes.ts for bytes, src/util/timers.ts for timers).`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // In a browser a timer is a number: `setInterval(...).unref()` throws there.
          selector: "CallExpression[optional=false][callee.type='MemberExpression'][callee.optional=false][callee.property.name=/^(unref|ref|hasRef|refresh)$/]",
          message: "Browser path: timers are numbers in a browser; use unrefTimer() from src/util/timers.ts.",
        },
      ],
    },
  },
);
