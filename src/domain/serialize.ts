import type { DescribedMessageType, MessageRecord, MessageType } from '../world/model.js';
import type { ConversationState, Store } from '../store/store.js';
import type { ApiContactSummary, ApiConversation, ApiMember, ApiMessage, ApiTag } from './api-types.js';

/**
 * Store records → API objects. Field order follows the live docs' example; optional fields are
 * omitted when absent, as the real server does.
 */

/** Whether `MessageSchema` can show a message of each type (the compiler checks every entry against the spec). */
const SHOWN: { readonly [T in MessageType]: T extends DescribedMessageType ? true : false } = {
  Text: true,
  Image: true,
  Video: true,
  Audio: true,
  Document: true,
  Sticker: true,
  Location: true,
  Contacts: false,
  Reaction: true,
  Address: false,
};

/** A message the API can show: its type has a `MessageSchema` branch (not `Contacts` or `Address`). */
export function isShown(m: MessageRecord): m is MessageRecord<DescribedMessageType> {
  return SHOWN[m.messageType];
}

/**
 * A message as the API shows it. Media `link`s stay as stored, relative to the API's base path (see
 * world/media-path.ts): the edge makes them absolute for each client (src/pipeline/links.ts).
 */
export function serializeMessage(m: MessageRecord<DescribedMessageType>): ApiMessage {
  const base = {
    uniqueId: m.uniqueId,
    conversationId: m.conversationId,
    direction: m.direction,
    status: m.status,
    messageType: m.messageType,
    createdAt: m.createdAt,
    ...(m.replyToMessageId ? { replyToMessageId: m.replyToMessageId } : {}),
    whatsAppMessageId: m.whatsAppMessageId,
  };
  switch (m.messageType) {
    case 'Text':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Location':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Reaction':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Image':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Video':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Audio':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Document':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
    case 'Sticker':
      return { ...base, messageType: m.messageType, messageData: m.messageData };
  }
}

/**
 * The messages of a thread as the API shows them. A message of a type no `MessageSchema` branch describes
 * (`Contacts`, `Address`: only a loaded state file can hold one) is left out, where the real server shows `null`.
 */
export function serializeThread(messages: readonly MessageRecord[]): ApiMessage[] {
  return messages.flatMap((m) => (isShown(m) ? [serializeMessage(m)] : []));
}

export function serializeTag(store: Store, id: string): ApiTag | undefined {
  const t = store.tags.get(id);
  return t ? { uniqueId: t.uniqueId, label: t.label } : undefined;
}

export function serializeMember(store: Store, memberId: string, withRoles = false): ApiMember | undefined {
  const m = store.members.get(memberId);
  const u = m ? store.users.get(m.userId) : undefined;
  if (!m || !u) return undefined;
  const roles = withRoles
    ? m.roleIds.flatMap((id) => {
        const r = store.roles.get(id);
        return r ? [{ uniqueId: r.uniqueId, name: r.name, description: r.description, permissions: [...r.permissions] }] : [];
      })
    : [];
  return { uniqueId: m.uniqueId, createdAt: m.createdAt, accessLevel: m.accessLevel, name: u.name, email: u.email, roles };
}

export function serializeContactSummary(store: Store, contactId: string): ApiContactSummary | undefined {
  const c = store.contacts.get(contactId);
  if (!c) return undefined;
  return { uniqueId: c.uniqueId, name: c.name, phone: c.phone, attributes: { ...c.attributes }, createdAt: c.createdAt, status: c.status };
}

/** A conversation; `withMessages` embeds the whole thread (the detail view), otherwise `messages` is `[]` as on the list. */
export function serializeConversation(store: Store, c: ConversationState, withMessages: boolean): ApiConversation {
  const assignedTo = c.assignedToMemberId ? serializeMember(store, c.assignedToMemberId) : undefined;
  return {
    contact: serializeContactSummary(store, c.contactId)!,
    uniqueId: c.uniqueId,
    contactId: c.contactId,
    campaignId: c.campaignId,
    organizationId: c.organizationId,
    initiatedBy: c.initiatedBy,
    messages: withMessages ? serializeThread(store.messagesOf(c.uniqueId)) : [],
    createdAt: c.createdAt,
    numberOfUnreadMessages: c.unreadCount,
    totalMessages: c.messageCount,
    status: c.status,
    ...(assignedTo ? { assignedTo } : {}),
    tags: c.tagIds.flatMap((id) => serializeTag(store, id) ?? []),
  };
}
