/**
 * Contact phone numbers as the server stores them: trimmed, a leading `+` removed, digits-only E.164
 * with a country calling code the number must carry (the server parses without a default region) and
 * a national number of a length that country uses. A compact stand-in for libphonenumber's check.
 */

/** Country calling code → [shortest, longest] national significant number. Calling codes are prefix-free. */
const NATIONAL_LENGTHS: Readonly<Record<string, readonly [number, number]>> = {
  // North America (NANP) and Russia/Kazakhstan
  '1': [10, 10], '7': [10, 10],
  // Africa
  '20': [8, 10], '27': [9, 9], '211': [9, 9], '212': [9, 9], '213': [8, 9], '216': [8, 8], '218': [9, 9], '220': [7, 7],
  '221': [9, 9], '225': [10, 10], '233': [9, 9], '234': [8, 10], '237': [9, 9], '243': [9, 9], '244': [9, 9], '249': [9, 9],
  '250': [9, 9], '251': [9, 9], '254': [9, 9], '255': [9, 9], '256': [9, 9], '260': [9, 9], '263': [9, 9],
  // Europe
  '30': [10, 10], '31': [9, 9], '32': [8, 9], '33': [9, 9], '34': [9, 9], '36': [8, 9], '39': [6, 11], '40': [9, 9],
  '41': [9, 9], '43': [4, 13], '44': [9, 10], '45': [8, 8], '46': [7, 10], '47': [8, 8], '48': [9, 9], '49': [6, 13],
  '351': [9, 9], '352': [6, 11], '353': [7, 9], '354': [7, 9], '358': [6, 12], '359': [8, 9], '370': [8, 8], '371': [8, 8],
  '372': [7, 8], '380': [9, 9], '381': [8, 9], '385': [8, 9], '386': [8, 8], '420': [9, 9], '421': [9, 9],
  // Latin America
  '51': [8, 9], '52': [10, 10], '53': [6, 8], '54': [10, 11], '55': [10, 11], '56': [9, 9], '57': [10, 10], '58': [10, 10],
  // Asia and Oceania
  '60': [8, 10], '61': [9, 9], '62': [8, 12], '63': [10, 10], '64': [8, 10], '65': [8, 8], '66': [8, 9], '81': [9, 10],
  '82': [8, 10], '84': [9, 10], '86': [10, 11], '90': [10, 10], '91': [10, 10], '92': [9, 10], '93': [9, 9], '94': [9, 9],
  '95': [7, 10], '98': [10, 10], '852': [8, 8], '853': [8, 8], '855': [8, 9], '880': [10, 10], '886': [9, 9], '960': [7, 7],
  '961': [7, 8], '962': [9, 9], '963': [9, 9], '964': [10, 10], '965': [8, 8], '966': [9, 9], '967': [9, 9], '968': [8, 8],
  '970': [9, 9], '971': [9, 9], '972': [9, 9], '973': [8, 8], '974': [8, 8], '975': [8, 8], '976': [8, 8], '977': [10, 10],
  '992': [9, 9], '993': [8, 8], '994': [9, 9], '995': [9, 9], '996': [9, 9], '998': [9, 9],
};

/** Countries whose national numbers may start with 0 (Italian fixed lines keep it). */
const LEADING_ZERO_ALLOWED = new Set(['39']);

export type PhoneCheck = { ok: true; phone: string } | { ok: false; reason: string };

/** Normalises a contact phone number, or says why it is not a valid one. */
export function normalizePhone(input: string): PhoneCheck {
  const trimmed = input.trim();
  const digits = trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  if (!/^[0-9]+$/.test(digits)) return { ok: false, reason: 'it must be digits with an optional leading +' };
  if (digits.startsWith('0')) return { ok: false, reason: 'it must start with the country calling code, not 0' };
  const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => c in NATIONAL_LENGTHS);
  if (code === undefined) return { ok: false, reason: 'its country calling code is unknown' };
  const [min, max] = NATIONAL_LENGTHS[code]!;
  const national = digits.slice(code.length);
  if (national.length < min || national.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    return { ok: false, reason: `numbers of country code +${code} have ${want} digits after it, this one has ${national.length}` };
  }
  if (national.startsWith('0') && !LEADING_ZERO_ALLOWED.has(code)) return { ok: false, reason: `the number after country code +${code} cannot start with 0` };
  if (code === '1' && (/^[01]/.test(national) || /^[01]/.test(national.slice(3)))) {
    return { ok: false, reason: 'North American area codes and exchanges cannot start with 0 or 1' };
  }
  return { ok: true, phone: digits };
}
