/**
 * Request body bytes → JSON, as Express's JSON body parser (body-parser) read them before the pipeline left
 * Express: a charset other than UTF-x is refused, an empty body is `{}`, the top level must be an object or
 * an array, and a syntax error names itself. The errors carry body-parser's `type`s, so `errorReply` maps
 * them the same way on every transport.
 */

/** An error shaped like body-parser's (`type` is what errorReply looks at). */
export class BodyReadError extends Error {
  constructor(
    message: string,
    readonly type: 'entity.parse.failed' | 'charset.unsupported' | 'encoding.unsupported' | 'entity.too.large',
    readonly status: number,
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'BodyReadError';
  }
}

/** The `charset` parameter of a content type, lower case; `utf-8` when there is none. */
export function charsetOf(contentType: string | undefined): string {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return (m?.[2] ?? 'utf-8').toLowerCase();
}

function decode(bytes: Uint8Array, charset: string): string {
  if (charset.slice(0, 4) !== 'utf-') throw new BodyReadError(`unsupported charset "${charset.toUpperCase()}"`, 'charset.unsupported', 415);
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new BodyReadError(`unsupported charset "${charset.toUpperCase()}"`, 'charset.unsupported', 415);
  }
  return decoder.decode(bytes);
}

/** JSON.parse's own words for why `text` is not JSON, with the offending text put back where body-parser puts it. */
function strictViolation(text: string, first: string | undefined): BodyReadError {
  const index = first === undefined ? -1 : text.indexOf(first);
  const partial = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return new BodyReadError('strict violation', 'entity.parse.failed', 400);
  } catch (err) {
    const message = (err as Error).message.replace(/#+/g, (placeholder) => text.slice(index, index + placeholder.length));
    return new BodyReadError(message, 'entity.parse.failed', 400);
  }
}

/** Parses a JSON request body (`contentType` gives its charset). */
export function parseJsonBody(bytes: Uint8Array, contentType: string | undefined): unknown {
  const text = decode(bytes, charsetOf(contentType));
  if (text.length === 0) return {};
  if (text[0] !== '{' && text[0] !== '[') {
    const first = /^[ \t\n\r]*([^ \t\n\r]|$)/.exec(text)?.[1] || undefined;
    if (first !== '{' && first !== '[') throw strictViolation(text, first);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BodyReadError((err as Error).message, 'entity.parse.failed', 400);
  }
}
