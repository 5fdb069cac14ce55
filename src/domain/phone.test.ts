import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['a UK mobile with +', '+447911123456', '447911123456'],
    ['the same without +', '447911123456', '447911123456'],
    ['surrounding spaces', '  +447911123456 ', '447911123456'],
    ['a US number', '+14155552671', '14155552671'],
    ['an Indian mobile', '919876543210', '919876543210'],
    ['a three-digit calling code (Ireland)', '+353871234567', '353871234567'],
    ['an Italian fixed line keeping its 0', '+390612345678', '390612345678'],
    ['the shortest German number', '49123456', '49123456'],
    ['the longest German number', '491234567890123', '491234567890123'],
  ])('accepts %s', (_name, input, phone) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone });
  });

  it.each([
    ['letters', '+44 7911 123456', 'it must be digits with an optional leading +'],
    ['a dash', '447911-123456', 'it must be digits with an optional leading +'],
    ['nothing', '', 'it must be digits with an optional leading +'],
    ['only a plus', '+', 'it must be digits with an optional leading +'],
    ['two pluses', '++447911123456', 'it must be digits with an optional leading +'],
    ['a national number with its trunk 0', '07911123456', 'it must start with the country calling code, not 0'],
    ['an international 00 prefix', '00447911123456', 'it must start with the country calling code, not 0'],
    ['an unknown calling code', '+2999123456', 'its country calling code is unknown'],
    ['too few digits for the country', '+4479111234', 'numbers of country code +44 have 9 to 10 digits after it, this one has 8'],
    ['too many digits for the country', '+9198765432101', 'numbers of country code +91 have 10 digits after it, this one has 11'],
    ['a 0 after the calling code', '+440911123456', 'the number after country code +44 cannot start with 0'],
    ['a North American area code starting with 1', '+11155552671', 'North American area codes and exchanges cannot start with 0 or 1'],
    ['a North American exchange starting with 0', '+14150552671', 'North American area codes and exchanges cannot start with 0 or 1'],
  ])('refuses %s, saying why', (_name, input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });
});
