/**
 * Lenient by default, --strict on demand (src/spec/leniency.ts): a request that breaks only what the spec states
 * (a query enum, an unknown body field) is answered as the real server answers it and warned about; what the
 * server itself refuses is refused in both modes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LENIENCY_TABLE, leniencyTableMarkdown } from '../../src/spec/leniency.js';
import { listOperations, loadSpec } from '../../src/spec/index.js';
import { account, invite, OTP, signUp } from '../support/account-flows.js';
import { startMock, useMock } from '../support/mock-client.js';

const HEADER = 'x-wapikit-mock-warning';
const logged: string[] = [];
const mock = useMock({ warningLog: (line) => logged.push(line) });
const MEMBERS = '/organization/members?page=1&per_page=10&sortBy=undefined';

describe('lenient by default', () => {
  it('GET /organization/members with sortBy=undefined lists the members, with a warning naming sortBy', async () => {
    const r = await mock.call('GET', MEMBERS);
    expect(r.status).toBe(200);
    expect(r.body.members.length).toBeGreaterThan(0);
    const plain = await mock.call('GET', '/organization/members?page=1&per_page=10');
    expect(r.body.members).toEqual(plain.body.members); // as if sortBy were absent: the default order
    expect(r.headers.get(HEADER)).toMatch(/query parameter 'sortBy' must be one of asc, desc \(got 'undefined'\)/);
    expect(plain.headers.get(HEADER)).toBeNull();
    expect(logged.some((l) => l.includes("query parameter 'sortBy'") && l.includes('getOrganizationMembers'))).toBe(true);
  });

  it('resetPasswordComplete with the published spec\'s otp field is not refused for it, and is warned about', async () => {
    const email = 'agent@wapikit.test';
    await mock.call('POST', '/auth/reset-password/init', { body: { email }, token: null });
    await mock.call('POST', '/auth/reset-password/verify', { body: { email, otp: OTP }, token: null });
    const r = await mock.call('POST', '/auth/reset-password/complete', { body: { email, otp: OTP, password: 'brand-new-1' }, token: null });
    expect([r.status, r.body]).toEqual([200, { isPasswordReset: true }]);
    expect(r.headers.get(HEADER)).toContain("request body field 'otp' is not allowed here");
  });

  it('joinOrganization with the published spec\'s inviteId and password is not refused for them, and is warned about', async () => {
    const a = account('joiner');
    const bare = await signUp(mock, a);
    const slug = await invite(mock, mock.token, bare, a.email);
    const r = await mock.call('POST', '/auth/join-organization', { body: { inviteSlug: slug, inviteId: slug, password: a.password }, token: bare });
    expect(r.status).toBe(200);
    expect(typeof r.body.token).toBe('string');
    const warning = r.headers.get(HEADER) ?? '';
    expect(warning).toContain("request body field 'inviteId' is not allowed here");
    expect(warning).toContain("request body field 'password' is not allowed here");
  });

  it('GET /__mock/warnings lists each distinct warning with its operation, an example and a count; a reset clears them', async () => {
    await mock.call('GET', MEMBERS);
    await mock.call('GET', MEMBERS.replace('page=1', 'page=2'));
    const listed = await (await fetch(`${mock.url}/__mock/warnings`)).json() as { warnings: Array<{ operationId: string; message: string; example: string; count: number }>; total: number };
    expect(listed.warnings).toEqual([
      { operationId: 'getOrganizationMembers', message: "query parameter 'sortBy' must be one of asc, desc (got 'undefined')", example: `GET /api${MEMBERS}`, count: 2 },
    ]);
    expect(listed.total).toBe(2);
    expect(mock.app.mock.warnings()).toEqual(listed.warnings);
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect(await (await fetch(`${mock.url}/__mock/warnings`)).json()).toEqual({ warnings: [], total: 0 });
  });
});

describe('server-enforced rules are refused in both modes', () => {
  for (const strict of [false, true]) {
    it(`${strict ? 'strict' : 'lenient'}: per_page over the limit on GET /contacts and a non-integer page are 400s`, async () => {
      const m = await startMock({ strict, warningLog: () => {} });
      try {
        const over = await m.call('GET', '/contacts?page=1&per_page=51');
        expect([over.status, over.headers.get(HEADER)]).toEqual([400, null]);
        expect(over.body).toContain("query parameter 'per_page' must be at most 50");
        const word = await m.call('GET', '/organization/members?page=abc&per_page=10&sortBy=undefined');
        expect(word.status).toBe(400);
        expect(word.body).toContain("query parameter 'page' must be an integer");
      } finally {
        await m.close();
      }
    });
  }
});

describe('--strict', () => {
  it('refuses sortBy=undefined and unknown body fields with the 400s it always had', async () => {
    const m = await startMock({ strict: true, warningLog: () => {} });
    try {
      const r = await m.call('GET', MEMBERS);
      expect([r.status, r.body]).toEqual([400, "query parameter 'sortBy' must be one of asc, desc (got 'undefined')"]);
      const c = await m.call('POST', '/auth/reset-password/complete', { body: { email: 'agent@wapikit.test', otp: OTP, password: 'brand-new-1' }, token: null });
      expect([c.status, c.body]).toEqual([400, "request body field 'otp' is not allowed here"]);
      expect(m.app.mock.warnings()).toEqual([]);
    } finally {
      await m.close();
    }
  });
});

describe('the decision table', () => {
  it('names every rule the spec uses on requests', () => {
    // Every keyword@location of the spec's request schemas (a format with its name) has a row.
    const doc = loadSpec();
    const used = new Set<string>();
    const keywords = ['type', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'additionalProperties', 'unevaluatedProperties', 'required', 'oneOf', 'anyOf'];
    const walk = (s: unknown, loc: string, depth = 0): void => {
      if (!s || typeof s !== 'object' || depth > 14) return;
      if (Array.isArray(s)) return s.forEach((x) => walk(x, loc, depth + 1));
      const o = s as Record<string, unknown>;
      if (typeof o.$ref === 'string') walk(doc.components.schemas[o.$ref.split('/').pop()!], loc, depth + 1);
      for (const k of keywords) if (k in o && !((k === 'additionalProperties' || k === 'unevaluatedProperties') && o[k] !== false) && !(k === 'required' && loc.endsWith('@path'))) used.add(`${k}@${loc}`);
      if (typeof o.format === 'string') used.add(`format:${o.format}@${loc}`);
      for (const [k, v] of Object.entries(o)) if (k !== '$ref' && k !== 'required' && typeof v === 'object') walk(v, loc, depth + 1);
    };
    for (const op of listOperations(doc)) {
      for (const p of op.parameters) {
        walk(p.schema, p.in);
        if (p.required) used.add(`required@${p.in}`);
      }
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) walk(media.schema, type.startsWith('multipart/') ? 'form' : 'body');
    }
    const named = new Set(LENIENCY_TABLE.map((r) => r.rule));
    expect([...used].filter((r) => !named.has(r) && !/^format:(int32|double|float|binary)@/.test(r))).toEqual([]);
  });

  it('openapi/README.md shows the same table', () => {
    expect(readFileSync(new URL('../../openapi/README.md', import.meta.url), 'utf8')).toContain(leniencyTableMarkdown());
  });
});
