import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { TokenService } from '../auth/tokens.js';
import { allHandlers } from '../handlers/index.js';
import { resolveOptions, steppingClock, type MockOptions } from '../options.js';
import { createValidators, listOperations, loadSpec, type OpenApiDocument, type SpecValidators } from '../spec/index.js';
import { Store } from '../store/store.js';
import { createSeededFaker } from '../world/random.js';
import { createWorld } from '../world/index.js';
import type { World } from '../world/model.js';
import { openSavedState, type SavedState } from '../state/saved-state.js';
import { controlAccess } from './control-access.js';
import { mockControls } from './controls.js';
import { cors } from './cors.js';
import { docsRouter } from './docs.js';
import { ApiError, failedRequest, failureReply } from './errors.js';
import { createApiRouter } from './router.js';
import { start as startSimulation } from '../domain/simulate.js';
import { stopCampaignRunner } from '../domain/campaign-runner.js';

/** The live parts of a running mock: replaced together by `reset()`. */
export interface MockRuntime {
  readonly options: MockOptions;
  readonly doc: OpenApiDocument;
  readonly validators: SpecValidators;
  readonly world: World;
  store: Store;
  tokens: TokenService;
  /** Back to the freshly generated world: every write is forgotten. */
  reset(): void;
  /** A store built from the seeded world (with a fresh clock), not in service yet. */
  newStore(): Store;
  /** Puts a store in service (state import): handlers, tokens and routes are rebuilt around it. */
  useStore(store: Store): void;
  /** A session token for the demo owner (`demo` / `demo1234`) in the main organization. */
  demoToken(): Promise<string>;
  /** Hooks run after every successful write, before its response is sent (state persistence uses this). */
  readonly afterWrite: Array<() => void>;
  /** Stops background work (--simulate, running campaigns, pending saves). Call it when the server closes. */
  close(): void;
}

export type MockServer = Express & { mock: MockRuntime };

/**
 * Builds the mock as an Express app without listening, so test suites can run it in-process
 * (`app.listen(0, '127.0.0.1')`). Every option has its default in DEFAULT_MOCK_OPTIONS.
 */
export function createMockServer(partial: Partial<MockOptions> = {}): MockServer {
  const options = resolveOptions(partial);
  const doc = loadSpec(options.specPath);
  const validators = createValidators(doc);
  const operations = listOperations(doc);
  const world = createWorld({ seed: options.seed, now: options.now, size: options.size });
  const faker = createSeededFaker([options.seed, 0x6d6f636b]);
  const random = () => faker.number.float({ min: 0, max: 1, multipleOf: 1e-9 }) % 1;

  let router: Router;
  const afterWrite: Array<() => void> = [];
  const newStore = () => new Store(world, options.clock ?? steppingClock(options.now));
  const build = (store: Store = newStore()) => {
    const tokens = new TokenService(store, options.jwtSecret, options.token);
    router = createApiRouter({
      operations, validators, handlers: allHandlers({ store, tokens }), tokens, options, random,
      afterWrite: () => { for (const hook of afterWrite) hook(); },
    });
    return { store, tokens };
  };

  // Background writers (--simulate, the campaign runner) change the store outside any request. Their
  // writes all publish live events; with --state-file they are saved shortly after (coalesced), while
  // writes made through the API are saved before their 2xx (the afterWrite hooks).
  let stopBackground = () => {};
  let backgroundStarted = false;
  const startBackground = (store: Store) => {
    backgroundStarted = true;
    const stopSim = options.simulate ? startSimulation(store, options) : () => {};
    let pending: NodeJS.Timeout | undefined;
    const unsubscribe = options.stateFile
      ? store.events.subscribe(() => {
          pending ??= setTimeout(() => {
            pending = undefined;
            try {
              for (const hook of afterWrite) hook();
            } catch (err) {
              // A failed save was logged and undone by its hook; anything else is reported here, not thrown into the timer.
              if (!(err instanceof ApiError)) options.errorLog(`wapikit-mock: saving after a background write failed:\n${(err as Error).stack ?? String(err)}\n`);
            }
          }, 250).unref();
        })
      : () => {};
    stopBackground = () => {
      stopSim();
      stopCampaignRunner(store);
      unsubscribe();
      if (pending) clearTimeout(pending);
      pending = undefined;
    };
  };

  const runtime: MockRuntime = {
    options,
    doc,
    validators,
    world,
    ...build(),
    reset() {
      runtime.useStore(newStore());
    },
    newStore,
    useStore(store) {
      // Open event streams follow the store being replaced: tell them to reload (and end them).
      if (store !== runtime.store) runtime.store.events.publish({ type: 'ReloadRequired', data: { isReloadRequired: true } });
      stopBackground();
      const fresh = build(store);
      runtime.store = fresh.store;
      runtime.tokens = fresh.tokens;
      startBackground(store);
    },
    close() {
      stopBackground();
      savedState?.close();
    },
    demoToken: () => runtime.tokens.sign(world.demoUserId, world.mainOrganizationId),
    afterWrite,
  };

  // --state-file: start from the saved state, save after every acknowledged write.
  // A write that cannot be saved is undone: the store goes back to what the file holds, and the request gets a 500.
  let savedState: SavedState | undefined;
  if (options.stateFile) {
    const file = openSavedState(options.stateFile);
    savedState = file;
    try {
      const saved = file.load(runtime.store);
      if (saved !== runtime.store) runtime.useStore(saved);
    } catch (err) {
      file.close();
      throw err;
    }
    afterWrite.push(() => {
      try {
        file.save(runtime.store);
      } catch (err) {
        // A new store, so open event streams get ReloadRequired: they may have seen events of the undone write.
        runtime.useStore(file.restoreLastSaved(newStore()));
        const message = `could not save the state to ${file.path} (${(err as Error).message}): the change was not applied`;
        options.errorLog(`wapikit-mock: ${message}\n${(err as Error).stack ?? ''}\n`);
        throw new ApiError(500, message, {}, true);
      }
    });
  }
  if (!backgroundStarted) startBackground(runtime.store);

  const app = express() as MockServer;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // The controls first, outside CORS: they refuse web pages (Origin) and foreign Host names (DNS rebinding).
  app.use('/__mock', controlAccess(options.controlHosts), mockControls(runtime));
  app.use(cors(options.corsOrigin));
  app.use(options.basePath, (req, res, next) => router(req, res, next));
  app.use('/docs', docsRouter(doc, options.basePath));
  app.use((_req, res) => {
    res.status(404).setHeader('Content-Type', 'application/json');
    res.end(`${JSON.stringify({ message: 'Not Found' })}\n`);
  });
  // Last resort for errors nothing else answered (Express would send an HTML page with the stack): a JSON
  // string mapped by errorReply, and unexpected errors logged like the API's.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body, headers } = failureReply(err, failedRequest(req, 'the mock server'), options.errorLog);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).set(headers).setHeader('Content-Type', 'application/json');
    res.end(`${JSON.stringify(body)}\n`);
  });
  app.mock = runtime;
  return app;
}
