/**
 * Seeded randomness for the world generator.
 *
 * All randomness comes from Faker instances. They use a small, fast randomizer
 * (sfc32, seeded through a murmur-style hash of the seed numbers) instead of
 * Faker's default Mersenne Twister, because the generator re-seeds once per
 * conversation thread and seeding a Mersenne Twister costs ~25 µs (2.5 s for
 * 100,000 threads) while seeding sfc32 costs nanoseconds.
 *
 * Nothing here reads the clock or `Math.random()`.
 */
// Per-locale entry points: importing '@faker-js/faker' itself loads every locale (~100 ms more start-up).
// Each exports a ready Faker whose rawDefinitions are that locale merged with its fallbacks (en, base).
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerEnGb } from '@faker-js/faker/locale/en_GB';
import { faker as fakerEnIn } from '@faker-js/faker/locale/en_IN';
import { faker as fakerEnNg } from '@faker-js/faker/locale/en_NG';
import { faker as fakerEnUs } from '@faker-js/faker/locale/en_US';
import { faker as fakerEsMx } from '@faker-js/faker/locale/es_MX';
import { faker as fakerIdId } from '@faker-js/faker/locale/id_ID';
import { faker as fakerPtBr } from '@faker-js/faker/locale/pt_BR';
import type { Faker as FakerInstance, LocaleDefinition, Randomizer } from '@faker-js/faker';

const Faker = fakerEn.constructor as typeof FakerInstance;
type Faker = FakerInstance;
const en = fakerEn.rawDefinitions;
const [de, en_GB, en_IN, en_NG, en_US, es_MX, id_ID, pt_BR] = [fakerDe, fakerEnGb, fakerEnIn, fakerEnNg, fakerEnUs, fakerEsMx, fakerIdId, fakerPtBr].map((f) => f.rawDefinitions) as [
  LocaleDefinition, LocaleDefinition, LocaleDefinition, LocaleDefinition, LocaleDefinition, LocaleDefinition, LocaleDefinition, LocaleDefinition,
];
import type { CountryCode } from './model.js';

/** A seed: one number or a path of numbers (e.g. `[worldSeed, org, conversation]`). */
export type Seed = number | readonly number[];

function mix32(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Seeded small-fast-counter PRNG (sfc32) exposed as a Faker `Randomizer`.
 * Faker calls `next` unbound, so the methods are closures, not prototype methods.
 */
export interface Sfc32Randomizer extends Randomizer {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Re-seeds; accepts read-only seed paths too. */
  seed(seed: Seed): void;
}

export function createRandomizer(initialSeed: Seed = 0): Sfc32Randomizer {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  const seed = (value: Seed): void => {
    const parts: readonly number[] = typeof value === 'number' ? [value] : value;
    let h1 = 0x9e3779b9 ^ parts.length;
    let h2 = 0x85ebca6b;
    for (const part of parts) {
      const lo = part | 0;
      const hi = Math.floor(part / 0x100000000) | 0;
      h1 = mix32(h1, lo);
      h1 = mix32(h1, hi);
      h2 = mix32(h2, lo ^ 0x5bd1e995);
      h2 = mix32(h2, hi ^ 0x27d4eb2f);
    }
    a = fmix32(h1);
    b = fmix32(h2);
    c = fmix32(h1 ^ h2 ^ 0x632be59b);
    d = 1;
    for (let i = 0; i < 12; i++) nextUint32();
  };

  /** A float in [0, 1) with 32 bits of precision (as Faker's classic Mersenne Twister). */
  const next = (): number => nextUint32() / 4294967296;

  seed(initialSeed);
  return { next, seed, nextUint32 };
}

/** A Faker that draws from the given randomizer, with `locale` in front of English. */
export function createFaker(randomizer: Randomizer, locale?: LocaleDefinition): Faker {
  return new Faker({ locale: locale === undefined ? [en] : [locale, en], randomizer });
}

/** A new Faker (English) seeded with `seed`, on its own randomizer. */
export function createSeededFaker(seed: Seed): Faker {
  return createFaker(createRandomizer(seed));
}

const LOCALES: Readonly<Record<CountryCode, LocaleDefinition>> = {
  IN: en_IN,
  US: en_US,
  GB: en_GB,
  BR: pt_BR,
  DE: de,
  ID: id_ID,
  MX: es_MX,
  NG: en_NG,
};

/**
 * One English Faker plus one Faker per country locale, all sharing one randomizer,
 * so re-seeding `randomizer` re-seeds them all.
 */
export interface FakerSet {
  readonly randomizer: Sfc32Randomizer;
  readonly en: Faker;
  readonly byCountry: Readonly<Record<CountryCode, Faker>>;
  seed(seed: Seed): void;
}

export function createFakerSet(seed: Seed): FakerSet {
  const randomizer = createRandomizer(seed);
  const byCountry = {} as Record<CountryCode, Faker>;
  for (const code of Object.keys(LOCALES) as CountryCode[]) {
    byCountry[code] = createFaker(randomizer, LOCALES[code]);
  }
  return {
    randomizer,
    en: createFaker(randomizer),
    byCountry,
    seed: (s) => randomizer.seed(s),
  };
}

/** Picks an element by weight (`weights[i]` ≥ 0, total > 0). */
export function pickWeighted<T>(faker: Faker, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += weight(item);
  let r = faker.number.float() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('pickWeighted: no items');
  return last;
}

/** `true` with probability `p`. */
export function chance(faker: Faker, p: number): boolean {
  return faker.number.float() < p;
}

/** Uniform integer in [min, max]. */
export function intBetween(faker: Faker, min: number, max: number): number {
  return faker.number.int({ min, max });
}

/** Uniform element of a non-empty array. */
export function pick<T>(faker: Faker, items: readonly T[]): T {
  return faker.helpers.arrayElement(items);
}
