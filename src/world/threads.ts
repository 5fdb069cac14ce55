/**
 * Renders the messages of one conversation from its skeleton (thread-plan.ts) and a
 * per-conversation content seed: texts filled with that conversation's facts (order
 * number, product, amounts...), media, locations, reactions, ids.
 *
 * Each conversation has its own seed path, split into two independent streams:
 * `[...seedPath, PLAN_STREAM]` for the skeleton and `[...seedPath, CONTENT_STREAM]`
 * for the content. Computing only the skeleton (as the world does for counts)
 * therefore yields exactly the skeleton of the full rendering.
 */
import type { Faker } from '@faker-js/faker';
import { APPLIANCES, BULK_QUANTITIES, COUPONS, PRODUCTS, REACTIONS, REFUND_DELAYS, TIME_SLOTS, slugify, trackingNumber } from './catalog.js';
import { countryOf, formatAmount } from './countries.js';
import { uuidFrom, wamidFrom, whatsAppIdFrom } from './ids.js';
import { MEDIA_CONTENT_TYPES, MEDIA_EXTENSIONS } from './media-assets.js';
import type { BusinessKind, ConversationStatus, CountryCode, MediaKind, MediaRecord, MessageRecord, MessageType } from './model.js';
import { chance, createFakerSet, pick, pickWeighted, type FakerSet } from './random.js';
import type { DocumentKind, Scenario } from './scenarios/index.js';
import { assignStatuses, planThread, type PlannedMessage, type ThreadPlan } from './thread-plan.js';
import { DAY, compactDate, iso, longDate, weekdayName } from './time.js';
import { mediaPath } from './media-path.js';

export const PLAN_STREAM = 1;
export const CONTENT_STREAM = 2;

/** Business facts shared by all conversations of an organisation. */
export interface BusinessContext {
  readonly kind: BusinessKind;
  readonly name: string;
  /** Domain of the website, e.g. `maplehome.shop`. */
  readonly website: string;
  readonly address: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Doctors' display names (`Dr. Mehta`) of a clinic; empty for other businesses. */
  readonly doctors: readonly string[];
}

/**
 * Everything needed to (re)generate one thread. Captured when the world is created
 * (primitive copies, not references to mutable records), so a thread stays the same
 * whatever a server later does to the records.
 */
export interface ThreadContext {
  readonly conversationId: string;
  readonly seedPath: readonly number[];
  readonly scenario: Scenario;
  readonly startMs: number;
  readonly horizonMs: number;
  readonly nowMs: number;
  /** Status the conversation was generated with. */
  readonly status: ConversationStatus;
  readonly business: BusinessContext;
  readonly contactPhone: string;
  readonly contactFirstName: string;
  readonly country: CountryCode;
  readonly city: string;
  readonly cityLatitude: number;
  readonly cityLongitude: number;
  readonly agentFirstName: string;
  /** `''` when not linked to a campaign. */
  readonly campaignName: string;
}

export interface ThreadSummary {
  readonly messageCount: number;
  readonly unreadCount: number;
  readonly lastMessageMs: number;
  readonly completed: boolean;
}

export interface RenderedThread {
  readonly messages: readonly MessageRecord[];
  readonly media: readonly MediaRecord[];
}

/** Reusable Faker instances for thread generation (re-seeded per thread). */
export interface ThreadGenerators {
  readonly plan: FakerSet;
  readonly content: FakerSet;
}

export function createThreadGenerators(): ThreadGenerators {
  return { plan: createFakerSet(0), content: createFakerSet(0) };
}

/**
 * The skeleton of a thread, statuses not yet assigned. Re-seeds the plan stream of
 * `gens` from `seedPath`, so the result depends on nothing else than the arguments.
 */
export function planSkeleton(gens: ThreadGenerators, seedPath: readonly number[], scenario: Scenario, startMs: number, horizonMs: number): ThreadPlan {
  gens.plan.seed([...seedPath, PLAN_STREAM]);
  return planThread(gens.plan.en, { scenario, startMs, horizonMs });
}

/**
 * Assigns the statuses of a skeleton (continuing the plan stream right after
 * `planSkeleton`) and returns the thread's counts.
 */
export function finishSkeleton(gens: ThreadGenerators, planned: ThreadPlan, status: ConversationStatus, startMs: number, nowMs: number): ThreadSummary {
  const unreadCount = assignStatuses(gens.plan.en, planned.messages, status !== 'Active', nowMs);
  const last = planned.messages[planned.messages.length - 1];
  return { messageCount: planned.messages.length, unreadCount, lastMessageMs: last?.at ?? startMs, completed: planned.completed };
}

interface Facts {
  readonly [key: string]: string;
}

function makeFacts(f: Faker, local: Faker, ctx: ThreadContext): Facts {
  const country = countryOf(ctx.country);
  const currency = country.currency;
  const product = pick(f, PRODUCTS);
  let product2 = pick(f, PRODUCTS);
  if (product2 === product) product2 = PRODUCTS[(PRODUCTS.indexOf(product) + 1) % PRODUCTS.length] ?? product;
  // A clinic's fees sit at the low end of what a shop's orders cost.
  const maxAmount = ctx.business.kind === 'clinic' ? currency.min * 4 : currency.max;
  const whole = f.number.int({ min: currency.min, max: maxAmount });
  const amount = formatAmount(currency, currency.cents ? whole + pick(f, [0.99, 0.49, 0.0, 0.9, 0.5]) : Math.round(whole / 10) * 10 - 1);
  const carrier = pick(f, country.couriers);
  const [code, discount] = pick(f, COUPONS);
  const slotIndex = f.number.int(TIME_SLOTS.length - 2);
  const slotA = TIME_SLOTS[slotIndex] ?? '10:00 AM';
  const slotB = TIME_SLOTS[slotIndex + 1 + f.number.int(Math.max(0, TIME_SLOTS.length - slotIndex - 2))] ?? '4:30 PM';
  let dayMs = ctx.startMs + f.number.int({ min: 1, max: 4 }) * DAY;
  if (weekdayName(dayMs) === 'Sunday') dayMs += DAY; // nobody books Sunday slots
  return {
    name: ctx.contactFirstName,
    agent: ctx.agentFirstName,
    business: ctx.business.name,
    business_address: `${ctx.business.address}, ${ctx.business.city}`,
    website: ctx.business.website,
    order: `#${f.number.int({ min: 10000, max: 99999 })}`,
    product,
    product2,
    slug: slugify(product),
    appliance: pick(f, APPLIANCES),
    amount,
    carrier,
    tracking: trackingNumber(f, carrier),
    date: longDate(ctx.startMs + f.number.int({ min: 2, max: 5 }) * DAY),
    day: weekdayName(dayMs),
    slot_a: slotA,
    slot_b: slotB,
    time: chance(f, 0.6) ? slotA : slotB,
    address: local.location.streetAddress(),
    city: ctx.city,
    code,
    discount,
    campaign: ctx.campaignName === '' ? 'latest offer' : ctx.campaignName,
    ref: `RF-${f.number.int({ min: 100000, max: 999999 })}`,
    color: f.color.human(),
    qty: String(pick(f, BULK_QUANTITIES)),
    doctor: ctx.business.doctors.length > 0 ? pick(f, ctx.business.doctors) : 'the doctor',
    eta: String(f.number.int({ min: 2, max: 6 })),
    refund_days: pick(f, REFUND_DELAYS),
  };
}

const PLACEHOLDER = /\{([a-z_0-9]+)\}/g;

export function fillPlaceholders(text: string, facts: Facts): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => facts[key] ?? whole);
}

function documentFileName(kind: DocumentKind, facts: Facts, at: number): string {
  const order = (facts.order ?? '').replace('#', '');
  switch (kind) {
    case 'invoice':
      return `invoice-${order}.pdf`;
    case 'proforma':
      return `proforma-invoice-${order}.pdf`;
    case 'price-list':
      return `wholesale-price-list-${iso(at).slice(0, 4)}.pdf`;
    case 'lab-report':
      return `lab-report-${compactDate(at)}.pdf`;
    case 'prescription':
      return `prescription-${compactDate(at)}.pdf`;
    case 'return-label':
      return `return-label-${order}.pdf`;
  }
}

const WHATSAPP_FILE_PREFIX: Readonly<Record<Exclude<MediaKind, 'document'>, string>> = {
  image: 'IMG',
  video: 'VID',
  audio: 'PTT',
  sticker: 'STK',
};

const MEDIA_KIND: Readonly<Partial<Record<MessageType, MediaKind>>> = {
  Image: 'image',
  Video: 'video',
  Audio: 'audio',
  Document: 'document',
  Sticker: 'sticker',
};

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Renders the full thread (messages oldest first, and their media files). */
export function renderThread(gens: ThreadGenerators, ctx: ThreadContext): RenderedThread {
  const planned = planSkeleton(gens, ctx.seedPath, ctx.scenario, ctx.startMs, ctx.horizonMs);
  finishSkeleton(gens, planned, ctx.status, ctx.startMs, ctx.nowMs);

  gens.content.seed([...ctx.seedPath, CONTENT_STREAM]);
  const f = gens.content.en;
  const local = gens.content.byCountry[ctx.country];
  const facts = makeFacts(f, local, ctx);
  const link = (mediaId: string): string => mediaPath(ctx.conversationId, mediaId);

  const messages: MessageRecord[] = [];
  const media: MediaRecord[] = [];
  let waCounter = f.number.int({ min: 1, max: 60 });

  const textOf = (m: PlannedMessage): string => {
    const say = m.step?.say ?? [];
    return say.length === 0 ? '' : fillPlaceholders(pick(f, say), facts);
  };
  const captionOf = (m: PlannedMessage): string => {
    const spec = m.step?.media;
    if (spec === undefined || spec.type === 'Location') return '';
    return fillPlaceholders(pick(f, spec.captions), facts);
  };

  planned.messages.forEach((m) => {
    const uniqueId = uuidFrom(f);
    const whatsAppMessageId = wamidFrom(f, ctx.contactPhone, m.direction);
    const base = {
      uniqueId,
      conversationId: ctx.conversationId,
      direction: m.direction,
      status: m.status,
      createdAt: iso(m.at),
      ...(m.replyTo >= 0 && messages[m.replyTo] !== undefined ? { replyToMessageId: messages[m.replyTo]?.uniqueId } : {}),
      whatsAppMessageId,
    };
    const retried = m.retryOf >= 0 ? messages[m.retryOf] : undefined;
    if (retried !== undefined && retried.messageType === 'Text') {
      messages.push({ ...base, messageType: 'Text', messageData: { text: retried.messageData.text } });
      return;
    }
    const kind = MEDIA_KIND[m.type];
    if (kind !== undefined) {
      const mediaId = whatsAppIdFrom(f);
      const ext = MEDIA_EXTENSIONS[kind];
      const spec = m.step?.media;
      const fileName =
        kind === 'document' && spec?.type === 'Document'
          ? documentFileName(spec.file, facts, m.at)
          : `${kind === 'document' ? 'DOC' : WHATSAPP_FILE_PREFIX[kind]}-${compactDate(m.at)}-WA${String(waCounter++).padStart(4, '0')}.${ext}`;
      media.push({ mediaId, conversationId: ctx.conversationId, messageId: uniqueId, kind, contentType: MEDIA_CONTENT_TYPES[kind], fileName });
      const caption = kind === 'audio' || kind === 'sticker' ? '' : captionOf(m);
      const withCaption = caption === '' ? {} : { caption };
      switch (m.type) {
        case 'Image':
        case 'Video':
          messages.push({ ...base, messageType: m.type, messageData: { id: mediaId, link: link(mediaId), ...withCaption } });
          return;
        case 'Document':
          messages.push({ ...base, messageType: 'Document', messageData: { id: mediaId, fileName, link: link(mediaId), ...withCaption } });
          return;
        case 'Audio':
        case 'Sticker':
          messages.push({ ...base, messageType: m.type, messageData: { id: mediaId, link: link(mediaId) } });
          return;
        default:
          break;
      }
    }
    if (m.type === 'Location') {
      const spec = m.step?.media;
      if (spec?.type === 'Location' && spec.place === 'business') {
        const b = ctx.business;
        messages.push({
          ...base,
          messageType: 'Location',
          messageData: { latitude: b.latitude, longitude: b.longitude, name: b.name, address: `${b.address}, ${b.city}` },
        });
      } else {
        const latitude = round6(ctx.cityLatitude + (f.number.float() - 0.5) * 0.08);
        const longitude = round6(ctx.cityLongitude + (f.number.float() - 0.5) * 0.08);
        const address = f.number.float() < 0.6 ? { address: `${facts.address ?? ''}, ${ctx.city}` } : {};
        messages.push({ ...base, messageType: 'Location', messageData: { latitude, longitude, ...address } });
      }
      return;
    }
    if (m.type === 'Reaction') {
      const target = messages[m.target];
      const reaction = pickWeighted(f, REACTIONS, ([, w]) => w)[0];
      messages.push({ ...base, messageType: 'Reaction', messageData: { reaction, messageId: target?.uniqueId ?? '' } });
      return;
    }
    messages.push({ ...base, messageType: 'Text', messageData: { text: textOf(m) } });
  });
  return { messages, media };
}
