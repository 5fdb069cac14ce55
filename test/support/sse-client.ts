import { decode } from '@msgpack/msgpack';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';

export interface Frame {
  event: string;
  data: string;
}

/** A GET as a fetch Response; with a `host` header over node:http, since fetch does not let one be set. */
function get(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  if (headers.host === undefined) return fetch(url, { signal, headers });
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, signal }, (res) => {
      const out = new Headers();
      for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') out.set(name, value);
      resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status: res.statusCode, headers: out }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A real SSE client for `GET /api/events`: `fetch` and a reader over the body, splitting frames at blank lines.
 * `headers` go with the request (e.g. a `host` other than the URL's).
 */
export async function connectEvents(url: string, token: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await get(`${url}/api/events?token=${encodeURIComponent(token)}`, headers, abort.signal);
  const reader = res.body!.getReader();
  const text = new TextDecoder();
  let buffer = '';
  let done = false;

  /** The next frame, or undefined once the server has ended the stream. */
  async function read(): Promise<Frame | undefined> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => raw.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
        return { event: field('event'), data: field('data') };
      }
      if (done) return undefined;
      const chunk = await reader.read();
      if (chunk.done) done = true;
      else buffer += text.decode(chunk.value, { stream: true });
    }
  }

  async function next(): Promise<Frame> {
    const frame = await read();
    if (!frame) throw new Error('the stream ended');
    return frame;
  }

  return {
    res,
    next,
    /** The next frame's payload, decoded: base64 → MessagePack → value. */
    async nextPayload(): Promise<{ event: string; payload: Record<string, unknown> }> {
      const f = await next();
      return { event: f.event, payload: decode(Buffer.from(f.data, 'base64')) as Record<string, unknown> };
    },
    /**
     * Every frame still to come, once the server ends the stream; fails when it has not ended within
     * `withinMs` (nothing else is published meanwhile unless the caller does it).
     */
    async rest(withinMs = 1000): Promise<Frame[]> {
      const frames: Frame[] = [];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the stream was still open after ${withinMs} ms (frames so far: ${frames.map((f) => f.event).join(', ') || 'none'})`)), withinMs);
      });
      try {
        for (;;) {
          const frame = await Promise.race([read(), timeout]);
          if (!frame) return frames;
          frames.push(frame);
        }
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => abort.abort(),
  };
}

export type EventStream = Awaited<ReturnType<typeof connectEvents>>;
