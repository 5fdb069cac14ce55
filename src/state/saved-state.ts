/**
 * A state file in the hands of a running server (`--state-file`): locked for this server alone, checked at start,
 * loaded, saved after each write, and remembered as last saved, so a write that cannot be saved can be undone.
 */
import { chmodSync, closeSync, rmSync, statSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { exportSnapshot, restoreSnapshot } from './snapshot.js';
import { lockStateFile, removeStaleTemporaryFiles, StateFileError } from './state-file-lock.js';
import { createForWriting, loadStateFile, STATE_FILE_MODE, temporaryFileOf, writeFileAtomic } from './state-file.js';

export { StateFileError } from './state-file-lock.js';

export interface SavedState {
  readonly path: string;
  /** The store to start from: the file's state restored over `fresh`, or `fresh` when there is no file yet. */
  load(fresh: Store): Store;
  /** Saves the store, unless its state is the one saved (or loaded) last. Throws what the file system threw. */
  save(store: Store): void;
  /** A store holding the state last saved (or loaded), built over `fresh`: what to go back to when a save fails. */
  restoreLastSaved(fresh: Store): Store;
  /** Releases the file for another server. */
  close(): void;
}

const snapshotText = (store: Store) => `${JSON.stringify(exportSnapshot(store))}\n`;
const reason = (err: unknown) => (err as Error).message;

/** Fails now, naming the file, if a save could not write it: the folder must exist (it is created) and take new files. */
function checkWritable(path: string): void {
  const probe = temporaryFileOf(path);
  try {
    closeSync(createForWriting(probe));
    rmSync(probe, { force: true });
  } catch (err) {
    throw new StateFileError(`cannot write the state file ${path}: ${reason(err)}`);
  }
}

/** A file saved by an older version, or copied with a loose mode, is made readable by its owner only. */
function tightenMode(path: string): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, STATE_FILE_MODE);
  } catch {
    // No file yet, or not ours to change: the next save replaces it with a 0600 file.
  }
}

/**
 * Takes `path` for this server: throws a StateFileError naming the file when it cannot be written or another
 * running server holds it. Temporary files left by a killed save are removed.
 */
export function openSavedState(path: string): SavedState {
  checkWritable(path);
  const release = lockStateFile(path);
  try {
    removeStaleTemporaryFiles(path);
    tightenMode(path);
  } catch (err) {
    release();
    throw new StateFileError(`cannot use the state file ${path}: ${reason(err)}`);
  }
  // The state as the file holds it (ids epoch aside), as JSON: compared before each save, restored after a failed one.
  let saved: string | undefined;
  return {
    path,
    load(fresh) {
      const store = loadStateFile(path, fresh);
      saved = snapshotText(store);
      return store;
    },
    save(store) {
      const text = snapshotText(store);
      if (text === saved) return;
      writeFileAtomic(path, text);
      saved = text;
    },
    restoreLastSaved(fresh) {
      if (saved === undefined) return fresh;
      const store = restoreSnapshot(fresh, JSON.parse(saved));
      // Restoring moves the ids epoch on (ids never repeat); nothing else differs from the file.
      saved = snapshotText(store);
      return store;
    },
    close: release,
  };
}
