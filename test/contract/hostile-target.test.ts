/**
 * The contract CLI against targets that misbehave on purpose and against bad input: secrets stay masked in
 * every form and every reporter, a spec that is not one, refused or missing credentials and a huge answer all
 * end with a clear message and the right exit code, never a stack trace or a list of false violations.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ContractReport } from '../../src/contract/index.js';
import { listOperations, loadSpec } from '../../src/spec/index.js';
import { cli, useCliFixture } from './support/cli-fixture.js';
import { combineFaults, editJson, startFaultyProxy, type Fault, type ProxiedRequest } from './support/faulty-proxy.js';

/** Secrets full of characters that change under JSON, URL and HTML escaping. */
const TOKEN = 'Zq7"tok\\en <&> 100% +/= x\'y end';
const PASSWORD = 'Pw9"pa\\ss wörd ü+%2F/=<&> ✓ end';
const ops = listOperations(loadSpec());
const publicReads = ops.filter((o) => o.auth === 'none' && !o.writes);


const fixture = useCliFixture(TOKEN);

/** Every way a target might echo a secret back: raw, JSON-escaped (also Go's HTML-safe escaping), URL-encoded, base64. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    secret,
    json,
    json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
}

const isOp = (method: string, pattern: RegExp) => (req: ProxiedRequest) => req.method === method && pattern.test(req.path);
/** Text long enough that a cut excerpt ends inside whatever follows it. */
const PAD = 'the deployment says: '.padEnd(100, '.');

describe('secrets a hostile target echoes back', () => {
  it('are masked in every form, before any excerpt is cut, in every reporter, for a token and for a password', async () => {
    let password = '';
    const echo = (secret: () => string) => forms(secret()).join(' | ');
    const proxy = await startFaultyProxy(fixture.mock.baseUrl, combineFaults(
      // Signs "hostile" in as the demo account, remembering the password it was given.
      {
        matches: isOp('post', /^\/auth\/login$/),
        request: (req) => {
          let body: { username?: unknown; password?: unknown } = {};
          try {
            body = JSON.parse(req.body) as typeof body;
          } catch { /* the kit's bad bodies pass through */ }
          if (typeof body.password === 'string' && body.password.length > 4) password = body.password;
          if (body.username === 'hostile') req.body = JSON.stringify({ username: 'demo', password: 'demo1234' });
        },
        response: (res) => { if (res.status !== 200) res.body = JSON.stringify(`${PAD}${echo(() => password)}`); },
      },
      // A 500 whose long body carries every form of the secrets: the excerpt is cut in the middle of them.
      // (Not for the one-item page the kit reads ids from, so getConversationById still runs.)
      {
        matches: (req) => isOp('get', /^\/conversations$/)(req) && req.query.get('per_page') !== '1',
        response: (res, req) => {
          res.status = 500;
          res.body = JSON.stringify(`${PAD}${echo(() => req.headers['x-access-token'] ?? '')} | ${echo(() => password)}`);
        },
      },
      // A field value longer than a violation shows: cut after 57 characters, inside the secret.
      {
        matches: isOp('get', /^\/conversation\/[^/]+$/),
        response: (res, req) => {
          if (res.status === 200) editJson(res, (b) => { (b as { conversation: { status: string } }).conversation.status = `${'x'.repeat(40)}${req.headers['x-access-token'] ?? password} ${echo(() => password)}`; });
        },
      },
    ));
    try {
      const outputs: string[] = [];
      for (const reporter of ['console', 'json', 'junit']) {
        const file = join(fixture.dir, `secrets.${reporter}`);
        password = ''; // a token run was never given the password: the target cannot echo it
        const byToken = await cli(['--base-url', proxy.baseUrl, '--token', TOKEN, '--only', 'getConversations,getConversationById', '--reporter', reporter]);
        const byLogin = await cli(['--base-url', proxy.baseUrl, '--username', 'hostile', '--only', 'getConversations,getConversationById', '--reporter', reporter, '--output', file], { WAPIKIT_PASSWORD: PASSWORD });
        expect(byToken.code, byToken.stderr).toBe(1);
        expect(byLogin.code, byLogin.stderr).toBe(1);
        outputs.push(byToken.stdout, byToken.stderr, byLogin.stdout, byLogin.stderr, readFileSync(file, 'utf8'));
      }
      const refused = await cli(['--base-url', proxy.baseUrl, '--username', 'nobody', '--password', PASSWORD]);
      expect(refused.code).toBe(2);
      outputs.push(refused.stdout, refused.stderr);

      const all = outputs.join('\n');
      // Not vacuous: the echoes reached the reports (the padding before them is there, masked secrets after it).
      expect(all).toContain('the deployment says: ....');
      expect(all).toContain("'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx[redacted]");
      expect(refused.stderr).toContain('the deployment says: ....');
      for (const secret of [TOKEN, PASSWORD]) {
        for (const form of forms(secret)) {
          expect(all, `a form of the secret: ${form}`).not.toContain(form);
          expect(all, `the start of a form of the secret: ${form.slice(0, 8)}`).not.toContain(form.slice(0, 8));
        }
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('--spec that is not an OpenAPI document', () => {
  const write = (name: string, text: string) => {
    const file = join(fixture.dir, name);
    writeFileSync(file, text);
    return file;
  };

  it.each([
    ['/etc/passwd', () => '/etc/passwd', /is not an OpenAPI 3\.1 document/],
    ['a missing file', () => join(fixture.dir, 'missing.yaml'), /cannot be read \(no such file\)/],
    ['a directory', () => { mkdirSync(join(fixture.dir, 'a-fixture.dir'), { recursive: true }); return join(fixture.dir, 'a-fixture.dir'); }, /cannot be read \(it is a directory\)/],
    ['broken YAML', () => write('broken.yaml', 'openapi: 3.1.0\npaths: [unclosed\n'), /is neither JSON nor YAML/],
    ['an OpenAPI 3.0 document', () => write('old.yaml', 'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths: {}\n'), /is not an OpenAPI 3\.1 document \(it says openapi: 3\.0\.3;/],
    ['an OpenAPI 3.1 document without paths', () => write('empty.yaml', 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\n'), /has no 'paths'/],
  ])('%s: exit 2, a message naming the file and the problem, no stack trace', async (_name, file, message) => {
    const path = file();
    const r = await cli(['--base-url', fixture.mock.baseUrl, '--token', TOKEN, '--spec', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: --spec ${path}`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('credentials', () => {
  it('a token the target refuses: exit 2, "the target refused the credentials", not a list of violations', async () => {
    const r = await cli(['--base-url', fixture.mock.baseUrl, '--token', 'not-the-token-of-this-target']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the target refused the credentials: GET \/\S+ answered 401/);
    expect(r.stderr).not.toContain('not-the-token-of-this-target');
    expect(r.stdout).toBe('');
  });

  it('no credentials at all: exit 2, saying what could and could not be checked and how to go on', async () => {
    const r = await cli(['--base-url', fixture.mock.baseUrl]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no credentials were given');
    expect(r.stderr).toContain(`only the ${publicReads.length} operations that need no token could be checked`);
    expect(r.stderr).toMatch(/--token.*--username.*--anonymous/s);
    expect(r.stdout).toBe('');
  });

  it('--anonymous with credentials is a usage error', async () => {
    const r = await cli(['--base-url', fixture.mock.baseUrl, '--anonymous', '--token', TOKEN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--anonymous.*without credentials/);
  });

  it('--anonymous checks the public operations, says loudly what was not checked in every reporter, and exits 0', async () => {
    const protectedCount = ops.filter((o) => o.auth !== 'none' && !o.writes).length;
    const consoleRun = await cli(['--base-url', fixture.mock.baseUrl, '--anonymous']);
    expect(consoleRun.code, consoleRun.stdout).toBe(0);
    const banner = `ANONYMOUS RUN: only the ${publicReads.length} operations that need no token were checked; ${protectedCount} read operations that need a token were NOT checked`;
    expect(consoleRun.stdout.split('\n')[0]).toBe(banner);
    expect(consoleRun.stdout.trimEnd().split('\n').at(-1)).toBe(banner);

    const jsonRun = await cli(['--base-url', fixture.mock.baseUrl, '--anonymous', '--reporter', 'json']);
    const report = JSON.parse(jsonRun.stdout) as ContractReport;
    expect(report.anonymous).toBe(true);
    expect(report.summary.notCheckedForCredentials).toBe(protectedCount);
    expect(report.operations.filter((o) => o.outcome === 'pass').map((o) => o.operationId).sort()).toEqual(publicReads.map((o) => o.operationId).sort());

    const junitRun = await cli(['--base-url', fixture.mock.baseUrl, '--anonymous', '--reporter', 'junit']);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(junitRun.stdout) as { testsuites: { '@_name': string } };
    expect(xml.testsuites['@_name']).toContain(banner);
  });
});

describe('a huge answer', () => {
  it('stops reading at --max-response-bytes and reports the operation as failing', async () => {
    const total = 20 * 1024 * 1024;
    /** Bytes written to each answer before the kit hung up, and whether any answer was sent in full. */
    const sent: number[] = [];
    let finished = false;
    const fault: Fault = {
      matches: isOp('get', /^\/conversations$/),
      answer: async (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const index = sent.push(0) - 1;
        let closed = false;
        res.on('close', () => { closed = true; res.emit('drain'); });
        res.write('[');
        while (sent[index]! < total && !closed) {
          sent[index]! += chunk.length;
          if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
        }
        if (!closed) {
          res.end(']');
          finished = true;
        }
      },
    };
    const proxy = await startFaultyProxy(fixture.mock.baseUrl, fault);
    try {
      const r = await cli(['--base-url', proxy.baseUrl, '--token', TOKEN, '--only', 'getConversations', '--max-response-bytes', String(1024 * 1024)]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/^FAIL {2}getConversations .*\n {6}✗ valid request \(GET \/conversations\?page=1&per_page=5 → 200\): response body is larger than 1048576 bytes \(read stopped\)/m);
      expect(sent.length).toBeGreaterThan(0);
      expect(finished).toBe(false);
      // What the kit read (1 MiB) plus what the sockets buffered before it hung up: far from the 20 MiB.
      expect(Math.max(...sent)).toBeLessThan(total / 2);
    } finally {
      await proxy.close();
    }
  });

  it('--max-response-bytes must be a positive whole number', async () => {
    const r = await cli(['--max-response-bytes', '1e99x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-response-bytes.*must be a positive whole number/);
  });
});
