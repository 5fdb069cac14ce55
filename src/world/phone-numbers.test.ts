import { describe, expect, it } from 'vitest';
import { COUNTRIES, formatAmount } from './countries.js';
import type { CountryCode } from './model.js';
import { displayPhoneNumber, E164_DIGITS, mobileNumber, uniqueMobileNumber } from './phone-numbers.js';
import { createSeededFaker } from './random.js';

/**
 * National significant number lengths and leading digits of mobile numbers
 * (checked once against libphonenumber's metadata: every generated number was valid).
 */
const RULES: readonly [CountryCode, string, RegExp][] = [
  ['IN', '91', /^[6-9]\d{9}$/],
  ['US', '1', /^[2-9]\d{2}[2-9]\d{6}$/],
  ['GB', '44', /^7\d{9}$/],
  ['BR', '55', /^[1-9][1-9]9[6-9]\d{7}$/],
  ['DE', '49', /^(15\d{9}|1[67]\d{8})$/],
  ['ID', '62', /^8\d{9,10}$/],
  ['MX', '52', /^(55|33|81|222|999)[1-9]\d{6,7}$/],
  ['NG', '234', /^[789][01]\d{8}$/],
];

describe('mobile numbers', () => {
  it.each(RULES)('%s numbers start with +%s and have a valid national number', (country, dialCode, national) => {
    const faker = createSeededFaker(country.charCodeAt(0));
    for (let i = 0; i < 300; i++) {
      const city = faker.helpers.arrayElement(COUNTRIES[country].cities);
      const phone = mobileNumber(faker, country, city);
      expect(phone).toMatch(E164_DIGITS);
      expect(phone.startsWith(dialCode)).toBe(true);
      expect(phone.slice(dialCode.length)).toMatch(national);
      if (city.areaCodes.length > 0) expect(city.areaCodes.some((a) => phone.slice(dialCode.length).startsWith(a))).toBe(true);
    }
  });

  it('never hands out the same number twice', () => {
    const faker = createSeededFaker(9);
    const taken = new Set<string>();
    const city = COUNTRIES.GB.cities[0];
    if (city === undefined) throw new Error('no city');
    for (let i = 0; i < 2000; i++) uniqueMobileNumber(faker, 'GB', city, taken);
    expect(taken.size).toBe(2000);
  });

  it.each<[string, CountryCode, string]>([
    ['14155550134', 'US', '+1 415-555-0134'],
    ['919876543210', 'IN', '+91 98765 43210'],
    ['447700900123', 'GB', '+44 7700 900123'],
  ])('displays %s as %s', (digits, country, shown) => {
    expect(displayPhoneNumber(digits, country)).toBe(shown);
  });
});

describe('amounts', () => {
  it.each<[CountryCode, number, string]>([
    ['IN', 2499, '₹2,499'],
    ['US', 34.99, '$34.99'],
    ['BR', 189.9, 'R$ 189,90'],
    ['DE', 1059.5, '€1.059,50'],
    ['ID', 1250000, 'Rp 1.250.000'],
    ['NG', 45000, '₦45,000'],
  ])('formats %s %d as %s', (country, amount, text) => {
    expect(formatAmount(COUNTRIES[country].currency, amount)).toBe(text);
  });
});
