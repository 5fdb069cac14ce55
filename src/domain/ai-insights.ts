/**
 * What the AI offers next to the inbox: reply suggestions for a conversation and audience segments (lists and
 * tags) worth targeting. Both are deterministic and built from the store: the conversation's script and last
 * customer message, the knowledge base, the organization's lists and tags.
 */
import type { ConversationState, Store } from '../store/store.js';
import type { MessageRecord } from '../world/model.js';
import { matchDocuments } from './ai-assistant.js';
import type { Schemas } from './api-types.js';
import { CONVERSATION_NOT_FOUND } from './conversations.js';
import { rejected } from './errors.js';
import { listsOf, listsOfContact, membersOf, serializeList, type ListState } from './lists.js';
import { requireAi } from './organizations.js';
import { serializeTag } from './serialize.js';

type Segment = Schemas['SegmentationRecommendation'];

/** An opening line for each conversation script of the generated world. */
const BY_SCENARIO: Readonly<Record<string, string>> = {
  order_status: 'Hi {name}, thanks for waiting! I am checking the status of {order} right now and will update you in a moment.',
  delivery_problem: "I'm sorry about the trouble with your delivery, {name}. Could you confirm {order} and your address so that I can open a claim with the courier?",
  refund_request: 'Hi {name}, I can help with the refund. Could you send me {order} and a photo of the item?',
  product_question: 'Good question, {name}! Let me check the details for you.',
  campaign_reply: 'Thanks for your interest in our offer, {name}! Shall I send you the link to the products?',
  opt_out: "Understood, {name}. You won't receive promotional messages from us anymore. Sorry for the bother!",
  address_change: "No problem, {name}. Please send me the new address and I'll update it before the parcel ships.",
  payment_issue: 'Sorry about the payment trouble, {name}. Could you share {order} so that I can check what happened?',
  installation_booking: 'Happy to book the installation, {name}. Which day and time suit you best?',
  wholesale_inquiry: 'Thanks for your interest in a bulk order, {name}! Could you share the products, quantities and delivery city so that we can send a quote?',
  return_exchange: "Sure, {name}, we can exchange it. I'll send you a prepaid return label; which size or colour would you like instead?",
  compliment: 'Thank you so much for the kind words, {name}! We will pass them on to the team.',
  wrong_number: 'No worries at all, {name}! Have a great day.',
  appointment_booking: 'Hello {name}, happy to book your appointment. Which day and time would suit you?',
  reschedule: 'Of course, {name}. Which new day and time would work for you?',
  lab_report: 'Hi {name}, let me check whether the doctor has reviewed your report. I will send it here as soon as it is ready.',
  directions: 'Hi {name}, I am sending you our location pin now.',
  fees_question: 'Hi {name}, happy to help with the fees. Do you have an insurance card we should check?',
  prescription_refill: 'Hi {name}, please send the medicine name and dose; the doctor reviews refill requests within one working day.',
};

const ORDER_NUMBER = /#\d{3,}/;

function textOf(m: MessageRecord): string {
  if (m.messageType === 'Text') return m.messageData.text;
  if ('caption' in m.messageData && typeof m.messageData.caption === 'string' && m.messageData.caption) return m.messageData.caption;
  return m.messageType === 'Location' ? 'location' : '';
}

function findConversation(store: Store, organizationId: string, id: string): ConversationState {
  const c = store.conversations.get(id);
  if (!c || c.organizationId !== organizationId) throw rejected(CONVERSATION_NOT_FOUND);
  return c;
}

/**
 * `GET /ai/response-suggestions`: two or three replies for the conversation, built from its script, its last
 * customer message and the knowledge-base documents that message is about. Empty when it has no messages.
 */
export function suggestReplies(store: Store, organizationId: string, conversationId: string): string[] {
  const c = findConversation(store, organizationId, conversationId);
  requireAi(store, organizationId);
  const thread = store.messagesOf(c.uniqueId);
  if (thread.length === 0) return [];
  const name = (store.contacts.get(c.contactId)?.name ?? 'there').split(' ')[0]!;
  const order = thread.map(textOf).find((t) => ORDER_NUMBER.test(t))?.match(ORDER_NUMBER)?.[0];
  const fill = (s: string) => s.replaceAll('{name}', name).replaceAll('{order}', order ? `order ${order}` : 'your order number');
  const lastInbound = [...thread].reverse().find((m) => m.direction === 'InBound');
  const out: string[] = [];
  if (!lastInbound) {
    out.push(fill('Hi {name}, just checking in: did you get a chance to look at our last message?'));
  } else {
    const opener = BY_SCENARIO[c.scenario];
    if (opener) out.push(fill(opener));
    const asked = textOf(lastInbound);
    const best = matchDocuments(store, organizationId, `${asked} ${c.scenario.replace(/_/g, ' ')}`, 1)[0];
    if (best) out.push(fill(`Thanks for asking, {name}. ${best.sentences[0] ?? ''}`).trim());
    out.push(fill(asked.includes('?') ? "Let me check that for you, {name}. I'll get back to you in a few minutes." : 'Thanks for your message, {name}! Is there anything else I can help you with?'));
  }
  out.push(fill('Thanks for reaching out, {name}! How can we help you today?'));
  return [...new Set(out)].slice(0, 3);
}

function tagsOfLists(store: Store, lists: readonly ListState[]): string[] {
  return [...new Set(lists.flatMap((l) => l.tagIds))];
}

function segment(store: Store, lists: readonly ListState[], tagIds: readonly string[]): Segment {
  return { lists: lists.map((l) => serializeList(store, l)), tags: tagIds.flatMap((id) => serializeTag(store, id) ?? []) };
}

/** Tag ids by how often they label the organization's conversations (optionally only one contact's). */
function tagUsage(store: Store, organizationId: string, contactId?: string): string[] {
  const counts = new Map<string, number>();
  const ids = contactId ? store.conversationsOfContact(contactId) : [...store.conversations.keys()];
  for (const id of ids) {
    const c = store.conversations.get(id);
    if (!c || c.organizationId !== organizationId) continue;
    for (const t of c.tagIds) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/**
 * `GET /ai/segment-recommendations`. For a contact (or a conversation's contact): the lists and tags they are
 * in, then similar lists (sharing a tag) they are not in yet. Without either: the largest lists, then the
 * tags most used on conversations with the lists that carry them.
 */
export function recommendSegments(store: Store, organizationId: string, q: { conversationId?: string; contactId?: string }): Segment[] {
  let contactId = q.contactId;
  if (q.conversationId) {
    const c = findConversation(store, organizationId, q.conversationId);
    if (contactId && contactId !== c.contactId) throw rejected("query parameter 'contactId' is not the contact of the conversation given in 'conversationId'");
    contactId = c.contactId;
  }
  const all = listsOf(store, organizationId);
  const out: Segment[] = [];
  if (contactId) {
    if (store.contacts.get(contactId)?.organizationId !== organizationId) throw rejected('Contact not found');
    const own = listsOfContact(store, organizationId, contactId);
    const ownTags = [...new Set([...tagsOfLists(store, own), ...tagUsage(store, organizationId, contactId)])];
    if (own.length || ownTags.length) out.push(segment(store, own, ownTags));
    const similar = all.filter((l) => !own.includes(l) && l.tagIds.some((t) => ownTags.includes(t)));
    if (similar.length) out.push(segment(store, similar.slice(0, 3), tagsOfLists(store, similar.slice(0, 3)).filter((t) => ownTags.includes(t))));
    return out;
  }
  const largest = [...all].sort((a, b) => membersOf(store, b).length - membersOf(store, a).length || (a.createdAt < b.createdAt ? -1 : 1)).slice(0, 3);
  if (largest.length) out.push(segment(store, largest, tagsOfLists(store, largest)));
  const topTags = tagUsage(store, organizationId).slice(0, 3);
  if (topTags.length) out.push(segment(store, all.filter((l) => l.tagIds.some((t) => topTags.includes(t))).slice(0, 3), topTags));
  return out;
}
