import { describe, expect, it } from 'vitest';
import { jsonResponse, serializeReply } from './serialize.js';

describe('serializeReply', () => {
  it('writes JSON with a trailing newline and the reply headers', () => {
    expect(serializeReply({ status: 200, body: { a: 1 }, headers: { 'X-RateLimit-Limit': '60' } }, 'http://mock.test')).toEqual({
      status: 200,
      headers: { 'X-RateLimit-Limit': '60', 'Content-Type': 'application/json' },
      body: '{"a":1}\n',
    });
    expect(jsonResponse(400, 'bad')).toMatchObject({ body: '"bad"\n' });
  });

  it('passes raw bytes and streams through with their content type', () => {
    const raw = new Uint8Array([1, 2]);
    expect(serializeReply({ status: 200, raw, contentType: 'image/png' }, 'http://mock.test')).toEqual({ status: 200, headers: { 'Content-Type': 'image/png' }, body: raw });
    const stream = () => {};
    expect(serializeReply({ status: 200, stream, contentType: 'text/event-stream' }, 'http://mock.test')).toMatchObject({ headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' }, stream });
  });
});
