import { describe, expect, it } from 'vitest';
import { createWorld } from '../world/index.js';
import type { ContactRecord, ConversationRecord } from '../world/model.js';
import { Store, type ConversationState } from './store.js';

const world = createWorld({ seed: 5, now: '2026-11-24T12:00:00.000Z', size: 20 });
const clock = () => new Date('2026-11-24T12:00:00.000Z');

describe('Store', () => {
  it('is containers and indexes only: a new store holds nothing (seeding is a separate step)', () => {
    const store = new Store(world, clock);
    const maps = Object.entries(store).filter(([, v]) => v instanceof Map);
    expect(maps.length).toBeGreaterThan(20);
    for (const [name, map] of maps) expect((map as Map<string, unknown>).size, name).toBe(0);
    expect(store.conversationIndex(world.mainOrganizationId, 'Active').length).toBe(0);
  });

  it('fromRecords holds exactly the records given, in their order, with the indexes built from them', () => {
    const org = world.mainOrganizationId;
    const contact: ContactRecord = { ...world.contacts.find((c) => c.organizationId === org)! };
    const base = world.conversations.find((c) => c.organizationId === org)!;
    const convo = (id: string, createdAt: string, status: ConversationRecord['status'], campaignId = ''): ConversationState =>
      ({ ...base, uniqueId: id, contactId: contact.uniqueId, createdAt, status, campaignId, tagIds: [] });
    // Out of createdAt order on purpose: the index sorts, the collection keeps the given order.
    const conversations = [convo('c-late', '2026-11-20T00:00:00.000Z', 'Active'), convo('c-early', '2026-11-01T00:00:00.000Z', 'Active', 'k1'), convo('c-done', '2026-11-10T00:00:00.000Z', 'Closed')];
    const store = Store.fromRecords(world, clock, {
      contacts: [[contact.uniqueId, contact]],
      conversations: conversations.map((c) => [c.uniqueId, c]),
    });
    expect([...store.conversations.keys()]).toEqual(['c-late', 'c-early', 'c-done']);
    expect(store.users.size).toBe(0);
    expect(store.notifications.size).toBe(0);
    const active = store.conversationIndex(org, 'Active');
    expect(active.page(0, 10, 'asc')).toEqual(['c-early', 'c-late']);
    expect(store.conversationIndex(org, 'Closed').page(0, 10, 'asc')).toEqual(['c-done']);
    expect(store.conversationsOfContact(contact.uniqueId).sort()).toEqual(['c-done', 'c-early', 'c-late']);
    expect(store.conversationsOfCampaign('k1')).toEqual(['c-early']);
    expect(store.contactPhones.get(org, contact.phone)).toBe(contact.uniqueId);
  });

  it('mints ids from a stream of its own per import epoch', () => {
    const a = new Store(world, clock).ids.uuid();
    expect(new Store(world, clock).ids.uuid()).toBe(a);
    expect(new Store(world, clock, 1).ids.uuid()).not.toBe(a);
    expect(new Store(world, clock, 1).ids.uuid()).toBe(new Store(world, clock, 1).ids.uuid());
  });
});
