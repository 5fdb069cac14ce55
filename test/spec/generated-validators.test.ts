/**
 * src/generated/validators.ts: the bundled spec's request validators, compiled at build time.
 *
 * - the committed module is what `npm run generate` makes of the spec today;
 * - a precompiled validator says exactly what Ajv compiling the same schema at run time says (same verdict,
 *   same violations, byte for byte), over valid and broken parameters and bodies of every operation;
 * - a start with the bundled spec loads neither Ajv's compiler nor the YAML parser; a custom spec loads both.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../../src/fetch.js';
import { parse } from 'yaml';
import { isBundledDocument } from '../../src/spec/bundled-marker.js';
import { DEFAULT_SPEC_PATH, loadSpec, packageRoot } from '../../src/spec/index.js';
import type { OpenApiDocument, OperationInfo } from '../../src/spec/index.js';
import { precompiledValidator } from '../../src/spec/precompiled-validators.js';
import { planValidators, PRECOMPILED_KINDS, type ParameterLocation } from '../../src/spec/validator-plan.js';
import { createValidators } from '../../src/spec/validators.js';
import { renderValidatorsModule } from '../../src/spec/validators-module.js';

const ROOT = packageRoot();
const bundled = loadSpec();
const yaml = parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as OpenApiDocument;

describe('src/generated/validators.ts', () => {
  it('is what npm run generate makes of the spec today', () => {
    const committed = readFileSync(join(ROOT, 'src', 'generated', 'validators.ts'), 'utf8');
    expect(committed === renderValidatorsModule(yaml), 'src/generated/validators.ts is stale: run npm run generate').toBe(true);
  });

  it('holds a validator for every parameter location and request body of the spec, and no other', () => {
    const planned = planValidators(bundled);
    const requests = planned.filter((v) => PRECOMPILED_KINDS.has(v.kind));
    expect(requests.length).toBeGreaterThan(50);
    for (const v of requests) expect(precompiledValidator(v.key), v.key).toBeTypeOf('function');
    for (const v of planned.filter((p) => !PRECOMPILED_KINDS.has(p.kind))) expect(precompiledValidator(v.key), v.key).toBeUndefined();
  });
});

/** Values a parameter is tried with: absent, empty, a word, a negative and a huge number, a bad id. */
const PARAMETER_VALUES = [undefined, '', 'abc', '-1', '0', '1', '20', '99999999999999999999', 'not-a-uuid', '2026-11-24', '2026-11-24T12:00:00.000Z', 'true'];

/** Bodies derived from a documented example: each top-level field removed, retyped, blanked, plus one unknown. */
function brokenBodies(example: unknown): unknown[] {
  const out: unknown[] = [example, {}, null, [], 'text', 42];
  if (example && typeof example === 'object' && !Array.isArray(example)) {
    const record = example as Record<string, unknown>;
    out.push({ ...record, unknownField: 1 });
    for (const key of Object.keys(record)) {
      const { [key]: _dropped, ...rest } = record;
      out.push(rest);
      for (const wrong of [12345, 'x', '', null, true, [], {}, -5, 'not-a-uuid', [{}]]) out.push({ ...record, [key]: wrong });
    }
  }
  return out;
}

const examplesOf = (media: { example?: unknown; examples?: Record<string, { value: unknown }> } | undefined): unknown[] =>
  media ? [...(media.example === undefined ? [] : [media.example]), ...Object.values(media.examples ?? {}).map((e) => e.value)] : [];

describe('a precompiled validator', () => {
  // The same document as another object: not the bundled spec, so compiled by Ajv at run time.
  const copy = structuredClone(bundled);
  const precompiled = createValidators(bundled);
  const runtime = createValidators(copy);

  it('is used for the bundled spec only', () => {
    expect(isBundledDocument(bundled)).toBe(true);
    expect(isBundledDocument(copy)).toBe(false);
  });

  it('reports parameters exactly as run-time compilation does, coercing them the same way', () => {
    let broken = 0;
    for (const op of precompiled.operations) {
      for (const location of ['path', 'query', 'header'] as ParameterLocation[]) {
        const params = op.parameters.filter((p) => p.in === location);
        if (params.length === 0) continue;
        const name = (n: string) => (location === 'header' ? n.toLowerCase() : n);
        for (const value of PARAMETER_VALUES) {
          for (const target of params) {
            const values = (): Record<string, unknown> => Object.fromEntries(params.flatMap((p) => (p === target ? (value === undefined ? [] : [[name(p.name), value]]) : [[name(p.name), '1']])));
            const a = values();
            const b = values();
            const got = precompiled.parameters(op, location, a);
            expect(got, `${op.operationId} ${location} ${target.name}=${String(value)}`).toEqual(runtime.parameters(copyOp(runtime, op), location, b));
            expect(a).toEqual(b);
            if (got.length) broken++;
          }
        }
      }
    }
    expect(broken).toBeGreaterThan(100);
  });

  it('reports request bodies exactly as run-time compilation does', () => {
    let broken = 0;
    for (const op of precompiled.operations) {
      for (const [contentType, media] of Object.entries(op.requestBody?.content ?? {})) {
        for (const example of [undefined, ...examplesOf(media)]) {
          for (const body of brokenBodies(example)) {
            const got = precompiled.body(op, contentType, structuredClone(body));
            expect(got, `${op.operationId} ${contentType} ${JSON.stringify(body)}`).toEqual(runtime.body(copyOp(runtime, op), contentType, structuredClone(body)));
            if (got.length) broken++;
          }
        }
      }
    }
    expect(broken).toBeGreaterThan(150);
  });
});

/** The copy's operation with the same id (its schemas are the copy's objects). */
function copyOp(validators: { operations: OperationInfo[] }, op: OperationInfo): OperationInfo {
  return validators.operations.find((o) => o.operationId === op.operationId)!;
}

describe('a start', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wapikit-validators-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const ADAPTER = pathToFileURL(join(ROOT, 'src/http/express-adapter.ts')).href;

  /** Starts the mock in a fresh process, serves one list page and one send, and says which modules got loaded. */
  async function startAndServe(specPath?: string): Promise<{ status: number[]; ajvCompiler: boolean; yaml: boolean }> {
    const script = `
      import { createRequire } from 'node:module';
      const { createMockServer } = await import(${JSON.stringify(ADAPTER)});
      const app = createMockServer(${specPath ? `{ specPath: ${JSON.stringify(specPath)} }` : '{}'});
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const base = 'http://127.0.0.1:' + server.address().port + '/api';
      const headers = { 'x-access-token': await app.mock.demoToken(), 'content-type': 'application/json' };
      const list = await fetch(base + '/conversations?page=1&per_page=20', { headers });
      const bad = await fetch(base + '/conversations?page=0&per_page=20', { headers });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ status: [list.status, bad.status], ajvCompiler: loaded.some((k) => k.includes('/ajv/dist/core.js')), yaml: loaded.some((k) => k.includes('/node_modules/yaml/')) }));
      server.close();
      app.mock.close();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { cwd: tmp });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number[]; ajvCompiler: boolean; yaml: boolean };
  }

  it('with the bundled spec validates requests without loading Ajv\'s compiler or the YAML parser', async () => {
    expect(await startAndServe()).toEqual({ status: [200, 400], ajvCompiler: false, yaml: false });
  }, 60_000);

  it('with a custom spec compiles it with Ajv, loaded on demand', async () => {
    const custom = join(tmp, 'custom.yaml');
    copyFileSync(DEFAULT_SPEC_PATH, custom);
    expect(await startAndServe(custom)).toEqual({ status: [200, 400], ajvCompiler: true, yaml: true });
  }, 60_000);
});

describe('the fetch adapter with a document passed in', () => {
  it('compiles it at run time with the Ajv it bundles, and checks requests as with the bundled one', async () => {
    const origin = 'https://wapikit.example.test/api';
    const answers = async (setup: { doc?: OpenApiDocument }) => {
      const mockFetch = createMockFetch({ seed: 7, now: '2026-11-24T12:00:00.000Z' }, setup);
      const headers = { 'x-access-token': await mockFetch.mock.demoToken() };
      const out = [];
      for (const query of ['page=1&per_page=20', 'page=0&per_page=20', 'page=1&per_page=abc']) {
        const res = await mockFetch(new Request(`${origin}/conversations?${query}`, { headers }));
        out.push([res.status, await res.text()]);
      }
      mockFetch.mock.close();
      return out;
    };
    const passedIn = await answers({ doc: structuredClone(bundled) });
    expect(passedIn.map(([status]) => status)).toEqual([200, 400, 400]);
    expect(passedIn).toEqual(await answers({}));
  });
});
