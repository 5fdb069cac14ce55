/**
 * What can go wrong in the domain, independent of HTTP. `src/pipeline/errors.ts` maps each kind to a status
 * (not-found → 404, invalid → 400, denied → 401, conflict → 400, too-large → 413); messages are the real server's strings.
 */
export type DomainErrorKind = 'not-found' | 'invalid' | 'denied' | 'conflict' | 'too-large';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The fixed sentence the real server answers an unexpected failure with (API-FACTS §1.4). */
export const SERVER_ERROR_MESSAGE = 'Something went wrong while processing your request.';

export const missing = (message: string) => new DomainError('not-found', message);
export const rejected = (message: string) => new DomainError('invalid', message);
export const denied = (message: string) => new DomainError('denied', message);
export const conflict = (message: string) => new DomainError('conflict', message);
/** More input than the mock takes in one request (e.g. rows of a bulk import). */
export const tooLarge = (message: string) => new DomainError('too-large', message);
