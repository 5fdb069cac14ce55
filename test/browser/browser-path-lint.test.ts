/**
 * The browser-path lint rule (eslint.config.js): what `wapikit-mock/msw` and the fetch adapter load may not use
 * Node. Checks that the rule catches each kind of Node dependency where it applies, and that the browser-path
 * modules of this repository pass it.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);
const eslint = new ESLint({ cwd: ROOT });

/** The boundary rules' findings for `code` as if it were the file at `path`. */
async function findings(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the browser-path lint rule', () => {
  it.each([
    ['a node: import', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'src/domain/example.ts', /no-restricted-imports/],
    ['a bare built-in', "import { createHash } from 'crypto';\nexport const h = createHash;\n", 'src/world/example.ts', /no-restricted-imports/],
    ['a Node-only package', "import express from 'express';\nexport const e = express;\n", 'src/pipeline/example.ts', /no-restricted-imports/],
    ['the spec barrel (it loads files)', "import { loadSpec } from './spec/index.js';\nexport const l = loadSpec;\n", 'src/fetch.ts', /spec barrel/],
    ['the state file', "import { openSavedState } from '../state/saved-state.js';\nexport const o = openSavedState;\n", 'src/handlers/example.ts', /state file/],
    ['Buffer', "export const b = Buffer.from('x').toString('base64');\n", 'src/store/example.ts', /'Buffer' is Node-only/],
    ['process', 'export const env = process.env.X;\n', 'src/auth/example.ts', /'process' is Node-only/],
    ['setImmediate', 'export const next = () => new Promise((r) => setImmediate(r));\n', 'src/domain/example.ts', /'setImmediate' is Node-only/],
    ['a timer’s unref()', 'export const t = setInterval(() => {}, 1000).unref();\n', 'src/handlers/example.ts', /unrefTimer/],
  ])('refuses %s on the browser path', async (_name, code, path, expected) => {
    const found = await findings(code, path);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(expected);
  });

  it('leaves the Node side alone (HTTP adapter, CLI, state file, tests)', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const b = Buffer.from(readFileSync('x')).toString('base64');\n";
    for (const path of ['src/http/example.ts', 'src/cli/example.ts', 'src/state/example.ts', 'src/domain/example.test.ts']) {
      expect(await findings(code, path), path).toEqual([]);
    }
  });

  it('covers every module of ours that the browser entry loads', async () => {
    // What `wapikit-mock/msw` really pulls in, as a bundler sees it (generated modules are not linted at all).
    const { metafile } = await build({ entryPoints: [resolve(ROOT, 'src/msw.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT });
    const ours = Object.keys(metafile.inputs).filter((f) => f.startsWith('src/') && !f.startsWith('src/generated/'));
    expect(ours).toContain('src/msw.ts');
    expect(ours).toContain('src/world/ids.ts');
    const uncovered: string[] = [];
    for (const file of ours) {
      const config = (await eslint.calculateConfigForFile(resolve(ROOT, file))) as { rules?: Record<string, unknown> } | undefined;
      if (!config?.rules?.['no-restricted-globals']) uncovered.push(file);
    }
    expect(uncovered).toEqual([]);
  }, 120_000);

  it('passes on every browser-path module of this repository', async () => {
    const results = await eslint.lintFiles(['src/world', 'src/seed', 'src/store', 'src/domain', 'src/spec', 'src/auth', 'src/handlers', 'src/pipeline', 'src/util', 'src/state/snapshot.ts', 'src/fetch.ts', 'src/msw.ts', 'src/mock-runtime.ts', 'src/options.ts']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);
});
