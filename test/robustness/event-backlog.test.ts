/**
 * Event streams whose clients never read: each stream's unsent backlog is bounded, and a stream past the
 * bound is dropped (unsubscribed, its queue freed) while a client that reads keeps every event.
 */
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import { connectEvents } from '../support/sse-client.js';

const BACKLOG = 256 * 1024;
const mock = useMock({ streamBacklogBytes: BACKLOG });

/** A raw HTTP client of `/api/events` that sends its request, then never reads (its socket is paused). */
function stalledStream(port: number, token: string) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(`GET /api/events?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  socket.pause();
  /** Once resumed: every byte that had reached the client, until the server's end of the connection. */
  const drain = () =>
    new Promise<number>((resolve) => {
      let bytes = 0;
      socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
      socket.on('close', () => resolve(bytes));
      socket.resume();
    });
  return { socket, drain };
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap and external memory of this process (the mock runs in it) after a full collection, in MB. */
function memoryMb(): number {
  gc();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.external) / 1048576);
}

async function until(what: string, test: () => boolean, withinMs = 10_000): Promise<void> {
  for (const start = Date.now(); !test(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > withinMs) throw new Error(`timed out waiting until ${what}`);
  }
}

describe('a stream whose client never reads', () => {
  it('is dropped past the backlog bound; a client that reads gets every event; subscriptions return to zero', async () => {
    const hub = () => mock.app.mock.store.events;
    const before = hub().size;
    const startMb = memoryMb();
    const port = Number(new URL(mock.url).port);
    const stalled = Array.from({ length: 4 }, () => stalledStream(port, mock.token));
    const reader = await connectEvents(mock.url, mock.token);
    try {
      expect(await reader.next()).toEqual({ event: 'connected', data: 'OK' });
      await until('every stream is subscribed', () => hub().size === before + 5);

      const conversations = (await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=5')).body.conversations;
      const text = 'x'.repeat(60 * 1024);
      const sent = 150; // about 12 MB of frames per stream: more than the loopback socket buffers can hold
      let frameBytes = 0;
      for (let i = 0; i < sent; i++) {
        const c = conversations[i % conversations.length]!;
        const res = await mock.call('POST', `/conversation/${c.uniqueId}/messages`, {
          body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text: `${i} ${text}` } },
        });
        expect(res.status).toBe(200);
        const frame = await reader.next();
        expect(frame.event).toBe('NewMessage');
        frameBytes += frame.data.length;
      }

      // Only the reading stream is still subscribed: the four stalled ones were dropped on the way.
      await until('the stalled streams are dropped', () => hub().size === before + 1);
      const sentMb = memoryMb();
      // What reached each stalled client is a bounded part of what was sent, and then the connection ended.
      const received = await Promise.all(stalled.map((s) => s.drain()));
      for (const bytes of received) expect(bytes).toBeLessThan(frameBytes);
      reader.close();
      await until('the reader is unsubscribed', () => hub().size === before);
      console.log(
        `backlog bound ${BACKLOG} B; sent ${sent} frames, ${(frameBytes / 1048576).toFixed(1)} MB per stream; each stalled client had received ` +
          `${received.map((b) => (b / 1048576).toFixed(1)).join(', ')} MB when dropped; heap+external ${startMb} MB at start, ${sentMb} MB after the sends, ${memoryMb()} MB at the end`,
      );
    } finally {
      reader.close();
      for (const s of stalled) s.socket.destroy();
    }
  });
});
