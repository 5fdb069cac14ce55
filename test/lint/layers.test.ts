/**
 * The lint rules that keep the layers pointing one way (eslint.config.js): `npm run lint` (and so CI) fails on
 * an import cycle, on the store importing rules or seeding, on auth importing a transport, and on the
 * contract kit importing the mock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it('fail on an import cycle', async () => {
    const dir = mkdtempSync(join(root, 'test/lint/.cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b + 1;\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a.js';\nexport const b = 1;\nexport const c = (): number => a();\n");
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
      // Type-only imports vanish at run time: they make no cycle.
      writeFileSync(join(dir, 'b.ts'), "import type { a } from './a.js';\nexport const b = 1;\nexport type C = typeof a;\n");
      const [typeOnly] = await new ESLint({ cwd: root }).lintFiles([join(dir, 'a.ts')]);
      expect(typeOnly!.messages.map((m) => m.ruleId)).not.toContain('import-x/no-cycle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keep domain code and seeding out of the store', async () => {
    expect(await ruleIds("import { answerQuery } from '../domain/ai-assistant.js';\nexport const f = answerQuery;\n", 'src/store/probe.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIds("import { createSeededStore } from '../seed/seed-store.js';\nexport const f = createSeededStore;\n", 'src/store/probe.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIds("import { SortedIds } from './sorted-ids.js';\nexport const f = SortedIds;\n", 'src/store/probe.ts')).toEqual([]);
  }, 60_000);

  it('keep the world below the store and the domain below seeding and the transports, types included', async () => {
    expect(await ruleIds("import type { Store } from '../store/store.js';\nexport type S = Store;\n", 'src/world/probe.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIds("import { createSeededStore } from '../seed/seed-store.js';\nexport const f = createSeededStore;\n", 'src/domain/probe.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIds("import type { Store } from '../store/store.js';\nexport type S = Store;\n", 'src/domain/probe.ts')).toEqual([]);
  }, 60_000);

  it('keep auth free of the transport and the handlers, types included', async () => {
    expect(await ruleIds("import type { Services } from '../handlers/types.js';\nexport type S = Services;\n", 'src/auth/probe.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIds("import type { Caller } from './caller.js';\nexport type C = Caller;\n", 'src/auth/probe.ts')).toEqual([]);
  }, 60_000);

  it('keep the mock out of the contract kit', async () => {
    for (const module of ['../http/express-adapter.js', '../world/demo-accounts.js', '../store/store.js', '../mock-runtime.js']) {
      expect(await ruleIds(`import * as m from '${module}';\nexport const f = m;\n`, 'src/contract/probe.ts'), module).toContain('import-x/no-restricted-paths');
    }
    expect(await ruleIds("import { loadSpec } from '../spec/index.js';\nexport const f = loadSpec;\n", 'src/contract/probe.ts')).toEqual([]);
  }, 60_000);
});
