import { describe, expect, it } from 'vitest';
import { createWorld } from './create-world.js';
import { MEDIA_CONTENT_TYPES } from './media-assets.js';
import type { DescribedMessageType, MessageRecord, MessageType } from './model.js';
import { TIMING } from './thread-plan.js';
import { ms, testWorld, threads } from './test-support.js';
import { DAY, HOUR, MINUTE } from './time.js';

const { world, snapshot } = testWorld();
const all = threads(snapshot);
const nowMs = ms(world.options.now);
const messages = all.flatMap((t) => t.messages);

describe('thread timing', () => {
  it('starts each thread at the conversation createdAt and keeps messages in time order, never after now', () => {
    for (const { conversation, messages: thread } of all) {
      expect(thread.length).toBeGreaterThan(0);
      expect(thread[0]?.createdAt).toBe(conversation.createdAt);
      const times = thread.map((m) => ms(m.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const t of times) expect(t).toBeLessThanOrEqual(nowMs);
    }
  });

  it('answers within 1–30 minutes inside a session, and starts new sessions hours or days later', () => {
    let sessions = 0;
    for (const { messages: thread } of all) {
      for (let i = 1; i < thread.length; i++) {
        const prev = thread[i - 1] as MessageRecord;
        const cur = thread[i] as MessageRecord;
        const gap = ms(cur.createdAt) - ms(prev.createdAt);
        if (gap >= TIMING.sessionMin) {
          sessions++;
          continue;
        }
        expect(gap).toBeLessThanOrEqual(TIMING.replyMax);
        if (cur.direction !== prev.direction) expect(gap).toBeGreaterThanOrEqual(TIMING.replyMin);
        else expect(gap).toBeGreaterThanOrEqual(TIMING.sameSenderMin);
      }
    }
    expect(sessions).toBeGreaterThan(0);
  });

  it('spreads conversation starts over the last ~90 days', () => {
    const starts = world.conversations.map((c) => nowMs - ms(c.createdAt));
    for (const age of starts) {
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThanOrEqual(90 * DAY);
    }
    expect(starts.some((age) => age > 60 * DAY)).toBe(true);
    expect(starts.some((age) => age < 7 * DAY)).toBe(true);
  });

  it('never lets two conversations of one contact overlap', () => {
    const byContact = new Map<string, { start: number; end: number }[]>();
    for (const { conversation, messages: thread } of all) {
      const spans = byContact.get(conversation.contactId) ?? [];
      spans.push({ start: ms(conversation.createdAt), end: ms(thread[thread.length - 1]?.createdAt ?? conversation.createdAt) });
      byContact.set(conversation.contactId, spans);
    }
    for (const spans of byContact.values()) {
      spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThan(spans[i - 1]?.end ?? 0);
    }
  });
});

describe('message statuses and counters', () => {
  it('matches the header counters: messageCount, unreadCount and lastMessageAt', () => {
    for (const { conversation, messages: thread } of all) {
      expect(thread).toHaveLength(conversation.messageCount);
      expect(thread.filter((m) => m.direction === 'InBound' && m.status === 'Sent')).toHaveLength(conversation.unreadCount);
      expect(thread[thread.length - 1]?.createdAt).toBe(conversation.lastMessageAt);
    }
  });

  it('marks inbound messages Read once an outbound message follows, Sent (unread) after the last one while Active', () => {
    for (const { conversation, messages: thread } of all) {
      const lastOut = thread.map((m) => m.direction).lastIndexOf('OutBound');
      thread.forEach((m, i) => {
        if (m.direction !== 'InBound') return;
        const expected = i < lastOut || conversation.status === 'Closed' ? 'Read' : 'Sent';
        expect(m.status).toBe(expected);
      });
    }
    expect(world.conversations.some((c) => c.unreadCount > 0)).toBe(true);
  });

  it('marks outbound messages Read once the customer wrote after them; only the trailing ones may be Sent or Delivered', () => {
    const trailing = new Set<string>();
    for (const { messages: thread } of all) {
      const lastIn = thread.map((m) => m.direction).lastIndexOf('InBound');
      thread.forEach((m, i) => {
        if (m.direction !== 'OutBound') return;
        expect(['Read', 'Delivered', 'Sent', 'Failed']).toContain(m.status);
        if (i < lastIn) expect(['Read', 'Failed']).toContain(m.status);
        else trailing.add(m.status);
      });
    }
    expect(trailing.has('Read')).toBe(true);
    expect(trailing.has('Delivered')).toBe(true);
  });

  it('lets a small fraction of outbound messages fail, each re-sent right after', () => {
    const outbound = messages.filter((m) => m.direction === 'OutBound');
    const failed = outbound.filter((m) => m.status === 'Failed');
    expect(failed.length / outbound.length).toBeLessThan(0.05);
    for (const { messages: thread } of all) {
      thread.forEach((m, i) => {
        const next = thread[i + 1];
        if (m.status !== 'Failed' || next === undefined || m.messageType !== 'Text' || next.messageType !== 'Text') return;
        expect(next.direction).toBe('OutBound');
        expect(next.messageData.text).toBe(m.messageData.text);
      });
    }
  });
});

describe('message content', () => {
  it('references only earlier messages of the same conversation (replies and reactions)', () => {
    let reactions = 0;
    let replies = 0;
    for (const { messages: thread } of all) {
      const seen = new Set<string>();
      for (const m of thread) {
        if (m.replyToMessageId !== undefined) {
          replies++;
          expect(seen.has(m.replyToMessageId)).toBe(true);
        }
        if (m.messageType === 'Reaction') {
          reactions++;
          expect(seen.has(m.messageData.messageId)).toBe(true);
          expect(['👍', '❤️', '🙏', '😂', '👌', '😮']).toContain(m.messageData.reaction);
        }
        seen.add(m.uniqueId);
      }
    }
    expect(reactions).toBeGreaterThan(0);
    expect(replies).toBeGreaterThan(0);
  });

  it('uses mostly Text, then every other message type', () => {
    const counts = new Map<MessageType, number>();
    for (const m of messages) counts.set(m.messageType, (counts.get(m.messageType) ?? 0) + 1);
    const share = (t: MessageType): number => (counts.get(t) ?? 0) / messages.length;
    expect(share('Text')).toBeGreaterThan(0.65);
    expect(share('Text')).toBeLessThan(0.85);
    for (const t of ['Image', 'Document', 'Location', 'Audio', 'Video', 'Sticker', 'Reaction'] as const) expect(share(t)).toBeGreaterThan(0);
    expect(share('Image')).toBeGreaterThan(share('Video'));
  });

  /** The world makes every message type the spec describes a content for (not `Contacts`, `Address`). */
  type MadeType = DescribedMessageType;
  const allowedKeys: Record<MadeType, readonly string[]> = {
    Text: ['text'],
    Image: ['id', 'link', 'caption'],
    Video: ['id', 'link', 'caption'],
    Audio: ['id', 'link'],
    Sticker: ['id', 'link'],
    Document: ['id', 'fileName', 'link', 'caption'],
    Location: ['latitude', 'longitude', 'name', 'address'],
    Reaction: ['reaction', 'messageId'],
  };
  const required: Record<MadeType, readonly string[]> = {
    Text: ['text'],
    Image: ['id'],
    Video: ['id'],
    Audio: ['id'],
    Sticker: ['id'],
    Document: ['id', 'fileName'],
    Location: ['latitude', 'longitude'],
    Reaction: ['reaction', 'messageId'],
  };

  it.each(Object.keys(allowedKeys) as MadeType[])('gives %s messages exactly the spec field names', (type) => {
    const sample = messages.filter((m) => m.messageType === type);
    expect(sample.length).toBeGreaterThan(0);
    for (const m of sample) {
      const keys = Object.keys(m.messageData);
      for (const key of keys) expect(allowedKeys[type]).toContain(key);
      for (const key of required[type]) expect(keys).toContain(key);
    }
  });

  it('writes natural text: placeholders filled, no lorem ipsum, no empty messages', () => {
    for (const m of messages) {
      if (m.messageType !== 'Text') continue;
      expect(m.messageData.text.trim().length).toBeGreaterThan(0);
      expect(m.messageData.text).not.toMatch(/[{}]|\bundefined\b|\bNaN\b/);
      expect(m.messageData.text).not.toMatch(/lorem|ipsum/i);
    }
    const texts = new Set(messages.flatMap((m) => (m.messageType === 'Text' ? [m.messageData.text] : [])));
    expect(texts.size).toBeGreaterThan(messages.length * 0.3);
  });

  it('fills threads with per-conversation facts such as order numbers and amounts', () => {
    const text = messages.flatMap((m) => (m.messageType === 'Text' ? [m.messageData.text] : [])).join('\n');
    expect(text).toMatch(/#\d{5}\b/);
    expect(text).toMatch(/(₹|\$|£|R\$|€|Rp|MX\$|₦) ?\d/);
  });

  it('puts locations near real coordinates', () => {
    for (const m of messages) {
      if (m.messageType !== 'Location') continue;
      expect(Math.abs(m.messageData.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(m.messageData.longitude)).toBeLessThanOrEqual(180);
      expect(m.messageData.latitude !== 0 || m.messageData.longitude !== 0).toBe(true);
    }
  });
});

describe('media', () => {
  const mediaTypes: Partial<Record<MessageType, string>> = { Image: 'image', Video: 'video', Audio: 'audio', Document: 'document', Sticker: 'sticker' };

  it('describes every media message in mediaOf, with a matching kind, content type and link', () => {
    for (const { conversation, messages: thread } of all) {
      const media = world.mediaOf(conversation.uniqueId) ?? [];
      const mediaMessages = thread.filter((m) => mediaTypes[m.messageType] !== undefined);
      expect(media).toHaveLength(mediaMessages.length);
      for (const m of mediaMessages) {
        if (!('id' in m.messageData) || typeof m.messageData.id !== 'string') throw new Error('media message without id');
        const record = world.findMedia(conversation.uniqueId, m.messageData.id);
        expect(record?.kind).toBe(mediaTypes[m.messageType]);
        expect(record?.messageId).toBe(m.uniqueId);
        expect(record?.contentType).toBe(MEDIA_CONTENT_TYPES[record?.kind ?? 'image']);
        expect(m.messageData.id).toMatch(/^[1-9][0-9]{14,15}$/);
        expect(m.messageData.link).toBe(`conversation/${conversation.uniqueId}/media/${m.messageData.id}`);
      }
    }
  });

  it('names files like WhatsApp does', () => {
    for (const media of snapshot.media) {
      const pattern =
        media.kind === 'document'
          ? /^(invoice|proforma-invoice|return-label)-\d{5}\.pdf$|^(wholesale-price-list-\d{4}|lab-report-\d{8}|prescription-\d{8})\.pdf$/
          : /^(IMG|VID|PTT|STK)-\d{8}-WA\d{4}\.(png|mp4|wav|webp)$/;
      expect(media.fileName).toMatch(pattern);
    }
  });

  it('answers undefined for unknown conversations and media', () => {
    expect(world.threadOf('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(world.mediaOf('nope')).toBeUndefined();
    const id = world.conversations[0]?.uniqueId ?? '';
    expect(world.findMedia(id, '123')).toBeUndefined();
  });
});

describe('at larger sizes', () => {
  it('keeps header counters exact without rendering (sample of a 5,000-conversation world)', () => {
    const big = createWorld({ ...world.options, size: 5000 });
    expect(big.conversations.length).toBe(5000 + 40);
    for (let i = 0; i < big.conversations.length; i += 97) {
      const c = big.conversations[i];
      if (c === undefined) continue;
      const thread = big.threadOf(c.uniqueId) ?? [];
      expect(thread.length).toBe(c.messageCount);
      expect(thread.filter((m) => m.direction === 'InBound' && m.status === 'Sent').length).toBe(c.unreadCount);
      expect(ms(thread[thread.length - 1]?.createdAt ?? '')).toBeLessThanOrEqual(nowMs);
    }
    const recent = big.conversations.filter((c) => nowMs - ms(c.lastMessageAt) < HOUR);
    expect(recent.length).toBeGreaterThan(0);
    expect(big.conversations.every((c) => ms(c.createdAt) <= nowMs - 10 * MINUTE + 6 * MINUTE)).toBe(true);
  });
});
