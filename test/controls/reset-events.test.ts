import { decode } from '@msgpack/msgpack';
import { expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';

const mock = useMock();

it('tells open event streams to reload when the state is reset, then ends them', async () => {
  const res = await fetch(`${mock.url}/api/events?token=${mock.token}`);
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  const readUntil = async (marker: string) => {
    while (!text.includes(marker)) {
      const { value, done } = await reader.read();
      if (done) return true;
      text += Buffer.from(value).toString('utf8');
    }
    return false;
  };
  await readUntil('event: connected');
  expect((await fetch(`${mock.url}/__mock/reset`, { method: 'POST' })).status).toBeLessThan(300);
  await readUntil('event: ReloadRequired');
  const frame = text.split('\n\n').find((f) => f.startsWith('event: ReloadRequired'))!;
  const data = frame.split('\n').find((l) => l.startsWith('data: '))!.slice(6);
  expect(decode(Buffer.from(data, 'base64'))).toEqual({ isReloadRequired: true });
  // The stream ends after the frame: the next read reports done.
  expect(await readUntil('never')).toBe(true);
  // A new connection follows the fresh store.
  const again = await fetch(`${mock.url}/api/events?token=${mock.token}`);
  expect(again.status).toBe(200);
  await again.body!.cancel();
});

it('refuses a malformed Prefer with a 400 even where the operation documents no 400 (strict mode included)', async () => {
  // A raw fetch: this 400 is about the mock's own controls, outside the API contract the shared helper checks.
  const r = await fetch(`${mock.url}/api/health-check`, { headers: { prefer: 'code=40' } });
  expect(r.status).toBe(400);
  expect(await r.json()).toBe("Prefer: code must be an HTTP status such as 404 (got '40')");
});
