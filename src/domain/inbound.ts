import type { ConversationState, Store } from '../store/store.js';
import type { IdSource } from '../world/ids.js';
import type { MessageRecord } from '../world/model.js';
import { serializeConversation, serializeMessage } from './serialize.js';

export interface InboundText {
  contactId: string;
  text: string;
  /** When the message arrives (ISO). */
  at: string;
  /** The campaign the contact is answering: a new conversation links it (`initiatedBy: 'Campaign'`). */
  campaignId?: string;
  /** Script name kept on a new conversation (the summary's topic). */
  scenario: string;
  /** Deliver into this conversation (one of the contact's) instead of looking up the open one. */
  conversation?: ConversationState;
}

export interface Delivered {
  conversation: ConversationState;
  message: MessageRecord;
  opened: boolean;
}

/** The contact's Active conversation, if it has one. */
export function openConversationOf(store: Store, contactId: string): ConversationState | undefined {
  for (const id of store.conversationsOfContact(contactId)) {
    const c = store.conversations.get(id);
    if (c?.status === 'Active') return c;
  }
  return undefined;
}

/**
 * A customer's text message arriving from WhatsApp, as the real webhook handles it: it goes to the contact's
 * Active conversation, or opens a new one. The message is InBound and unread (`Sent`); the conversation's
 * counters follow. Publishes `NewConversation` (for a new one) then `NewMessage` to the organization.
 * `ids` is the caller's own id stream, so background writers do not shift the ids API calls mint.
 */
export function receiveText(store: Store, ids: IdSource, input: InboundText): Delivered | undefined {
  const contact = store.contacts.get(input.contactId);
  if (!contact) return undefined;
  let c = input.conversation ?? openConversationOf(store, contact.uniqueId);
  const opened = !c;
  if (!c) {
    c = {
      uniqueId: ids.uuid(),
      organizationId: contact.organizationId,
      contactId: contact.uniqueId,
      campaignId: input.campaignId ?? '',
      initiatedBy: input.campaignId ? 'Campaign' : 'Contact',
      status: 'Active',
      tagIds: [],
      createdAt: input.at,
      scenario: input.scenario,
      messageCount: 0,
      unreadCount: 0,
      lastMessageAt: input.at,
    };
    store.addConversation(c, []);
  }
  const message: MessageRecord = {
    uniqueId: ids.uuid(),
    conversationId: c.uniqueId,
    direction: 'InBound',
    status: 'Sent',
    messageType: 'Text',
    createdAt: input.at,
    whatsAppMessageId: ids.wamid(contact.phone, 'InBound'),
    messageData: { text: input.text },
  };
  store.appendMessage(c, message);
  c.unreadCount += 1;
  const organizationId = c.organizationId;
  if (opened) store.events.publish({ type: 'NewConversation', organizationId, data: { conversation: serializeConversation(store, c, false) } });
  store.events.publish({
    type: 'NewMessage',
    organizationId,
    data: { conversation: serializeConversation(store, c, false), message: serializeMessage(message) },
  });
  return { conversation: c, message, opened };
}
