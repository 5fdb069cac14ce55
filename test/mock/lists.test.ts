import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type ApiList = Schemas['ContactListSchema'];
type ApiCampaign = Schemas['CampaignSchema'];

const mock = useMock();

const UNKNOWN = '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6';

async function allLists(): Promise<ApiList[]> {
  const r = await mock.call<{ lists: ApiList[]; paginationMeta: { total: number } }>('GET', '/lists?page=1&per_page=500');
  expect(r.body.lists.length).toBe(r.body.paginationMeta.total);
  return r.body.lists;
}

async function contactTotal(listId: string): Promise<number> {
  return (await mock.call<{ paginationMeta: { total: number } }>('GET', `/contacts?page=1&per_page=1&list_id=${listId}`)).body.paginationMeta.total;
}

async function tagIds(n: number): Promise<string[]> {
  const tags = (await mock.call<{ tags: Array<{ uniqueId: string }> }>('GET', '/organization/tags?page=1&per_page=50')).body.tags;
  expect(tags.length).toBeGreaterThanOrEqual(n);
  return tags.slice(0, n).map((t) => t.uniqueId);
}

describe('list counts', () => {
  it('numberOfContacts equals GET /contacts?list_id= total, for every list, on the list and on the detail', async () => {
    const lists = await allLists();
    expect(lists.length).toBeGreaterThan(3);
    for (const l of lists) {
      const total = await contactTotal(l.uniqueId);
      expect(l.numberOfContacts, l.name).toBe(total);
      expect((await mock.call<{ list: ApiList }>('GET', `/lists/${l.uniqueId}`)).body.list.numberOfContacts).toBe(total);
    }
  });

  it('numberOfCampaignsSent counts the campaigns that started sending to the list', async () => {
    const campaigns = (await mock.call<{ campaigns: ApiCampaign[] }>('GET', '/campaigns?page=1&per_page=500')).body.campaigns;
    expect(campaigns.some((k) => k.sentAt)).toBe(true);
    for (const l of await allLists()) {
      const expected = campaigns.filter((k) => k.sentAt !== undefined && k.lists.some((x) => x.uniqueId === l.uniqueId)).length;
      expect(l.numberOfCampaignsSent, l.name).toBe(expected);
    }
  });

  it('follows contact writes: create, move, delete', async () => {
    const [a, b] = await allLists();
    const before = [a!.numberOfContacts, b!.numberOfContacts];
    await mock.call('POST', '/contacts', { body: [{ name: 'Mover', phone: '+12135550177', status: 'Active', attributes: {}, listsIds: [a!.uniqueId] }] });
    const mover = mock.app.mock.store;
    const id = [...mover.contacts.values()].find((c) => c.phone === '12135550177')!.uniqueId;
    expect(await contactTotal(a!.uniqueId)).toBe(before[0]! + 1);
    await mock.call('POST', `/contacts/${id}`, { body: { name: 'Mover', status: 'Active', phone: '12135550177', attributes: {}, lists: [b!.uniqueId] } });
    const moved = await allLists();
    expect(moved.find((l) => l.uniqueId === a!.uniqueId)!.numberOfContacts).toBe(before[0]);
    expect(moved.find((l) => l.uniqueId === b!.uniqueId)!.numberOfContacts).toBe(before[1]! + 1);
    await mock.call('DELETE', `/contacts/${id}`);
    expect((await allLists()).find((l) => l.uniqueId === b!.uniqueId)!.numberOfContacts).toBe(before[1]);
  });
});

describe('list CRUD', () => {
  it('creates a list with tags and contacts, reads, updates and deletes it', async () => {
    const [t1, t2] = await tagIds(2);
    const contacts = (await mock.call<{ contacts: Array<{ uniqueId: string }> }>('GET', '/contacts?page=1&per_page=3')).body.contacts.map((c) => c.uniqueId);
    const created = await mock.call<{ list: ApiList }>('POST', '/lists', { body: { name: 'Spring promo', description: 'People who asked about spring', tags: [t1], contactIds: contacts } });
    expect(created.status).toBe(200);
    const list = created.body.list;
    expect(list).toMatchObject({ name: 'Spring promo', description: 'People who asked about spring', numberOfContacts: 3, numberOfCampaignsSent: 0 });
    expect(list.tags.map((t) => t.uniqueId)).toEqual([t1]);
    expect(await contactTotal(list.uniqueId)).toBe(3);
    expect((await allLists())[0]!.uniqueId).toBe(list.uniqueId);

    const updated = await mock.call<{ list: ApiList }>('POST', `/lists/${list.uniqueId}`, { body: { name: 'Spring promo 2', tags: [t1, t2] } });
    expect(updated.body.list).toMatchObject({ name: 'Spring promo 2', description: 'People who asked about spring', numberOfContacts: 3 });
    expect(updated.body.list.tags.map((t) => t.uniqueId)).toEqual([t1, t2]);
    expect((await mock.call<{ list: ApiList }>('GET', `/lists/${list.uniqueId}`)).body.list).toEqual(updated.body.list);

    expect((await mock.call('DELETE', `/lists/${list.uniqueId}`)).body).toEqual({ data: true });
    expect(await mock.call('GET', `/lists/${list.uniqueId}`)).toMatchObject({ status: 404, body: 'List not found' });
    expect(await contactTotal(list.uniqueId)).toBe(0);
    for (const id of contacts) expect((await mock.call('GET', `/contacts/${id}`)).status).toBe(200);
  });

  it('removes a deleted list from the campaigns that used it', async () => {
    const created = await mock.call<{ list: ApiList }>('POST', '/lists', { body: { name: 'Short-lived', tags: [] } });
    const listId = created.body.list.uniqueId;
    const store = mock.app.mock.store;
    const org = mock.app.mock.world.mainOrganizationId;
    const template = [...store.templates.values()].find((t) => t.organizationId === org)!;
    const phone = [...store.phoneNumbers.values()].find((p) => p.organizationId === org)!;
    const k = await mock.call<{ campaign: ApiCampaign }>('POST', '/campaigns', {
      body: { name: 'Uses the list', listIds: [listId], templateMessageId: template.id, phoneNumberToUse: phone.id, isLinkTrackingEnabled: false, tags: [] },
    });
    expect(k.body.campaign.lists.map((l) => l.uniqueId)).toEqual([listId]);
    await mock.call('DELETE', `/lists/${listId}`);
    expect((await mock.call<{ campaign: ApiCampaign }>('GET', `/campaigns/${k.body.campaign.uniqueId}`)).body.campaign.lists).toEqual([]);
  });

  it.each([
    ['GET', `/lists/${UNKNOWN}`, undefined, 404, 'List not found'],
    ['DELETE', `/lists/${UNKNOWN}`, undefined, 404, 'List not found'],
    ['POST', `/lists/${UNKNOWN}`, { name: 'x', tags: [] }, 404, 'Contact list not found'],
    ['POST', '/lists', { name: 'x', tags: [UNKNOWN] }, 400, `request body field 'tags[0]' must be the id of a tag of this organization (got '${UNKNOWN}')`],
    ['POST', '/lists', { name: 'x', tags: [], contactIds: [UNKNOWN] }, 400, `request body field 'contactIds[0]' must be the id of a contact of this organization (got '${UNKNOWN}')`],
    ['POST', '/lists', { tags: [] }, 400, "request body field 'name' is required"],
    ['GET', '/lists/not-a-uuid', undefined, 400, "path parameter 'id' must be a valid uuid (got 'not-a-uuid')"],
  ])('%s %s answers %#', async (method, path, body, status, message) => {
    const before = (await allLists()).length;
    const r = await mock.call(method, path, body ? { body } : {});
    expect(r).toMatchObject({ status, body: message });
    expect((await allLists()).length).toBe(before);
  });

  it('pages oldest first with order=asc', async () => {
    const desc = await allLists();
    const asc = (await mock.call<{ lists: ApiList[] }>('GET', '/lists?page=1&per_page=500&order=asc')).body.lists;
    expect(asc.map((l) => l.uniqueId)).toEqual([...desc].reverse().map((l) => l.uniqueId));
    const p2 = (await mock.call<{ lists: ApiList[] }>('GET', '/lists?page=2&per_page=2')).body.lists;
    expect(p2.map((l) => l.uniqueId)).toEqual(desc.slice(2, 4).map((l) => l.uniqueId));
  });
});
