/**
 * Keeps secrets out of everything the kit prints or writes. The run registers every secret it handles (the
 * token it was given or obtained, the password). A target may echo a secret back in any encoding, so each one
 * is masked in every form it is likely to take: as is, JSON-escaped (plain, HTML-safe as Go writes it, ASCII-only),
 * URL-encoded (percent and form encoding, either hex case), HTML/XML-escaped, and in base64 and base64url (also
 * inside a longer encoded text, at any alignment). Answers are masked in full before any excerpt of them is cut
 * (see Session.runCase), so no excerpt ends in the first characters of a secret.
 * JSON Web Tokens are masked even when unregistered: a response may carry one (an API key, a login token).
 */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;
export const REDACTED = '[redacted]';

/** Shorter secrets are not masked: they would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;
/** A base64 fragment shorter than this could occur by chance. */
const MIN_BASE64_FRAGMENT = 8;

function jsonEscaped(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** `\uXXXX` for each character matching `which`. */
function unicodeEscape(s: string, which: RegExp): string {
  return s.replace(which, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function htmlEscaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The base64 text that encodes `secret` wherever it sits in a longer text: for each of the three alignments, the
 * characters that depend on the secret's bytes alone.
 */
function base64Fragments(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters fully inside the secret: skip the group that mixes in the padding bytes, stop before the
    // group that would mix in whatever follows.
    const first = offset === 0 ? 0 : 4;
    const last = Math.floor((offset + bytes.length) / 3) * 4;
    const fragment = encoded.slice(first, last);
    if (fragment.length >= MIN_BASE64_FRAGMENT) out.push(fragment);
  }
  out.push(bytes.toString('base64'), bytes.toString('base64').replace(/=+$/, ''));
  return out.flatMap((b) => [b, b.replace(/\+/g, '-').replace(/\//g, '_')]);
}

/** Every form of `secret` worth masking. */
export function secretForms(secret: string): string[] {
  const json = jsonEscaped(secret);
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const forms = [
    secret,
    json,
    unicodeEscape(json, /[<>&\u2028\u2029]/g),
    unicodeEscape(json, /[^\x20-\x7e]/g),
    unicodeEscape(unicodeEscape(json, /[<>&\u2028\u2029]/g), /[^\x20-\x7e]/g),
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    form,
    form.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    htmlEscaped(secret),
    ...base64Fragments(secret),
  ];
  return [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** Every registered form, longest first, so a form that contains another is masked whole. */
  private ordered: string[] = [];

  /** Registers a secret in all its forms; strings shorter than 4 characters are not masked. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    for (const form of secretForms(secret)) this.secrets.add(form);
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  apply(text: string): string {
    let out = text;
    for (const s of this.ordered) out = out.split(s).join(REDACTED);
    return out.replace(JWT, REDACTED);
  }

  /** Deep copy of a JSON value with every string (keys included) redacted; the structure is kept as it is. */
  applyDeep<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.apply(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [this.apply(k), this.walk(v)]));
    }
    return value;
  }
}
