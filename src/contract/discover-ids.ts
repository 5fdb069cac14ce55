/**
 * Finds the ids the kit needs for path parameters by asking the deployment's own list endpoints (a conversation
 * id from `GET /conversations?page=1&per_page=1`, a media id from a message of a conversation, ...). Discovery is
 * lazy: an id is looked up the first time an operation needs it, once per run.
 */
import type { OperationInfo } from '../spec/index.js';
import type { Exchange, OutgoingRequest } from './http.js';

export type Resource =
  | 'conversation'
  | 'contact'
  | 'list'
  | 'campaign'
  | 'role'
  | 'member'
  | 'tag'
  | 'template'
  | 'phoneNumber'
  | 'organization'
  | 'aiChat'
  | 'knowledgeBaseDocument'
  | 'media'
  | 'inviteSlug';

export interface Discovered {
  id: string;
  /** Where the id came from, e.g. `GET /conversations?page=1&per_page=1`. */
  source: string;
  /** Ids that belong with this one (a media id's conversation). */
  related: Partial<Record<Resource, string>>;
}

export type Discovery = { ok: true; value: Discovered } | { ok: false; reason: string };

type Json = Record<string, unknown>;

interface ListSource {
  path: string;
  query: Record<string, string>;
  /** The id of the first record of the answer. */
  pick: (body: unknown) => unknown;
  /** What the answer holds, for messages: "conversations". */
  what: string;
}

const first = (key: string, field = 'uniqueId') => (body: unknown) => ((body as Json | undefined)?.[key] as Json[] | undefined)?.[0]?.[field];
const page1 = { page: '1', per_page: '1' };

const SOURCES: Record<Exclude<Resource, 'media' | 'inviteSlug'>, ListSource> = {
  conversation: { path: '/conversations', query: page1, pick: first('conversations'), what: 'conversations' },
  contact: { path: '/contacts', query: page1, pick: first('contacts'), what: 'contacts' },
  list: { path: '/lists', query: page1, pick: first('lists'), what: 'lists' },
  campaign: { path: '/campaigns', query: page1, pick: first('campaigns'), what: 'campaigns' },
  role: { path: '/rbac/roles', query: page1, pick: first('roles'), what: 'roles' },
  member: { path: '/organization/members', query: page1, pick: first('members'), what: 'members' },
  tag: { path: '/organization/tags', query: page1, pick: first('tags'), what: 'tags' },
  organization: { path: '/organization', query: page1, pick: first('organizations'), what: 'organizations' },
  aiChat: { path: '/ai/chats', query: page1, pick: first('chats'), what: 'AI chats' },
  knowledgeBaseDocument: { path: '/knowledge-base', query: page1, pick: first('documents'), what: 'documents' },
  template: { path: '/organization/templates', query: {}, pick: (b) => (Array.isArray(b) ? (b[0] as Json | undefined)?.id : undefined), what: 'message templates' },
  phoneNumber: { path: '/organization/phone-numbers', query: {}, pick: (b) => (Array.isArray(b) ? (b[0] as Json | undefined)?.id : undefined), what: 'phone numbers' },
};

/** How many conversations to look through for a message that carries a media id. */
const MEDIA_SEARCH_CONVERSATIONS = 10;
const MEDIA_ID = /^[0-9]{1,32}$/;
const MEDIA_TYPES = new Set(['Image', 'Video', 'Audio', 'Document', 'Sticker']);

/** Which kind of record a path or query parameter of an operation addresses; undefined when it is not an id. */
export function resourceForParam(op: OperationInfo, name: string): Resource | undefined {
  switch (name) {
    case 'mediaId': return 'media';
    case 'slug': return 'inviteSlug';
    case 'campaignId': return 'campaign';
    case 'conversationId': return 'conversation';
    case 'contactId': return 'contact';
    default: break;
  }
  if (name !== 'id') return undefined;
  const p = op.path;
  if (p === '/contacts') return 'list'; // DELETE /contacts?id= deletes the contacts of a list
  const prefixes: Array<[string, Resource]> = [
    ['/conversation/', 'conversation'],
    ['/contacts/', 'contact'],
    ['/lists/', 'list'],
    ['/campaigns/', 'campaign'],
    ['/rbac/roles/', 'role'],
    ['/organization/members/', 'member'],
    ['/organization/templates/', 'template'],
    ['/organization/phone-numbers/', 'phoneNumber'],
    ['/organization/', 'organization'],
    ['/ai/chat/', 'aiChat'],
    ['/knowledge-base/', 'knowledgeBaseDocument'],
  ];
  return prefixes.find(([prefix]) => p.startsWith(prefix))?.[1];
}

export type Sender = (req: OutgoingRequest) => Promise<Exchange>;

function describeFailure(ex: Exchange, what: string): string {
  if (ex.status !== 200) return `it answered ${ex.status}`;
  if (ex.json === undefined) return 'its answer is not JSON';
  return `it returned no ${what}`;
}

export class IdPool {
  private readonly cache = new Map<Resource, Promise<Discovery>>();
  private readonly known = new Map<Resource, Discovered>();

  constructor(private readonly sendRequest: Sender) {}

  /** Makes an id known without asking the target (an id a write flow created, or one given by the user). */
  remember(resource: Resource, value: Discovered): void {
    this.known.set(resource, value);
  }

  get(resource: Resource): Promise<Discovery> {
    const known = this.known.get(resource);
    if (known) return Promise.resolve({ ok: true, value: known });
    let hit = this.cache.get(resource);
    if (!hit) {
      hit = this.discover(resource).catch((err: unknown) => ({ ok: false as const, reason: `looking it up failed: ${(err as Error).message}` }));
      this.cache.set(resource, hit);
    }
    return hit;
  }

  private async discover(resource: Resource): Promise<Discovery> {
    if (resource === 'inviteSlug') {
      return { ok: false, reason: 'no invitation slug can be discovered: invitation objects (GET /organization/invites) do not carry their slug' };
    }
    if (resource === 'media') return this.discoverMedia();
    const src = SOURCES[resource];
    const ex = await this.sendRequest({ method: 'get', path: src.path, query: src.query, auth: 'header' });
    const id = ex.status === 200 ? src.pick(ex.json) : undefined;
    if (typeof id !== 'string' || id === '') return { ok: false, reason: `no ${resource} id: ${ex.describe} gave none (${describeFailure(ex, src.what)})` };
    return { ok: true, value: { id, source: ex.describe, related: {} } };
  }

  private async discoverMedia(): Promise<Discovery> {
    const list = await this.sendRequest({ method: 'get', path: '/conversations', query: { page: '1', per_page: String(MEDIA_SEARCH_CONVERSATIONS) }, auth: 'header' });
    const conversations = ((list.json as Json | undefined)?.conversations as Json[] | undefined) ?? [];
    if (list.status !== 200 || conversations.length === 0) return { ok: false, reason: `no media id: ${list.describe} gave no conversations (${describeFailure(list, 'conversations')})` };
    for (const c of conversations) {
      const conversationId = c.uniqueId;
      if (typeof conversationId !== 'string') continue;
      const ex = await this.sendRequest({ method: 'get', path: `/conversation/${encodeURIComponent(conversationId)}/messages`, query: { page: '1', per_page: '200' }, auth: 'header' });
      const messages = ((ex.json as Json | undefined)?.messages as Json[] | undefined) ?? [];
      for (const m of messages) {
        const mediaId = (m.messageData as Json | undefined)?.id;
        if (MEDIA_TYPES.has(String(m.messageType)) && typeof mediaId === 'string' && MEDIA_ID.test(mediaId)) {
          return { ok: true, value: { id: mediaId, source: ex.describe, related: { conversation: conversationId } } };
        }
      }
    }
    return { ok: false, reason: `no media id: none of the first ${conversations.length} conversations has a media message (looked with GET /conversation/{id}/messages)` };
  }
}
