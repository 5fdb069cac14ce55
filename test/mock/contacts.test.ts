import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type ApiList = Schemas['ContactListSchema'];
type ApiContact = Schemas['ContactSchema'];
type Page = Schemas['GetContactsResponseSchema'];

const mock = useMock();

const newContact = (phone: string, extra: Record<string, unknown> = {}) => ({ name: 'Test Person', phone, status: 'Active', attributes: {}, listsIds: [], ...extra });

async function total(query = ''): Promise<number> {
  const r = await mock.call<Page>('GET', `/contacts?page=1&per_page=1${query}`);
  expect(r.status).toBe(200);
  return r.body.paginationMeta.total;
}

async function allContacts(query = ''): Promise<ApiContact[]> {
  const out: ApiContact[] = [];
  for (let page = 1; ; page++) {
    const r = await mock.call<Page>('GET', `/contacts?page=${page}&per_page=50${query}`);
    out.push(...r.body.contacts);
    if (out.length >= r.body.paginationMeta.total || r.body.contacts.length === 0) return out;
  }
}

async function findByPhone(phone: string): Promise<ApiContact | undefined> {
  return (await allContacts()).find((c) => c.phone === phone);
}

async function firstList(): Promise<ApiList> {
  return (await mock.call<{ lists: ApiList[] }>('GET', '/lists?page=1&per_page=1')).body.lists[0]!;
}

describe('POST /contacts: phone numbers', () => {
  it.each([
    ['a US number with +', '+14155550123', '14155550123'],
    ['an Indian number without +', '919876543210', '919876543210'],
    ['a UK mobile', '+447700900123', '447700900123'],
    ['a Brazilian mobile (11 digits)', '+5511987654321', '5511987654321'],
    ['a Nigerian mobile', '+2348031234567', '2348031234567'],
    ['a German mobile', '+4915123456789', '4915123456789'],
  ])('accepts %s and stores it as digits', async (_name, input, stored) => {
    const r = await mock.call('POST', '/contacts', { body: [newContact(input)] });
    expect(r).toMatchObject({ status: 200, body: { message: 'Successfully created 1 contact' } });
    expect((await findByPhone(stored))?.phone).toBe(stored);
  });

  it.each([
    ['a US number one digit short', '+1415555012', "request body field '[2].phone' is not a valid phone number: numbers of country code +1 have 10 digits after it, this one has 9 (got '+1415555012')"],
    ['an Indian number one digit long', '+9198765432101', "request body field '[2].phone' is not a valid phone number: numbers of country code +91 have 10 digits after it, this one has 11 (got '+9198765432101')"],
    ['an unknown country code', '+99912345678', "request body field '[2].phone' is not a valid phone number: its country calling code is unknown (got '+99912345678')"],
    ['a US area code starting with 1', '+11235550123', "request body field '[2].phone' is not a valid phone number: North American area codes and exchanges cannot start with 0 or 1 (got '+11235550123')"],
    ['a national trunk 0 after the country code', '+440770090012', "request body field '[2].phone' is not a valid phone number: the number after country code +44 cannot start with 0 (got '+440770090012')"],
    ['spaces (refused by the spec pattern)', '+91 98765 43210', "request body field '[2].phone' must be a string matching ^\\+?[1-9][0-9]{7,14}$ (got '+91 98765 43210')"],
  ])('rejects %s with a 400 naming the item, and creates nothing', async (_name, phone, message) => {
    const before = await total();
    const r = await mock.call('POST', '/contacts', { body: [newContact('+12125550101'), newContact('+12125550102'), newContact(phone)] });
    expect(r).toMatchObject({ status: 400, body: message });
    expect(await total()).toBe(before);
    expect(await findByPhone('12125550101')).toBeUndefined();
  });
});

describe('POST /contacts: duplicates, status, lists', () => {
  it('skips phones the organization has and repeats inside the batch, and says how many it created', async () => {
    const existing = (await allContacts())[0]!;
    const before = await total();
    const r = await mock.call('POST', '/contacts', {
      body: [newContact('+13125550177'), newContact('13125550177'), newContact(`+${existing.phone}`), newContact('+13125550178')],
    });
    expect(r).toMatchObject({ status: 200, body: { message: 'Successfully created 2 contacts; skipped 2 contacts whose phone number already exists' } });
    expect(await total()).toBe(before + 2);
    const again = await mock.call('POST', '/contacts', { body: [newContact('+13125550177')] });
    expect(again.body).toEqual({ message: 'Successfully created 0 contacts; skipped 1 contact whose phone number already exists' });
    expect(await total()).toBe(before + 2);
  });

  it('keeps the status, the attributes and the lists it was given', async () => {
    const list = await firstList();
    const r = await mock.call('POST', '/contacts', {
      body: [newContact('+12065550143', { name: 'Blocked Person', status: 'Blocked', attributes: { city: 'Seattle', orders: 3, tags: ['a'] }, listsIds: [list.uniqueId] })],
    });
    expect(r.status).toBe(200);
    const c = (await findByPhone('12065550143'))!;
    expect(c).toMatchObject({ name: 'Blocked Person', status: 'Blocked', attributes: { city: 'Seattle', orders: 3, tags: ['a'] } });
    expect(c.lists.map((l) => l.uniqueId)).toEqual([list.uniqueId]);
    expect((await allContacts(`&list_id=${list.uniqueId}`)).some((x) => x.uniqueId === c.uniqueId)).toBe(true);
    expect((await allContacts('&status=Blocked')).map((x) => x.uniqueId)).toContain(c.uniqueId);
  });

  it('rejects an unknown list, naming the item', async () => {
    const before = await total();
    const r = await mock.call('POST', '/contacts', { body: [newContact('+12065550199', { listsIds: ['6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6'] })] });
    expect(r).toMatchObject({ status: 400, body: "request body field '[0].listsIds[0]' must be the id of a contact list of this organization (got '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6')" });
    expect(await total()).toBe(before);
  });
});

describe('GET /contacts', () => {
  it('pages newest first by default, oldest first with order=asc, with an exact total', async () => {
    const all = await allContacts();
    expect(all.length).toBe(await total());
    expect(new Set(all.map((c) => c.uniqueId)).size).toBe(all.length);
    const times = all.map((c) => c.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const asc = await allContacts('&order=asc');
    expect(asc.map((c) => c.uniqueId)).toEqual([...all].reverse().map((c) => c.uniqueId));
  });

  it.each(['Active', 'Inactive', 'Blocked'])('filters by status %s', async (status) => {
    const all = await allContacts();
    const filtered = await allContacts(`&status=${status}`);
    expect(filtered.every((c) => c.status === status)).toBe(true);
    expect(filtered.length).toBe(all.filter((c) => c.status === status).length);
  });

  it('rejects per_page above 50 as the server does', async () => {
    expect(await mock.call('GET', '/contacts?page=1&per_page=51')).toMatchObject({ status: 400, body: "query parameter 'per_page' must be at most 50 (got 51)" });
  });
});

describe('one contact', () => {
  it('shows its lists and its conversations with their messages', async () => {
    const store = mock.app.mock.store;
    const withConversation = [...store.contacts.values()].find((c) => c.organizationId === mock.app.mock.world.mainOrganizationId && store.conversationsOfContact(c.uniqueId).length > 0)!;
    const r = await mock.call<{ contact: ApiContact }>('GET', `/contacts/${withConversation.uniqueId}`);
    expect(r.status).toBe(200);
    const ids = store.conversationsOfContact(withConversation.uniqueId);
    expect(r.body.contact.conversations!.map((c) => c.uniqueId).sort()).toEqual([...ids].sort());
    for (const c of r.body.contact.conversations!) {
      expect(c.contactId).toBe(withConversation.uniqueId);
      expect(c.messages.length).toBe(store.conversations.get(c.uniqueId)!.messageCount);
    }
  });

  it('updates fields, normalises the phone, replaces the lists', async () => {
    const lists = (await mock.call<{ lists: ApiList[] }>('GET', '/lists?page=1&per_page=3')).body.lists;
    await mock.call('POST', '/contacts', { body: [newContact('+13055550111', { listsIds: [lists[0]!.uniqueId] })] });
    const c = (await findByPhone('13055550111'))!;
    const r = await mock.call<{ contact: ApiContact }>('POST', `/contacts/${c.uniqueId}`, {
      body: { name: 'Renamed', status: 'Inactive', phone: '+13055550112', attributes: { vip: true }, lists: [lists[1]!.uniqueId, lists[2]!.uniqueId] },
    });
    expect(r.status).toBe(200);
    expect(r.body.contact).toMatchObject({ uniqueId: c.uniqueId, name: 'Renamed', status: 'Inactive', phone: '13055550112', attributes: { vip: true } });
    expect(r.body.contact.lists.map((l) => l.uniqueId).sort()).toEqual([lists[1]!.uniqueId, lists[2]!.uniqueId].sort());
    const detail = (await mock.call<{ contact: ApiContact }>('GET', `/contacts/${c.uniqueId}`)).body.contact;
    expect(detail.lists.map((l) => l.uniqueId).sort()).toEqual([lists[1]!.uniqueId, lists[2]!.uniqueId].sort());
  });

  it('refuses a phone another contact has, and changes nothing', async () => {
    const [a, b] = await allContacts();
    const before = (await mock.call('GET', `/contacts/${a!.uniqueId}`)).text;
    const r = await mock.call('POST', `/contacts/${a!.uniqueId}`, { body: { name: 'X', status: 'Active', phone: b!.phone, attributes: {}, lists: [] } });
    expect(r.status).toBe(400);
    expect(r.body).toBe(`request body field 'phone': another contact of this organization (${b!.uniqueId}) has the phone number ${b!.phone}`);
    expect((await mock.call('GET', `/contacts/${a!.uniqueId}`)).text).toBe(before);
  });

  it.each([
    ['GET', undefined],
    ['POST', { name: 'X', status: 'Active', phone: '+14155550123', attributes: {}, lists: [] }],
    ['DELETE', undefined],
  ])('answers %s of an unknown contact with 404', async (method, body) => {
    const r = await mock.call(method, '/contacts/6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6', body ? { body } : {});
    expect(r).toMatchObject({ status: 404, body: 'Contact not found' });
  });

  it('deletes a contact', async () => {
    await mock.call('POST', '/contacts', { body: [newContact('+13055550199')] });
    const c = (await findByPhone('13055550199'))!;
    const before = await total();
    expect((await mock.call('DELETE', `/contacts/${c.uniqueId}`)).body).toEqual({ data: true });
    expect(await total()).toBe(before - 1);
    expect((await mock.call('GET', `/contacts/${c.uniqueId}`)).status).toBe(404);
  });
});

function csvForm(csv: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe('POST /contacts/bulk-import', () => {
  it('imports good rows into the chosen lists, skips duplicates and reports bad rows by line', async () => {
    const list = await firstList();
    const existing = (await allContacts())[0]!;
    const csv = [
      'name,phone,attributes',
      'Asha Rao,+919812345670,"{""city"":""Pune"",""plan"":""gold""}"',
      'Ben Carter,14155550901,',
      `Already Here,${existing.phone},`,
      'Bad Phone,12345,',
      'Bad Attributes,+14155550902,not-json',
      'Ben Again,+14155550901,{}',
      '',
      'Chloe Martin,+447700900456',
    ].join('\r\n');
    const before = await total();
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(csv, { listIds: JSON.stringify([list.uniqueId]) }) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      message:
        "Imported 3 contacts from 7 rows; skipped 2 contacts whose phone number already exists; rejected 2 rows: line 5: '12345' is not a valid phone number: numbers of country code +1 have 10 digits after it, this one has 4; line 6: attributes must be a JSON object, e.g. {\"city\":\"Pune\"}",
    });
    expect(await total()).toBe(before + 3);
    const asha = (await findByPhone('919812345670'))!;
    expect(asha).toMatchObject({ name: 'Asha Rao', status: 'Active', attributes: { city: 'Pune', plan: 'gold' } });
    expect(asha.lists.map((l) => l.uniqueId)).toEqual([list.uniqueId]);
    expect((await findByPhone('447700900456'))?.name).toBe('Chloe Martin');
  });

  it('takes another delimiter', async () => {
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm('name;phone;attributes\nDora Silva;+5521987650011;{"city":"Rio"}\n', { delimiter: ';' }) });
    expect(r).toMatchObject({ status: 200, body: { message: 'Imported 1 contact from 1 row' } });
    expect((await findByPhone('5521987650011'))?.attributes).toEqual({ city: 'Rio' });
  });

  it.each([
    ['a file with only a header', 'name,phone,attributes\n', {}, "form field 'file' must be a CSV file with a header row and at least one contact (columns: name, phone, attributes)"],
    ['a file whose rows are all bad', 'name,phone\nX,99912345678\nY,\n', {}, "form field 'file' has no valid contact row: line 2: '99912345678' is not a valid phone number: its country calling code is unknown; line 3: phone is missing"],
    ['an unclosed quote', 'name,phone\n"Eve,+14155550903\n', {}, "form field 'file': the quoted field that starts on line 2 is never closed"],
    ['a two-character delimiter', 'name,phone\nEve,+14155550903\n', { delimiter: '::' }, "form field 'delimiter' must be a string matching ^[^\"\\r\\n]$ (got '::')"],
    ['listIds that is not JSON', 'name,phone\nEve,+14155550903\n', { listIds: 'abc' }, `form field 'listIds' must be a JSON array of list ids, e.g. ["<uuid>"] (got 'abc')`],
    ['an unknown list', 'name,phone\nEve,+14155550903\n', { listIds: '["6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6"]' }, "form field 'listIds' item 0 must be the id of a contact list of this organization (got '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6')"],
  ])('rejects %s with a 400, importing nothing', async (_name, csv, fields, message) => {
    const before = await total();
    const r = await mock.call('POST', '/contacts/bulk-import', { rawBody: csvForm(csv, fields) });
    expect(r).toMatchObject({ status: 400, body: message });
    expect(await total()).toBe(before);
  });

  it('requires the file part', async () => {
    const form = new FormData();
    form.append('delimiter', ',');
    expect(await mock.call('POST', '/contacts/bulk-import', { rawBody: form })).toMatchObject({ status: 400, body: "form field 'file' is required" });
  });
});

describe('DELETE /contacts?id=<list>', () => {
  it('deletes every contact of the list and nothing else', async () => {
    const create = await mock.call<{ list: ApiList }>('POST', '/lists', { body: { name: 'To purge', tags: [] } });
    const listId = create.body.list.uniqueId;
    await mock.call('POST', '/contacts', { body: ['+17135550101', '+17135550102', '+17135550103'].map((p) => newContact(p, { listsIds: [listId] })) });
    expect(await total(`&list_id=${listId}`)).toBe(3);
    const before = await total();
    expect((await mock.call('DELETE', `/contacts?id=${listId}`)).body).toEqual({ data: true });
    expect(await total()).toBe(before - 3);
    expect(await total(`&list_id=${listId}`)).toBe(0);
    expect((await mock.call<{ list: ApiList }>('GET', `/lists/${listId}`)).body.list.numberOfContacts).toBe(0);
  });

  it('refuses an unknown list', async () => {
    const r = await mock.call('DELETE', '/contacts?id=6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6');
    expect(r).toMatchObject({ status: 400, body: "query parameter 'id' must be the id of a contact list of this organization (got '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6')" });
  });
});
