/**
 * One valid request for every operation of the spec, built from the spec itself: ids discovered from the list
 * endpoints and the world, schema samples for the rest, and a few bodies written out where a sample would not
 * address real records. Shared by the suites that walk every operation (test/mock/every-operation.test.ts,
 * test/mock/response-cache.test.ts).
 */
import { expect } from 'vitest';
import { resourceForParam, type Resource } from '../../src/contract/discover-ids.js';
import { SAMPLE_DATE_TIME, SAMPLE_RANGE_END, sampleValue } from '../../src/contract/sample-values.js';
import { loadSpec, type OperationInfo } from '../../src/spec/index.js';
import { mediaBytes } from '../../src/world/index.js';
import { DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';
import { account, inviteSlugFromNotifications, OTP, signUp } from './account-flows.js';
import type { TestMock } from './mock-client.js';

const doc = loadSpec();

export interface Outgoing {
  path: string;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: NonNullable<Parameters<TestMock['call']>[2]>['rawBody'];
  /** `null` sends no token. */
  token?: string | null;
}

type Json = Record<string, unknown>;

const asString = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

const DEMO_EMAIL = DEMO_ACCOUNT.email;
const RANGE = { from: SAMPLE_DATE_TIME, to: SAMPLE_RANGE_END };

function form(field: string, fileName: string, contentType: string, bytes: Uint8Array | string, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append(field, new Blob([bytes], { type: contentType }), fileName);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

export interface OperationRequests {
  /** A valid request for `op` against the mock's current state. */
  requestFor(op: OperationInfo): Promise<Outgoing>;
  /** Forgets what was discovered (ids, an invitation): call it after the mock's state was reset. */
  forget(): void;
  /** The operations with a request written out (the rest come from the spec alone). */
  readonly overridden: readonly string[];
}

/** Requests against the mock `mocked()` returns (read on every use, so a suite may start it later). */
export function operationRequests(mocked: () => TestMock): OperationRequests {
  const ids = new Map<string, Promise<string>>();
  let invited: Promise<{ token: string; slug: string }> | undefined;

  const store = () => mocked().app.mock.store;
  const mainOrg = () => mocked().app.mock.world.mainOrganizationId;

  /** The first record's id of a list endpoint (ids of the generated world are the same after every reset). */
  function firstId(path: string, key: string, field = 'uniqueId', pick: (items: Json[]) => Json | undefined = (items) => items[0]): Promise<string> {
    const cacheKey = `${path}|${key}|${field}|${pick.toString()}`;
    let hit = ids.get(cacheKey);
    if (!hit) {
      hit = mocked().call('GET', path).then((r) => {
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
    const token = await signUp(mocked(), a);
    expect((await mocked().call('POST', '/organization/invites', { body: { email: a.email, accessLevel: 'Member' } })).status).toBe(200);
    return { token, slug: await inviteSlugFromNotifications(mocked(), token) };
  }

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

  /** Where a sample from the schema is not enough: bodies and ids that must name real, suitable records. */
  const OVERRIDES: Record<string, (req: Outgoing) => Promise<Partial<Outgoing>>> = {
    login: async () => ({ body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password } }),
    register: async () => ({ body: account('everyop') }),
    verifyOtp: async () => {
      await mocked().call('POST', '/auth/register', { body: account('everyop'), token: null });
      return { body: { ...account('everyop'), otp: OTP } };
    },
    resetPasswordInit: async () => ({ body: { email: DEMO_EMAIL } }),
    resetPasswordVerify: async () => {
      await mocked().call('POST', '/auth/reset-password/init', { body: { email: DEMO_EMAIL }, token: null });
      return { body: { email: DEMO_EMAIL, otp: OTP } };
    },
    resetPasswordComplete: async () => {
      await mocked().call('POST', '/auth/reset-password/init', { body: { email: DEMO_EMAIL }, token: null });
      await mocked().call('POST', '/auth/reset-password/verify', { body: { email: DEMO_EMAIL, otp: OTP }, token: null });
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
    getSSEUpdates: async () => ({ query: { token: mocked().token }, token: null }),
    sendMessageInAiChat: async () => ({ body: { query: 'How many open conversations do we have?' } }),
    voteOnAiChatMessage: async (req) => {
      const chatId = req.path.split('/')[3]!;
      const messages = (await mocked().call('GET', `/ai/chat/${chatId}/messages?page=1&per_page=50`)).body.messages as Json[];
      return { body: { type: 'Upvote', messageId: messages.find((m) => m.role === 'Assistant')!.uniqueId } };
    },
  };


  return {
    async requestFor(op) {
      const base = await fromSpec(op);
      return { ...base, ...(await OVERRIDES[op.operationId]?.(base)) };
    },
    forget() {
      ids.clear();
      invited = undefined;
    },
    overridden: Object.keys(OVERRIDES),
  };
}
