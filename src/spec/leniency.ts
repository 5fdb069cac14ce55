/**
 * Which of the spec's request rules the real Wapikit server enforces, and which only the spec states.
 *
 * A rule is an Ajv keyword (a `format` with its name) at a location: `enum@query`, `additionalProperties@body`,
 * `format:uuid@path`. The mock refuses a broken `server` rule with a 400 in every mode. A broken `spec-only` rule
 * is refused only with `strict`; by default the offending query parameter or body field is dropped — the server
 * binds it without checking, or ignores it — and the request goes on with a warning. The sources are sections
 * of the API facts (/work/shared/wapikit-api/API-FACTS.md, "§"). openapi/README.md shows this table (a test keeps
 * the two the same). A rule the table does not name is enforced: refusing is the safe side.
 */
import type { Violation } from './describe-errors.js';
import type { OperationInfo } from './operations.js';

export type Enforcement = 'server' | 'spec-only';
export type RuleLocation = 'path' | 'query' | 'header' | 'body' | 'form';

export interface LeniencyRule {
  rule: string;
  enforcement: Enforcement;
  /** Why, with the API facts section it comes from. */
  source: string;
}

export const LENIENCY_TABLE: readonly LeniencyRule[] = [
  { rule: 'required@path', enforcement: 'server', source: 'the router has no route without it (§1.1)' },
  { rule: 'type@path', enforcement: 'server', source: 'path ids are parsed by the handlers (§1.5)' },
  { rule: 'format:uuid@path', enforcement: 'server', source: 'malformed ids: 400 "invalid conversation id", or a failed lookup (404/500) elsewhere (§1.5, §4.1 #5)' },
  { rule: 'pattern@path', enforcement: 'server', source: 'WhatsApp media ids are looked up upstream; a malformed one is not found (§2.3)' },
  { rule: 'required@query', enforcement: 'server', source: '400 "query parameter \'page\' is required" (§1.4, §1.6)' },
  { rule: 'type@query', enforcement: 'server', source: 'Echo binds integers with strconv.ParseInt: 400 "error binding string parameter" (§1.4)' },
  { rule: 'format:int64@query', enforcement: 'server', source: 'out of int64 range: the same binding error (§1.4, §1.6)' },
  { rule: 'format:date-time@query', enforcement: 'server', source: 'analytics from/to are parsed as dates; what does not parse is refused (§1.4, §4.4 #20; the server also takes a bare YYYY-MM-DD, decision 17)' },
  { rule: 'minimum@query', enforcement: 'server', source: 'page 0 is refused on contacts, conversations and conversation messages ("Invalid page or perPage value") and fails in SQL elsewhere (§1.6)' },
  { rule: 'maximum@query', enforcement: 'server', source: 'per_page over 50 (contacts, conversations) or 200 (conversation messages): 400 "Invalid page or perPage value" (§1.6)' },
  { rule: 'enum@query', enforcement: 'spec-only', source: 'sort and filter values are bound as plain strings, never checked against the enum (§1.6, §4.1 #4; issue #11: sortBy=undefined lists the members)' },
  { rule: 'format:uuid@query', enforcement: 'spec-only', source: 'id filters are not parsed: a non-UUID list_id is ignored, contact_id/list_id/message_id on conversations are ignored (§2.2 #45, #62, §4.1 #4)' },
  { rule: 'additionalProperties@body', enforcement: 'spec-only', source: 'Echo\'s Bind ignores fields it does not know; clients of the published spec send otp, inviteId, password (§1.1, §4.4 #18)' },
  { rule: 'unevaluatedProperties@body', enforcement: 'spec-only', source: 'the same for fields unknown to a message branch: ignored by Bind (§1.1)' },
  { rule: 'format:uri@body', enforcement: 'spec-only', source: 'links are stored as text and never parsed (none of §2.2 checks one)' },
  { rule: 'minimum@body', enforcement: 'server', source: 'coordinate ranges: WhatsApp refuses a location outside them when it is sent (§3.2)' },
  { rule: 'maximum@body', enforcement: 'server', source: 'coordinate ranges: WhatsApp refuses a location outside them when it is sent (§3.2)' },
  { rule: 'required@body', enforcement: 'server', source: 'handlers refuse missing fields (e.g. "Username / password is required") or fail on nil fields (§2.2 #4, #8, §4.4 #20)' },
  { rule: 'type@body', enforcement: 'server', source: 'Bind fails on a wrong JSON type: 400 with Echo\'s error text (§1.1)' },
  { rule: 'enum@body', enforcement: 'server', source: 'enum fields drive the handler (status transitions, access levels, permissions) (§2.2 #36, #60)' },
  { rule: 'const@body', enforcement: 'server', source: 'a message\'s type selects how it is sent (§3.2)' },
  { rule: 'discriminator@body', enforcement: 'server', source: 'a message\'s type selects how it is sent (§3.2)' },
  { rule: 'oneOf@body', enforcement: 'server', source: 'a message\'s type selects how it is sent (§3.2)' },
  { rule: 'anyOf@body', enforcement: 'server', source: 'a field with alternatives (a UUID or "") is parsed as one of them (§1.9)' },
  { rule: 'format:uuid@body', enforcement: 'server', source: 'ids in bodies are parsed: 400 on a bad UUID (§2.2 #17, #38)' },
  { rule: 'format:email@body', enforcement: 'server', source: 'invites check the address: 400 "Invalid email address"; the other email fields name the account (§2.2 #31)' },
  { rule: 'format:date-time@body', enforcement: 'server', source: 'Go time.Time fails to unmarshal anything but RFC 3339: a Bind error (§1.1)' },
  { rule: 'pattern@body', enforcement: 'server', source: 'blank names and passwords are refused by the handlers (§2.2 #4)' },
  { rule: 'minLength@body', enforcement: 'server', source: 'empty required text is refused by the handlers (§2.2 #4)' },
  { rule: 'maxLength@body', enforcement: 'server', source: 'column limits of the database (§1.5)' },
  { rule: 'minItems@body', enforcement: 'server', source: 'an empty contact list creates nothing and is refused (§2.2 #46)' },
  { rule: 'maxItems@body', enforcement: 'server', source: 'bulk writes are bounded (§2.2 #46)' },
  { rule: 'minProperties@body', enforcement: 'server', source: 'an update that changes nothing is refused (§2.2)' },
  { rule: 'required@form', enforcement: 'server', source: '400 "file is required" (§2.3)' },
  { rule: 'type@form', enforcement: 'server', source: 'multipart fields are read by name and type (§2.2 #48)' },
  { rule: 'pattern@form', enforcement: 'server', source: 'the bulk import delimiter must be exactly one character (§2.2 #48, §4.4 #20)' },
];

const BY_RULE = new Map(LENIENCY_TABLE.map((r) => [r.rule, r]));

/** The rule a violation broke at a location, e.g. `enum@query`. */
export function ruleOf(violation: Pick<Violation, 'keyword'>, location: RuleLocation): string {
  return `${violation.keyword ?? 'unknown'}@${location}`;
}

/** The top-level name a violation is about (a parameter, a body's top field): '' for the value itself. */
function topName(pointer: string): string {
  return (pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Whether the server enforces what `violation` broke. A spec-only rule broken by a *required* parameter stays
 * enforced: without it the request cannot go on (dropping it would only break `required`).
 */
export function enforcementOf(op: OperationInfo, location: RuleLocation, violation: Pick<Violation, 'keyword' | 'pointer'>): Enforcement {
  const entry = BY_RULE.get(ruleOf(violation, location));
  if (entry?.enforcement !== 'spec-only') return 'server';
  if (location === 'path' || location === 'query' || location === 'header') {
    const name = topName(violation.pointer);
    const param = op.parameters.find((p) => p.in === location && (location === 'header' ? p.name.toLowerCase() : p.name) === name);
    if (param?.required) return 'server';
  }
  return 'spec-only';
}

/** The decision table as markdown rows (openapi/README.md holds the same rows). */
export function leniencyTableMarkdown(): string {
  const rows = LENIENCY_TABLE.map((r) => `| \`${r.rule}\` | ${r.enforcement} | ${r.source.replace(/\|/g, '\\|')} |`);
  return ['| Rule (keyword@location) | Enforced by | Source |', '|---|---|---|', ...rows].join('\n');
}
