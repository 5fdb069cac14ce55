/**
 * `--state-file`: the mock's state in a JSON file, loaded at start and saved after every write.
 *
 * Saving is atomic: the snapshot goes to a temporary file beside the target, is flushed to disk (fsync), and
 * then renamed over the target, so a crash at any moment leaves either the previous file or the new one,
 * never half of one. The file holds secrets (passwords, API-key tokens, the WhatsApp and AI keys), so it is
 * written with mode 0600: readable by its owner only.
 */
import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorldOptions } from '../world/model.js';
import { exportSnapshot, restoreSnapshot, SnapshotError } from './snapshot.js';
import type { Store } from '../store/store.js';

/** The parsed contents of a state file, or undefined when there is no file yet. */
export function readStateFile(path: string): unknown {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SnapshotError(`state file ${path} cannot be read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SnapshotError(`state file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The world a state file was saved from (for the CLI, which reuses it when no --seed/--now/--size is given). */
export function stateFileWorld(path: string): WorldOptions | undefined {
  const data = readStateFile(path);
  if (typeof data !== 'object' || data === null || !('world' in data)) return undefined;
  const w = data.world as Partial<WorldOptions> | null;
  if (!w || typeof w.seed !== 'number' || typeof w.now !== 'string' || typeof w.size !== 'number') return undefined;
  return { seed: w.seed, now: w.now, size: w.size };
}

/** Mode of the state file and its temporary files: read and write for the owner only. */
export const STATE_FILE_MODE = 0o600;

/** The temporary file a save of `path` by this process writes first (`removeStaleTemporaryFiles` knows the pattern). */
export const temporaryFileOf = (path: string) => `${path}.${process.pid}.tmp`;

/**
 * Opens `path` for writing, mode 0600, creating its folder if it is missing. (Creating the folder only when the
 * open says ENOENT keeps the open's own error otherwise: ENOTDIR rather than mkdir's puzzling EEXIST.)
 */
export function createForWriting(path: string): number {
  try {
    return openSync(path, 'w', STATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'w', STATE_FILE_MODE);
  }
}

/** Writes `text` to `path` atomically, mode 0600: temporary file, fsync, rename, then fsync of the folder. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const tmp = temporaryFileOf(path);
  const fd = createForWriting(tmp);
  try {
    // The mode given to open applies only to a new file; a leftover one keeps its own.
    fchmodSync(fd, STATE_FILE_MODE);
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Folders cannot be opened for fsync on every platform (Windows); the rename itself is still atomic.
  }
}

/** Saves the store's snapshot to `path` atomically. */
export function saveStateFile(path: string, store: Store): void {
  writeFileAtomic(path, `${JSON.stringify(exportSnapshot(store))}\n`);
}

/**
 * The store a server should start with: the state file's, when it exists, restored over `fresh`; otherwise `fresh`.
 * Throws a SnapshotError naming the file and what is wrong with it.
 */
export function loadStateFile(path: string, fresh: Store): Store {
  const data = readStateFile(path);
  if (data === undefined) return fresh;
  try {
    return restoreSnapshot(fresh, data);
  } catch (err) {
    if (err instanceof SnapshotError && !err.message.startsWith('state file')) throw new SnapshotError(`state file ${path}: ${err.message}`);
    throw err;
  }
}
