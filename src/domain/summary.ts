import type { MessageRecord } from '../world/model.js';
import type { ConversationState, Store } from '../store/store.js';
import type { Schemas } from './api-types.js';

type Summary = Schemas['GenerateConversationSummaryResponseSchema'];

const ORDER_NUMBER = /#\d{3,}/g;
const AMOUNT = /(?:[$€£₹]|R\$|Rp|₦|USD|EUR|GBP|INR)\s?\d[\d.,]*/g;

function textOf(m: MessageRecord): string | undefined {
  return m.messageType === 'Text' ? m.messageData.text : 'caption' in m.messageData && typeof m.messageData.caption === 'string' ? m.messageData.caption : undefined;
}

function humanSpan(fromIso: string, toIso: string): string {
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000);
  if (minutes < 60) return `${Math.max(minutes, 1)} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}

function topicOf(scenario: string): string {
  return scenario.replace(/[_-]+/g, ' ').trim() || 'a general enquiry';
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/**
 * A summary built from the thread itself, the same for the same thread: who wrote, about what, what was
 * shared, and what is still open (customer questions after the last reply, or an unanswered last message).
 */
export function summarize(store: Store, c: ConversationState): Summary {
  const thread = store.messagesOf(c.uniqueId);
  const contact = store.contacts.get(c.contactId);
  const customer = contact?.name ?? 'The customer';
  const agentUser = c.assignedToMemberId ? store.users.get(store.members.get(c.assignedToMemberId)?.userId ?? '') : undefined;
  const agent = agentUser?.name ?? 'the team';
  const inbound = thread.filter((m) => m.direction === 'InBound');
  const outbound = thread.filter((m) => m.direction === 'OutBound');
  const texts = thread.map(textOf).filter((t): t is string => !!t);
  const orders = unique(texts.flatMap((t) => t.match(ORDER_NUMBER) ?? []));
  const amounts = unique(texts.flatMap((t) => t.match(AMOUNT) ?? []));

  const highlights: string[] = [];
  if (orders.length) highlights.push(`Order${orders.length > 1 ? 's' : ''} mentioned: ${orders.join(', ')}`);
  if (amounts.length) highlights.push(`Amounts mentioned: ${amounts.join(', ')}`);
  const shared = new Map<string, number>();
  for (const m of inbound) if (m.messageType !== 'Text' && m.messageType !== 'Reaction') shared.set(m.messageType, (shared.get(m.messageType) ?? 0) + 1);
  if (shared.size) highlights.push(`${customer} shared ${[...shared].map(([t, n]) => `${n} ${t.toLowerCase()}${n > 1 ? 's' : ''}`).join(', ')}`);
  for (const m of thread) {
    if (m.messageType === 'Document') highlights.push(`Document: ${m.messageData.fileName}`);
    if (m.messageType === 'Location') highlights.push(`Location: ${m.messageData.name ?? ''}${m.messageData.address ? ` (${m.messageData.address})` : ''}`.trim());
  }
  const failed = outbound.filter((m) => m.status === 'Failed').length;
  if (failed) highlights.push(`${failed} repl${failed > 1 ? 'ies' : 'y'} failed to deliver`);

  const lastOutboundAt = outbound.at(-1)?.createdAt ?? '';
  const afterReply = inbound.filter((m) => m.createdAt > lastOutboundAt);
  const openQuestions = afterReply.map(textOf).filter((t): t is string => !!t && t.includes('?'));
  const last = thread.at(-1);
  if (last?.direction === 'InBound' && openQuestions.length === 0) {
    const t = textOf(last);
    openQuestions.push(t ? `Unanswered: "${t}"` : `Unanswered ${last.messageType.toLowerCase()} from ${customer}`);
  }

  const parts = [`${customer} wrote about ${topicOf(c.scenario)}: ${thread.length} messages over ${thread.length ? humanSpan(thread[0]!.createdAt, last!.createdAt) : '0 minutes'}, ${inbound.length} from the customer and ${outbound.length} from ${agent}.`];
  if (c.campaignId) parts.push(`It started as a reply to the campaign "${store.campaigns.get(c.campaignId)?.name ?? c.campaignId}".`);
  parts.push(openQuestions.length ? `${openQuestions.length} point${openQuestions.length > 1 ? 's are' : ' is'} still open.` : 'Nothing is waiting for a reply.');
  return { summary: parts.join(' '), highlights, openQuestions, messageCount: thread.length, generatedAt: last?.createdAt ?? c.createdAt };
}
