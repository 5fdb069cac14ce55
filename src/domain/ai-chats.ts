/**
 * AI chats: each member has chats with the assistant (a "Default Chat" from the day they joined). A chat is
 * visible to its owner, and to the rest of the organization when its visibility is Public. Questions are
 * answered by the deterministic assistant (ai-assistant.ts) and stored with the answer.
 */
import type { AiChatMessageRecord, AiChatRecord, AiVoteRecord } from '../store/organization-records.js';
import type { Store } from '../store/store.js';
import { answerQuery } from './ai-assistant.js';
import type { Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { requireAi } from './organizations.js';
import { byCreatedAt, meta, offsetOf, pageOf, type PageRequest } from './paginate.js';

type ApiChat = Schemas['AiChatSchema'];
type ApiChatMessage = Schemas['AiChatMessageSchema'];
type ApiVote = Schemas['AiChatMessageVoteSchema'];

export const CHAT_NOT_FOUND = 'Chat not found';

/** Page size when `GET /ai/chats` is called without `page`/`per_page` (the real server needs them). */
const DEFAULT_CHAT_PAGE: PageRequest = { page: 1, per_page: 20 };

const toApiChat = (c: AiChatRecord): ApiChat => ({ uniqueId: c.uniqueId, createdAt: c.createdAt, title: c.title, ...(c.description ? { description: c.description } : {}) });
const toApiMessage = (m: AiChatMessageRecord): ApiChatMessage => ({ uniqueId: m.uniqueId, createdAt: m.createdAt, role: m.role, content: m.content });
const toApiVote = (v: AiVoteRecord): ApiVote => ({ uniqueId: v.uniqueId, messageId: v.messageId, vote: v.vote, createdAt: v.createdAt });

function visibleTo(c: AiChatRecord, userId: string, organizationId: string): boolean {
  return c.organizationId === organizationId && (c.userId === userId || c.visibility === 'Public');
}

export interface ChatQuery {
  page?: number;
  per_page?: number;
  order?: 'asc' | 'desc';
  status?: 'Active' | 'Inactive';
  visibility?: 'Public' | 'Private';
}

/** `GET /ai/chats`: the caller's own chats in the organization, newest first unless `order=asc`. */
export function listChats(store: Store, userId: string, organizationId: string, q: ChatQuery) {
  const p: PageRequest = { page: q.page ?? DEFAULT_CHAT_PAGE.page, per_page: q.per_page ?? DEFAULT_CHAT_PAGE.per_page };
  const chats = [...store.aiChats.values()]
    .filter((c) => c.organizationId === organizationId && c.userId === userId)
    .filter((c) => (q.status === undefined || c.status === q.status) && (q.visibility === undefined || c.visibility === q.visibility))
    .sort(byCreatedAt(q.order ?? 'desc'));
  return { chats: pageOf(chats, p).map(toApiChat), paginationMeta: meta(p, chats.length) };
}

export function findChat(store: Store, userId: string, organizationId: string, id: string): AiChatRecord {
  const c = store.aiChats.get(id);
  if (!c || !visibleTo(c, userId, organizationId)) throw missing(CHAT_NOT_FOUND);
  return c;
}

export function getChat(store: Store, userId: string, organizationId: string, id: string): ApiChat {
  return toApiChat(findChat(store, userId, organizationId, id));
}

/** `GET /ai/chat/{id}/messages`: as for conversation messages, page 1 holds the newest; each page reads oldest → newest. */
export function listChatMessages(store: Store, userId: string, organizationId: string, id: string, p: PageRequest) {
  const chat = findChat(store, userId, organizationId, id);
  const all = store.aiChatMessages.get(chat.uniqueId) ?? [];
  const end = all.length - offsetOf(p);
  const page = end <= 0 ? [] : all.slice(Math.max(0, end - p.per_page), end);
  return { messages: page.map(toApiMessage), paginationMeta: meta(p, all.length) };
}

export interface ChatReply {
  userMessage: ApiChatMessage;
  aiMessage: ApiChatMessage;
  /** The answer in the pieces it is streamed in; joined they are `aiMessage.content`. */
  deltas: string[];
}

/** Splits a text into stream pieces of a few words each (whitespace kept, so the pieces join back exactly). */
export function streamPieces(text: string, wordsPerPiece = 4): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerPiece) out.push(words.slice(i, i + wordsPerPiece).join(''));
  return out;
}

/** `POST /ai/chat/{id}/messages`: stores the question and the assistant's answer. */
export function askInChat(store: Store, userId: string, organizationId: string, id: string, query: string): ChatReply {
  const chat = findChat(store, userId, organizationId, id);
  const text = query.trim(); // non-blank: the spec's pattern, checked by the router
  requireAi(store, organizationId);
  const content = answerQuery(store, organizationId, text);
  const question: AiChatMessageRecord = { uniqueId: store.ids.uuid(), chatId: chat.uniqueId, role: 'User', content: text, createdAt: store.now() };
  const answer: AiChatMessageRecord = { uniqueId: store.ids.uuid(), chatId: chat.uniqueId, role: 'Assistant', content, createdAt: store.now() };
  const thread = store.aiChatMessages.get(chat.uniqueId) ?? [];
  thread.push(question, answer);
  store.aiChatMessages.set(chat.uniqueId, thread);
  return { userMessage: toApiMessage(question), aiMessage: toApiMessage(answer), deltas: streamPieces(content) };
}

/** The reply body as the server streams it: one JSON object per line — `messageDetails`, `text-delta`s, `finish`. */
export function replyLines(reply: ChatReply): string[] {
  return [
    JSON.stringify({ type: 'messageDetails', userMessage: reply.userMessage, aiMessage: reply.aiMessage }),
    ...reply.deltas.map((content) => JSON.stringify({ type: 'text-delta', content })),
    JSON.stringify({ type: 'finish', finishReason: 'done' }),
  ];
}

/** `GET /ai/chat/{id}/vote`: every vote on the chat's answers, newest first. */
export function listVotes(store: Store, userId: string, organizationId: string, id: string, p: PageRequest) {
  const chat = findChat(store, userId, organizationId, id);
  const votes = [...store.aiVotes.values()].filter((v) => v.chatId === chat.uniqueId).sort(byCreatedAt('desc'));
  return { votes: pageOf(votes, p).map(toApiVote), paginationMeta: meta(p, votes.length) };
}

/** `POST /ai/chat/{id}/vote`: one vote per user and answer; voting again replaces the earlier vote. */
export function voteOnMessage(store: Store, userId: string, organizationId: string, id: string, messageId: string, vote: 'Upvote' | 'Downvote'): ApiVote {
  const chat = findChat(store, userId, organizationId, id);
  const message = (store.aiChatMessages.get(chat.uniqueId) ?? []).find((m) => m.uniqueId === messageId);
  if (!message) throw missing('Message not found');
  if (message.role !== 'Assistant') throw rejected('Only answers of the assistant can be voted on');
  const existing = [...store.aiVotes.values()].find((v) => v.messageId === messageId && v.userId === userId);
  if (existing) {
    existing.vote = vote;
    existing.createdAt = store.now();
    return toApiVote(existing);
  }
  const record: AiVoteRecord = { uniqueId: store.ids.uuid(), chatId: chat.uniqueId, messageId, userId, vote, createdAt: store.now() };
  store.aiVotes.set(record.uniqueId, record);
  return toApiVote(record);
}
