/**
 * Identifiers: Wapikit v4 UUIDs and WhatsApp-side ids, all drawn from a seeded Faker.
 */
import type { Faker } from '@faker-js/faker';
import { createSeededFaker, type Seed } from './random.js';
import { base64FromBytes, concatBytes, latin1Bytes } from '../util/bytes.js';
import { flat, formatUuid } from './strings.js';

/** A lowercase v4 UUID, as Postgres `gen_random_uuid()` prints it. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** WhatsApp numeric ids (templates, phone numbers, media, accounts): 15–17 digits. */
export const WHATSAPP_NUMERIC_ID = /^[1-9][0-9]{14,16}$/;
/** WhatsApp message ids. */
export const WAMID = /^wamid\.[A-Za-z0-9+/]+={0,2}$/;

function uint32(faker: Faker): number {
  return faker.number.int(0xffffffff);
}

/** A v4 UUID from four random 32-bit words. */
export function uuidFrom(faker: Faker): string {
  const a = uint32(faker);
  const b = (uint32(faker) & 0xffff0fff) | 0x4000;
  const c = ((uint32(faker) & 0x3fffffff) | 0x80000000) >>> 0;
  const d = uint32(faker);
  return formatUuid(a, b, c, d);
}

/** A numeric string of `length` digits (no leading zero), e.g. a WhatsApp media id. */
export function numericIdFrom(faker: Faker, length: number): string {
  let out = String(faker.number.int({ min: 1, max: 9 }));
  while (out.length < length) {
    const chunk = Math.min(9, length - out.length);
    out += String(faker.number.int(10 ** chunk - 1)).padStart(chunk, '0');
  }
  return flat(out);
}

/** A WhatsApp-style numeric id of 15 or 16 digits. */
export function whatsAppIdFrom(faker: Faker): string {
  return numericIdFrom(faker, faker.number.int({ min: 15, max: 16 }));
}

const HEX_UPPER = '0123456789ABCDEF';

/**
 * A WhatsApp message id. Real ones are `wamid.` + base64 of a small binary record
 * holding the customer's phone number and a 16–20 character hex id; this builds the
 * same structure, so ids look right and differ per message.
 */
export function wamidFrom(faker: Faker, phone: string, direction: 'InBound' | 'OutBound'): string {
  const idLength = direction === 'InBound' ? 20 : 18;
  let hexId = '';
  for (let i = 0; i < idLength; i++) hexId += HEX_UPPER[faker.number.int(15)];
  const phoneBytes = latin1Bytes(phone);
  const idBytes = latin1Bytes(hexId);
  const bytes = concatBytes([
    Uint8Array.of(0x1c, 0x18, phoneBytes.length),
    phoneBytes,
    Uint8Array.of(0x15, 0x02, 0x00, direction === 'InBound' ? 0x12 : 0x11, 0x18, idBytes.length),
    idBytes,
    Uint8Array.of(0x00),
  ]);
  return `wamid.${base64FromBytes(bytes)}`;
}

/** Deterministic id minting for code that runs after the world was generated. */
export interface IdSource {
  /** A lowercase v4 UUID. */
  uuid(): string;
  /** A WhatsApp numeric id (15–16 digits): media, templates, phone numbers. */
  whatsAppId(): string;
  /** A `wamid.` WhatsApp message id for a message to/from `phone` (E.164 digits). */
  wamid(phone: string, direction?: 'InBound' | 'OutBound'): string;
  /** The underlying Faker, for any other seeded choice. */
  readonly faker: Faker;
}

/**
 * Ids from a seeded stream: the same seed gives the same sequence. A server would
 * use `createIdSource(world.runtimeIdSeed)`.
 */
export function createIdSource(seed: Seed): IdSource {
  const faker = createSeededFaker(seed);
  return {
    faker,
    uuid: () => uuidFrom(faker),
    whatsAppId: () => whatsAppIdFrom(faker),
    wamid: (phone, direction = 'OutBound') => wamidFrom(faker, phone, direction),
  };
}
