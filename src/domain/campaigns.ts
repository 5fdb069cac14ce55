import type { Store } from '../store/store.js';
import type { CampaignStatus } from '../world/model.js';
import { campaignAnalytics } from './analytics.js';
import type { Schemas } from './api-types.js';
import { audienceOf, campaignRunner, type CampaignState } from './campaign-runner.js';
import { missing, rejected } from './errors.js';
import { serializeList } from './lists.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';
import { requireOwned, requirePhoneNumber, requireTemplate } from './references.js';
import { serializeTag } from './serialize.js';

type ApiCampaign = Schemas['CampaignSchema'];
type NewCampaign = Schemas['NewCampaignSchema'];
type CampaignUpdate = Schemas['UpdateCampaignSchema'];

export const CAMPAIGN_NOT_FOUND = 'Campaign not found';
/** The real server's refusal of a pause (or cancel) of a campaign that is not running. */
export const NOT_RUNNING = 'Cannot pause a campaign that is not running';
export const CANNOT_FINISH = 'Campaign status cannot be set to Finished: a campaign finishes on its own once every contact has been sent the message';
export const CANNOT_DELETE_RUNNING = 'Cannot delete a running campaign';

/** States a campaign can no longer be edited in. */
const LOCKED: ReadonlySet<CampaignStatus> = new Set(['Running', 'Finished', 'Cancelled']);

export function findCampaign(store: Store, organizationId: string, id: string): CampaignState {
  const k = store.campaigns.get(id);
  if (!k || k.organizationId !== organizationId) throw missing(CAMPAIGN_NOT_FOUND);
  return k;
}

/**
 * A campaign as the API shows it. Unlike the real server, `sentAt` and `progress` are filled once sending
 * started, and the detail view carries `stats` (the same object as GET /analytics/campaign/{id}).
 */
export function serializeCampaign(store: Store, k: CampaignState, detail: boolean): ApiCampaign {
  const p = k.templateComponentParameters;
  return {
    uniqueId: k.uniqueId,
    name: k.name,
    ...(k.description !== undefined ? { description: k.description } : {}),
    status: k.status,
    ...(k.sentAt !== undefined ? { sentAt: k.sentAt } : {}),
    createdAt: k.createdAt,
    ...(k.scheduledAt !== undefined ? { scheduledAt: k.scheduledAt } : {}),
    lists: k.listIds.flatMap((id) => {
      const l = store.lists.get(id);
      return l ? [serializeList(store, l)] : [];
    }),
    templateMessageId: k.templateMessageId,
    isLinkTrackingEnabled: k.isLinkTrackingEnabled,
    phoneNumberInUse: k.phoneNumberInUse,
    tags: k.tagIds.flatMap((id) => serializeTag(store, id) ?? []),
    templateComponentParameters: { header: p.header.map((x) => ({ ...x })), body: p.body.map((x) => ({ ...x })), buttons: p.buttons.map((x) => ({ ...x })) },
    ...(detail ? { stats: campaignAnalytics(store, k) } : {}),
    ...(k.sentAt !== undefined ? { progress: { totalMessages: k.audienceSize, sent: k.messagesSent } } : {}),
  };
}

export interface CampaignFilter extends PageRequest {
  order?: 'asc' | 'desc';
  status?: CampaignStatus;
}

export function listCampaigns(store: Store, organizationId: string, f: CampaignFilter) {
  const all = [...store.campaigns.values()]
    .filter((k) => k.organizationId === organizationId && (!f.status || k.status === f.status))
    .sort(byCreatedAt(f.order ?? 'desc'));
  return { campaigns: pageOf(all, f).map((k) => serializeCampaign(store, k, false)), paginationMeta: meta(f, all.length) };
}

export function getCampaign(store: Store, organizationId: string, id: string): ApiCampaign {
  return serializeCampaign(store, findCampaign(store, organizationId, id), true);
}

const isoOf = (value: string) => new Date(Date.parse(value)).toISOString();

/** `POST /campaigns`: a Draft, or Scheduled (its start timer armed) when `scheduledAt` is given. */
export function createCampaign(store: Store, organizationId: string, memberId: string, body: NewCampaign): ApiCampaign {
  const listIds = requireOwned(store, organizationId, 'lists', body.listIds, 'listIds');
  const tagIds = requireOwned(store, organizationId, 'tags', body.tags, 'tags');
  requireTemplate(store, organizationId, body.templateMessageId, 'templateMessageId');
  requirePhoneNumber(store, organizationId, body.phoneNumberToUse, 'phoneNumberToUse');
  const now = store.now();
  const k: CampaignState = {
    uniqueId: store.ids.uuid(),
    organizationId,
    name: body.name,
    ...(body.description !== undefined ? { description: body.description } : {}),
    status: body.scheduledAt ? 'Scheduled' : 'Draft',
    listIds,
    tagIds,
    templateMessageId: body.templateMessageId,
    templateComponentParameters: { header: [], body: [], buttons: [] },
    phoneNumberInUse: body.phoneNumberToUse,
    isLinkTrackingEnabled: body.isLinkTrackingEnabled,
    createdByMemberId: memberId,
    createdAt: now,
    ...(body.scheduledAt ? { scheduledAt: isoOf(body.scheduledAt) } : {}),
    audienceSize: 0,
    messagesSent: 0,
    messagesDelivered: 0,
    messagesRead: 0,
    messagesErrored: 0,
  };
  k.audienceSize = audienceOf(store, k).length;
  store.campaigns.set(k.uniqueId, k);
  if (k.status === 'Scheduled') campaignRunner(store).schedule(k, now);
  return serializeCampaign(store, k, false);
}

/**
 * `POST /campaigns/{id}`: a status change or an edit, with the real server's lifecycle.
 * - `Running` starts (or resumes) a Draft, Scheduled or Paused campaign; the other fields are ignored, as on
 *   the server. Finished and Cancelled campaigns cannot be restarted; a Running one stays Running.
 * - `Paused` / `Cancelled` stop a Running campaign (only a Running one); other fields are ignored.
 * - `Finished` cannot be set.
 * - Otherwise (no status, `Draft`, `Scheduled`, or the current status) it is an edit, refused for Running,
 *   Finished and Cancelled campaigns. `scheduledAt` on a Draft schedules it; `Draft` unschedules it.
 * Every check runs before anything changes.
 */
export function updateCampaign(store: Store, organizationId: string, id: string, body: CampaignUpdate): void {
  const k = findCampaign(store, organizationId, id);
  const runner = campaignRunner(store);
  const target = body.status;
  if (target === 'Finished') throw rejected(CANNOT_FINISH);
  if (target === 'Running') {
    if (k.status === 'Running') return;
    if (k.status === 'Finished' || k.status === 'Cancelled') throw rejected(`Cannot start a ${k.status.toLowerCase()} campaign`);
    k.status = 'Running';
    runner.launch(k, store.now());
    return;
  }
  if ((target === 'Paused' || target === 'Cancelled') && target !== k.status) {
    if (k.status !== 'Running') throw rejected(NOT_RUNNING);
    k.status = target;
    runner.halt(k);
    return;
  }

  if (LOCKED.has(k.status)) throw rejected(`Cannot edit a ${k.status.toLowerCase()} campaign`);
  const listIds = requireOwned(store, organizationId, 'lists', body.listIds, 'listIds');
  const tagIds = requireOwned(store, organizationId, 'tags', body.tags, 'tags');
  if (body.templateMessageId !== undefined) requireTemplate(store, organizationId, body.templateMessageId, 'templateMessageId');
  if (body.phoneNumber !== undefined) requirePhoneNumber(store, organizationId, body.phoneNumber, 'phoneNumber');
  const scheduledAt = body.scheduledAt !== undefined ? isoOf(body.scheduledAt) : k.scheduledAt;
  const status: CampaignStatus = target ?? (k.status === 'Draft' && body.scheduledAt !== undefined ? 'Scheduled' : k.status);
  if (k.status === 'Paused' && status !== 'Paused') {
    throw rejected(`A paused campaign has already sent messages and cannot become ${status}; set status Running to resume it`);
  }
  if (status === 'Scheduled' && scheduledAt === undefined) throw rejected("request body field 'scheduledAt' is required to schedule a campaign");

  k.name = body.name;
  if (body.description !== undefined) k.description = body.description;
  k.listIds = listIds;
  k.tagIds = tagIds;
  if (body.templateMessageId !== undefined) k.templateMessageId = body.templateMessageId;
  if (body.phoneNumber !== undefined) k.phoneNumberInUse = body.phoneNumber;
  k.isLinkTrackingEnabled = body.enableLinkTracking;
  if (body.templateComponentParameters !== undefined) {
    const p = body.templateComponentParameters;
    k.templateComponentParameters = { header: p.header, body: p.body, buttons: p.buttons } as CampaignState['templateComponentParameters'];
  }
  if (status === 'Draft' && body.scheduledAt === undefined) delete k.scheduledAt;
  else if (scheduledAt !== undefined) k.scheduledAt = scheduledAt;
  k.status = status;
  if (k.sentAt === undefined) k.audienceSize = audienceOf(store, k).length;
  if (status === 'Scheduled') runner.schedule(k, store.now());
  else runner.unschedule(k.uniqueId);
}

/** `DELETE /campaigns/{id}`: refused while Running. Conversations that answered it keep its id in `campaignId`. */
export function deleteCampaign(store: Store, organizationId: string, id: string): void {
  const k = findCampaign(store, organizationId, id);
  if (k.status === 'Running') throw rejected(CANNOT_DELETE_RUNNING);
  campaignRunner(store).forget(k.uniqueId);
  store.campaigns.delete(k.uniqueId);
}
