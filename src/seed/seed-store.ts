/**
 * The seeding step: a store filled from its generated world. The store itself holds containers and indexes
 * only; this module copies the world's records into a new one (the store owns mutable copies) and then seeds
 * the organization side, which the world does not hold. The composition root builds every fresh store here.
 */
import { Store, type Mutable, type StoreRecordEntries } from '../store/store.js';
import type { World } from '../world/model.js';
import { seedOrganizationSide } from './organization-side.js';

function copies<T extends object>(records: readonly T[], key: (r: T) => string): Array<[string, Mutable<T>]> {
  return records.map((r) => [key(r), structuredClone(r) as Mutable<T>]);
}

/** The world's records as store entries, in the world's order. */
function worldRecords(world: World): StoreRecordEntries {
  const byUniqueId = (r: { uniqueId: string }) => r.uniqueId;
  return {
    users: copies(world.users, byUniqueId),
    organizations: copies(world.organizations, byUniqueId),
    members: copies(world.members, byUniqueId),
    roles: copies(world.roles, byUniqueId),
    tags: copies(world.tags, byUniqueId),
    contacts: copies(world.contacts, byUniqueId),
    lists: copies(world.lists, byUniqueId),
    // Phone numbers and templates never change: the store shares the world's records.
    phoneNumbers: world.phoneNumbers.map((r) => [r.id, r]),
    templates: world.templates.map((r) => [r.id, r]),
    campaigns: copies(world.campaigns, byUniqueId),
    // Conversations are many and flat: a shallow copy (with their own tag list) is enough.
    conversations: world.conversations.map((r) => [r.uniqueId, { ...r, tagIds: [...r.tagIds] }]),
  };
}

/** A fresh store for `world`: what a server starts with, and what a reset goes back to. */
export function createSeededStore(world: World, clock: () => Date): Store {
  const store = Store.fromRecords(world, clock, worldRecords(world));
  seedOrganizationSide(store);
  return store;
}
