/**
 * People's names from Faker's locale data, picked directly from the name lists
 * (Faker's `person.lastName()` goes through its template engine, which costs
 * ~10× more and dominates building 100,000+ contacts).
 */
import type { Faker } from '@faker-js/faker';

interface NameLists {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly lastFemale: readonly string[];
  readonly lastMale: readonly string[];
  /** Hispanic naming: two surnames. */
  readonly doubleSurname: boolean;
}

type Gendered = { readonly generic?: readonly string[]; readonly female?: readonly string[]; readonly male?: readonly string[] } | undefined;

function listOf(source: Gendered, sex: 'female' | 'male'): readonly string[] {
  const list = source?.[sex] ?? source?.generic ?? [];
  if (list.length === 0) throw new Error('Locale has no names');
  return list;
}

const cache = new WeakMap<Faker, NameLists>();

function namesOf(faker: Faker): NameLists {
  let lists = cache.get(faker);
  if (lists === undefined) {
    const person = faker.rawDefinitions.person;
    const first = person?.first_name as Gendered;
    const last = person?.last_name as Gendered;
    const pattern = JSON.stringify(person?.last_name_pattern ?? '');
    lists = {
      female: listOf(first, 'female'),
      male: listOf(first, 'male'),
      lastFemale: listOf(last, 'female'),
      lastMale: listOf(last, 'male'),
      doubleSurname: /\{\{person\.last_name\.generic\}\} \{\{person\.last_name\.generic\}\}/.test(pattern),
    };
    cache.set(faker, lists);
  }
  return lists;
}

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

/** A first and last name typical of the Faker's locale (sexes consistent). */
export function personName(faker: Faker): PersonName {
  const lists = namesOf(faker);
  const female = faker.number.float() < 0.5;
  const firstName = faker.helpers.arrayElement(female ? lists.female : lists.male);
  const surnames = female ? lists.lastFemale : lists.lastMale;
  const lastName = lists.doubleSurname
    ? `${faker.helpers.arrayElement(surnames)} ${faker.helpers.arrayElement(surnames)}`
    : faker.helpers.arrayElement(surnames);
  return { firstName, lastName };
}
