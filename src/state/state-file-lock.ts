/**
 * One server per state file. Two servers saving to the same file would each overwrite the other's writes, so the
 * first one takes a lock: a file beside the state file (`<file>.lock`) that holds its pid, created only if it does
 * not exist yet (O_EXCL). A lock whose process is gone (a server that was killed) is stale and taken over; the
 * temporary files a killed save left behind (`<file>.<pid>.tmp`) are removed then too.
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A state file that cannot be used: the message names the file and what is wrong. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** A lock file younger than this with no pid in it yet is being written by a server that is starting. */
const FRESH_LOCK_MS = 5_000;

/** Lock files this process holds, released when it exits (even without close()). */
const held = new Set<string>();
let releaseOnExit = false;

/** Whether a process with this pid exists (EPERM: it exists, it is just not ours). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lock: string): { pid: number | undefined; ageMs: number } | undefined {
  try {
    const text = readFileSync(lock, 'utf8').trim();
    const ageMs = Date.now() - statSync(lock).mtimeMs;
    return { pid: /^\d+$/.test(text) ? Number(text) : undefined, ageMs };
  } catch {
    return undefined; // gone in the meantime
  }
}

function removeIfMine(lock: string): void {
  try {
    if (ownerOf(lock)?.pid === process.pid) rmSync(lock, { force: true });
  } catch {
    // The folder may be gone or unwritable by now; a lock left behind is stale once this process has exited.
  }
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * Takes the lock of `path` for this process, or throws a StateFileError: the file is held by another running
 * server, or its folder cannot be written. Returns the function that releases it.
 */
export function lockStateFile(path: string): () => void {
  const lock = `${path}.lock`;
  const inUse = (pid: number | undefined) =>
    new StateFileError(`state file ${path} is in use by another wapikit-mock (${pid === undefined ? 'starting' : `pid ${pid}`}; lock file ${lock}). Stop that server or use another file; delete the lock file only if no such server runs.`);
  if (held.has(lock)) throw inUse(process.pid);
  // A few attempts: a stale lock is removed and the next attempt takes it (unless another server was quicker).
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw new StateFileError(`cannot write the state file ${path}: ${codeOf(err)}: creating its lock file ${lock} failed (${(err as Error).message})`);
      const owner = ownerOf(lock);
      if (owner === undefined) continue; // released in the meantime
      // Our own pid on a lock this process does not hold: left by an earlier process that had the same pid.
      const stale = owner.pid === undefined ? owner.ageMs > FRESH_LOCK_MS : owner.pid === process.pid || !isRunning(owner.pid);
      if (!stale) throw inUse(owner.pid);
      rmSync(lock, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    held.add(lock);
    if (!releaseOnExit) {
      releaseOnExit = true;
      process.once('exit', () => {
        for (const l of held) removeIfMine(l);
      });
    }
    return () => {
      if (held.delete(lock)) removeIfMine(lock);
    };
  }
  throw inUse(ownerOf(lock)?.pid);
}

/**
 * Removes the temporary files of saves to `path` that never finished: those of processes that are gone (a
 * SIGKILL in the middle of a save), and this process's own (it is not saving while it starts). Call it holding the lock.
 */
export function removeStaleTemporaryFiles(path: string): string[] {
  const prefix = `${basename(path)}.`;
  const removed: string[] = [];
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue;
    rmSync(join(dirname(path), name), { force: true });
    removed.push(name);
  }
  return removed;
}
