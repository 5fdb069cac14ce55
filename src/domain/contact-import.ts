/**
 * `POST /contacts/bulk-import`: contacts from a CSV file. The file is read, checked and turned into records a
 * slice at a time, letting other requests run in between, without touching the store; then everything is
 * applied in one synchronous step that is linear in the rows, so no request ever sees half an import and a
 * large file never holds the server up for long.
 */
import type { Store } from '../store/store.js';
import { utf8Text } from '../util/bytes.js';
import { nextTurn } from '../util/timers.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from './json-depth.js';
import { ContactBatch, plural, type ContactDraft } from './contacts.js';
import { CsvReader, type CsvRow } from './csv.js';
import { rejected, tooLarge } from './errors.js';
import { normalizePhone } from './phone.js';

/** The longest contact name bulk import accepts, as on the real server. */
export const MAX_NAME_LENGTH = 255;
/** The most contact rows (after the header) one import takes; the real server sets no limit. */
export const MAX_IMPORT_ROWS = 50_000;
/** Rows read and checked (or turned into records) before other requests get a turn. */
const ROWS_PER_TURN = 500;
/** At most this many rejected rows are described in the reply; the rest are counted. */
const LISTED_PROBLEMS = 20;

export interface ImportInput {
  file: Uint8Array;
  delimiter?: string;
  listIds?: string;
}

function problemList(problems: readonly string[], listed: number): string {
  const more = problems.length - listed;
  return `${problems.slice(0, listed).join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Reads the `listIds` form field: a JSON array of list ids of the organization. */
function importLists(store: Store, organizationId: string, raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw rejected(`form field 'listIds' must be a JSON array of list ids, e.g. ["<uuid>"] (got '${raw}')`);
  }
  if (!Array.isArray(parsed) || !parsed.every((x): x is string => typeof x === 'string')) {
    throw rejected(`form field 'listIds' must be a JSON array of list ids, e.g. ["<uuid>"] (got '${raw}')`);
  }
  parsed.forEach((id, i) => {
    const l = store.lists.get(id);
    if (!l || l.organizationId !== organizationId) throw rejected(`form field 'listIds' item ${i} must be the id of a contact list of this organization (got '${id}')`);
  });
  return [...new Set(parsed)];
}

/** One data row as a contact draft (its lists are set when the import is applied), or why it is rejected. */
function importRow({ line, fields }: CsvRow): ContactDraft | string {
  if (fields.length > 3) return `line ${line}: expected at most 3 columns (name, phone, attributes), got ${fields.length}`;
  const [name = '', phone = '', attributes = ''] = fields.map((x) => x.trim());
  if (name.length > MAX_NAME_LENGTH) return `line ${line}: name is longer than ${MAX_NAME_LENGTH} characters`;
  const p = normalizePhone(phone);
  if (!p.ok) return phone === '' ? `line ${line}: phone is missing` : `line ${line}: '${phone}' is not a valid phone number: ${p.reason}`;
  let attrs: unknown = {};
  if (attributes !== '') {
    try {
      attrs = JSON.parse(attributes);
    } catch {
      attrs = undefined;
    }
  }
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) return `line ${line}: attributes must be a JSON object, e.g. {"city":"Pune"}`;
  if (nestsDeeperThan(attrs, MAX_JSON_DEPTH)) return `line ${line}: ${tooDeepMessage('attributes')}`;
  return { name, phone: p.phone, status: 'Active', attributes: attrs as Record<string, unknown>, listIds: [] };
}

/**
 * A CSV of `name,phone,attributes` (attributes a JSON object, optional) after a header row, which is skipped
 * whatever its column names say (columns are positional, so no name is ever looked up). Good rows are imported
 * (duplicates skipped) and added to `listIds`; bad rows are left out and reported by line in the message. A file
 * with no usable row or more than MAX_IMPORT_ROWS rows, a bad delimiter or unknown lists changes nothing. The
 * lists are checked again just before the import is applied: one may have been deleted while the file was read.
 */
export async function importContacts(store: Store, organizationId: string, input: ImportInput): Promise<{ message: string }> {
  // One character, not a quote or a line break: the spec's pattern, already checked by the router.
  const delimiter = input.delimiter ?? ',';
  importLists(store, organizationId, input.listIds);
  const reader = new CsvReader(utf8Text(input.file), delimiter);
  reader.next(); // the header row
  const drafts: ContactDraft[] = [];
  const problems: string[] = [];
  let rows = 0;
  for (let row = reader.next(); row; row = reader.next()) {
    rows++;
    // Past the cap, rows are only counted, for the message.
    if (rows <= MAX_IMPORT_ROWS) {
      const draft = importRow(row);
      if (typeof draft === 'string') problems.push(draft);
      else drafts.push(draft);
    }
    if (rows % ROWS_PER_TURN === 0) await nextTurn();
  }
  if (reader.unterminatedAt !== undefined) throw rejected(`form field 'file': the quoted field that starts on line ${reader.unterminatedAt} is never closed`);
  if (rows > MAX_IMPORT_ROWS) throw tooLarge(`form field 'file' has ${rows} contact rows; an import takes at most ${MAX_IMPORT_ROWS} (split the file)`);
  if (rows === 0) throw rejected("form field 'file' must be a CSV file with a header row and at least one contact (columns: name, phone, attributes)");
  if (drafts.length === 0) throw rejected(`form field 'file' has no valid contact row: ${problemList(problems, 5)}`);

  const batch = new ContactBatch(store, organizationId);
  for (let i = 0; i < drafts.length; i++) {
    batch.add(drafts[i]!);
    if ((i + 1) % ROWS_PER_TURN === 0) await nextTurn();
  }
  // From here on, one synchronous step.
  const { created, skipped } = batch.commit(importLists(store, organizationId, input.listIds));
  const parts = [`Imported ${plural(created, 'contact', 'contacts')} from ${plural(rows, 'row', 'rows')}`];
  if (skipped) parts.push(`skipped ${plural(skipped, 'contact', 'contacts')} whose phone number already exists`);
  if (problems.length) parts.push(`rejected ${plural(problems.length, 'row', 'rows')}: ${problemList(problems, LISTED_PROBLEMS)}`);
  return { message: parts.join('; ') };
}
