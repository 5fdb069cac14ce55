/**
 * The CLI entry: exit codes (0 conforming, 1 violations, 2 usage or connection errors), reports on stdout or in
 * a file, a JUnit file a JUnit parser reads back with one test case per operation, and no secret anywhere.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ContractReport } from '../../src/contract/index.js';
import { listOperations, loadSpec } from '../../src/spec/index.js';
import { cli, useCliFixture } from './support/cli-fixture.js';
import { editJson, startFaultyProxy } from './support/faulty-proxy.js';

const TOKEN = 'cli-test-secret-token-7f3a9c';
const ops = listOperations(loadSpec());

const fixture = useCliFixture(TOKEN);

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('contract CLI', () => {
  it('prints its usage with --help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--base-url', '--token', '--username', '--password', '--allow-writes', '--only', '--reporter', '--output', '--timeout', '--target-profile', '--spec', '--anonymous', '--max-response-bytes']) {
      expect(r.stdout).toContain(flag);
    }
    // --base-url's base path differs between a Wapikit server (/api) and Prism (the root).
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/no \/api for Prism \(prism mock serves at the root/);
  });

  it.each([
    [['--reporter', 'xml'], /argument 'xml' is invalid/],
    [['--only', 'NoSuchTag'], /--only 'NoSuchTag' matches no tag and no operationId/],
    [['--timeout', 'soon'], /must be a positive whole number/],
    [['--username', 'demo'], /--username needs --password/],
    [['--base-url', 'ftp://example.com/api'], /must be an http\(s\) URL/],
    [['--target-profile', 'prism'], /argument 'prism' is invalid/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when the target cannot be reached', async () => {
    const port = await closedPort();
    const r = await cli(['--base-url', `http://127.0.0.1:${port}/api`, '--token', TOKEN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/api \\(ECONNREFUSED\\)`));
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('exits 2 when the credentials are refused', async () => {
    const r = await cli(['--base-url', fixture.mock.baseUrl, '--username', 'demo', '--password', 'wrong-password-123']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the target refused the credentials: POST \/auth\/login answered 4\d\d/);
    expect(r.stderr).not.toContain('wrong-password-123');
  });

  it('exits 0 when every exercised operation conforms, and prints one line per selected operation and the coverage', async () => {
    const r = await cli(['--base-url', fixture.mock.baseUrl, '--token', TOKEN, '--only', 'getConversations,getConversationById', '--only', 'getHealthCheck']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^PASS {2}/.test(l)).map((l) => l.split(/\s+/)[1])).toEqual(['getHealthCheck', 'getConversations', 'getConversationById']);
    expect(r.stdout).toContain(`SKIP  ${ops.length - 3} more operations — not selected by --only`);
    expect(r.stdout).toMatch(new RegExp(`Coverage: 3 of ${ops.length} operations exercised \\(\\d+%\\); \\d+ of \\d+ documented statuses seen`));
  });

  it('exits 1 on violations and names the operation and the problem', async () => {
    const proxy = await startFaultyProxy(fixture.mock.baseUrl, { matches: (req) => req.method === 'get' && req.path === '/conversations', response: (res) => { res.status = 500; } });
    try {
      const r = await cli(['--base-url', proxy.baseUrl, '--token', TOKEN, '--only', 'getConversations']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^FAIL {2}getConversations .*\n {6}✗ valid request \(GET \/conversations\?page=1&per_page=5 → 500\): answered 500, a server error/m);
    } finally {
      await proxy.close();
    }
  });

  it('never writes the token or the password, even when the target echoes them back', async () => {
    // The faulty deployment puts the caller's token into a field, so a violation's "actual" value carries it.
    const proxy = await startFaultyProxy(fixture.mock.baseUrl, {
      matches: (req) => req.method === 'get' && /^\/conversation\/[^/]+$/.test(req.path),
      response: (res, req) => { if (res.status === 200) editJson(res, (b) => { (b as { conversation: { status: string } }).conversation.status = `token ${req.headers['x-access-token'] ?? ''}`; }); },
    });
    try {
      const outputs: string[] = [];
      for (const reporter of ['console', 'json', 'junit']) {
        const file = join(fixture.dir, `report.${reporter}`);
        const viaFlag = await cli(['--base-url', proxy.baseUrl, '--token', TOKEN, '--only', 'getConversationById', '--reporter', reporter]);
        const viaEnv = await cli(['--base-url', proxy.baseUrl, '--only', 'getConversationById', '--reporter', reporter, '--output', file], { WAPIKIT_TOKEN: TOKEN });
        expect(viaFlag.code).toBe(1);
        expect(viaEnv.code).toBe(1);
        outputs.push(viaFlag.stdout, viaFlag.stderr, viaEnv.stdout, viaEnv.stderr, readFileSync(file, 'utf8'));
      }
      const login = await cli(['--base-url', fixture.mock.baseUrl, '--username', 'demo', '--password', 'demo1234', '--only', 'login,getApiKeys', '--reporter', 'json']);
      expect(login.code).toBe(0);
      outputs.push(login.stdout, login.stderr);
      const all = outputs.join('\n');
      expect(all).not.toContain(TOKEN);
      expect(all).not.toContain('demo1234');
      expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./); // no JWT (the login token, the API key)
      // Not vacuous: the echoed token reached the report, masked.
      expect(all).toContain("(got 'token [redacted]')");
      const report = JSON.parse(login.stdout) as ContractReport;
      expect(report.operations.find((o) => o.operationId === 'login')!.outcome).toBe('pass');
    } finally {
      await proxy.close();
    }
  });

  it('--reporter junit writes a file a JUnit parser reads back with one test case per operation', async () => {
    const file = join(fixture.dir, 'contract.xml');
    const r = await cli(['--reporter', 'junit', '--output', file]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain(`Report (junit) written to ${file}`);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(readFileSync(file, 'utf8')) as {
      testsuites: { '@_tests': string; testsuite: Array<{ '@_name': string; testcase: Array<{ '@_name': string; skipped?: unknown; failure?: unknown; 'system-out'?: string }> }> };
    };
    const cases = xml.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases.map((c) => c['@_name']).sort()).toEqual(ops.map((o) => o.operationId).sort());
    expect(Number(xml.testsuites['@_tests'])).toBe(ops.length);
    const register = cases.find((c) => c['@_name'] === 'register')!;
    expect(register.skipped).toBeDefined();
    expect(register['system-out']).toContain('write operation; pass --allow-writes');
    const health = cases.find((c) => c['@_name'] === 'getHealthCheck')!;
    expect(health.skipped).toBeUndefined();
    expect(health.failure).toBeUndefined();
  });
});
