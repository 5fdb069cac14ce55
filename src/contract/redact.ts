/**
 * Keeps secrets out of everything the kit prints or writes. The run registers every secret it handles (the
 * token it was given or obtained, the password); reporters pass their whole output through `apply`.
 * JSON Web Tokens are masked even when unregistered: a response may carry one (an API key, a login token).
 */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; strings shorter than 4 characters are not masked (they would mangle ordinary text). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) {
      this.secrets.add(secret);
      this.secrets.add(encodeURIComponent(secret));
    }
  }

  apply(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    return out.replace(JWT, REDACTED);
  }

  /** Deep copy of a JSON value with every string redacted. */
  applyDeep<T>(value: T): T {
    return JSON.parse(this.apply(JSON.stringify(value))) as T;
  }
}
