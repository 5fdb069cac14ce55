/**
 * Every operation of the spec, one valid request each, against a fresh mock state: the answer must be the
 * operation's documented success status with a documented content type, and (for JSON) a body valid against the
 * spec (`call` checks that). The table comes from the spec itself, so an operation added to the spec is walked
 * too; requests are built from the spec's schemas, with ids discovered from the list endpoints and the world,
 * and a few bodies written out where a schema-valid sample would not address real records.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceForParam, type Resource } from '../../src/contract/discover-ids.js';
import { SAMPLE_DATE_TIME, SAMPLE_RANGE_END, sampleValue } from '../../src/contract/sample-values.js';
import { listOperations, loadSpec, responseMedia, successStatus, type OperationInfo } from '../../src/spec/index.js';
import { mediaBytes } from '../../src/world/index.js';
import { account, inviteSlugFromNotifications, OTP, signUp } from '../support/account-flows.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';

const doc = loadSpec();
const operations = listOperations(doc);

interface Outgoing {
  path: string;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: NonNullable<Parameters<TestMock['call']>[2]>['rawBody'];
  /** `null` sends no token. */
  token?: string | null;
}

let mock: TestMock;
const ids = new Map<string, Promise<string>>();

beforeAll(async () => {
  mock = await startMock();
});
let invited: Promise<{ token: string; slug: string }> | undefined;
beforeEach(() => {
  mock.app.mock.reset();
  invited = undefined;
});
afterAll(async () => {
  await mock.close();
});

const store = () => mock.app.mock.store;
const mainOrg = () => mock.app.mock.world.mainOrganizationId;

type Json = Record<string, unknown>;

/** The first record's id of a list endpoint (ids of the generated world are the same after every reset). */
function firstId(path: string, key: string, field = 'uniqueId', pick: (items: Json[]) => Json | undefined = (items) => items[0]): Promise<string> {
  const cacheKey = `${path}|${key}|${field}|${pick.toString()}`;
  let hit = ids.get(cacheKey);
  if (!hit) {
    hit = mock.call('GET', path).then((r) => {
      const items = (key ? (r.body as Json)[key] : r.body) as Json[] | undefined;
      const id = items ? pick(items)?.[field] : undefined;
      if (r.status !== 200 || typeof id !== 'string') throw new Error(`cannot discover an id: GET ${path} answered ${r.status} ${r.text.slice(0, 200)}`);
      return id;
    });
    ids.set(cacheKey, hit);
  }
  return hit;
}

const nonOwner = () => firstId('/organization/members?page=1&per_page=50', 'members', 'uniqueId', (ms) => ms.find((m) => m.accessLevel === 'Member'));

async function mediaOf(): Promise<{ conversationId: string; mediaId: string }> {
  for (const c of [...store().conversations.values()].filter((x) => x.organizationId === mainOrg())) {
    const media = store().world.mediaOf(c.uniqueId)?.[0];
    if (media) return { conversationId: c.uniqueId, mediaId: media.mediaId };
  }
  throw new Error('the world has no media message');
}

async function discover(resource: Resource): Promise<string> {
  switch (resource) {
    case 'conversation': return firstId('/conversations?page=1&per_page=1', 'conversations');
    case 'contact': return firstId('/contacts?page=1&per_page=1', 'contacts');
    case 'list': return firstId('/lists?page=1&per_page=1', 'lists');
    case 'campaign': return firstId('/campaigns?page=1&per_page=1', 'campaigns');
    case 'role': return firstId('/rbac/roles?page=1&per_page=1', 'roles');
    case 'member': return nonOwner();
    case 'tag': return firstId('/organization/tags?page=1&per_page=1', 'tags');
    case 'template': return firstId('/organization/templates', '', 'id', (ts) => ts.find((t) => t.status === 'APPROVED'));
    case 'phoneNumber': return firstId('/organization/phone-numbers', '', 'id');
    case 'organization': return mainOrg();
    case 'aiChat': return firstId('/ai/chats?page=1&per_page=1', 'chats');
    case 'knowledgeBaseDocument': return firstId('/knowledge-base?page=1&per_page=1', 'documents');
    case 'media': return (await mediaOf()).mediaId;
    case 'inviteSlug': return (await invitation()).slug;
  }
}

/** A new account invited by the demo owner: its token and the slug it found in its notifications (one per test). */
function invitation(): Promise<{ token: string; slug: string }> {
  invited ??= invite();
  return invited;
}

async function invite(): Promise<{ token: string; slug: string }> {
  const a = account('invitee');
  const token = await signUp(mock, a);
  expect((await mock.call('POST', '/organization/invites', { body: { email: a.email, accessLevel: 'Member' } })).status).toBe(200);
  return { token, slug: await inviteSlugFromNotifications(mock, token) };
}

const asString = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A request built from the spec: ids for id parameters, schema samples for the rest. */
async function fromSpec(op: OperationInfo): Promise<Outgoing> {
  let path = op.path;
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in !== 'path' && !(p.in === 'query' && p.required)) continue;
    const resource = resourceForParam(op, p.name);
    const value = resource ? await discover(resource) : asString(sampleValue(doc, p.schema ?? {}));
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else query[p.name] = value;
  }
  const json = op.requestBody?.content['application/json'];
  return { path, query, ...(json ? { body: sampleValue(doc, json.schema ?? {}) } : {}) };
}

const DEMO_EMAIL = DEMO_ACCOUNT.email;
const RANGE = { from: SAMPLE_DATE_TIME, to: SAMPLE_RANGE_END };

function form(field: string, fileName: string, contentType: string, bytes: Uint8Array | string, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append(field, new Blob([bytes], { type: contentType }), fileName);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

/** Where a sample from the schema is not enough: bodies and ids that must name real, suitable records. */
const OVERRIDES: Record<string, (req: Outgoing) => Promise<Partial<Outgoing>>> = {
  login: async () => ({ body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password } }),
  register: async () => ({ body: account('everyop') }),
  verifyOtp: async () => {
    await mock.call('POST', '/auth/register', { body: account('everyop'), token: null });
    return { body: { ...account('everyop'), otp: OTP } };
  },
  resetPasswordInit: async () => ({ body: { email: DEMO_EMAIL } }),
  resetPasswordVerify: async () => {
    await mock.call('POST', '/auth/reset-password/init', { body: { email: DEMO_EMAIL }, token: null });
    return { body: { email: DEMO_EMAIL, otp: OTP } };
  },
  resetPasswordComplete: async () => {
    await mock.call('POST', '/auth/reset-password/init', { body: { email: DEMO_EMAIL }, token: null });
    await mock.call('POST', '/auth/reset-password/verify', { body: { email: DEMO_EMAIL, otp: OTP }, token: null });
    return { body: { email: DEMO_EMAIL, password: 'a-new-password' } };
  },
  joinOrganization: async () => {
    const { token, slug } = await invitation();
    return { token, body: { inviteSlug: slug } };
  },
  acceptOrganizationInvite: async () => {
    const { token, slug } = await invitation();
    return { token, path: `/organization/invite/${slug}/accept` };
  },
  switchOrganization: async () => ({ body: { organizationId: await firstId('/organization?page=1&per_page=10', 'organizations', 'uniqueId', (os) => os.find((o) => o.uniqueId !== mainOrg())) } }),
  createOrganizationInvite: async () => ({ body: { email: 'new-hire@example.com', accessLevel: 'Member' } }),
  updateOrganizationMemberById: async () => ({ body: { accessLevel: 'Member' } }),
  updateOrganizationMemberRoleById: async () => ({ body: { updatedRoleIds: [await discover('role')] } }),
  transferOrganizationOwnership: async () => ({ body: { newOwnerId: await nonOwner() } }),
  updateWhatsappBusinessAccountDetails: async () => ({ body: { businessAccountId: '104857392019283', accessToken: 'EAAGcontractkit' } }),
  createContacts: async () => ({ body: [{ name: 'Every Operation', phone: '919812345670', status: 'Active', attributes: { city: 'Pune' }, listsIds: [] }] }),
  updateContactById: async (req) => {
    const id = req.path.split('/').pop()!;
    const c = store().contacts.get(id)!;
    return { body: { name: 'Renamed Contact', status: 'Active', phone: c.phone, attributes: {}, lists: [] } };
  },
  bulkImportContacts: async () => ({ rawBody: form('file', 'contacts.csv', 'text/csv', 'name,phone,attributes\nBulk Person,919812345671,{}\n') }),
  createList: async () => ({ body: { name: 'Every operation list', tags: [] } }),
  updateListById: async () => ({ body: { name: 'Renamed list', tags: [] } }),
  createCampaign: async () => ({
    body: { name: 'Every operation campaign', listIds: [await discover('list')], templateMessageId: await discover('template'), phoneNumberToUse: await discover('phoneNumber'), isLinkTrackingEnabled: false, tags: [] },
  }),
  updateCampaignById: async () => {
    const draft = [...store().campaigns.values()].find((c) => c.organizationId === mainOrg() && c.status === 'Draft')!;
    return { path: `/campaigns/${draft.uniqueId}`, body: { name: 'Renamed campaign', listIds: [...draft.listIds], enableLinkTracking: false, tags: [], status: 'Draft', phoneNumber: draft.phoneNumberInUse } };
  },
  deleteCampaignById: async () => ({ path: `/campaigns/${[...store().campaigns.values()].find((c) => c.organizationId === mainOrg() && c.status === 'Draft')!.uniqueId}` }),
  getAggregateCounts: async () => ({ query: RANGE }),
  getAggregateCampaignAnalytics: async () => ({ query: RANGE }),
  getConversationAnalytics: async () => ({ query: RANGE }),
  createConversation: async () => {
    const contact = [...store().contacts.values()].find(
      (c) => c.organizationId === mainOrg() && !store().conversationsOfContact(c.uniqueId).some((id) => store().conversations.get(id)?.status === 'Active'),
    )!;
    return { body: { contactId: contact.uniqueId } };
  },
  assignConversation: async () => ({ body: { organizationMemberId: await nonOwner() } }),
  uploadFileInConversation: async () => {
    const png = mediaBytes('image');
    return { rawBody: form('file', 'photo.png', png.contentType, png.body) };
  },
  getConversationMedia: async () => {
    const { conversationId, mediaId } = await mediaOf();
    return { path: `/conversation/${conversationId}/media/${mediaId}` };
  },
  getSSEUpdates: async () => ({ query: { token: mock.token }, token: null }),
  sendMessageInAiChat: async () => ({ body: { query: 'How many open conversations do we have?' } }),
  voteOnAiChatMessage: async (req) => {
    const chatId = req.path.split('/')[3]!;
    const messages = (await mock.call('GET', `/ai/chat/${chatId}/messages?page=1&per_page=50`)).body.messages as Json[];
    return { body: { type: 'Upvote', messageId: messages.find((m) => m.role === 'Assistant')!.uniqueId } };
  },
};

/** Reads an event stream until its first frame, then hangs up. */
async function firstFrame(url: string): Promise<{ status: number; contentType: string; text: string }> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  const contentType = res.headers.get('content-type') ?? '';
  if (!contentType.includes('event-stream')) return { status: res.status, contentType, text: await res.text() };
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  ac.abort();
  return { status: res.status, contentType, text: new TextDecoder().decode(value) };
}

describe('every operation of the spec answers a valid request', () => {
  it.each(operations.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op] as const))('%s', async (_name, op) => {
    const base = await fromSpec(op);
    const req: Outgoing = { ...base, ...(await OVERRIDES[op.operationId]?.(base)) };
    const qs = new URLSearchParams(req.query).toString();
    const path = `${req.path}${qs ? `?${qs}` : ''}`;
    const token = op.auth === 'header' ? req.token : null;
    let status: number;
    let contentType: string;
    let text: string;
    if (op.operationId === 'getSSEUpdates') {
      ({ status, contentType, text } = await firstFrame(`${mock.url}/api${path}`));
      if (status === 200) expect(text).toMatch(/^event: connected\ndata: OK\n\n/);
    } else {
      const r = await mock.call(op.method.toUpperCase(), path, { body: req.body, rawBody: req.rawBody, token });
      ({ status, text } = r);
      contentType = r.headers.get('content-type') ?? '';
    }
    expect(status, `${op.method.toUpperCase()} ${path} → ${status}: ${text.slice(0, 300)}`).toBe(successStatus(op));
    expect(responseMedia(op, status, contentType), `content type '${contentType}' is documented for ${op.operationId} ${status}`).toBeDefined();
  });

  // Each case above stands alone (shuffled, filtered or not); this one checks the table itself.
  it('has one case per operation of the spec, and no override for an operation the spec lacks', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(OVERRIDES).filter((id) => !ids.includes(id))).toEqual([]);
  });
});
