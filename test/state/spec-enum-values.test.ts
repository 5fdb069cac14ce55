import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';

type Entry = [string, Record<string, unknown> | Array<Record<string, unknown>>];
interface Snapshot {
  collections: Record<string, Entry[]>;
}

let m: TestMock;
let saved: string;
beforeAll(async () => {
  m = await startMock();
  const conv = (await m.call('GET', '/conversations?page=1&per_page=1')).body.conversations[0];
  const sent = await m.call('POST', `/conversation/${conv.uniqueId}/messages`, {
    body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'A thread the store owns.' } },
  });
  expect(sent.status).toBe(200);
  saved = await (await fetch(`${m.url}/__mock/state`)).text();
});
afterAll(() => m.close());

const put = (body: Snapshot) => fetch(`${m.url}/__mock/state`, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** The saved state with one record changed. */
function edited(collection: string, change: (record: Record<string, unknown>) => void): Snapshot {
  const s = JSON.parse(saved) as Snapshot;
  const value = s.collections[collection]![0]![1];
  change(Array.isArray(value) ? value.at(-1)! : value);
  return s;
}

describe('PUT /__mock/state with a value the spec does not enumerate', () => {
  it.each([
    ['ownThreads', 'messageType', 'Fax', /\.messageType must be one of Text, Image, Video, Audio, Document, Sticker, Location, Contacts, Reaction, Address \(got "Fax"\)/],
    ['ownThreads', 'status', 'Lost', /\.status must be one of Read, Unread, Sent, Delivered, UnDelivered, Failed \(got "Lost"\)/],
    ['conversations', 'status', 'Resolved', /\.status must be one of Active, Closed, Deleted \(got "Resolved"\)/],
    ['contacts', 'status', 'Deleted', /\.status must be one of Active, Inactive, Blocked \(got "Deleted"\)/],
    ['members', 'accessLevel', 'Admin', /\.accessLevel must be one of Owner, Member \(got "Admin"\)/],
    ['roles', 'permissions', ['Get:Campaign', 'Fly:Kites'], /\.permissions\[1\] must be one of Get:OrganizationMember, .* \(got "Fly:Kites"\)/],
  ])('refuses %s.%s = %j with a 400 naming the field, and keeps the state', async (collection, field, value, message) => {
    const r = await put(edited(collection, (record) => (record[field] = value)));
    expect(r.status).toBe(400);
    const body = (await r.json()) as unknown;
    expect(typeof body).toBe('string');
    expect(body).toMatch(/^invalid state snapshot: collections\./);
    expect(body).toMatch(message);
    expect(await (await fetch(`${m.url}/__mock/state`)).text()).toBe(saved);
    expect((await m.call('GET', '/analytics/conversations?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')).status).toBe(200);
  });

  it('still loads the saved state itself', async () => {
    expect((await put(JSON.parse(saved) as Snapshot)).status).toBe(200);
    const loaded = JSON.parse(await (await fetch(`${m.url}/__mock/state`)).text()) as Snapshot;
    expect(loaded.collections).toEqual((JSON.parse(saved) as Snapshot).collections);
  });
});
