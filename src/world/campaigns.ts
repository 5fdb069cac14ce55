/**
 * Broadcast campaigns: a realistic spread of statuses over the last four months,
 * each sending an approved template to one or two lists, with delivery counters
 * consistent with the audience size and the status.
 */
import type { ListDraft } from './audience.js';
import type { BusinessKind, CampaignRecord, CampaignStatus, PhoneNumberRecord, TagRecord, TemplateRecord } from './model.js';
import type { BuildContext, TeamMember } from './organizations.js';
import { chance, pickWeighted } from './random.js';
import { campaignParameters, templateDefinitions } from './templates.js';
import { DAY, HOUR, MINUTE, iso, monthName } from './time.js';

interface CampaignIdea {
  readonly name: string;
  /** How customers refer to it in a sentence ("the {topic}"). */
  readonly topic: string;
  readonly template: string;
  readonly description: string;
  /** Value for the template's `{{2}}` parameter, when it is static. */
  readonly param2?: string;
}

const STORE_IDEAS: readonly CampaignIdea[] = [
  { name: 'Weekend Flash Sale', topic: 'weekend flash sale', template: 'seasonal_sale', description: 'Two-day sale on best sellers.', param2: 'Weekend Flash Sale' },
  { name: 'Abandoned Cart Nudge', topic: 'cart discount', template: 'cart_reminder', description: 'Reminder with a small discount for shoppers who left items behind.' },
  { name: 'New Arrivals Drop', topic: 'new arrivals offer', template: 'new_arrivals', description: 'Announces this month’s new products.', param2: 'new arrivals' },
  { name: 'Customer Feedback Survey', topic: 'feedback survey', template: 'feedback_request', description: 'Asks recent buyers to rate their order.' },
  { name: 'Festive Season Offers', topic: 'festive sale', template: 'seasonal_sale', description: 'Festive discounts across home and kitchen.', param2: 'Festive Season Sale' },
  { name: 'Winter Collection Launch', topic: 'winter collection offer', template: 'new_arrivals', description: 'Blankets, lamps and cosy home picks.', param2: 'winter collection' },
  { name: 'Clearance Sale', topic: 'clearance sale', template: 'seasonal_sale', description: 'Last units of discontinued products.', param2: 'Clearance Sale' },
  { name: 'VIP Early Access', topic: 'VIP early access sale', template: 'seasonal_sale', description: 'Early sale access for gold-tier customers.', param2: 'VIP Early Access' },
  { name: 'Free Shipping Week', topic: 'free shipping week', template: 'seasonal_sale', description: 'No minimum order for free delivery this week.', param2: 'Free Shipping Week' },
  { name: 'Order Review Request', topic: 'review request', template: 'feedback_request', description: 'Review request two weeks after delivery.' },
  { name: 'Black Friday Preview', topic: 'Black Friday preview', template: 'seasonal_sale', description: 'Sneak peek of Black Friday deals.', param2: 'Black Friday Preview' },
];

const CLINIC_IDEAS: readonly CampaignIdea[] = [
  { name: 'Flu Shot Reminder', topic: 'flu shot drive', template: 'health_checkup_campaign', description: 'Seasonal vaccination reminder.', param2: 'flu vaccination week' },
  { name: 'Annual Check-up Drive', topic: 'check-up offer', template: 'health_checkup_campaign', description: 'Discounted full-body check-ups.', param2: 'Annual Check-up Drive' },
  { name: 'Appointment Reminders', topic: 'appointment reminder', template: 'appointment_reminder', description: 'Day-before reminders.' },
  { name: 'Paediatrics Open Day', topic: 'paediatrics open day', template: 'health_checkup_campaign', description: 'Free consultations for children.', param2: 'Paediatrics Open Day' },
];

/** Every status once (when there are enough campaigns), then a realistic mix. */
const STATUS_MIX: readonly (readonly [CampaignStatus, number])[] = [
  ['Finished', 42],
  ['Draft', 18],
  ['Scheduled', 12],
  ['Running', 8],
  ['Paused', 10],
  ['Cancelled', 10],
];

export interface CampaignDraft {
  readonly record: CampaignRecord;
  /** Name of the template the campaign sends. */
  readonly templateName: string;
  /** How customers refer to the campaign in a sentence ("the weekend flash sale"). */
  readonly topic: string;
  /** Lists of the campaign (indices into the org's list drafts). */
  readonly lists: readonly ListDraft[];
  /** When sending started, for campaigns that sent anything. */
  readonly sentMs: number | undefined;
}

function audienceSize(lists: readonly ListDraft[], stamp: Uint32Array, mark: number): number {
  let count = 0;
  for (const list of lists) {
    for (const index of list.members) {
      if (stamp[index] !== mark) {
        stamp[index] = mark;
        count++;
      }
    }
  }
  return count;
}

export interface CampaignInputs {
  readonly kind: BusinessKind;
  readonly organizationId: string;
  readonly count: number;
  readonly lists: readonly ListDraft[];
  readonly tags: readonly TagRecord[];
  readonly templates: readonly TemplateRecord[];
  readonly phoneNumbers: readonly PhoneNumberRecord[];
  readonly creators: readonly TeamMember[];
  readonly contactCount: number;
}

export function buildCampaigns(ctx: BuildContext, input: CampaignInputs): CampaignDraft[] {
  const f = ctx.fakers.en;
  const now = ctx.nowMs;
  const ideas = input.kind === 'store' ? STORE_IDEAS : CLINIC_IDEAS;
  const definitions = templateDefinitions(input.kind);
  const stamp = new Uint32Array(input.contactCount);
  const statuses: CampaignStatus[] = [];
  for (let i = 0; i < input.count; i++) {
    const fixed = STATUS_MIX[i];
    statuses.push(i < STATUS_MIX.length && input.count >= STATUS_MIX.length && fixed !== undefined ? fixed[0] : pickWeighted(f, STATUS_MIX, ([, w]) => w)[0]);
  }
  const usedNames = new Map<string, number>();
  const out: CampaignDraft[] = [];
  statuses.forEach((status, i) => {
    const idea = ideas[f.number.int(ideas.length - 1)] ?? ideas[0];
    if (idea === undefined) return;
    let createdMs: number;
    let sentMs: number | undefined;
    let scheduledMs: number | undefined;
    switch (status) {
      case 'Finished':
        createdMs = f.number.int({ min: now - 120 * DAY, max: now - 3 * DAY });
        sentMs = createdMs + f.number.int({ min: 10 * MINUTE, max: 2 * DAY });
        break;
      case 'Paused':
      case 'Cancelled':
        createdMs = f.number.int({ min: now - 100 * DAY, max: now - 2 * DAY });
        sentMs = status === 'Cancelled' && chance(f, 0.4) ? undefined : createdMs + f.number.int({ min: 10 * MINUTE, max: DAY });
        break;
      case 'Running':
        createdMs = f.number.int({ min: now - 5 * DAY, max: now - 3 * HOUR });
        sentMs = f.number.int({ min: now - 150 * MINUTE, max: now - 5 * MINUTE });
        break;
      case 'Scheduled':
        createdMs = f.number.int({ min: now - 10 * DAY, max: now - HOUR });
        scheduledMs = f.number.int({ min: now + 2 * HOUR, max: now + 14 * DAY });
        break;
      case 'Draft':
      default:
        createdMs = f.number.int({ min: now - 60 * DAY, max: now - HOUR });
        break;
    }
    if (sentMs !== undefined && sentMs > now - MINUTE) sentMs = now - MINUTE;
    const eligibleLists = input.lists.filter((l) => Date.parse(l.record.createdAt) < createdMs);
    const pool = eligibleLists.length > 0 ? eligibleLists : input.lists.slice(0, 1);
    const lists = f.helpers.arrayElements(pool, { min: 1, max: Math.min(2, pool.length) });
    const audience = audienceSize(lists, stamp, i + 1);

    let processed = 0;
    let deliveredShare = 0;
    let readShare = 0;
    if (sentMs !== undefined) {
      const progress = status === 'Finished' ? 1 : status === 'Running' ? 0.2 + 0.7 * f.number.float() : 0.1 + 0.7 * f.number.float();
      // Only a Finished campaign reached everybody.
      processed = status === 'Finished' ? audience : Math.min(Math.round(audience * progress), Math.max(0, audience - 1));
      deliveredShare = status === 'Running' ? 0.6 + 0.35 * f.number.float() : 0.9 + 0.09 * f.number.float();
      readShare = status === 'Running' ? 0.2 + 0.4 * f.number.float() : 0.45 + 0.4 * f.number.float();
    }
    const errored = Math.round(processed * (0.005 + 0.035 * f.number.float()));
    const sent = processed - errored;
    const delivered = Math.round(sent * deliveredShare);
    const read = Math.round(delivered * readShare);

    const seen = usedNames.get(idea.name) ?? 0;
    usedNames.set(idea.name, seen + 1);
    const name = seen === 0 ? idea.name : `${idea.name} · ${monthName(sentMs ?? scheduledMs ?? createdMs)}`;
    const definition = definitions.find((d) => d.name === idea.template);
    const template = input.templates.find((t) => t.name === idea.template);
    const creator = pickWeighted(f, input.creators, (m) => (m.member.accessLevel === 'Owner' ? 1 : 2));
    const phone = input.phoneNumbers[chance(f, 0.8) ? 0 : input.phoneNumbers.length - 1];
    if (definition === undefined || template === undefined || phone === undefined) throw new Error(`Campaign template ${idea.template} missing`);
    const tagCount = f.number.int({ min: 0, max: Math.min(2, input.tags.length) });
    const record: CampaignRecord = {
      uniqueId: ctx.uuid(),
      organizationId: input.organizationId,
      name,
      ...(chance(f, 0.75) ? { description: idea.description } : {}),
      status,
      listIds: lists.map((l) => l.record.uniqueId),
      tagIds: f.helpers.arrayElements(input.tags, tagCount).map((t) => t.uniqueId),
      templateMessageId: template.id,
      templateComponentParameters: campaignParameters(definition, idea.param2 !== undefined ? { '2': idea.param2 } : {}),
      phoneNumberInUse: phone.id,
      isLinkTrackingEnabled: chance(f, 0.5),
      createdByMemberId: creator.member.uniqueId,
      createdAt: iso(createdMs),
      ...(scheduledMs !== undefined ? { scheduledAt: iso(scheduledMs) } : sentMs !== undefined && chance(f, 0.5) ? { scheduledAt: iso(sentMs) } : {}),
      ...(sentMs !== undefined ? { sentAt: iso(sentMs) } : {}),
      audienceSize: audience,
      messagesSent: sent,
      messagesDelivered: delivered,
      messagesRead: read,
      messagesErrored: errored,
    };
    out.push({ record, templateName: idea.template, topic: idea.topic, lists, sentMs });
  });
  out.sort((a, b) => Date.parse(a.record.createdAt) - Date.parse(b.record.createdAt));
  return out;
}
