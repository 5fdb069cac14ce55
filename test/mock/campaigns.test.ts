import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignRunner, RUNNER_SETTINGS } from '../../src/domain/campaign-runner.js';
import { CANNOT_DELETE_RUNNING, CANNOT_FINISH, NOT_RUNNING } from '../../src/domain/campaigns.js';
import { ManualScheduler } from '../../src/domain/scheduler.js';
import type { LiveEvent } from '../../src/store/events.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type ApiCampaign = Schemas['CampaignSchema'];
type Conv = Schemas['ConversationSchema'];

const UNKNOWN = '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6';

/** A mock whose campaign runner runs on virtual time, with helpers to build campaigns through the API. */
async function campaignMock() {
  const mock = await startMock();
  const clock = new ManualScheduler();
  campaignRunner(mock.app.mock.store).useScheduler(clock);
  const store = mock.app.mock.store;
  const org = mock.app.mock.world.mainOrganizationId;
  const template = [...store.templates.values()].find((t) => t.organizationId === org)!;
  const phone = [...store.phoneNumbers.values()].find((p) => p.organizationId === org)!;
  let phones = 0;

  /** A new list with `n` new contacts. */
  async function listWith(n: number): Promise<string> {
    const list = await mock.call<{ list: { uniqueId: string } }>('POST', '/lists', { body: { name: `Audience ${phones}`, tags: [] } });
    const listId = list.body.list.uniqueId;
    if (n > 0) {
      const body = Array.from({ length: n }, () => ({ name: `Customer ${phones}`, phone: `+1212555${String(1000 + phones++).padStart(4, '0')}`, status: 'Active', attributes: { city: 'New York' }, listsIds: [listId] }));
      expect((await mock.call('POST', '/contacts', { body })).status).toBe(200);
    }
    return listId;
  }

  async function create(extra: Record<string, unknown> = {}, listIds?: string[]): Promise<ApiCampaign> {
    const r = await mock.call<{ campaign: ApiCampaign }>('POST', '/campaigns', {
      body: { name: 'Autumn promo', listIds: listIds ?? [await listWith(2)], templateMessageId: template.id, phoneNumberToUse: phone.id, isLinkTrackingEnabled: true, tags: [], ...extra },
    });
    expect(r.status).toBe(200);
    return r.body.campaign;
  }

  const get = async (id: string) => (await mock.call<{ campaign: ApiCampaign }>('GET', `/campaigns/${id}`)).body.campaign;
  const setStatus = (id: string, status: string) => mock.call('POST', `/campaigns/${id}`, { body: { name: 'ignored for status changes', listIds: [], enableLinkTracking: false, tags: [], status } });

  /** A campaign of ours in the given state, reached through the API. */
  async function campaignIn(state: string): Promise<ApiCampaign> {
    if (state === 'Scheduled') return create({ scheduledAt: '2027-03-01T09:00:00.000Z' });
    const k = await create();
    if (state === 'Draft') return k;
    expect((await setStatus(k.uniqueId, 'Running')).status).toBe(200);
    if (state === 'Paused' || state === 'Cancelled') expect((await setStatus(k.uniqueId, state)).status).toBe(200);
    if (state === 'Finished') clock.advance(RUNNER_SETTINGS.stepMs);
    const now = await get(k.uniqueId);
    expect(now.status).toBe(state);
    return now;
  }

  return { mock, clock, store, template, phone, listWith, create, get, setStatus, campaignIn };
}

type Kit = Awaited<ReturnType<typeof campaignMock>>;

describe('campaign CRUD and lifecycle', () => {
  let kit: Kit;
  let mock: TestMock;
  beforeAll(async () => {
    kit = await campaignMock();
    mock = kit.mock;
  });
  afterAll(() => mock.close());

  it('creates a Draft, or a Scheduled campaign when scheduledAt is given', async () => {
    const draft = await kit.create();
    expect(draft).toMatchObject({ name: 'Autumn promo', status: 'Draft', isLinkTrackingEnabled: true });
    expect(draft.sentAt).toBeUndefined();
    expect(draft.progress).toBeUndefined();
    const scheduled = await kit.create({ scheduledAt: '2027-01-05T10:00:00Z' });
    expect(scheduled).toMatchObject({ status: 'Scheduled', scheduledAt: '2027-01-05T10:00:00.000Z' });
    expect(campaignRunner(kit.store).isScheduled(scheduled.uniqueId)).toBe(true);
    const detail = await kit.get(draft.uniqueId);
    expect(detail.stats).toMatchObject({ messagesSent: 0, totalMessages: 0 });
  });

  it.each([
    ['an unknown template', { templateMessageId: '123456789012345' }, "request body field 'templateMessageId' must be the id of a message template of this organization (see GET /organization/templates) (got '123456789012345')"],
    ['an unknown phone number', { phoneNumberToUse: '123456789012345' }, "request body field 'phoneNumberToUse' must be the id of a business phone number of this organization (see GET /organization/phone-numbers) (got '123456789012345')"],
    ['an unknown list', { listIds: [UNKNOWN] }, `request body field 'listIds[0]' must be the id of a contact list of this organization (got '${UNKNOWN}')`],
    ['an unknown tag', { tags: [UNKNOWN] }, `request body field 'tags[0]' must be the id of a tag of this organization (got '${UNKNOWN}')`],
    ['a missing name', { name: undefined }, "request body field 'name' is required"],
  ])('refuses a campaign with %s, creating nothing', async (_name, extra, message) => {
    const before = (await mock.call<{ paginationMeta: { total: number } }>('GET', '/campaigns?page=1&per_page=1')).body.paginationMeta.total;
    const listId = await kit.listWith(0);
    const body = { name: 'X', listIds: [listId], templateMessageId: kit.template.id, phoneNumberToUse: kit.phone.id, isLinkTrackingEnabled: false, tags: [], ...extra };
    const r = await mock.call('POST', '/campaigns', { body: JSON.parse(JSON.stringify(body)) });
    expect(r).toMatchObject({ status: 400, body: message });
    expect((await mock.call<{ paginationMeta: { total: number } }>('GET', '/campaigns?page=1&per_page=1')).body.paginationMeta.total).toBe(before);
  });

  it.each(['Draft', 'Scheduled', 'Running', 'Paused', 'Cancelled', 'Finished'])('filters the list by status %s', async (status) => {
    const r = await mock.call<{ campaigns: ApiCampaign[]; paginationMeta: { total: number } }>('GET', `/campaigns?page=1&per_page=500&status=${status}`);
    const expected = [...kit.store.campaigns.values()].filter((k) => k.organizationId === mock.app.mock.world.mainOrganizationId && k.status === status).length;
    expect(expected).toBeGreaterThan(0);
    expect(r.body.paginationMeta.total).toBe(expected);
    expect(r.body.campaigns.every((k) => k.status === status)).toBe(true);
  });

  // [from, requested status (undefined: a plain edit), outcome: the new status or the 400 message]
  const transitions: Array<[string, string | undefined, string]> = [
    ['Draft', 'Running', 'Running'],
    ['Draft', 'Paused', NOT_RUNNING],
    ['Draft', 'Cancelled', NOT_RUNNING],
    ['Draft', 'Finished', CANNOT_FINISH],
    ['Draft', undefined, 'Draft'],
    ['Draft', 'Scheduled', 'Scheduled'],
    ['Scheduled', 'Running', 'Running'],
    ['Scheduled', 'Paused', NOT_RUNNING],
    ['Scheduled', 'Draft', 'Draft'],
    ['Scheduled', undefined, 'Scheduled'],
    ['Running', 'Paused', 'Paused'],
    ['Running', 'Cancelled', 'Cancelled'],
    ['Running', 'Running', 'Running'],
    ['Running', 'Finished', CANNOT_FINISH],
    ['Running', undefined, 'Cannot edit a running campaign'],
    ['Running', 'Draft', 'Cannot edit a running campaign'],
    ['Paused', 'Running', 'Running'],
    ['Paused', 'Cancelled', NOT_RUNNING],
    ['Paused', undefined, 'Paused'],
    ['Paused', 'Draft', 'A paused campaign has already sent messages and cannot become Draft; set status Running to resume it'],
    ['Cancelled', 'Running', 'Cannot start a cancelled campaign'],
    ['Cancelled', 'Paused', NOT_RUNNING],
    ['Cancelled', undefined, 'Cannot edit a cancelled campaign'],
    ['Finished', 'Running', 'Cannot start a finished campaign'],
    ['Finished', 'Paused', NOT_RUNNING],
    ['Finished', undefined, 'Cannot edit a finished campaign'],
  ];
  it.each(transitions)('%s → %s: %s', async (from, status, outcome) => {
    const k = await kit.campaignIn(from);
    const before = (await mock.call('GET', `/campaigns/${k.uniqueId}`)).text;
    const listId = await kit.listWith(1);
    const body = { name: 'Edited name', listIds: [listId], enableLinkTracking: false, tags: [], ...(status ? { status } : {}), ...(status === 'Scheduled' ? { scheduledAt: '2027-02-01T08:00:00.000Z' } : {}) };
    const r = await mock.call('POST', `/campaigns/${k.uniqueId}`, { body });
    const after = await kit.get(k.uniqueId);
    if (outcome.includes(' ')) {
      expect(r).toMatchObject({ status: 400, body: outcome });
      expect((await mock.call('GET', `/campaigns/${k.uniqueId}`)).text).toBe(before);
      return;
    }
    expect(r).toMatchObject({ status: 200, body: { isUpdated: true } });
    expect(after.status).toBe(outcome);
    const edit = status === undefined || status === 'Draft' || status === 'Scheduled' || (status === from && status !== 'Running');
    // Status changes ignore the other fields, as on the real server; edits apply them.
    expect(after.name).toBe(edit ? 'Edited name' : k.name);
    if (edit) expect(after.lists.map((l) => l.uniqueId)).toEqual([listId]);
    expect(campaignRunner(kit.store).isScheduled(k.uniqueId)).toBe(outcome === 'Scheduled');
    if (outcome === 'Running') expect(campaignRunner(kit.store).running).toContain(k.uniqueId);
    if (from === 'Scheduled' && outcome === 'Draft') expect(after.scheduledAt).toBeUndefined();
  });

  it('refuses to schedule without a date', async () => {
    const k = await kit.campaignIn('Draft');
    const r = await mock.call('POST', `/campaigns/${k.uniqueId}`, { body: { name: 'x', listIds: [], enableLinkTracking: false, tags: [], status: 'Scheduled' } });
    expect(r).toMatchObject({ status: 400, body: "request body field 'scheduledAt' is required to schedule a campaign" });
  });

  it.each([
    ['Draft', 200],
    ['Scheduled', 200],
    ['Paused', 200],
    ['Finished', 200],
    ['Running', 400],
  ])('deletes a %s campaign (or refuses)', async (state, status) => {
    const k = await kit.campaignIn(state);
    const r = await mock.call('DELETE', `/campaigns/${k.uniqueId}`);
    if (status === 400) {
      expect(r).toMatchObject({ status: 400, body: CANNOT_DELETE_RUNNING });
      expect((await kit.get(k.uniqueId)).status).toBe('Running');
      return;
    }
    expect(r).toMatchObject({ status: 200, body: { data: true } });
    expect(await mock.call('GET', `/campaigns/${k.uniqueId}`)).toMatchObject({ status: 404, body: 'Campaign not found' });
    expect(campaignRunner(kit.store).isScheduled(k.uniqueId)).toBe(false);
  });

  it.each([
    ['GET', undefined],
    ['POST', { name: 'x', listIds: [], enableLinkTracking: false, tags: [] }],
    ['DELETE', undefined],
  ])('answers %s of an unknown campaign with 404', async (method, body) => {
    expect(await mock.call(method, `/campaigns/${UNKNOWN}`, body ? { body } : {})).toMatchObject({ status: 404, body: 'Campaign not found' });
  });
});

describe('a running campaign', () => {
  let kit: Kit;
  let mock: TestMock;
  const events: LiveEvent[] = [];
  beforeAll(async () => {
    kit = await campaignMock();
    mock = kit.mock;
    kit.store.events.subscribe((e) => events.push(e));
  });
  afterAll(() => mock.close());

  const progressOf = (id: string) => events.filter((e) => e.type === 'CampaignProgress' && e.data.campaignId === id).map((e) => e.data as { messagesSent: number; messagesErrored: number; status: string });

  it('sends one template per contact in batches, reports progress, gets replies and finishes', async () => {
    const audience = 30;
    const listId = await kit.listWith(audience);
    const k = await kit.create({ name: 'Holiday sale' }, [listId]);
    events.length = 0;
    expect((await kit.setStatus(k.uniqueId, 'Running')).status).toBe(200);
    expect(progressOf(k.uniqueId)).toEqual([{ campaignId: k.uniqueId, messagesSent: 0, messagesErrored: 0, status: 'Running' }]);
    const started = await kit.get(k.uniqueId);
    expect(started.sentAt).toBeDefined();
    expect(started.progress).toEqual({ totalMessages: audience, sent: 0 });

    kit.clock.advance(RUNNER_SETTINGS.stepMs - 1);
    expect(progressOf(k.uniqueId)).toHaveLength(1);
    let steps = 0;
    while ((await kit.get(k.uniqueId)).status === 'Running' && steps < 50) {
      kit.clock.advance(RUNNER_SETTINGS.stepMs);
      steps++;
      const last = progressOf(k.uniqueId).at(-1)!;
      expect(last.messagesSent + last.messagesErrored).toBe(Math.min(audience, steps * RUNNER_SETTINGS.batchSize));
    }
    expect(steps).toBe(Math.ceil(audience / RUNNER_SETTINGS.batchSize));
    const progress = progressOf(k.uniqueId);
    const final = progress.at(-1)!;
    expect(final.status).toBe('Finished');
    expect(final.messagesSent + final.messagesErrored).toBe(audience);
    expect(final.messagesSent).toBeGreaterThan(audience * 0.8);
    expect(progress.slice(0, -1).every((p) => p.status === 'Running')).toBe(true);

    const done = await kit.get(k.uniqueId);
    expect(done.progress).toEqual({ totalMessages: audience, sent: final.messagesSent });
    expect(done.lists[0]!.numberOfCampaignsSent).toBe(1);
    const analytics = await mock.call<Record<string, number>>('GET', `/analytics/campaign/${k.uniqueId}`);
    expect(analytics.body).toMatchObject({ messagesSent: final.messagesSent, messagesFailed: final.messagesErrored, totalMessages: audience });
    expect(done.stats).toEqual(analytics.body);

    // Replies: new conversations linked to the campaign, each with the customer's InBound message, unread.
    const replies = await mock.call<{ conversations: Conv[]; paginationMeta: { total: number } }>('GET', `/conversations?page=1&per_page=50&campaign_id=${k.uniqueId}`);
    expect(replies.body.paginationMeta.total).toBeGreaterThan(0);
    expect(analytics.body.conversationInitiated).toBe(replies.body.paginationMeta.total);
    expect(analytics.body.messagesRead).toBeGreaterThanOrEqual(replies.body.paginationMeta.total);
    for (const c of replies.body.conversations) {
      expect(c).toMatchObject({ campaignId: k.uniqueId, initiatedBy: 'Campaign', totalMessages: 1, numberOfUnreadMessages: 1 });
      const detail = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation;
      expect(detail.messages).toHaveLength(1);
      expect(detail.messages[0]).toMatchObject({ direction: 'InBound', status: 'Sent', messageType: 'Text' });
    }
    const opened = events.filter((e) => e.type === 'NewConversation');
    expect(opened).toHaveLength(replies.body.paginationMeta.total);
    expect(events.filter((e) => e.type === 'NewMessage')).toHaveLength(replies.body.paginationMeta.total);

    // Nothing left to do: the step timer is gone.
    expect(campaignRunner(kit.store).running).not.toContain(k.uniqueId);
    kit.clock.advance(10 * RUNNER_SETTINGS.stepMs);
    expect(progressOf(k.uniqueId)).toHaveLength(progress.length);
  });

  it('stops while paused and resumes where it stopped, never sending twice', async () => {
    const audience = 17;
    const k = await kit.create({ name: 'Pause me' }, [await kit.listWith(audience)]);
    await kit.setStatus(k.uniqueId, 'Running');
    kit.clock.advance(RUNNER_SETTINGS.stepMs);
    await kit.setStatus(k.uniqueId, 'Paused');
    const paused = progressOf(k.uniqueId).at(-1)!;
    expect(paused.status).toBe('Paused');
    expect(paused.messagesSent + paused.messagesErrored).toBe(RUNNER_SETTINGS.batchSize);
    kit.clock.advance(20 * RUNNER_SETTINGS.stepMs);
    expect(progressOf(k.uniqueId).at(-1)).toEqual(paused);
    await kit.setStatus(k.uniqueId, 'Running');
    kit.clock.advance(20 * RUNNER_SETTINGS.stepMs);
    const final = progressOf(k.uniqueId).at(-1)!;
    expect(final.status).toBe('Finished');
    expect(final.messagesSent + final.messagesErrored).toBe(audience);
  });

  it('a cancelled campaign sends nothing more and cannot be restarted', async () => {
    const k = await kit.create({ name: 'Cancel me' }, [await kit.listWith(12)]);
    await kit.setStatus(k.uniqueId, 'Running');
    kit.clock.advance(RUNNER_SETTINGS.stepMs);
    await kit.setStatus(k.uniqueId, 'Cancelled');
    const cancelled = progressOf(k.uniqueId).at(-1)!;
    kit.clock.advance(10 * RUNNER_SETTINGS.stepMs);
    expect(progressOf(k.uniqueId).at(-1)).toEqual(cancelled);
    expect((await kit.setStatus(k.uniqueId, 'Running')).body).toBe('Cannot start a cancelled campaign');
  });

  it('starts a Scheduled campaign at scheduledAt', async () => {
    // The test clock starts at 12:00 and steps a second per reading; 13:00 is about an hour away.
    const k = await kit.create({ name: 'At one', scheduledAt: '2026-11-24T13:00:00.000Z' }, [await kit.listWith(3)]);
    kit.clock.advance(55 * 60_000);
    expect((await kit.get(k.uniqueId)).status).toBe('Scheduled');
    let waited = 0;
    while (kit.store.campaigns.get(k.uniqueId)!.status === 'Scheduled' && waited < 10 * 60) {
      kit.clock.advance(1000);
      waited++;
    }
    expect(waited).toBeGreaterThan(0);
    const running = await kit.get(k.uniqueId);
    expect(running.status).toBe('Running');
    expect(progressOf(k.uniqueId)[0]).toMatchObject({ status: 'Running', messagesSent: 0 });
    kit.clock.advance(RUNNER_SETTINGS.stepMs);
    expect((await kit.get(k.uniqueId)).status).toBe('Finished');
  });

  it('moving a Scheduled campaign back to Draft cancels its start', async () => {
    const k = await kit.create({ name: 'Not yet', scheduledAt: '2026-11-24T14:00:00.000Z' }, [await kit.listWith(1)]);
    await mock.call('POST', `/campaigns/${k.uniqueId}`, { body: { name: 'Not yet', listIds: k.lists.map((l) => l.uniqueId), enableLinkTracking: false, tags: [], status: 'Draft' } });
    kit.clock.advance(3 * 3_600_000);
    expect((await kit.get(k.uniqueId)).status).toBe('Draft');
  });

  it('is repeatable: the same calls give the same counters and replies', async () => {
    const run = async () => {
      const again = await campaignMock();
      try {
        const k = await again.create({ name: 'Twice' }, [await again.listWith(25)]);
        await again.setStatus(k.uniqueId, 'Running');
        again.clock.advance(10 * RUNNER_SETTINGS.stepMs);
        const replies = await again.mock.call('GET', `/conversations?page=1&per_page=50&campaign_id=${k.uniqueId}`);
        return [(await again.mock.call('GET', `/campaigns/${k.uniqueId}`)).text, replies.text];
      } finally {
        await again.mock.close();
      }
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
  });
});
