/**
 * With --allow-writes: stateful flows that create their own records, read them back, update them, delete them
 * and check they are gone, covering the write operations. Everything a flow creates is registered for cleanup
 * as soon as it exists; whatever cannot be removed is reported as a leftover, in words.
 */
import { operationById, type OperationInfo, type Violation } from '../spec/index.js';
import { dotted, valueAt } from '../spec/json-pointer.js';
import { buildRequest, KitError, type BuildOverrides } from './build-request.js';
import { SAMPLE_DATE_TIME } from './sample-values.js';
import type { Resource } from './discover-ids.js';
import type { OutgoingRequest } from './http.js';
import { negativeCases } from './negative-cases.js';
import type { Session } from './session.js';

/** Why each GET with side effects (marked `x-wapikit-writes` in the spec) is never sent in a read-only run. */
export const SIDE_EFFECT_GETS: ReadonlyMap<string, string> = new Map([
  ['regenerateApiKey', 'a GET that replaces the organization API key, which cannot be undone'],
]);

/** Write operations the flows leave alone, and why. */
export const NOT_EXERCISED: ReadonlyMap<string, string> = new Map([
  ['register', 'creates a user account, which the API cannot delete'],
  ['verifyOtp', 'needs the one-time code emailed by register'],
  ['resetPasswordInit', 'starts a password reset for a real account (emails a code)'],
  ['resetPasswordVerify', 'needs the code emailed by resetPasswordInit'],
  ['resetPasswordComplete', 'would change an account password'],
  ['joinOrganization', 'needs an invitation slug, which no response carries'],
  ['acceptOrganizationInvite', 'needs an invitation slug, which no response carries'],
  ['switchOrganization', 'issues a token for another organization of the account'],
  ['createOrganization', 'creates an organization, which the API cannot delete'],
  ['updateOrganization', 'changes the organization profile, which the kit cannot restore exactly'],
  ['transferOrganizationOwnership', 'would hand the organization to another member'],
  ['createOrganizationInvite', 'emails an invitation, which the API cannot withdraw'],
  ['updateOrganizationMemberById', 'changes the access level of a real member'],
  ['deleteOrganizationMemberById', 'removes a real member'],
  ['updateOrganizationMemberRoleById', 'changes the roles of a real member'],
  ['updateWhatsappBusinessAccountDetails', 'replaces the WhatsApp Business credentials'],
  ['updateUser', 'changes the caller\'s profile, which the kit cannot restore exactly'],
  ['bulkImportContacts', 'a multipart CSV upload, which the kit does not generate'],
  ['uploadFileInConversation', 'uploads a file to WhatsApp, which the API cannot delete'],
  ['sendMessageInAiChat', 'adds to an AI chat history, which the API cannot delete'],
  ['voteOnAiChatMessage', 'records a vote, which the API cannot withdraw'],
  ['regenerateApiKey', 'replaces the organization API key, which cannot be undone'],
]);

type Json = Record<string, unknown>;

interface Cleanup {
  what: string;
  request?: OutgoingRequest;
  done: boolean;
}

/** One write flow run: the session, a run id that names records, and the cleanup stack. */
class Flows {
  private readonly cleanups: Cleanup[] = [];

  constructor(
    private readonly s: Session,
    private readonly runId: string,
  ) {}

  op(id: string): OperationInfo {
    return operationById(this.s.doc, id);
  }

  get stateful(): boolean {
    return this.s.stateful;
  }

  /** Marks operations as not exercised by this run, with the reason (unless they already have cases). */
  skip(operationIds: string[], reason: string): void {
    for (const id of operationIds) if (!this.s.skipReasons.has(id)) this.s.skipReasons.set(id, reason);
  }

  /**
   * Runs one write: its negative cases first (they must not change anything), then the valid request.
   * Returns the JSON body of a 2xx answer, or undefined.
   */
  async call(operationId: string, overrides: BuildOverrides, name = 'valid request'): Promise<unknown> {
    const op = this.op(operationId);
    let built;
    try {
      const b = await buildRequest(this.s, op, overrides);
      if (!b.ok) {
        this.skip([operationId], b.reason);
        return undefined;
      }
      built = b.built;
    } catch (err) {
      if (!(err instanceof KitError)) throw err;
      this.s.judge(op, 'valid-request', name, [{ pointer: '', message: err.message, expected: 'a valid request', actual: 'none' }]);
      return undefined;
    }
    for (const neg of negativeCases(built)) {
      if (neg.kind === 'missing-parameter' && op.method === 'delete') {
        this.s.skipCase(op, neg.kind, neg.name, 'not sent: a server that ignored the missing parameter could delete records that are not the kit\'s own');
      } else if (neg.needsStateful && !this.stateful) this.s.skipCase(op, neg.kind, neg.name, 'needs a stateful target (the target profile says it keeps no data)');
      else {
        const { exchange } = await this.s.runCase(op, neg.kind, neg.name, neg.request, neg.expectation);
        if (exchange && exchange.status >= 200 && exchange.status < 300) {
          this.s.leftovers.push(`${operationId} accepted a request ${neg.name} (${exchange.describe} answered ${exchange.status}): whatever it created or changed was not undone`);
        }
      }
    }
    const { exchange } = await this.s.runCase(op, 'valid-request', name, built.request, { kind: 'success' });
    return exchange && exchange.status >= 200 && exchange.status < 300 ? (exchange.json ?? null) : undefined;
  }

  /** Reads a record back with `getOp` and compares fields with what was written; recorded on `writeOp`. */
  async readBack(writeOp: string, getOp: string, path: Record<string, string>, expected: Array<[string, unknown]>): Promise<unknown> {
    const name = `read back with ${getOp}`;
    if (!this.stateful) {
      this.s.skipCase(this.op(writeOp), 'read-back', name, 'needs a stateful target (the target profile says it keeps no data)');
      return undefined;
    }
    const b = await buildRequest(this.s, this.op(getOp), { path });
    if (!b.ok) return undefined;
    const { exchange } = await this.s.runCase(this.op(getOp), 'valid-request', `valid request (reading back ${writeOp})`, b.built.request, { kind: 'success' });
    if (!exchange || exchange.status !== 200) {
      this.s.judge(this.op(writeOp), 'read-back', name, [{ pointer: '', message: `could not read the record back: ${exchange?.describe ?? getOp} answered ${exchange?.status ?? 'nothing'}`, expected: '200', actual: exchange?.status }], exchange);
      return undefined;
    }
    const violations: Violation[] = [];
    for (const [pointer, want] of expected) {
      const got = valueAt(exchange.json, pointer);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        violations.push({ pointer, message: `after ${writeOp}, ${getOp} returned '${dotted(pointer)}' = ${JSON.stringify(got)}, not ${JSON.stringify(want)} as written`, expected: JSON.stringify(want), actual: got });
      }
    }
    this.s.judge(this.op(writeOp), 'read-back', name, violations, exchange);
    return exchange.json;
  }

  /** After a delete, the record must be gone: `getOp` answers 404. Recorded on the delete operation. */
  async gone(deleteOp: string, getOp: string, path: Record<string, string>): Promise<void> {
    const name = `gone after delete (${getOp} answers 404)`;
    if (!this.stateful) {
      this.s.skipCase(this.op(deleteOp), 'read-back', name, 'needs a stateful target (the target profile says it keeps no data)');
      return;
    }
    const b = await buildRequest(this.s, this.op(getOp), { path });
    if (!b.ok) return;
    const { exchange } = await this.s.runCase(this.op(getOp), 'unknown-id', `with the id of a record just deleted by ${deleteOp}`, b.built.request, { kind: 'status', status: 404, why: `${deleteOp} deleted it` });
    const violations: Violation[] = exchange && exchange.status !== 404
      ? [{ pointer: '', message: `after ${deleteOp} answered success, ${getOp} still answers ${exchange.status} for the deleted record`, expected: '404', actual: exchange.status }]
      : [];
    this.s.judge(this.op(deleteOp), 'read-back', name, violations, exchange);
  }

  /** Registers something to remove at the end, unless the flow removes it itself (`done`). */
  created(what: string, request?: OutgoingRequest): Cleanup {
    const c: Cleanup = { what, request, done: false };
    this.cleanups.push(c);
    return c;
  }

  async cleanUp(): Promise<void> {
    for (const c of [...this.cleanups].reverse()) {
      if (c.done) continue;
      if (!c.request) {
        this.s.leftovers.push(this.stateful ? c.what : `${c.what} (the target keeps no data, so probably nothing is left)`);
        continue;
      }
      try {
        const ex = await this.s.send(c.request);
        if (ex.status >= 200 && ex.status < 300) c.done = true;
        else this.s.leftovers.push(`${c.what}: ${ex.describe} answered ${ex.status}`);
      } catch (err) {
        this.s.leftovers.push(`${c.what}: ${(err as Error).message}`);
      }
    }
  }

  /** The id of a record the target listed, for a stateless target where any listed id will do. */
  async standIn(resource: Resource): Promise<string | undefined> {
    const d = await this.s.pool.get(resource);
    return d.ok ? d.value.id : undefined;
  }

  get names() {
    return {
      tag: `contract-kit tag ${this.runId}`,
      list: `contract-kit list ${this.runId}`,
      contact: `contract-kit contact ${this.runId}`,
      campaign: `contract-kit campaign ${this.runId}`,
      role: `contract-kit role ${this.runId}`,
      document: `contract-kit document ${this.runId}`,
      message: `contract-kit message ${this.runId}`,
    };
  }

  /**
   * A phone number no real person has, varying with the run: Ofcom reserves +44 7700 900000–900999 for
   * fiction. Valid by any numbering-plan check (a UK mobile number), unlike the North American 555 numbers.
   */
  phone(n: number): string {
    let hash = 0;
    for (const ch of this.runId) hash = (hash * 31 + ch.charCodeAt(0)) % 1000;
    return `447700900${String((hash + n) % 1000).padStart(3, '0')}`;
  }
}

const NO_CONTACT = 'the flows work on a contact of their own, and createContacts did not give one';

async function findContactByPhone(s: Session, phone: string): Promise<string | undefined> {
  for (let page = 1; page <= 20; page++) {
    const ex = await s.send({ method: 'get', path: '/contacts', query: { page: String(page), per_page: '50', order: 'desc' }, auth: 'header' });
    const contacts = ((ex.json as Json | undefined)?.contacts as Json[] | undefined) ?? [];
    const hit = contacts.find((c) => String(c.phone).replace(/^\+/, '') === phone);
    if (hit && typeof hit.uniqueId === 'string') return hit.uniqueId;
    if (ex.status !== 200 || contacts.length < 50) return undefined;
  }
  return undefined;
}

/** The caller's organization member id: the member whose email is the signed-in user's. */
async function ownMemberId(s: Session): Promise<string | undefined> {
  const user = await s.send({ method: 'get', path: '/user', query: {}, auth: 'header' });
  const email = valueAt(user.json, '/user/email');
  for (let page = 1; page <= 10; page++) {
    const ex = await s.send({ method: 'get', path: '/organization/members', query: { page: String(page), per_page: '50' }, auth: 'header' });
    const members = ((ex.json as Json | undefined)?.members as Json[] | undefined) ?? [];
    const me = members.find((m) => m.email === email);
    if (me && typeof me.uniqueId === 'string') return me.uniqueId;
    if (ex.status !== 200 || members.length < 50) break;
  }
  return undefined;
}

async function tagFlow(f: Flows, s: Session): Promise<string | undefined> {
  const label = f.names.tag;
  const created = await f.call('createOrganizationTag', { body: { label } });
  const tagId = valueAt(created, '/tag/uniqueId');
  if (typeof tagId !== 'string') return undefined;
  f.created(`tag '${label}' (${tagId}): the API has no operation to delete tags`);
  if (f.stateful) {
    let found = false;
    for (let page = 1; page <= 20 && !found; page++) {
      const ex = await s.send({ method: 'get', path: '/organization/tags', query: { page: String(page), per_page: '50' }, auth: 'header' });
      const tags = ((ex.json as Json | undefined)?.tags as Json[] | undefined) ?? [];
      found = tags.some((t) => t.uniqueId === tagId && t.label === label);
      if (tags.length < 50) break;
    }
    s.judge(f.op('createOrganizationTag'), 'read-back', 'read back with getOrganizationTags', found ? [] : [
      { pointer: '/tag', message: `after createOrganizationTag, getOrganizationTags does not list the tag '${label}' (${tagId})`, expected: 'listed', actual: 'missing' },
    ]);
  } else {
    s.skipCase(f.op('createOrganizationTag'), 'read-back', 'read back with getOrganizationTags', 'needs a stateful target (the target profile says it keeps no data)');
  }
  return tagId;
}

async function listFlow(f: Flows, tagId: string | undefined): Promise<{ listId: string; cleanup: Cleanup } | undefined> {
  const name = f.names.list;
  const created = await f.call('createList', { body: { name, tags: tagId ? [tagId] : [] } });
  const listId = valueAt(created, '/list/uniqueId');
  if (typeof listId !== 'string') {
    f.skip(['getListById', 'updateListById', 'deleteListById', 'deleteContactsByList'], 'createList did not return a list id');
    return undefined;
  }
  const cleanup = f.created(`list '${name}' (${listId})`, { method: 'delete', path: `/lists/${listId}`, query: {}, auth: 'header' });
  await f.readBack('createList', 'getListById', { id: listId }, [['/list/name', name]]);
  await f.call('updateListById', { path: { id: listId }, body: { name: `${name} (updated)`, tags: [] } });
  await f.readBack('updateListById', 'getListById', { id: listId }, [['/list/name', `${name} (updated)`]]);
  return { listId, cleanup };
}

async function createContact(f: Flows, s: Session, n: number, listId: string): Promise<{ id: string; phone: string; cleanup: Cleanup } | undefined> {
  const phone = f.phone(n);
  const name = `${f.names.contact} #${n}`;
  const created = await f.call('createContacts', { body: [{ name, phone, attributes: { source: 'contract-kit' }, listsIds: [listId], status: 'Active' }] }, n === 1 ? 'valid request' : 'valid request (second contact)');
  if (created === undefined) return undefined;
  let id = f.stateful ? await findContactByPhone(s, phone) : await f.standIn('contact');
  if (!id) {
    if (f.stateful) {
      s.judge(f.op('createContacts'), 'read-back', 'read back with getContacts', [
        { pointer: '/contacts', message: `after createContacts answered success, getContacts does not list a contact with the phone ${phone}`, expected: 'listed', actual: 'missing' },
      ]);
      f.created(`contact '${name}' (phone ${phone}): created, but GET /contacts does not list it, so the kit could not delete it`);
    }
    return undefined;
  }
  id = String(id);
  const cleanup = f.created(`contact '${name}' (${id})`, { method: 'delete', path: `/contacts/${id}`, query: {}, auth: 'header' });
  if (!f.stateful) cleanup.done = true; // a stand-in id of a stateless target: nothing was really created
  return { id, phone, cleanup };
}

async function conversationFlow(f: Flows, s: Session, contactId: string): Promise<void> {
  const created = await f.call('createConversation', { body: { contactId } });
  const conversationId = valueAt(created, '/conversation/uniqueId');
  const dependent = ['updateConversationById', 'deleteConversationById', 'assignConversation', 'unassignConversation', 'sendMessageInConversation', 'markConversationAsRead'];
  if (typeof conversationId !== 'string') {
    f.skip(dependent, 'createConversation did not return a conversation of the kit\'s own contact to work in');
    return;
  }
  const cleanup = f.created(`conversation ${conversationId} with the kit's contact`, { method: 'delete', path: `/conversation/${conversationId}`, query: {}, auth: 'header' });
  await f.readBack('createConversation', 'getConversationById', { id: conversationId }, [['/conversation/contactId', contactId]]);

  const text = f.names.message;
  const sent = await f.call('sendMessageInConversation', { path: { id: conversationId }, body: { createdAt: SAMPLE_DATE_TIME, messageData: { messageType: 'Text', text } } });
  const messageId = valueAt(sent, '/message/uniqueId');
  if (typeof messageId === 'string' && f.stateful) {
    const b = await buildRequest(s, f.op('getConversationMessages'), { path: { id: conversationId }, query: { page: '1', per_page: '50' } });
    if (b.ok) {
      const { exchange } = await s.runCase(f.op('getConversationMessages'), 'valid-request', 'valid request (reading back sendMessageInConversation)', b.built.request, { kind: 'success' });
      const messages = (valueAt(exchange?.json, '/messages') as Json[] | undefined) ?? [];
      const mine = messages.find((m) => m.uniqueId === messageId);
      s.judge(f.op('sendMessageInConversation'), 'read-back', 'read back with getConversationMessages', mine
        ? (valueAt(mine, '/messageData/text') === text ? [] : [{ pointer: '/messages', message: `after sendMessageInConversation, getConversationMessages returns the message with text ${JSON.stringify(valueAt(mine, '/messageData/text'))}, not ${JSON.stringify(text)} as sent`, expected: text, actual: valueAt(mine, '/messageData/text') }])
        : [{ pointer: '/messages', message: `after sendMessageInConversation, getConversationMessages does not list the message ${messageId}`, expected: 'listed', actual: 'missing' }], exchange);
    }
  } else if (!f.stateful) {
    s.skipCase(f.op('sendMessageInConversation'), 'read-back', 'read back with getConversationMessages', 'needs a stateful target (the target profile says it keeps no data)');
  }
  await f.call('markConversationAsRead', { path: { id: conversationId } });

  const memberId = f.stateful ? await ownMemberId(s) : await f.standIn('member');
  if (memberId) {
    await f.call('assignConversation', { path: { id: conversationId }, body: { organizationMemberId: memberId } });
    await f.readBack('assignConversation', 'getConversationById', { id: conversationId }, [['/conversation/assignedTo/uniqueId', memberId]]);
    await f.call('unassignConversation', { path: { id: conversationId }, body: { userId: memberId } });
    await f.readBack('unassignConversation', 'getConversationById', { id: conversationId }, [['/conversation/assignedTo', undefined]]);
  } else {
    f.skip(['assignConversation', 'unassignConversation'], 'could not find the caller\'s own organization member (GET /user and GET /organization/members) to assign to');
  }

  await f.call('updateConversationById', { path: { id: conversationId }, body: { status: 'Closed' } });
  await f.readBack('updateConversationById', 'getConversationById', { id: conversationId }, [['/conversation/status', 'Closed']]);
  const deleted = await f.call('deleteConversationById', { path: { id: conversationId } });
  if (deleted !== undefined) {
    cleanup.done = true;
    await f.gone('deleteConversationById', 'getConversationById', { id: conversationId });
  }
}

async function contactFlows(f: Flows, s: Session, listId: string): Promise<void> {
  const first = await createContact(f, s, 1, listId);
  if (!first) {
    f.skip(['updateContactById', 'deleteContactById', 'deleteContactsByList', 'createConversation', 'updateConversationById', 'deleteConversationById', 'assignConversation', 'unassignConversation', 'sendMessageInConversation', 'markConversationAsRead'], NO_CONTACT);
    return;
  }
  const name = `${f.names.contact} #1`;
  await f.readBack('createContacts', 'getContactById', { id: first.id }, [['/contact/name', name], ['/contact/phone', first.phone]]);
  await f.call('updateContactById', { path: { id: first.id }, body: { name: `${name} (updated)`, phone: first.phone, status: 'Active', attributes: {}, lists: [listId] } });
  await f.readBack('updateContactById', 'getContactById', { id: first.id }, [['/contact/name', `${name} (updated)`]]);

  await conversationFlow(f, s, first.id);

  if (await f.call('deleteContactById', { path: { id: first.id } }) !== undefined) {
    first.cleanup.done = true;
    await f.gone('deleteContactById', 'getContactById', { id: first.id });
  }

  const second = await createContact(f, s, 2, listId);
  if (!second) {
    f.skip(['deleteContactsByList'], NO_CONTACT);
    return;
  }
  if (await f.call('deleteContactsByList', { query: { id: listId } }) !== undefined) {
    second.cleanup.done = true;
    await f.gone('deleteContactsByList', 'getContactById', { id: second.id });
  }
}

async function campaignFlow(f: Flows, listId: string): Promise<void> {
  const ops = ['createCampaign', 'updateCampaignById', 'deleteCampaignById'];
  const template = await f.standIn('template');
  const phoneNumber = await f.standIn('phoneNumber');
  if (!template || !phoneNumber) {
    f.skip(ops, `a campaign needs a message template and a phone number of the WhatsApp account; the target lists ${template ? 'no phone numbers' : 'no message templates'}`);
    return;
  }
  const name = f.names.campaign;
  const created = await f.call('createCampaign', { body: { name, listIds: [listId], templateMessageId: template, phoneNumberToUse: phoneNumber, isLinkTrackingEnabled: false, tags: [] } });
  const campaignId = valueAt(created, '/campaign/uniqueId');
  if (typeof campaignId !== 'string') {
    f.skip(ops.slice(1), 'createCampaign did not return a campaign id');
    return;
  }
  const cleanup = f.created(`campaign '${name}' (${campaignId})`, { method: 'delete', path: `/campaigns/${campaignId}`, query: {}, auth: 'header' });
  await f.readBack('createCampaign', 'getCampaignById', { id: campaignId }, [['/campaign/name', name], ['/campaign/status', 'Draft']]);
  await f.call('updateCampaignById', { path: { id: campaignId }, body: { name: `${name} (updated)`, listIds: [listId], enableLinkTracking: false, tags: [], status: 'Draft', phoneNumber } });
  await f.readBack('updateCampaignById', 'getCampaignById', { id: campaignId }, [['/campaign/name', `${name} (updated)`]]);
  if (await f.call('deleteCampaignById', { path: { id: campaignId } }) !== undefined) {
    cleanup.done = true;
    await f.gone('deleteCampaignById', 'getCampaignById', { id: campaignId });
  }
}

async function roleFlow(f: Flows): Promise<void> {
  const name = f.names.role;
  const created = await f.call('createOrganizationRole', { body: { name, permissions: ['Get:Contact'] } });
  const roleId = valueAt(created, '/role/uniqueId');
  if (typeof roleId !== 'string') {
    f.skip(['updateOrganizationRoleById', 'deleteOrganizationRoleById'], 'createOrganizationRole did not return a role id');
    return;
  }
  const cleanup = f.created(`role '${name}' (${roleId})`, { method: 'delete', path: `/rbac/roles/${roleId}`, query: {}, auth: 'header' });
  await f.readBack('createOrganizationRole', 'getOrganizationRoleById', { id: roleId }, [['/role/name', name], ['/role/permissions', ['Get:Contact']]]);
  await f.call('updateOrganizationRoleById', { path: { id: roleId }, body: { name: `${name} (updated)`, permissions: ['Get:Contact', 'Get:List'] } });
  await f.readBack('updateOrganizationRoleById', 'getOrganizationRoleById', { id: roleId }, [['/role/name', `${name} (updated)`], ['/role/permissions', ['Get:Contact', 'Get:List']]]);
  if (await f.call('deleteOrganizationRoleById', { path: { id: roleId } }) !== undefined) {
    cleanup.done = true;
    await f.gone('deleteOrganizationRoleById', 'getOrganizationRoleById', { id: roleId });
  }
}

async function knowledgeBaseFlow(f: Flows): Promise<void> {
  const title = f.names.document;
  const created = await f.call('createKnowledgeBaseDocument', { body: { title, content: 'Written by the wapikit-mock contract kit; safe to delete.' } });
  const id = valueAt(created, '/document/uniqueId');
  if (typeof id !== 'string') {
    f.skip(['updateKnowledgeBaseDocumentById', 'deleteKnowledgeBaseDocumentById'], 'createKnowledgeBaseDocument did not return a document id');
    return;
  }
  const cleanup = f.created(`knowledge-base document '${title}' (${id})`, { method: 'delete', path: `/knowledge-base/${id}`, query: {}, auth: 'header' });
  await f.readBack('createKnowledgeBaseDocument', 'getKnowledgeBaseDocumentById', { id }, [['/document/title', title]]);
  await f.call('updateKnowledgeBaseDocumentById', { path: { id }, body: { title: `${title} (updated)` } });
  await f.readBack('updateKnowledgeBaseDocumentById', 'getKnowledgeBaseDocumentById', { id }, [['/document/title', `${title} (updated)`]]);
  if (await f.call('deleteKnowledgeBaseDocumentById', { path: { id } }) !== undefined) {
    cleanup.done = true;
    await f.gone('deleteKnowledgeBaseDocumentById', 'getKnowledgeBaseDocumentById', { id });
  }
}

const FLOW_OPERATIONS = {
  tag: ['createOrganizationTag'],
  listBased: ['createList', 'getListById', 'updateListById', 'deleteListById', 'createContacts', 'getContactById', 'updateContactById', 'deleteContactById', 'deleteContactsByList',
    'createConversation', 'getConversationById', 'getConversationMessages', 'sendMessageInConversation', 'markConversationAsRead', 'assignConversation', 'unassignConversation',
    'updateConversationById', 'deleteConversationById', 'createCampaign', 'getCampaignById', 'updateCampaignById', 'deleteCampaignById'],
  role: ['createOrganizationRole', 'getOrganizationRoleById', 'updateOrganizationRoleById', 'deleteOrganizationRoleById'],
  knowledgeBase: ['createKnowledgeBaseDocument', 'getKnowledgeBaseDocumentById', 'updateKnowledgeBaseDocumentById', 'deleteKnowledgeBaseDocumentById'],
} as const;

/**
 * Runs the write flows that cover at least one selected operation; a failing flow does not stop the others,
 * and cleanup always runs.
 */
export async function runWriteFlows(s: Session, runId: string, selected: ReadonlySet<string>): Promise<void> {
  const f = new Flows(s, runId);
  const wants = (ids: readonly string[]) => ids.some((id) => selected.has(id));
  const guarded = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof Error && err.name === 'ConnectionError') throw err;
      s.problems.push(`${what} flow stopped: ${(err as Error).message}`);
    }
  };
  try {
    let tagId: string | undefined;
    if (wants(FLOW_OPERATIONS.tag)) await guarded('tag', async () => { tagId = await tagFlow(f, s); });
    if (wants(FLOW_OPERATIONS.listBased)) {
      let list: { listId: string; cleanup: Cleanup } | undefined;
      await guarded('list', async () => { list = await listFlow(f, tagId); });
      if (list) {
        const { listId } = list;
        await guarded('contact', () => contactFlows(f, s, listId));
        await guarded('campaign', () => campaignFlow(f, listId));
        await guarded('list deletion', async () => {
          if (await f.call('deleteListById', { path: { id: listId } }) !== undefined) {
            list!.cleanup.done = true;
            await f.gone('deleteListById', 'getListById', { id: listId });
          }
        });
      } else {
        f.skip(['createContacts', 'updateContactById', 'deleteContactById', 'deleteContactsByList', 'createCampaign', 'updateCampaignById', 'deleteCampaignById', 'createConversation'], 'the flows create their records inside a list of their own, and createList failed');
      }
    }
    if (wants(FLOW_OPERATIONS.role)) await guarded('role', () => roleFlow(f));
    if (wants(FLOW_OPERATIONS.knowledgeBase)) await guarded('knowledge base', () => knowledgeBaseFlow(f));
  } finally {
    await f.cleanUp();
  }
}
