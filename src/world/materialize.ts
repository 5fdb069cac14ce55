/**
 * A fully expanded, JSON-serialisable copy of a world: every header plus every
 * conversation's messages and media. Meant for tests, fixtures and dumps of small
 * worlds — it renders every thread, so it costs time and memory proportional to
 * the number of messages.
 */
import type { MediaRecord, MessageRecord, World } from './model.js';

export type WorldSnapshot = Omit<World, 'threadOf' | 'mediaOf' | 'findMedia' | 'factsOf'> & {
  /** Messages of every conversation, keyed by conversation id, oldest first. */
  readonly messages: Readonly<Record<string, readonly MessageRecord[]>>;
  readonly media: readonly MediaRecord[];
};

export function materializeWorld(world: World): WorldSnapshot {
  const messages: Record<string, readonly MessageRecord[]> = {};
  const media: MediaRecord[] = [];
  for (const conversation of world.conversations) {
    messages[conversation.uniqueId] = world.threadOf(conversation.uniqueId) ?? [];
    media.push(...(world.mediaOf(conversation.uniqueId) ?? []));
  }
  const { threadOf: _threadOf, mediaOf: _mediaOf, findMedia: _findMedia, factsOf: _factsOf, ...data } = world;
  return { ...data, messages, media };
}
