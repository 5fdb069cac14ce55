/** Plain requests for the pipeline's unit tests. */
import type { PlainRequest } from './types.js';

export function plainRequest(method: string, path: string, init: { query?: Record<string, string>; headers?: Record<string, string>; body?: string } = {}): PlainRequest {
  const headers = new Map(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const bytes = init.body === undefined ? undefined : new TextEncoder().encode(init.body);
  return {
    method,
    path,
    query: init.query ?? {},
    header: (name) => headers.get(name.toLowerCase()),
    origin: 'http://mock.test',
    body: {
      present: bytes !== undefined,
      bytes: () => Promise.resolve(bytes ?? new Uint8Array(0)),
      form: () => Promise.reject(new Error('no form in this request')),
    },
  };
}
