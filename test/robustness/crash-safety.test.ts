/**
 * Crash safety of `--state-file`: the CLI runs in a child process, is killed with SIGKILL in the middle of a
 * burst of writes, and is started again on the same file. The file must load, and every write that was
 * acknowledged with a 2xx before the kill must be in it (the mock saves before it acknowledges).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/spec/package-root.js';
import type { components } from '../../src/generated/wapikit.js';

const TOKEN = 'crash-safety-token';
/** Writers sending at the same time. */
const WRITERS = 12;
/** Kill once this many writes were acknowledged. */
const KILL_AFTER = 80;

interface Server {
  child: ChildProcess;
  api: string;
}

const dir = mkdtempSync(join(tmpdir(), 'wapikit-crash-'));
const stateFile = join(dir, 'state.json');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `wapikit-mock serve` on a free port and waits for the line that says where it listens. */
function startCli(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--quiet', '--token', TOKEN, '--state-file', stateFile], {
    cwd: packageRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+?\/api)\s/.exec(out);
      if (m) resolve({ child, api: m[1]! });
    });
    child.once('exit', (code, signal) => reject(new Error(`wapikit-mock exited (${code ?? signal}) before listening: ${err || out}`)));
  });
}

async function call<T>(s: Server, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${s.api}${path}`, {
    method,
    headers: { 'x-access-token': TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

type Schemas = components['schemas'];
type Message = Schemas['MessageSchema'];
type Conversation = Schemas['ConversationSchema'];

describe('--state-file after a SIGKILL in the middle of a burst of writes', { timeout: 120_000 }, () => {
  const acknowledged: Array<{ conversationId: string; message: Message }> = [];
  const closed: string[] = [];
  let sendTargets: string[] = [];
  let closeTargets: string[] = [];
  let attempted = 0;

  it('the first server acknowledges writes until it is killed', async () => {
    const first = await startCli();
    const list = await call<{ conversations: Conversation[] }>(first, 'GET', '/conversations?page=1&per_page=30');
    const ids = list.body.conversations.map((c) => c.uniqueId);
    sendTargets = ids.slice(0, 4);
    closeTargets = ids.slice(4, 30);

    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        attempted += 1;
        try {
          // Every third write closes a conversation (each at most once); the others send a message.
          const target = closeTargets[w + WRITERS * Math.floor(i / 3)];
          if (i % 3 === 2 && target) {
            const r = await call<{ conversation: Conversation }>(first, 'POST', `/conversation/${target}`, { status: 'Closed' });
            if (r.status === 200) closed.push(target);
          } else {
            const conversationId = sendTargets[(w + i) % sendTargets.length]!;
            const r = await call<{ message: Message }>(first, 'POST', `/conversation/${conversationId}/messages`, {
              createdAt: '2026-11-24T12:00:00.000Z',
              messageData: { messageType: 'Text', text: `writer ${w}, write ${i}` },
            });
            if (r.status === 200) acknowledged.push({ conversationId, message: r.body.message });
          }
          if (acknowledged.length + closed.length >= KILL_AFTER && !stop) {
            stop = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return; // the connection died with the server: that write was never acknowledged
        }
      }
    };
    const exited = new Promise((r) => first.child.once('exit', r));
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length + closed.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(attempted, 'writes were still in flight when it was killed').toBeGreaterThan(acknowledged.length + closed.length);
  });

  it('leaves a state file that is whole JSON', () => {
    expect(() => JSON.parse(readFileSync(stateFile, 'utf8'))).not.toThrow();
    // Temporary files of an interrupted save are never mistaken for the state file.
    expect(readdirSync(dir)).toContain('state.json');
  });

  it('a restarted server loads it and holds every acknowledged write', async () => {
    const second = await startCli();
    try {
      // It took over the killed server's lock, and no temporary file of an interrupted save is left.
      expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.lock']);
      expect(readFileSync(`${stateFile}.lock`, 'utf8')).toBe(`${second.child.pid}\n`);
      for (const id of sendTargets) {
        const { status, body } = await call<{ conversation: Conversation }>(second, 'GET', `/conversation/${id}`);
        expect(status).toBe(200);
        const thread = new Map(body.conversation.messages.map((m) => [m.uniqueId, m]));
        const mine = acknowledged.filter((a) => a.conversationId === id);
        for (const { message } of mine) expect(thread.get(message.uniqueId), `acknowledged message ${message.uniqueId}`).toEqual(message);
        expect(body.conversation.totalMessages).toBe(body.conversation.messages.length);
      }
      for (const id of closed) {
        const { body } = await call<{ conversation: Conversation }>(second, 'GET', `/conversation/${id}`);
        expect(body.conversation.status, `conversation ${id} was closed with a 200`).toBe('Closed');
      }
      // And it goes on from there: a new write is acknowledged and saved again.
      const more = await call<{ message: Message }>(second, 'POST', `/conversation/${sendTargets[0]!}/messages`, {
        createdAt: '2026-11-24T12:00:00.000Z',
        messageData: { messageType: 'Text', text: 'after the restart' },
      });
      expect(more.status).toBe(200);
      expect(readFileSync(stateFile, 'utf8')).toContain(more.body.message.uniqueId);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });
});
