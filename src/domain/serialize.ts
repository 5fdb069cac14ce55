import type { MessageRecord } from '../world/model.js';
import type { ConversationState, Store } from '../store/store.js';
import type { ApiContactSummary, ApiConversation, ApiMember, ApiMessage, ApiTag } from './api-types.js';

/**
 * Store records → API objects. Field order follows the live docs' example; optional fields are
 * omitted when absent, as the real server does.
 */

/** Media links are stored relative to the server (`/api/conversation/...`); clients get absolute URLs. */
export function absolute(origin: string, link: string | undefined): string | undefined {
  if (link === undefined || link === '') return link;
  return link.startsWith('/') ? `${origin}${link}` : link;
}

export function serializeMessage(m: MessageRecord, origin: string): ApiMessage {
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
  const data = m.messageData as unknown as Record<string, unknown>;
  const messageData = 'link' in data && typeof data.link === 'string' ? { ...data, link: absolute(origin, data.link) } : data;
  return { ...base, messageData } as unknown as ApiMessage;
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
export function serializeConversation(store: Store, c: ConversationState, origin: string, withMessages: boolean): ApiConversation {
  const assignedTo = c.assignedToMemberId ? serializeMember(store, c.assignedToMemberId) : undefined;
  return {
    contact: serializeContactSummary(store, c.contactId)!,
    uniqueId: c.uniqueId,
    contactId: c.contactId,
    campaignId: c.campaignId,
    organizationId: c.organizationId,
    initiatedBy: c.initiatedBy,
    messages: withMessages ? store.messagesOf(c.uniqueId).map((m) => serializeMessage(m, origin)) : [],
    createdAt: c.createdAt,
    numberOfUnreadMessages: c.unreadCount,
    totalMessages: c.messageCount,
    status: c.status,
    ...(assignedTo ? { assignedTo } : {}),
    tags: c.tagIds.flatMap((id) => serializeTag(store, id) ?? []),
  };
}
