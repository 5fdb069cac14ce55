/**
 * Bulk import at scale: its cost is linear in the rows (whatever the lists and contacts already hold), it has a
 * row cap, the server keeps answering while a large file is imported, and CSV text never reaches a prototype.
 * The time bounds are generous (a shared machine): the code before this file took 10–100× longer.
 */
import { describe, expect, it } from 'vitest';
import { useMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type ApiList = Schemas['ContactListSchema'];

function csvForm(csv: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/** `rows` contacts with distinct valid UK mobile numbers, numbered from `first`. */
function contactsCsv(rows: number, first = 0): string {
  const lines = ['name,phone,attributes'];
  for (let i = first; i < first + rows; i++) lines.push(`Person ${i},+4479${String(i).padStart(8, '0')},"{""n"":${i}}"`);
  return `${lines.join('\n')}\n`;
}

async function total(mock: TestMock): Promise<number> {
  const r = await mock.call<{ paginationMeta: { total: number } }>('GET', '/contacts?page=1&per_page=1');
  expect(r.status).toBe(200);
  return r.body.paginationMeta.total;
}

async function allLists(mock: TestMock): Promise<ApiList[]> {
  const r = await mock.call<{ lists: ApiList[] }>('GET', '/lists?page=1&per_page=100');
  expect(r.status).toBe(200);
  return r.body.lists;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

/** Imports the same 2,000 new contacts into every list of the organization. */
function importIntoEveryList(mock: TestMock, lists: readonly ApiList[]) {
  return mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(2000), { listIds: JSON.stringify(lists.map((l) => l.uniqueId)) }) });
}

describe('bulk import into a large organization', () => {
  // size 20,000: ~26,000 contacts, ~17 lists holding ~50,000 memberships between them.
  const mock = useMock({ size: 20_000 });

  it('imports 2,000 rows into every list in well under 2 s (the cost does not grow with the lists)', async () => {
    const lists = await allLists(mock);
    expect(lists.reduce((n, l) => n + l.numberOfContacts, 0)).toBeGreaterThan(40_000);
    const before = await total(mock);
    const { value: r, ms } = await timed(() => importIntoEveryList(mock, lists));
    expect(r).toMatchObject({ status: 200, body: { message: 'Imported 2000 contacts from 2000 rows' } });
    expect(ms).toBeLessThan(2000);
    expect(await total(mock)).toBe(before + 2000);
    const after = new Map((await allLists(mock)).map((l) => [l.uniqueId, l.numberOfContacts]));
    for (const l of lists) expect(after.get(l.uniqueId)).toBe(l.numberOfContacts + 2000);
  }, 120_000);

  it('skips every row whose phone the organization already has, just as fast', async () => {
    expect((await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(2000)) })).status).toBe(200);
    const { value: r, ms } = await timed(() => mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(2000)) }));
    expect(r).toMatchObject({ status: 200, body: { message: 'Imported 0 contacts from 2000 rows; skipped 2000 contacts whose phone number already exists' } });
    expect(ms).toBeLessThan(2000);
  }, 120_000);

  it('deletes the contacts of a list of thousands in well under 2 s, and they leave every other list', async () => {
    expect((await importIntoEveryList(mock, await allLists(mock))).status).toBe(200);
    const lists = await allLists(mock);
    const largest = lists.reduce((a, b) => (b.numberOfContacts > a.numberOfContacts ? b : a));
    expect(largest.numberOfContacts).toBeGreaterThan(5000);
    const before = await total(mock);
    const { value: r, ms } = await timed(() => mock.call('DELETE', `/contacts?id=${largest.uniqueId}`));
    expect(r).toMatchObject({ status: 200, body: { data: true } });
    expect(ms).toBeLessThan(2000);
    expect(await total(mock)).toBe(before - largest.numberOfContacts);
    // Every list lost the imported 2,000 (they were in all of them); no list counts a deleted contact.
    for (const l of await allLists(mock)) {
      const was = lists.find((x) => x.uniqueId === l.uniqueId)!;
      expect(l.numberOfContacts).toBeLessThanOrEqual(was.numberOfContacts - (l.uniqueId === largest.uniqueId ? was.numberOfContacts : 2000));
    }
  }, 120_000);
});

describe('bulk import limits and responsiveness', () => {
  const mock = useMock();

  it('refuses a file of more than 50,000 rows with a 413 naming the cap and the row count, importing nothing', async () => {
    const before = await total(mock);
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(50_001)) });
    expect(r).toMatchObject({ status: 413, body: "form field 'file' has 50001 contact rows; an import takes at most 50000 (split the file)" });
    expect(await total(mock)).toBe(before);
  }, 120_000);

  it('keeps answering the health check while it imports 20,000 rows into a list (each within 1 s, where it used to wait for the whole import)', async () => {
    const created = await mock.call<{ list: ApiList }>('POST', '/lists', { body: { name: 'Big import', tags: [] } });
    const listId = created.body.list.uniqueId;
    const before = await total(mock);
    let done = false;
    const upload = mock
      .call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(20_000, 100_000), { listIds: JSON.stringify([listId]) }) })
      .finally(() => (done = true));
    let worst = 0;
    let answered = 0;
    while (!done) {
      const { value: h, ms } = await timed(() => mock.call('GET', '/health-check', { token: null }));
      expect(h.status).toBe(200);
      worst = Math.max(worst, ms);
      answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await upload).toMatchObject({ status: 200, body: { message: 'Imported 20000 contacts from 20000 rows' } });
    expect(answered).toBeGreaterThan(1);
    expect(worst).toBeLessThan(1000);
    expect(await total(mock)).toBe(before + 20_000);
    expect((await mock.call<{ list: ApiList }>('GET', `/lists/${listId}`)).body.list.numberOfContacts).toBe(20_000);
  }, 120_000);

  it('applies an import as one step: a list deleted while the file is read makes it change nothing', async () => {
    const created = await mock.call<{ list: ApiList }>('POST', '/lists', { body: { name: 'Vanishing', tags: [] } });
    const listId = created.body.list.uniqueId;
    const before = await total(mock);
    const upload = mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(contactsCsv(20_000, 200_000), { listIds: JSON.stringify([listId]) }) });
    // Let the upload arrive and start, then delete its list before it is applied.
    await new Promise((r) => setTimeout(r, 5));
    const del = await mock.call('DELETE', `/lists/${listId}`);
    expect(del.status).toBe(200);
    const r = await upload;
    if (r.status === 200) {
      // The import was applied before the delete arrived: every contact is there (and their list is gone).
      expect(await total(mock)).toBe(before + 20_000);
    } else {
      expect(r).toMatchObject({ status: 400, body: `form field 'listIds' item 0 must be the id of a contact list of this organization (got '${listId}')` });
      expect(await total(mock)).toBe(before);
    }
  }, 120_000);

  it('takes a delimiter outside the Basic Multilingual Plane (one character, two UTF-16 units)', async () => {
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm('name😀phone\nEmoji Person😀+14155550179\n', { delimiter: '😀' }) });
    expect(r).toMatchObject({ status: 200, body: { message: 'Imported 1 contact from 1 row' } });
  });

  it('treats CSV headers and attribute keys named like Object.prototype members as plain text', async () => {
    const csv = [
      '__proto__,constructor,toString',
      'Proto Person,+14155550177,"{""__proto__"":{""polluted"":true},""constructor"":""c"",""toString"":""t"",""hasOwnProperty"":1}"',
      '"constructor","+14155550178",',
    ].join('\n');
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(csv) });
    expect(r).toMatchObject({ status: 200, body: { message: 'Imported 2 contacts from 2 rows' } });
    const list = await mock.call<{ contacts: Array<{ name: string; phone: string; attributes: Record<string, unknown> }> }>('GET', '/contacts?page=1&per_page=2&order=desc');
    const byPhone = new Map(list.body.contacts.map((c) => [c.phone, c]));
    const proto = byPhone.get('14155550177')!;
    expect(Object.keys(proto.attributes).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(Object.getOwnPropertyDescriptor(proto.attributes, '__proto__')?.value).toEqual({ polluted: true });
    expect(byPhone.get('14155550178')?.name).toBe('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses attributes nested deeper than the JSON depth limit, naming the line, and imports nothing', async () => {
    const before = await total(mock);
    const deep = `${'{""a"":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(`name,phone,attributes\nDeep,+14155550179,"${deep}"\n`) });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/line 2: attributes is nested deeper than the 64 levels/);
    expect(await total(mock)).toBe(before);
    // The contacts and the state export stay readable.
    expect((await mock.call('GET', '/contacts?page=1&per_page=5')).status).toBe(200);
    expect((await fetch(`${mock.url}/__mock/state`)).status).toBe(200);
  });

  it('keeps an attribute named __proto__ through a state export and import', async () => {
    const csv = 'name,phone,attributes\nProto Saved,+14155550180,"{""__proto__"":{""kept"":true}}"\n';
    expect((await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(csv) })).status).toBe(200);
    const snapshot = await (await fetch(`${mock.url}/__mock/state`)).text();
    expect(snapshot.includes('"__proto__":{"kept":true}'), 'the snapshot lost the __proto__ attribute').toBe(true);
    mock.app.mock.reset();
    const put = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: snapshot });
    expect(put.status).toBe(200);
    const stored = [...mock.app.mock.store.contacts.values()].find((c) => c.name === 'Proto Saved')!;
    expect(Object.getOwnPropertyDescriptor(stored.attributes, '__proto__')?.value).toEqual({ kept: true });
    expect(Object.getPrototypeOf(stored.attributes)).toBe(Object.prototype);
  });
});

describe('the phone index behind duplicate checks', () => {
  const mock = useMock();
  const importOne = (phone: string) => mock.call<{ message: string }>('POST', '/contacts/bulk-import', { rawBody: csvForm(`name,phone\nSomeone,${phone}\n`) });
  const SKIPPED = 'Imported 0 contacts from 1 row; skipped 1 contact whose phone number already exists';

  it('follows a phone number change: the old number is free again, the new one is taken', async () => {
    expect((await importOne('+14155550181')).body.message).toBe('Imported 1 contact from 1 row');
    const page = await mock.call<{ contacts: Array<{ uniqueId: string; phone: string }> }>('GET', '/contacts?page=1&per_page=1');
    const c = page.body.contacts[0]!;
    expect(c.phone).toBe('14155550181');
    const upd = await mock.call('POST', `/contacts/${c.uniqueId}`, { body: { name: 'Renumbered', phone: '+14155550182', status: 'Active', attributes: {}, lists: [] } });
    expect(upd.status).toBe(200);
    expect((await importOne('+14155550182')).body.message).toBe(SKIPPED);
    expect((await importOne('+14155550181')).body.message).toBe('Imported 1 contact from 1 row');
  });

  it('follows deletes and a state restore', async () => {
    expect((await importOne('+14155550183')).body.message).toBe('Imported 1 contact from 1 row');
    const saved = await (await fetch(`${mock.url}/__mock/state`)).text();
    const c = (await mock.call<{ contacts: Array<{ uniqueId: string }> }>('GET', '/contacts?page=1&per_page=1')).body.contacts[0]!;
    expect((await mock.call('DELETE', `/contacts/${c.uniqueId}`)).status).toBe(200);
    expect((await importOne('+14155550183')).body.message).toBe('Imported 1 contact from 1 row');
    // The restored state has the first contact again, so the number is taken.
    const put = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', body: saved, headers: { 'content-type': 'application/json' } });
    expect(put.status).toBe(200);
    expect((await importOne('+14155550183')).body.message).toBe(SKIPPED);
  });
});
