/**
 * The Feb-2025 server's own departures from its spec, one named entry each (API-FACTS §1.3, §2.2, §3, §4).
 * Off by default; `--profile server` turns on all of them, `--quirks a,b` some. The pipeline applies them in one
 * stage (src/pipeline/quirks.ts): `before` may answer instead of the handler, `after` may change the handler's
 * answer (an error answer included). Nothing here reaches into the domain: entries see the operation, the
 * caller, the raw query and the reply.
 */
import type { Caller } from '../auth/caller.js';
import type { OperationInfo } from '../spec/operations.js';
import { SERVER_ERROR_MESSAGE } from '../domain/errors.js';
import { NOT_PERMITTED } from '../domain/membership.js';

/** A JSON answer, as a quirk sees and makes it. */
export interface QuirkReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface QuirkRequest {
  op: OperationInfo;
  /** Undefined on public operations. */
  caller: Caller | undefined;
  /** The query string as sent, before validation. */
  query: Record<string, string | string[]>;
}

/**
 * How the contract kit proves an entry: a read-only run reports a violation on `operationId` whose message
 * matches `match`; or, for departures a read-only run as the demo owner cannot see (writes, a Member's token,
 * values the spec allows), a direct API test (test/quirks/quirks.test.ts).
 */
export type QuirkProof = { observableBy: 'contract-kit'; expectViolation: { operationId: string; match: RegExp } } | { observableBy: 'api-test' };

export interface Quirk {
  /** kebab-case, as `--quirks` takes it. */
  name: string;
  /** The operations it changes (operationIds), or a description of a class of them. */
  operations: readonly string[] | 'every permission-guarded operation' | 'list operations that do not check page';
  /** What the real server does, in one sentence. */
  does: string;
  /** Where API-FACTS.md states it. */
  reference: string;
  apply: {
    /** Answers instead of the handler, or undefined to let the request through. */
    before?: (req: QuirkRequest) => QuirkReply | undefined;
    /** The server's answer in place of the mock's, or undefined when this reply is not affected. */
    after?: (reply: QuirkReply, req: QuirkRequest) => QuirkReply | undefined;
  };
  proof: QuirkProof;
}

/** The three list operations whose handlers check `page` (API-FACTS §1.6), and the stub that ignores it. */
const CHECKS_PAGE = new Set(['getContacts', 'getConversations', 'getConversationMessages', 'getIntegrations']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `conversation` objects inside a body, wherever a conversation answer carries them. */
function withConversations(body: unknown, change: (c: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!isObject(body)) return body;
  if (Array.isArray(body.conversations)) return { ...body, conversations: body.conversations.map((c) => (isObject(c) ? change(c) : c)) };
  if (isObject(body.conversation)) return { ...body, conversation: change(body.conversation) };
  return body;
}

const ok = (reply: QuirkReply) => reply.status >= 200 && reply.status < 300;

/** Go's zero time, as the server serialises an unset timestamp. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** What GET /campaigns/{id} answers for an id it does not find: a campaign row of zero values (API-FACTS §1.5). */
export const EMPTY_CAMPAIGN = {
  uniqueId: '00000000-0000-0000-0000-000000000000',
  name: '',
  description: '',
  status: '',
  createdAt: ZERO_TIME,
  lists: [],
  tags: [],
  isLinkTrackingEnabled: false,
  templateMessageId: '',
  phoneNumberInUse: '',
} as const;


export const QUIRKS: readonly Quirk[] = [
  {
    name: 'conversations-total-zero',
    operations: ['getConversations'],
    does: 'Answers every page of conversations with paginationMeta.total 0.',
    reference: '§1.6, §2.2 #62, §4.1 #4',
    apply: {
      after: (reply) => (ok(reply) && isObject(reply.body) && isObject(reply.body.paginationMeta) ? { ...reply, body: { ...reply.body, paginationMeta: { ...reply.body.paginationMeta, total: 0 } } } : undefined),
    },
    proof: { observableBy: 'contract-kit', expectViolation: { operationId: 'getConversations', match: /paginationMeta\.total' is 0/ } },
  },
  {
    name: 'conversation-counts-missing',
    operations: ['getConversationById'],
    does: 'Answers a single conversation with numberOfUnreadMessages 0 and without totalMessages or assignedTo.',
    reference: '§2.2 #63, §3.3, §4.4 #19',
    apply: {
      after: (reply) =>
        ok(reply)
          ? {
              ...reply,
              body: withConversations(reply.body, (c) => {
                const { totalMessages: _t, assignedTo: _a, ...rest } = c;
                return { ...rest, numberOfUnreadMessages: 0 };
              }),
            }
          : undefined,
    },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'initiated-by-contact',
    operations: ['getConversations', 'getConversationById'],
    does: "Reports initiatedBy 'Contact' for every conversation, also one that answers a campaign.",
    reference: '§3.1, §3.4, §4.4 #22',
    apply: {
      after: (reply) => (ok(reply) ? { ...reply, body: withConversations(reply.body, (c) => ({ ...c, initiatedBy: 'Contact' })) } : undefined),
    },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'contact-unknown-id-500',
    operations: ['getContactById'],
    does: "Answers an unknown contact id with 500 'qrm: no rows in result set' instead of 404.",
    reference: '§1.5, §2.2 #49, §4.3 #17',
    apply: { after: (reply) => (reply.status === 404 ? { status: 500, body: 'qrm: no rows in result set' } : undefined) },
    proof: { observableBy: 'contract-kit', expectViolation: { operationId: 'getContactById', match: /→ 500: .*qrm: no rows in result set/ } },
  },
  {
    name: 'list-unknown-id-500',
    operations: ['getListById'],
    does: "Answers an unknown list id with 500 'Error fetching list' instead of 404.",
    reference: '§1.5, §2.2 #54, §4.3 #17',
    apply: { after: (reply) => (reply.status === 404 ? { status: 500, body: 'Error fetching list' } : undefined) },
    proof: { observableBy: 'contract-kit', expectViolation: { operationId: 'getListById', match: /→ 500: .*Error fetching list/ } },
  },
  {
    name: 'messages-no-route',
    operations: ['getMessages'],
    does: "Has no route for GET /messages: the router answers 404 {\"message\":\"Not Found\"}.",
    reference: '§2.2 #72, §4.2 #7',
    apply: { before: () => ({ status: 404, body: { message: 'Not Found' } }) },
    proof: { observableBy: 'contract-kit', expectViolation: { operationId: 'getMessages', match: /→ 404: .*Not Found/ } },
  },
  {
    name: 'integrations-constant-page',
    operations: ['getIntegrations'],
    does: 'Answers every request with the same empty page {page: 1, per_page: 10, total: 0}, whatever was asked.',
    reference: '§1.6, §2.2 #73',
    apply: { after: (reply) => (ok(reply) ? { ...reply, body: { integrations: [], paginationMeta: { page: 1, per_page: 10, total: 0 } } } : undefined) },
    // The kit sends no page or per_page here (both optional), and then the spec's defaults are the constant page.
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'page-zero-500',
    operations: 'list operations that do not check page',
    does: 'Passes page=0 (or a negative page) to SQL as a negative OFFSET and answers 500, except on the three list endpoints that check it.',
    reference: '§1.6',
    apply: {
      before: ({ op, query }) => {
        if (CHECKS_PAGE.has(op.operationId) || !op.parameters.some((p) => p.in === 'query' && p.name === 'page')) return undefined;
        const page = query.page;
        return typeof page === 'string' && /^\s*(-\d+|0+)\s*$/.test(page) ? { status: 500, body: 'pq: OFFSET must not be negative' } : undefined;
      },
    },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'location-message-null',
    operations: ['sendMessageInConversation'],
    does: 'Answers a sent Location message with {"message": null}: its serializer has no case for Location.',
    reference: '§2.2 #69, §3.2',
    apply: {
      after: (reply) => (ok(reply) && isObject(reply.body) && isObject(reply.body.message) && reply.body.message.messageType === 'Location' ? { ...reply, body: { ...reply.body, message: null } } : undefined),
    },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'member-roles-ignored',
    operations: 'every permission-guarded operation',
    does: "Never loads a Member's custom roles, so every permission-guarded route answers a non-Owner 401 'You are not authorized to access this resource.'.",
    reference: '§1.3, §4.5 #24',
    apply: {
      before: ({ op, caller }) =>
        caller && caller.accessLevel !== 'Owner' && op.permissions.length > 0 ? { status: 401, body: NOT_PERMITTED } : undefined,
    },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'create-answers-201',
    operations: ['createList', 'createOrganizationRole'],
    does: 'Answers a successful POST /lists or POST /rbac/roles with 201 (spec: 200), same body.',
    reference: '§1.4, §2.2 #24, #53, §4.3 #11',
    apply: { after: (reply) => (reply.status === 200 ? { ...reply, status: 201 } : undefined) },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'ok-string-bodies',
    operations: ['deleteListById', 'deleteCampaignById', 'updateOrganizationMemberById'],
    does: 'Answers success with the JSON string "OK" instead of the body the spec gives.',
    reference: '§1.4, §2.2 #36, #56, #61, §4.3 #12',
    apply: { after: (reply) => (ok(reply) ? { status: reply.status, body: 'OK' } : undefined) },
    proof: { observableBy: 'api-test' },
  },
  {
    name: 'campaign-unknown-id-empty',
    operations: ['getCampaignById'],
    does: 'Answers an unknown (or non-UUID) campaign id with 200 and an empty campaign whose uniqueId is 00000000-0000-0000-0000-000000000000, instead of 404.',
    reference: '§1.5, §2.2 #59, §4.3 #17',
    // The operation has only its path id, so a 400 here is a malformed id, which the server reads as the nil UUID.
    apply: { after: (reply) => (reply.status === 404 || reply.status === 400 ? { status: 200, body: { campaign: EMPTY_CAMPAIGN } } : undefined) },
    proof: { observableBy: 'contract-kit', expectViolation: { operationId: 'getCampaignById', match: /→ 200: .*"uniqueId":"00000000-0000-0000-0000-000000000000"/ } },
  },
  {
    name: 'write-then-500',
    operations: ['joinOrganization', 'updateUser'],
    does: "Performs the write (joins the organization, updates the user), then answers 500 ('Something went wrong while processing your request.', 'Error updating user') instead of the result.",
    reference: '§2.2 #8, #13, §4.3 #17',
    apply: { after: (reply, { op }) => (ok(reply) ? { status: 500, body: op.operationId === 'updateUser' ? 'Error updating user' : SERVER_ERROR_MESSAGE } : undefined) },
    proof: { observableBy: 'api-test' },
  },
];

export const QUIRK_NAMES: readonly string[] = QUIRKS.map((q) => q.name);

/** The names among `names` that are not quirks. */
export function unknownQuirks(names: readonly string[]): string[] {
  return names.filter((n) => !QUIRK_NAMES.includes(n));
}

/** The operations an entry changes, in words. */
export function operationsOf(q: Quirk): string {
  return typeof q.operations === 'string' ? q.operations : q.operations.join(', ');
}
