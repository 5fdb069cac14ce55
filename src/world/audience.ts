/**
 * Contacts and contact lists of an organisation.
 *
 * Contacts are built in two passes: identity first (name, phone, city...), then
 * `createdAt` and `status`, once conversations are known (a contact exists before
 * its first conversation and before the campaign it answers was sent).
 */
import { COUNTRIES, type City } from './countries.js';
import type { BusinessKind, ContactAttributes, ContactRecord, CountryCode, ListRecord, TagRecord } from './model.js';
import type { BuildContext } from './organizations.js';
import { personName } from './names.js';
import { uniqueMobileNumber } from './phone-numbers.js';
import { chance, pick, pickWeighted } from './random.js';
import { flat } from './strings.js';
import { DAY, HOUR, iso } from './time.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The contacts of an organisation under construction: the records themselves
 * (createdAt filled in by `finishContacts`) plus, column by column, what the
 * generator needs to know about each of them.
 */
export interface ContactTable {
  readonly records: Mutable<ContactRecord>[];
  readonly firstNames: string[];
  readonly countries: CountryCode[];
  readonly cities: City[];
  /** Latest allowed creation time: before its first conversation and before any campaign it answers was sent. */
  readonly createdBefore: Float64Array;
}

/** Country mix of customers (besides the business's own country). */
const COUNTRY_WEIGHTS: Readonly<Record<CountryCode, number>> = { IN: 20, US: 15, GB: 10, BR: 12, DE: 8, ID: 10, MX: 10, NG: 8 };

const STORE_TIERS = [
  ['new', 30],
  ['bronze', 30],
  ['silver', 25],
  ['gold', 15],
] as const;
const STORE_SOURCES = ['website', 'instagram', 'in-store', 'referral', 'facebook-ad', 'marketplace'];

export function buildContacts(ctx: BuildContext, kind: BusinessKind, organizationId: string, home: CountryCode, count: number, homeShare: number): ContactTable {
  const f = ctx.fakers.en;
  const countries = Object.keys(COUNTRY_WEIGHTS) as CountryCode[];
  const weightOf = (c: CountryCode): number => COUNTRY_WEIGHTS[c];
  const table: ContactTable = {
    records: new Array<Mutable<ContactRecord>>(count),
    firstNames: new Array<string>(count),
    countries: new Array<CountryCode>(count),
    cities: new Array<City>(count),
    createdBefore: new Float64Array(count).fill(ctx.nowMs - HOUR),
  };
  for (let i = 0; i < count; i++) {
    const country: CountryCode = chance(f, homeShare) ? home : pickWeighted(f, countries, weightOf);
    const local = ctx.fakers.byCountry[country];
    const city = pick(f, COUNTRIES[country].cities);
    const person = personName(local);
    const firstName = person.firstName;
    const name = chance(f, 0.9) ? flat(`${firstName} ${person.lastName}`) : firstName;
    const phone = uniqueMobileNumber(f, country, city, ctx.phones);
    const attributes: ContactAttributes =
      kind === 'store'
        ? { city: city.name, tier: pickWeighted(f, STORE_TIERS, ([, w]) => w)[0], source: pick(f, STORE_SOURCES) }
        : { city: city.name, insured: chance(f, 0.6) };
    table.records[i] = { uniqueId: ctx.uuid(), organizationId, name, phone, attributes, status: 'Active', createdAt: '' };
    table.firstNames[i] = firstName;
    table.countries[i] = country;
    table.cities[i] = city;
  }
  return table;
}

/** Fills in createdAt and returns the records sorted by it. */
export function finishContacts(ctx: BuildContext, table: ContactTable, earliestMs: number): ContactRecord[] {
  const f = ctx.fakers.en;
  const n = table.records.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const latest = Math.max(earliestMs + HOUR, (table.createdBefore[i] ?? ctx.nowMs) - HOUR);
    // Bias towards recent sign-ups: customer bases grow.
    const u = Math.sqrt(f.number.float());
    times[i] = Math.round(earliestMs + (latest - earliestMs) * u);
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  const out = new Array<ContactRecord>(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const record = table.records[i];
    if (record === undefined) continue;
    record.createdAt = iso(times[i] ?? 0);
    out[k] = record;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Lists

const STORE_LISTS: readonly (readonly [name: string, description: string])[] = [
  ['Newsletter subscribers', 'Customers who opted in to offers on WhatsApp at checkout.'],
  ['VIP customers', 'Gold-tier customers with more than five orders.'],
  ['Repeat customers', 'Customers who ordered at least twice.'],
  ['Abandoned carts', 'Shoppers who left items in their cart in the last 30 days.'],
  ['Instagram leads', 'People who messaged us from Instagram ads.'],
  ['Wholesale buyers', 'Shops and offices buying in bulk.'],
  ['Festive season shoppers', 'Bought during last year’s festive sale.'],
  ['New sign-ups', 'Joined in the last 60 days.'],
  ['Loyalty members', 'Members of the points programme.'],
  ['Inactive 90 days', 'No order in the last three months.'],
  ['Feedback panel', 'Customers happy to review new products.'],
  ['Home office shoppers', 'Bought desks, chairs or lamps.'],
  ['Kitchen lovers', 'Bought cookware or coffee gear.'],
  ['Gift card buyers', 'Bought a gift card in the last year.'],
  ['Marketplace customers', 'Came to us through a marketplace order.'],
  ['Event visitors', 'Signed up at a pop-up or trade fair.'],
  ['Referral programme', 'Referred by another customer.'],
  ['Early access list', 'Wants to hear about launches first.'],
  ['Smart home fans', 'Bought smart lamps, plugs or speakers.'],
  ['Students', 'Verified student discount holders.'],
];

const CLINIC_LISTS: readonly (readonly [name: string, description: string])[] = [
  ['All patients', 'Everyone with a patient file.'],
  ['Flu shot reminders', 'Patients who asked to be reminded about vaccinations.'],
  ['Annual check-up due', 'Last full check-up more than a year ago.'],
  ['Parents', 'Parents of paediatric patients.'],
];

/** A list under construction: `members` are indices into the contact table. */
export interface ListDraft {
  readonly record: Omit<ListRecord, 'contactIds'>;
  readonly members: Int32Array;
}

function listNames(kind: BusinessKind): readonly (readonly [string, string])[] {
  return kind === 'store' ? STORE_LISTS : CLINIC_LISTS;
}

/**
 * `count` lists, each holding a random sample of 3–25 % of the contacts.
 * The first ~60 % of lists are old (before the last ~4 months), the rest recent.
 */
export function buildLists(ctx: BuildContext, kind: BusinessKind, organizationId: string, contacts: ContactTable, tags: readonly TagRecord[], count: number, orgCreatedMs: number): ListDraft[] {
  const f = ctx.fakers.en;
  const names = listNames(kind);
  const n = contacts.records.length;
  const permutation = new Int32Array(n);
  for (let i = 0; i < n; i++) permutation[i] = i;
  const lists: ListDraft[] = [];
  const oldCutoff = ctx.nowMs - 130 * DAY;
  for (let l = 0; l < count; l++) {
    const base = names[l % names.length] ?? ['Customers', 'Customers'];
    const round = Math.floor(l / names.length);
    const name = round === 0 ? base[0] : `${base[0]} (${round + 1})`;
    const earliest = orgCreatedMs + 10 * DAY;
    const createdMs =
      l < Math.ceil(count * 0.6) || oldCutoff <= earliest
        ? f.number.int({ min: earliest, max: Math.max(earliest, oldCutoff) })
        : f.number.int({ min: oldCutoff, max: ctx.nowMs - 3 * DAY });
    const size = Math.min(n, Math.max(n > 0 ? 1 : 0, Math.round(n * (0.03 + 0.22 * f.number.float()))));
    // Partial Fisher–Yates: the first `size` entries become a uniform sample.
    for (let i = 0; i < size; i++) {
      const j = i + f.number.int(n - 1 - i);
      const tmp = permutation[i] ?? 0;
      permutation[i] = permutation[j] ?? 0;
      permutation[j] = tmp;
    }
    const members = permutation.slice(0, size).sort();
    const tagCount = f.number.int({ min: 0, max: Math.min(2, tags.length) });
    const tagIds = f.helpers.arrayElements(tags, tagCount).map((t) => t.uniqueId);
    lists.push({
      record: { uniqueId: ctx.uuid(), organizationId, name, description: base[1], tagIds, createdAt: iso(createdMs) },
      members,
    });
  }
  return lists;
}

export function finishLists(lists: readonly ListDraft[], contacts: ContactTable): ListRecord[] {
  return lists.map((l) => ({ ...l.record, contactIds: Array.from(l.members, (i) => contacts.records[i]?.uniqueId ?? '') }));
}
