import type { MockRuntime } from '../mock-runtime.js';
import { ApiError } from '../pipeline/errors.js';
import { openSavedState } from '../state/saved-state.js';

/**
 * --state-file (Node only): start from the saved state, save after every acknowledged write. A write that
 * cannot be saved is undone: the store goes back to what the file holds, and the request gets a 500.
 */
export function attachStateFile(runtime: MockRuntime, path: string): void {
  const file = openSavedState(path);
  try {
    const saved = file.load(runtime.store);
    if (saved !== runtime.store) runtime.useStore(saved);
  } catch (err) {
    file.close();
    throw err;
  }
  runtime.closeHooks.push(() => file.close());
  runtime.afterWrite.push(() => {
    try {
      file.save(runtime.store);
    } catch (err) {
      // A new store, so open event streams get ReloadRequired: they may have seen events of the undone write.
      runtime.useStore(file.restoreLastSaved(runtime.newStore()));
      const message = `could not save the state to ${file.path} (${(err as Error).message}): the change was not applied`;
      runtime.options.errorLog(`wapikit-mock: ${message}\n${(err as Error).stack ?? ''}\n`);
      throw new ApiError(500, message, {}, true);
    }
  });
}
