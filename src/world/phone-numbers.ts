/**
 * Valid mobile numbers per country (country code + correct national-number length
 * and number ranges that libphonenumber accepts as valid), as Wapikit stores them:
 * E.164 digits without `+`.
 */
import type { Faker } from '@faker-js/faker';
import type { City } from './countries.js';
import type { CountryCode } from './model.js';
import { flat } from './strings.js';

/** Digits-only E.164: what Wapikit stores in `contact.phone`. */
export const E164_DIGITS = /^[1-9][0-9]{7,14}$/;

interface MobilePlan {
  readonly dialCode: string;
  /**
   * Prefixes of the national significant number and how many random digits follow.
   * Each entry is a valid mobile range; `[prefix, rest]`.
   */
  readonly ranges: readonly (readonly [string, number])[];
  /** Numbers start with the city's area code followed by these ranges. */
  readonly areaCoded?: boolean;
}

const PLANS: Readonly<Record<CountryCode, MobilePlan>> = {
  // India: 10 digits, mobile series start with 6–9.
  IN: {
    dialCode: '91',
    ranges: [
      ['98', 8],
      ['99', 8],
      ['97', 8],
      ['96', 8],
      ['95', 8],
      ['94', 8],
      ['93', 8],
      ['90', 8],
      ['89', 8],
      ['88', 8],
      ['87', 8],
      ['85', 8],
      ['80', 8],
      ['79', 8],
      ['78', 8],
      ['77', 8],
      ['76', 8],
      ['70', 8],
      ['63', 8],
      ['62', 8],
    ],
  },
  // US: area code (from the city) + exchange [2-9]XX + 4 digits = 10 digits.
  US: { dialCode: '1', areaCoded: true, ranges: [['2', 6], ['3', 6], ['4', 6], ['6', 6], ['7', 6], ['8', 6], ['9', 6]] },
  // UK mobiles: 07xxx xxxxxx → 10 significant digits starting with 7.
  GB: {
    dialCode: '44',
    ranges: [
      ['71', 8],
      ['72', 8],
      ['73', 8],
      ['740', 7],
      ['741', 7],
      ['745', 7],
      ['747', 7],
      ['753', 7],
      ['754', 7],
      ['757', 7],
      ['759', 7],
      ['771', 7],
      ['772', 7],
      ['774', 7],
      ['775', 7],
      ['776', 7],
      ['777', 7],
      ['784', 7],
      ['786', 7],
      ['787', 7],
      ['794', 7],
      ['795', 7],
      ['796', 7],
      ['798', 7],
    ],
  },
  // Brazil: DDD (from the city) + 9 + 8 digits = 11 digits.
  BR: { dialCode: '55', areaCoded: true, ranges: [['96', 7], ['97', 7], ['98', 7], ['99', 7]] },
  // Germany: 015x + 8 digits, 016x/017x + 7 digits.
  DE: {
    dialCode: '49',
    ranges: [
      ['151', 8],
      ['152', 8],
      ['157', 8],
      ['159', 8],
      ['160', 7],
      ['162', 7],
      ['163', 7],
      ['170', 7],
      ['171', 7],
      ['172', 7],
      ['173', 7],
      ['174', 7],
      ['175', 7],
      ['176', 7],
      ['177', 7],
      ['178', 7],
      ['179', 7],
    ],
  },
  // Indonesia: 08xx mobile, 10–12 significant digits.
  ID: {
    dialCode: '62',
    ranges: [
      ['811', 8],
      ['812', 8],
      ['813', 8],
      ['821', 8],
      ['822', 8],
      ['823', 8],
      ['852', 8],
      ['853', 8],
      ['856', 8],
      ['857', 8],
      ['858', 8],
      ['877', 8],
      ['878', 8],
      ['812', 7],
      ['813', 7],
      ['817', 8],
      ['818', 8],
      ['819', 8],
    ],
  },
  // Mexico: 10 digits = area code (from the city) + local number.
  MX: { dialCode: '52', areaCoded: true, ranges: [['1', -1], ['2', -1], ['3', -1], ['4', -1], ['5', -1], ['6', -1], ['7', -1], ['8', -1], ['9', -1]] },
  // Nigeria: 10 significant digits, 70x/80x/81x/90x/91x.
  NG: {
    dialCode: '234',
    ranges: [
      ['703', 7],
      ['706', 7],
      ['708', 7],
      ['802', 7],
      ['803', 7],
      ['805', 7],
      ['806', 7],
      ['807', 7],
      ['808', 7],
      ['810', 7],
      ['813', 7],
      ['814', 7],
      ['816', 7],
      ['903', 7],
      ['905', 7],
      ['906', 7],
      ['913', 7],
    ],
  },
};

function digits(faker: Faker, count: number): string {
  let out = '';
  let left = count;
  while (left > 0) {
    const chunk = Math.min(9, left);
    out += String(faker.number.int(10 ** chunk - 1)).padStart(chunk, '0');
    left -= chunk;
  }
  return out;
}

/**
 * A valid mobile number of `country` (a number of `city` where the country's mobile
 * numbers carry an area code), as E.164 digits without `+`.
 */
export function mobileNumber(faker: Faker, country: CountryCode, city: City): string {
  const plan = PLANS[country];
  const [prefix, rest] = faker.helpers.arrayElement(plan.ranges);
  if (!plan.areaCoded) return plan.dialCode + prefix + digits(faker, rest);
  const area = faker.helpers.arrayElement(city.areaCodes);
  if (rest >= 0) return plan.dialCode + area + prefix + digits(faker, rest);
  // Mexico: area code + local number filling 10 digits; local numbers start with 1-9.
  return plan.dialCode + area + prefix + digits(faker, 10 - area.length - prefix.length);
}

/** A unique valid mobile number: retries until `taken` does not hold it, then adds it. */
export function uniqueMobileNumber(faker: Faker, country: CountryCode, city: City, taken: Set<string>): string {
  for (;;) {
    const phone = flat(mobileNumber(faker, country, city));
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/**
 * How WhatsApp shows a business number (`display_phone_number`), e.g.
 * `+1 415-555-0134`, `+91 98765 43210`, `+44 7700 900123`.
 */
export function displayPhoneNumber(e164Digits: string, country: CountryCode): string {
  const plan = PLANS[country];
  const national = e164Digits.slice(plan.dialCode.length);
  switch (country) {
    case 'US':
      return `+1 ${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
    case 'IN':
      return `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
    case 'GB':
      return `+44 ${national.slice(0, 4)} ${national.slice(4)}`;
    default:
      return `+${plan.dialCode} ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  }
}
