import type { DescribedMessageType, MessageContent, MessageRecord } from '../world/model.js';
import type { ConversationState, Store } from '../store/store.js';
import type { ApiConversation, ApiMessage, Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { meta, offsetOf, type PageRequest } from './paginate.js';
import { serializeConversation, serializeMessage, serializeThread } from './serialize.js';
import { mediaPath } from '../world/media-path.js';

export const CONVERSATION_NOT_FOUND = 'conversation not found';

type Status = ConversationState['status'];
type NewMessageData = Schemas['NewMessageDataSchema'];

export interface ConversationFilter extends PageRequest {
  order?: 'asc' | 'desc';
  status?: Status;
  contact_id?: string;
  campaign_id?: string;
  list_id?: string;
  message_id?: string;
}

/** The conversation, if it exists in the caller's organization. */
export function findConversation(store: Store, organizationId: string, id: string): ConversationState {
  const c = store.conversations.get(id);
  if (!c || c.organizationId !== organizationId) throw missing(CONVERSATION_NOT_FOUND);
  return c;
}

/**
 * `GET /conversations`. Without `status`, only Active conversations are listed (Closed and Deleted are
 * hidden, as on the real server). Without other filters a page is a slice of the status index: O(page size).
 * With a contact/campaign/list/message filter the candidates come from that filter's index.
 */
export function listConversations(store: Store, organizationId: string, f: ConversationFilter) {
  const order = f.order ?? 'desc';
  const statuses: Status[] = f.status ? [f.status] : ['Active'];
  const narrowed = candidateIds(store, f);
  let ids: string[];
  let total: number;
  if (!narrowed) {
    const index = store.conversationIndex(organizationId, statuses[0]!);
    total = index.length;
    ids = index.page(offsetOf(f), f.per_page, order);
  } else {
    const matching = narrowed
      .map((id) => store.conversations.get(id))
      .filter((c): c is ConversationState => !!c && c.organizationId === organizationId && statuses.includes(c.status))
      .sort((a, b) => (order === 'asc' ? 1 : -1) * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.uniqueId < b.uniqueId ? -1 : 1));
    total = matching.length;
    ids = matching.slice(offsetOf(f), offsetOf(f) + f.per_page).map((c) => c.uniqueId);
  }
  const conversations = ids.map((id) => serializeConversation(store, store.conversations.get(id)!, false));
  return { conversations, paginationMeta: meta(f, total) };
}

/** Ids that satisfy every relation filter given, or undefined when none is given. */
function candidateIds(store: Store, f: ConversationFilter): string[] | undefined {
  const sets: string[][] = [];
  if (f.contact_id) sets.push(store.conversationsOfContact(f.contact_id));
  if (f.campaign_id) sets.push(store.conversationsOfCampaign(f.campaign_id));
  if (f.list_id) {
    const list = store.lists.get(f.list_id);
    sets.push(list ? list.contactIds.flatMap((cid) => store.conversationsOfContact(cid)) : []);
  }
  if (f.message_id) {
    const id = store.conversationOfMessage(f.message_id);
    sets.push(id ? [id] : []);
  }
  if (sets.length === 0) return undefined;
  return sets.reduce((acc, s) => acc.filter((id) => s.includes(id)));
}

export function getConversation(store: Store, organizationId: string, id: string): ApiConversation {
  return serializeConversation(store, findConversation(store, organizationId, id), true);
}

export function updateConversationStatus(store: Store, organizationId: string, id: string, status: Status): ApiConversation {
  const c = findConversation(store, organizationId, id);
  store.setConversationStatus(c, status);
  return serializeConversation(store, c, true);
}

export function deleteConversation(store: Store, organizationId: string, id: string): void {
  store.removeConversation(findConversation(store, organizationId, id));
}

export function assignConversation(store: Store, organizationId: string, id: string, memberId: string): void {
  const c = findConversation(store, organizationId, id);
  const member = store.members.get(memberId);
  if (!member || member.organizationId !== organizationId) throw missing('organization member not found');
  c.assignedToMemberId = member.uniqueId;
  store.events.publish({ type: 'ChatAssignment', organizationId, userId: member.userId, data: { conversationId: c.uniqueId } });
}

export function unassignConversation(store: Store, organizationId: string, id: string): void {
  const c = findConversation(store, organizationId, id);
  const previous = c.assignedToMemberId ? store.members.get(c.assignedToMemberId) : undefined;
  delete c.assignedToMemberId;
  if (previous) store.events.publish({ type: 'ChatUnAssignment', organizationId, userId: previous.userId, data: { conversationId: c.uniqueId } });
}

/** `GET /conversation/{id}/messages`: page 1 holds the newest messages; each page is oldest → newest. */
export function listConversationMessages(store: Store, organizationId: string, id: string, p: PageRequest) {
  const c = findConversation(store, organizationId, id);
  const all = store.messagesOf(c.uniqueId);
  const end = all.length - offsetOf(p);
  const page = end <= 0 ? [] : all.slice(Math.max(0, end - p.per_page), end);
  return { messages: serializeThread(page), paginationMeta: meta(p, all.length) };
}

/** Marks every unread inbound message of the conversation as read. */
export function markRead(store: Store, organizationId: string, id: string): void {
  const c = findConversation(store, organizationId, id);
  if (c.unreadCount === 0) return;
  const thread = store.writableThread(c.uniqueId);
  for (let i = 0; i < thread.length; i++) {
    const m = thread[i]!;
    if (m.direction === 'InBound' && m.status === 'Sent') thread[i] = { ...m, status: 'Read' };
  }
  c.unreadCount = 0;
}

/** Splits the API's send body into a stored message's content, checking what the schema cannot: media ids and reaction targets. */
function contentOf(store: Store, c: ConversationState, data: NewMessageData): MessageContent<DescribedMessageType> {
  /** The stored link of a media file, which must have been uploaded to (or sent in) this conversation. */
  const mediaLink = (mediaId: string): string => {
    const known = store.uploads.get(mediaId)?.conversationId === c.uniqueId || store.world.findMedia(c.uniqueId, mediaId);
    if (!known) throw rejected(`request body field 'messageData.id' must be a media id uploaded to this conversation with POST /conversation/${c.uniqueId}/upload (got '${mediaId}')`);
    return mediaPath(c.uniqueId, mediaId);
  };
  switch (data.messageType) {
    case 'Text': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData };
    }
    case 'Location': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData };
    }
    case 'Reaction': {
      const { messageType, ...messageData } = data;
      const target = messageData.messageId ?? '';
      if (!store.messagesOf(c.uniqueId).some((m) => m.uniqueId === target)) throw rejected(`request body field 'messageData.messageId' must be the uniqueId of a message of this conversation (got '${target}')`);
      return { messageType, messageData: { ...messageData, messageId: target } };
    }
    case 'Image': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData: { ...messageData, link: mediaLink(messageData.id) } };
    }
    case 'Video': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData: { ...messageData, link: mediaLink(messageData.id) } };
    }
    case 'Audio': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData: { ...messageData, link: mediaLink(messageData.id) } };
    }
    case 'Document': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData: { ...messageData, link: mediaLink(messageData.id) } };
    }
    case 'Sticker': {
      const { messageType, ...messageData } = data;
      return { messageType, messageData: { ...messageData, link: mediaLink(messageData.id) } };
    }
  }
}

/** The stored form of a message sent through the API. */
function buildOutbound(store: Store, c: ConversationState, data: NewMessageData): MessageRecord<DescribedMessageType> {
  const content = contentOf(store, c, data);
  const phone = store.contacts.get(c.contactId)?.phone ?? '0';
  // Field order as in every stored message: the content's messageType keeps its place, messageData comes last.
  const head = { uniqueId: store.ids.uuid(), conversationId: c.uniqueId, direction: 'OutBound', status: 'Sent', messageType: content.messageType } as const;
  return { ...head, createdAt: store.now(), whatsAppMessageId: store.ids.wamid(phone, 'OutBound'), ...content };
}

/**
 * `POST /conversation/{id}/messages`: stores an outbound message. Replying means the agent has read the
 * thread, so earlier inbound messages become Read (unread messages are only ever those after the last reply).
 */
export function sendMessage(store: Store, organizationId: string, id: string, data: NewMessageData): ApiMessage {
  const c = findConversation(store, organizationId, id);
  const message = buildOutbound(store, c, data);
  markRead(store, organizationId, id);
  store.appendMessage(c, message);
  const api = serializeMessage(message);
  store.events.publish({ type: 'NewMessage', organizationId, data: { conversation: serializeConversation(store, c, false), message: api } });
  return api;
}

/** `POST /conversations`: opens a conversation with an existing contact, optionally with a first message. */
export function startConversation(store: Store, organizationId: string, contactId: string, initial: NewMessageData | undefined): ApiConversation {
  const contact = store.contacts.get(contactId);
  if (!contact || contact.organizationId !== organizationId) throw missing('Contact not found');
  const open = store.conversationsOfContact(contactId).find((cid) => store.conversations.get(cid)?.status === 'Active');
  if (open) throw rejected(`contact ${contactId} already has an active conversation (${open})`);
  const createdAt = store.now();
  const c: ConversationState = {
    uniqueId: store.ids.uuid(),
    organizationId,
    contactId,
    campaignId: '',
    initiatedBy: 'Contact',
    status: 'Active',
    tagIds: [],
    createdAt,
    scenario: 'started_by_agent',
    messageCount: 0,
    unreadCount: 0,
    lastMessageAt: createdAt,
  };
  store.addConversation(c, []);
  if (initial) store.appendMessage(c, buildOutbound(store, c, initial));
  const api = serializeConversation(store, c, true);
  store.events.publish({ type: 'NewConversation', organizationId, data: { conversation: api } });
  return api;
}

/** Keeps an uploaded file for later `messageData.id` references and for the media download. */
export function uploadMedia(store: Store, organizationId: string, id: string, file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const c = findConversation(store, organizationId, id);
  const mediaId = store.ids.whatsAppId();
  store.uploads.set(mediaId, { mediaId, conversationId: c.uniqueId, contentType: file.contentType || 'application/octet-stream', fileName: file.fileName, bytes: file.bytes });
  return { mediaId, mediaUrl: mediaPath(c.uniqueId, mediaId) };
}
