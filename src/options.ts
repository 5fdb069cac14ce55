/**
 * Every option of the mock, with every default written out once. The CLI, the programmatic API and the
 * tests all start from DEFAULT_MOCK_OPTIONS and override what they need.
 */
import { DEFAULT_WORLD_OPTIONS, worldOptionProblems } from './world/world-options.js';
import { QUIRK_NAMES, unknownQuirks } from './quirks/table.js';

export interface LatencyRange {
  min: number;
  max: number;
}

export interface MockOptions {
  /** Seed of the generated world: the same seed and `now` give the same data, byte for byte. */
  seed: number;
  /** The world's "now" (ISO 8601): generated history ends here. */
  now: string;
  /** Number of conversations of the main organization. */
  size: number;
  /** Path prefix of every API route. */
  basePath: string;
  /** A fixed token accepted as the demo owner, in addition to tokens from POST /auth/login. */
  token: string | undefined;
  /** Secret the mock signs its JWTs with (HS256). */
  jwtSecret: string;
  /** Added delay for every request, in milliseconds (a fixed value when min = max). */
  latency: LatencyRange;
  /** Fraction (0..1) of requests answered with a documented 5xx or 429, chosen by a seeded generator. */
  failRate: number;
  /** CORS: `*` echoes any request origin (as the real server does); otherwise only this origin is allowed. */
  corsOrigin: string;
  /**
   * Host names `/__mock` answers to besides loopback names (localhost, *.localhost, 127.0.0.0/8, ::1); `'*'` for any.
   * Other `Host`s are refused (DNS rebinding). The CLI passes `['*']` when --host is not a loopback address.
   */
  controlHosts: readonly string[];
  /** Let customers write in on their own (new messages and conversations every few seconds). */
  simulate: boolean;
  /** Mean interval between simulated customer messages, in milliseconds. */
  simulateIntervalMs: number;
  /** Load state from this JSON file at start and save it after every write (atomically). */
  stateFile: string | undefined;
  /** Check every response against the spec; a response that does not conform becomes a 500 naming the violation. */
  strictResponses: boolean;
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /**
   * Largest unsent backlog of a streamed response (live events, AI chat replies), in bytes: a client that does
   * not read and falls this far behind is disconnected, and what was queued for it is freed.
   */
  streamBacklogBytes: number;
  /**
   * Bytes of read answers kept to be sent again while nothing changes (src/pipeline/response-cache.ts): a write,
   * a reset or an import starts it afresh. 0 turns it off.
   */
  responseCacheBytes: number;
  /**
   * Where time comes from for writes (a sent message's createdAt). Defaults to a clock that starts at `now`
   * and advances one second per reading, so a scripted sequence of calls is repeatable. The CLI passes the wall clock.
   */
  clock: (() => Date) | undefined;
  /** Path to the OpenAPI document; the bundled openapi/wapikit.yaml by default. */
  specPath: string | undefined;
  /**
   * A static frontend build (the Wapikit app's Next.js export) to serve on the same origin, as the real single
   * binary does: files, `/<page>` → `<page>.html`, and any GET no route answers (under the base path too) →
   * `404.html` with 200. Must hold an index.html. Node (Express adapter) only; undefined: no frontend.
   */
  frontendDir: string | undefined;
  /**
   * Where an unexpected error (a bug answered with a 500) is reported, once per error: a few lines naming the
   * operation, method and path, then the error's stack. Always on, --quiet too. Standard error by default.
   */
  errorLog: (report: string) => void;
  /**
   * The real server's departures from its spec to reproduce, by name (src/quirks/table.ts; `wapikit-mock quirks`
   * lists them). `--profile server` turns on all of them. An unknown name is refused.
   */
  quirks: readonly string[];
  /**
   * Refuse every request that breaks the spec with a 400, also where the real server would let it through
   * (query enum values, unknown body fields: src/spec/leniency.ts). Off by default: such requests are answered
   * as the server would answer them, with a warning.
   */
  strict: boolean;
  /** Where a lenient answer's warning is reported, one line per request. Standard error by default. */
  warningLog: (line: string) => void;
}

export const DEFAULT_MOCK_OPTIONS: Readonly<MockOptions> = Object.freeze({
  // seed, now and size: the world's own defaults (src/world/world-options.ts), not a second copy.
  ...DEFAULT_WORLD_OPTIONS,
  basePath: '/api',
  token: undefined,
  jwtSecret: 'wapikit-mock-not-a-secret',
  latency: { min: 0, max: 0 },
  failRate: 0,
  corsOrigin: '*',
  controlHosts: [],
  simulate: false,
  simulateIntervalMs: 4000,
  stateFile: undefined,
  strictResponses: false,
  bodyLimitBytes: 1024 * 1024,
  streamBacklogBytes: 1024 * 1024,
  responseCacheBytes: 8 * 1024 * 1024,
  clock: undefined,
  specPath: undefined,
  frontendDir: undefined,
  quirks: [],
  errorLog: (report: string) => {
    // Standard error in Node; the console where there is none (a browser, through the fetch adapter or MSW).
    const stderr = globalThis.process?.stderr;
    if (stderr) stderr.write(report);
    else console.error(report);
  },
  strict: false,
  warningLog: (line: string) => {
    const stderr = globalThis.process?.stderr;
    if (stderr) stderr.write(line);
    else console.warn(line);
  },
});

export function resolveOptions(partial: Partial<MockOptions> = {}): MockOptions {
  const merged: MockOptions = { ...DEFAULT_MOCK_OPTIONS, ...stripUndefined(partial) };
  const [worldProblem] = worldOptionProblems(merged);
  if (worldProblem) throw new TypeError(worldProblem);
  if (!(merged.failRate >= 0 && merged.failRate <= 1)) throw new TypeError(`failRate must be between 0 and 1 (got ${merged.failRate})`);
  if (!Number.isInteger(merged.streamBacklogBytes) || merged.streamBacklogBytes < 1) throw new TypeError(`streamBacklogBytes must be a positive integer (got ${merged.streamBacklogBytes})`);
  if (!Number.isInteger(merged.responseCacheBytes) || merged.responseCacheBytes < 0) throw new TypeError(`responseCacheBytes must be a non-negative integer (got ${merged.responseCacheBytes})`);
  if (merged.latency.min < 0 || merged.latency.max < merged.latency.min) throw new TypeError(`latency must be 0 <= min <= max (got ${merged.latency.min}-${merged.latency.max})`);
  const unknownQuirk = unknownQuirks(merged.quirks);
  if (unknownQuirk.length > 0) throw new TypeError(`unknown quirk ${unknownQuirk.map((n) => `'${n}'`).join(', ')} (known: ${QUIRK_NAMES.join(', ')})`);
  merged.now = new Date(merged.now).toISOString();
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A clock that starts at `start` and moves one second forward each time it is read. */
export function steppingClock(start: string, stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    t += stepMs;
    return new Date(t);
  };
}
