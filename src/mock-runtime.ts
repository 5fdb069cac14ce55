/**
 * The composition root: one running mock (options, spec, world, the store in service, tokens) and the
 * pipeline it answers with. Both transports sit on top of it: the Express adapter (src/http/express-adapter.ts)
 * and the fetch adapter (src/fetch.ts). Nothing here needs Node built-ins; Node-only parts (the state file)
 * attach through `beforeStart` and the hooks below.
 */
import { TokenService } from './auth/tokens.js';
import { stopCampaignRunner } from './domain/campaign-runner.js';
import { start as startSimulation } from './domain/simulate.js';
import { resolveOptions, steppingClock, type MockOptions } from './options.js';
import { ApiError } from './pipeline/errors.js';
import { createPipeline } from './pipeline/pipeline.js';
import { ResponseCache } from './pipeline/response-cache.js';
import type { PlainRequest, PlainResponse } from './pipeline/types.js';
import { WarningRegistry, type MockWarning } from './pipeline/warnings.js';
import type { OpenApiDocument } from './spec/openapi-types.js';
import { listOperations } from './spec/operations.js';
import { createValidators, type SpecValidators } from './spec/validators.js';
import { exportSnapshot, restoreSnapshot, type Snapshot } from './state/snapshot.js';
import { createSeededStore } from './seed/seed-store.js';
import type { Store } from './store/store.js';
import { createWorld } from './world/index.js';
import type { World } from './world/model.js';
import { createSeededFaker } from './world/random.js';

/** The controls of a running mock, the same over every transport. */
export interface MockControls {
  /** Back to the freshly generated world: every write is forgotten (open event streams get ReloadRequired). */
  reset(): void;
  /** The whole state as a snapshot (what `GET /__mock/state` answers). */
  exportState(): Snapshot;
  /**
   * Puts a snapshot's state in service (what `PUT /__mock/state` does). A snapshot of another world, or one
   * that does not check, throws a SnapshotError and changes nothing.
   */
  importState(snapshot: unknown): void;
  /**
   * Requests let through as the real server would although they break the spec (lenient mode, the default):
   * each distinct warning with its operation, a first example and a count. Cleared by `reset()`.
   */
  warnings(): MockWarning[];
  /** A session token for the demo owner (DEMO_ACCOUNT) in the main organization. */
  demoToken(): Promise<string>;
  /** Stops background work (--simulate, running campaigns, pending saves). Call it when the mock is done. */
  close(): void;
}

/** The live parts of a running mock. A reset or an import replaces `store`; everything else stays. */
export interface MockRuntime extends MockControls {
  readonly options: MockOptions;
  readonly doc: OpenApiDocument;
  readonly validators: SpecValidators;
  readonly world: World;
  /** The store in service. */
  readonly store: Store;
  readonly tokens: TokenService;
  /** Read answers kept while the store's revision holds (see options.responseCacheBytes). */
  readonly responses: ResponseCache;
  /** A store built from the seeded world (with a fresh clock), not in service yet. */
  newStore(): Store;
  /** Puts a store in service (reset, state import): open event streams on the old one get ReloadRequired. */
  useStore(store: Store): void;
  /** Hooks run after every successful write, before its response is sent (state persistence uses this). */
  readonly afterWrite: Array<() => void>;
  /** Hooks run by `close()` (the state file's lock, for instance). */
  readonly closeHooks: Array<() => void>;
  /** Answers one request through the pipeline. */
  handle(req: PlainRequest): Promise<PlainResponse>;
}

export interface RuntimeSetup {
  /** The OpenAPI document the mock serves. */
  doc: OpenApiDocument;
  /** Runs once the runtime exists and before background work starts (the Node adapter loads the state file here). */
  beforeStart?: (runtime: MockRuntime) => void;
}

/** A delay of background saves: writes that come in a burst are saved once. */
const BACKGROUND_SAVE_DELAY_MS = 250;

export function createMockRuntime(partial: Partial<MockOptions>, setup: RuntimeSetup): MockRuntime {
  const options = resolveOptions(partial);
  const { doc } = setup;
  const validators = createValidators(doc);
  const handleRequest = createPipeline(listOperations(doc));
  const world = createWorld({ seed: options.seed, now: options.now, size: options.size });
  const faker = createSeededFaker([options.seed, 0x6d6f636b]);
  const random = () => faker.number.float({ min: 0, max: 1, multipleOf: 1e-9 }) % 1;
  const newStore = () => createSeededStore(world, options.clock ?? steppingClock(options.now));
  let store = newStore();
  const tokens = new TokenService(() => store, options.jwtSecret, options.token);
  const afterWrite: Array<() => void> = [];
  const warnings = new WarningRegistry();
  const responses = new ResponseCache(options.responseCacheBytes);
  const closeHooks: Array<() => void> = [];
  const runAfterWrite = () => {
    for (const hook of afterWrite) hook();
  };

  // Background writers (--simulate, the campaign runner) change the store outside any request. Their
  // writes all publish live events; with --state-file they are saved shortly after (coalesced), while
  // writes made through the API are saved before their 2xx (the afterWrite hooks).
  let stopBackground = () => {};
  let started = false;
  const startBackground = () => {
    const current = store;
    const stopSim = options.simulate ? startSimulation(current, options) : () => {};
    let pending: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = options.stateFile
      ? current.events.subscribe(() => {
          pending ??= setTimeout(() => {
            pending = undefined;
            try {
              runAfterWrite();
            } catch (err) {
              // A failed save was logged and undone by its hook; anything else is reported here, not thrown into the timer.
              if (!(err instanceof ApiError)) options.errorLog(`wapikit-mock: saving after a background write failed:\n${(err as Error).stack ?? String(err)}\n`);
            }
          }, BACKGROUND_SAVE_DELAY_MS);
          (pending as { unref?: () => void }).unref?.();
        })
      : () => {};
    stopBackground = () => {
      stopSim();
      stopCampaignRunner(current);
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
    get store() {
      return store;
    },
    tokens,
    responses,
    newStore,
    useStore(next) {
      // Open event streams follow the store being replaced: tell them to reload (and end them).
      if (next !== store) store.events.publish({ type: 'ReloadRequired', data: { isReloadRequired: true } });
      stopBackground();
      store = next;
      if (started) startBackground();
    },
    reset() {
      runtime.useStore(newStore());
      warnings.clear();
    },
    warnings: () => warnings.list(),
    exportState: () => exportSnapshot(store),
    importState(snapshot) {
      runtime.useStore(restoreSnapshot(newStore(), snapshot));
    },
    demoToken: () => tokens.sign(world.demoUserId, world.mainOrganizationId),
    afterWrite,
    closeHooks,
    close() {
      stopBackground();
      for (const hook of closeHooks) hook();
    },
    handle: (req) =>
      handleRequest(req, {
        store,
        tokens,
        options,
        validators,
        random,
        afterWrite: runAfterWrite,
        warnings,
        responses,
      }),
  };
  setup.beforeStart?.(runtime);
  started = true;
  startBackground();
  return runtime;
}
