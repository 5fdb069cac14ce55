import { describe, expect, it } from 'vitest';
import { createIdSource, UUID_V4, WAMID, WHATSAPP_NUMERIC_ID, numericIdFrom, uuidFrom } from './ids.js';
import { createSeededFaker } from './random.js';
import { testWorld } from './test-support.js';

describe('Wapikit ids', () => {
  const { snapshot } = testWorld();
  const allMessages = Object.values(snapshot.messages).flat();

  const collections: [string, readonly string[]][] = [
    ['users', snapshot.users.map((r) => r.uniqueId)],
    ['organizations', snapshot.organizations.map((r) => r.uniqueId)],
    ['members', snapshot.members.map((r) => r.uniqueId)],
    ['roles', snapshot.roles.map((r) => r.uniqueId)],
    ['tags', snapshot.tags.map((r) => r.uniqueId)],
    ['contacts', snapshot.contacts.map((r) => r.uniqueId)],
    ['lists', snapshot.lists.map((r) => r.uniqueId)],
    ['campaigns', snapshot.campaigns.map((r) => r.uniqueId)],
    ['conversations', snapshot.conversations.map((r) => r.uniqueId)],
    ['messages', allMessages.map((r) => r.uniqueId)],
  ];

  it.each(collections)('%s have lowercase v4 UUIDs', (_name, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('never uses the same UUID twice anywhere in the world', () => {
    const all = collections.flatMap(([, ids]) => ids);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['template ids', snapshot.templates.map((t) => t.id)],
    ['phone-number ids', snapshot.phoneNumbers.map((p) => p.id)],
    ['media ids', snapshot.media.map((m) => m.mediaId)],
    ['business account ids', snapshot.organizations.map((o) => o.businessAccountId)],
    ['WhatsApp business account ids', snapshot.organizations.map((o) => o.whatsappBusinessAccountId)],
    ['campaign phone numbers', snapshot.campaigns.map((c) => c.phoneNumberInUse)],
    ['campaign templates', snapshot.campaigns.map((c) => c.templateMessageId)],
  ])('%s are WhatsApp numeric strings', (_name, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(WHATSAPP_NUMERIC_ID);
  });

  it('gives every message a distinct wamid', () => {
    const wamids = allMessages.map((m) => m.whatsAppMessageId);
    for (const id of wamids) expect(id).toMatch(WAMID);
    expect(new Set(wamids).size).toBe(wamids.length);
  });

  it('embeds the customer number in the wamid like WhatsApp does', () => {
    const conversation = snapshot.conversations[0];
    const contact = snapshot.contacts.find((c) => c.uniqueId === conversation?.contactId);
    const message = snapshot.messages[conversation?.uniqueId ?? '']?.[0];
    const decoded = Buffer.from((message?.whatsAppMessageId ?? '').slice('wamid.'.length), 'base64').toString('latin1');
    expect(decoded).toContain(contact?.phone ?? 'missing');
  });
});

describe('id helpers', () => {
  it('uuidFrom sets the version and variant bits', () => {
    const faker = createSeededFaker(1);
    for (let i = 0; i < 2000; i++) expect(uuidFrom(faker)).toMatch(UUID_V4);
  });

  it.each([1, 9, 10, 15, 16, 17])('numericIdFrom(%i) has exactly that many digits and no leading zero', (length) => {
    const faker = createSeededFaker(length);
    for (let i = 0; i < 200; i++) expect(numericIdFrom(faker, length)).toMatch(new RegExp(`^[1-9][0-9]{${length - 1}}$`));
  });

  it('createIdSource repeats its sequence for the same seed', () => {
    const take = (seed: readonly number[]): string[] => {
      const ids = createIdSource(seed);
      return [ids.uuid(), ids.whatsAppId(), ids.wamid('919876543210'), ids.uuid()];
    };
    expect(take([1, 2])).toEqual(take([1, 2]));
    expect(take([1, 3])).not.toEqual(take([1, 2]));
  });

  it('createIdSource mints the expected kinds of ids', () => {
    const ids = createIdSource(42);
    expect(ids.uuid()).toMatch(UUID_V4);
    expect(ids.whatsAppId()).toMatch(WHATSAPP_NUMERIC_ID);
    expect(ids.wamid('14155550123', 'InBound')).toMatch(WAMID);
  });

  it("gives the world's runtime id stream ids that the world does not already use", () => {
    const { world, snapshot } = testWorld();
    const used = new Set([...snapshot.contacts.map((c) => c.uniqueId), ...snapshot.conversations.map((c) => c.uniqueId)]);
    const ids = createIdSource(world.runtimeIdSeed);
    for (let i = 0; i < 500; i++) expect(used.has(ids.uuid())).toBe(false);
  });
});
