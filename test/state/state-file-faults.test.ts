/**
 * `--state-file` when the disk does not cooperate: a write that cannot be saved is not applied (the store goes
 * back to what the file holds, and the client gets a 500 that says so), a file that cannot be written stops the
 * server at start, two servers never share one file, and leftovers of a killed server are cleaned up.
 *
 * We run as root, which ignores permission bits: saves are made to fail by replacing the state file's folder
 * with a regular file (ENOTDIR), which no user can write through.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/express-adapter.js';
import { writeFileAtomic } from '../../src/state/state-file.js';
import { startMock, TEST_OPTIONS, type TestMock } from '../support/mock-client.js';
import { DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';

const root = mkdtempSync(join(tmpdir(), 'wapikit-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder for one test, and the state file inside it. */
function place(): { dir: string; file: string } {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  return { dir, file: join(dir, 'state.json') };
}

/** Makes every later save fail: the folder becomes a regular file. */
function breakFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(dir, 'not a folder');
}
function repairFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
}

/** The pid of a process that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

const state = async (m: TestMock) => (await fetch(`${m.url}/__mock/state`)).text();
const notSaved = (file: string) => new RegExp(`^could not save the state to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(ENOTDIR: .*\\): the change was not applied$`);

describe('a write that cannot be saved', () => {
  let m: TestMock;
  let dir: string;
  let file: string;
  const logged: string[] = [];
  beforeEach(async () => {
    ({ dir, file } = place());
    logged.length = 0;
    m = await startMock({ stateFile: file, errorLog: (r) => logged.push(r) });
    // One write that is saved, so the file exists before the folder breaks.
    expect((await m.call('POST', '/organization/tags', { body: { label: 'Saved before' } })).status).toBe(200);
  });
  afterEach(async () => {
    repairFolder(dir);
    await m.close();
  });

  it('answers 500 naming the file, is not applied, and a retry gets the same answer (not "already exists")', async () => {
    const before = await state(m);
    breakFolder(dir);
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await m.call('POST', '/organization/tags', { body: { label: 'Never saved' } });
      expect(r.status).toBe(500);
      expect(r.body).toMatch(notSaved(file));
    }
    const tags = (await m.call<{ tags: Array<{ label: string }> }>('GET', '/organization/tags?page=1&per_page=50')).body.tags.map((t) => t.label);
    expect(tags).toContain('Saved before');
    expect(tags).not.toContain('Never saved');
    expect(JSON.parse(await state(m)).collections).toEqual(JSON.parse(before).collections);
    // The cause is logged, with its stack.
    expect(logged.join('')).toMatch(/could not save the state to .*state\.json[\s\S]*ENOTDIR[\s\S]*\n\s+at /);
    // Once the disk is back, the same write goes through and is saved.
    repairFolder(dir);
    expect((await m.call('POST', '/organization/tags', { body: { label: 'Never saved' } })).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toContain('Never saved');
  });

  it('does not count a message that was not saved (totalMessages stays)', async () => {
    const conv = (await m.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!;
    const read = async () => (await m.call<{ conversation: { totalMessages: number; messages: unknown[] } }>('GET', `/conversation/${conv.uniqueId}`)).body.conversation;
    const before = await read();
    breakFolder(dir);
    const r = await m.call('POST', `/conversation/${conv.uniqueId}/messages`, { body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'lost' } } });
    expect(r.status).toBe(500);
    const after = await read();
    expect(after.totalMessages).toBe(before.totalMessages);
    expect(after.messages).toEqual(before.messages);
  });

  it('still logs in: a request that changes nothing needs no save', async () => {
    breakFolder(dir);
    const r = await m.call('POST', '/auth/login', { body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password }, token: null });
    expect(r.status).toBe(200);
  });

  it('rolls back a reset and an import too, with the same 500', async () => {
    const before = await state(m);
    breakFolder(dir);
    const reset = await fetch(`${m.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(500);
    expect(await reset.json()).toMatch(notSaved(file));
    const edited = JSON.parse(before) as { collections: { tags: unknown[] } };
    edited.collections.tags = [];
    const put = await fetch(`${m.url}/__mock/state`, { method: 'PUT', body: JSON.stringify(edited), headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(500);
    expect(JSON.parse(await state(m)).collections).toEqual(JSON.parse(before).collections);
  });
});

it('a background write (--simulate) that cannot be saved is logged, and does not crash the process', async () => {
  const { dir, file } = place();
  const logged: string[] = [];
  const m = await startMock({ stateFile: file, simulate: true, simulateIntervalMs: 20, errorLog: (r) => logged.push(r) });
  try {
    breakFolder(dir);
    await new Promise((r) => setTimeout(r, 1200));
    // Saves are attempted 250 ms after a background write: several failed, each logged (an uncaught
    // exception in the timer would fail this test file).
    expect(logged.join('').match(/could not save the state to .*state\.json/g)?.length).toBeGreaterThanOrEqual(2);
    expect((await m.call('GET', '/conversations?page=1&per_page=1')).status).toBe(200);
  } finally {
    repairFolder(dir);
    await m.close();
  }
});

describe('at start', () => {
  it('refuses a state file that cannot be written, naming it', () => {
    const { dir } = place();
    writeFileSync(join(dir, 'a-file'), '');
    const file = join(dir, 'a-file', 'state.json');
    expect(() => createMockServer({ ...TEST_OPTIONS, stateFile: file })).toThrow(new RegExp(`^cannot write the state file ${file.replace(/[.]/g, '\\.')}: ENOTDIR`));
  });

  it('refuses a state file another running server holds, and accepts it once that one is closed', async () => {
    const { file } = place();
    const first = await startMock({ stateFile: file });
    try {
      expect(() => createMockServer({ ...TEST_OPTIONS, stateFile: file })).toThrow(`state file ${file} is in use by another wapikit-mock (pid ${process.pid}; lock file ${file}.lock)`);
    } finally {
      await first.close();
    }
    const second = await startMock({ stateFile: file });
    await second.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock left by a server that is gone, and removes temporary files a killed save left', async () => {
    const { dir, file } = place();
    const pid = deadPid();
    writeFileSync(`${file}.lock`, `${pid}\n`);
    writeFileSync(`${file}.${pid}.tmp`, '{"half": ');
    writeFileSync(join(dir, 'other.json.tmp'), 'not ours');
    const m = await startMock({ stateFile: file });
    try {
      expect(readdirSync(dir).sort()).toEqual(['other.json.tmp', 'state.json.lock']);
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    } finally {
      await m.close();
    }
  });
});

describe('the file holds secrets', () => {
  it('is written with mode 0600, whatever the umask', async () => {
    const { file } = place();
    const old = process.umask(0o022);
    try {
      const m = await startMock({ stateFile: file });
      try {
        expect((await m.call('POST', '/organization/tags', { body: { label: 'Secret' } })).status).toBe(200);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      } finally {
        await m.close();
      }
      writeFileSync(`${file}.loose`, 'x', { mode: 0o644 });
      writeFileAtomic(`${file}.loose`, 'y');
      expect(statSync(`${file}.loose`).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('an existing file that others can read is made 0600 at start', async () => {
    const { file } = place();
    const m = await startMock({ stateFile: file });
    expect((await m.call('POST', '/organization/tags', { body: { label: 'Secret' } })).status).toBe(200);
    await m.close();
    chmodSync(file, 0o644);
    const again = await startMock({ stateFile: file });
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await again.close();
    }
  });
});
