/**
 * `/__mock`: controls of the mock itself, outside the Wapikit API (no token needed; the mock listens on
 * loopback by default).
 *
 *   POST /__mock/reset   back to the freshly generated world
 *   GET  /__mock/state   the whole state as a snapshot (JSON)
 *   PUT  /__mock/state   load a snapshot taken from a server with the same world (validated; 400 and no change otherwise)
 *   GET  /__mock/warnings  requests answered leniently although they break the spec (see src/spec/leniency.ts);
 *                        cleared by a reset
 *
 * Errors are bare JSON strings, like the API's. Reset and import count as writes: `afterWrite` hooks
 * (the state file) run before the 200 is sent; a save that fails undoes them and answers 500.
 * Web pages are kept out in front of this router (control-access.ts): no CORS, no foreign Origin or Host.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { describeWorld, exportSnapshot, recordCollections, restoreSnapshot, SnapshotError } from '../state/snapshot.js';
import type { MockOptions } from '../options.js';
import type { Store } from '../store/store.js';
import type { World } from '../world/model.js';
import { badRequest, failedRequest, failureReply } from '../pipeline/errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from '../domain/json-depth.js';
import type { MockWarning } from '../pipeline/warnings.js';

/** What the controls need from a running mock (a part of MockRuntime). */
export interface ControlledMock {
  readonly world: World;
  readonly store: Store;
  reset(): void;
  /** Lenient answers' warnings: each distinct one with its operation, a first example and a count. */
  warnings(): MockWarning[];
  /** A store built from the seeded world, not in use yet. */
  newStore(): Store;
  /** Puts a store in service (open event streams on the old one are told to reload). */
  useStore(store: Store): void;
  readonly afterWrite: ReadonlyArray<() => void>;
  /** Where unexpected errors (500s) are logged. */
  readonly options: Pick<MockOptions, 'errorLog'>;
}

/** Deepest nesting a snapshot may have: its records nest a few levels more than a request body's fields. */
const MAX_SNAPSHOT_DEPTH = MAX_JSON_DEPTH + 8;

/** Largest snapshot `PUT /__mock/state` accepts. */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

function sendJson(res: Response, status: number, body: unknown): void {
  const bytes = Buffer.from(`${JSON.stringify(body)}\n`);
  res.status(status).setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

function counts(store: Store): Record<string, number> {
  return Object.fromEntries([...recordCollections(store)].map(([name, map]) => [name, map.size]));
}

export function mockControls(mock: ControlledMock): Router {
  const router = express.Router({ caseSensitive: true });
  const persist = () => {
    for (const hook of mock.afterWrite) hook();
  };

  router.post('/reset', (_req, res) => {
    mock.reset();
    persist();
    sendJson(res, 200, { message: `state reset to the generated world (${describeWorld(mock.world.options)})`, collections: counts(mock.store) });
  });

  router.get('/state', (_req, res) => {
    sendJson(res, 200, exportSnapshot(mock.store));
  });

  router.put(
    '/state',
    express.json({ limit: MAX_SNAPSHOT_BYTES, type: () => true, strict: false }),
    (req: Request, res: Response) => {
      const empty = req.body === undefined || (Number(req.get('content-length') ?? 0) === 0 && req.get('transfer-encoding') === undefined);
      if (empty) throw badRequest('request body is required: a snapshot as GET /__mock/state returns it (application/json)');
      if (nestsDeeperThan(req.body, MAX_SNAPSHOT_DEPTH)) throw badRequest(tooDeepMessage('the snapshot', MAX_SNAPSHOT_DEPTH));
      let store: Store;
      try {
        store = restoreSnapshot(mock.newStore(), req.body);
      } catch (err) {
        throw err instanceof SnapshotError ? badRequest(err.message) : err;
      }
      mock.useStore(store);
      persist();
      sendJson(res, 200, { message: 'state imported', collections: counts(store) });
    },
  );

  router.get('/warnings', (_req, res) => {
    const warnings = mock.warnings();
    sendJson(res, 200, { warnings, total: warnings.reduce((n, w) => n + w.count, 0) });
  });

  router.all(['/reset', '/state', '/warnings'], (req, res) => {
    res.setHeader('Allow', req.path === '/reset' ? 'POST' : req.path === '/warnings' ? 'GET' : 'GET, PUT');
    sendJson(res, 405, { message: 'Method Not Allowed' });
  });

  // Nothing else lives under /__mock (and no request here falls through to the API's CORS).
  router.use((_req, res) => sendJson(res, 404, { message: 'Not Found' }));

  // Rejected snapshots and body-parser failures (malformed JSON, too large), mapped where every error is.
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body, headers } = failureReply(err, failedRequest(req, '/__mock controls'), mock.options.errorLog);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    sendJson(res, status, body);
  });
  return router;
}
