/**
 * The contract kit checks any target and must not load this project's mock (Express, the world, faker) to do
 * it: only the kit's CLI starts an in-process mock, through a dynamic import, when no --base-url is given.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runContract, UsageError } from '../../src/contract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module a file loads at run time through static imports and re-exports (type-only ones vanish; dynamic ones load on demand). */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    for (const st of source.statements) {
      let spec: ts.Expression | undefined;
      if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly) spec = st.moduleSpecifier;
      else if (ts.isExportDeclaration(st) && !st.isTypeOnly) spec = st.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec)) continue;
      const name = spec.text;
      if (name.startsWith('.')) visit(resolve(dirname(file), name.replace(/\.js$/, '.ts')));
      else packages.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the contract kit', () => {
  it('loads none of the mock: no server, world, store, domain or handlers module, no Express, faker or busboy', () => {
    const { files, packages } = staticImports(resolve(root, 'src/contract/index.ts'));
    const mockDirs = ['http', 'handlers', 'pipeline', 'world', 'store', 'seed', 'domain', 'state', 'cli'].map((d) => resolve(root, 'src', d) + '/');
    const reached = [...files].filter((f) => mockDirs.some((d) => f.startsWith(d)) || /\/src\/(index|fetch|msw|mock-runtime)\.ts$/.test(f));
    expect(reached.map((f) => f.slice(root.length + 1))).toEqual([]);
    for (const p of ['express', '@faker-js/faker', 'busboy']) expect(packages).not.toContain(p);
    expect(files.size).toBeGreaterThan(10);
  });

  it('asks for a target when given neither a base URL nor a way to start one', async () => {
    await expect(runContract({ token: 't' })).rejects.toThrow(UsageError);
    await expect(runContract({ token: 't' })).rejects.toThrow('no target: give a base URL (--base-url), or startTarget to start one for the run');
  });
});
