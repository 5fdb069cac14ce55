import { afterEach, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';

const started: TestMock[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.close()));
});

async function mockWith(seed: number): Promise<TestMock> {
  const m = await startMock({ seed });
  started.push(m);
  return m;
}

/** A scripted sequence of writes, chosen from what the server shows (so it is the same for the same world). */
async function script(m: TestMock): Promise<string[]> {
  const out: string[] = [];
  const list = await m.call<{ conversations: Array<{ uniqueId: string; numberOfUnreadMessages: number }> }>('GET', '/conversations?page=1&per_page=10');
  const [a, b, c, d] = list.body.conversations;
  const member = [...m.app.mock.store.members.values()].find((x) => x.organizationId === m.app.mock.world.mainOrganizationId && x.accessLevel === 'Member')!;
  const writes: Array<[string, string, unknown?]> = [
    ['POST', `/conversation/${a!.uniqueId}/messages`, { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'On its way!' } }],
    ['POST', `/conversation/${b!.uniqueId}/read`],
    ['POST', `/conversation/${c!.uniqueId}/assign`, { organizationMemberId: member.uniqueId }],
    ['POST', `/conversation/${c!.uniqueId}`, { status: 'Closed' }],
    ['DELETE', `/conversation/${d!.uniqueId}`],
    ['POST', `/conversation/${b!.uniqueId}/messages`, { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Location', latitude: 19.07, longitude: 72.87, name: 'Pickup point' } }],
  ];
  for (const [method, path, body] of writes) out.push((await m.call(method, path, body === undefined ? {} : { body })).text);
  for (const path of ['/conversations?page=1&per_page=50', '/conversations?page=1&per_page=50&status=Closed', `/conversation/${a!.uniqueId}`, `/conversation/${b!.uniqueId}`, '/messages?page=1&per_page=30']) {
    out.push((await m.call('GET', path)).text);
  }
  // Media links are absolute URLs on the server's own origin; the two servers listen on different ports.
  return out.map((text) => text.replaceAll(m.url, 'http://origin'));
}

describe('repeatability', () => {
  it('gives byte-identical responses for the same seed and now, before and after the same writes', async () => {
    const [x, y] = [await mockWith(11), await mockWith(11)];
    // Media links are absolute URLs on the server's own origin; the two servers listen on different ports.
    const bytes = async (m: TestMock, path: string) => (await m.call('GET', path)).text.replaceAll(m.url, 'http://origin');
    for (const path of ['/conversations?page=1&per_page=50', '/conversations?page=3&per_page=10&order=asc']) {
      expect(await bytes(x, path)).toBe(await bytes(y, path));
    }
    const first = (await x.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!.uniqueId;
    expect(await bytes(x, `/conversation/${first}`)).toBe(await bytes(y, `/conversation/${first}`));
    expect(x.token).toBe(y.token);
    const [sx, sy] = [await script(x), await script(y)];
    sx.forEach((text, i) => expect(text, `response ${i} of the script`).toBe(sy[i]));
  });

  it('gives different data for a different seed', async () => {
    const [x, y] = [await mockWith(11), await mockWith(12)];
    const path = '/conversations?page=1&per_page=20';
    expect((await x.call('GET', path)).text).not.toBe((await y.call('GET', path)).text);
  });
});
