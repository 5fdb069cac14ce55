import { unrefTimer } from '../util/timers.js';

/**
 * Where background work (campaign sending, simulated customers) gets its timers. The server uses real,
 * unref'd timers; tests use `ManualScheduler` and move time forward themselves, so nothing sleeps and
 * every run is the same.
 */
export interface Scheduler {
  /** Runs `job` once after `delayMs`; the returned function cancels it. */
  schedule(delayMs: number, job: () => void): () => void;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Real timers that never keep the process alive. Delays beyond setTimeout's limit are chained. */
export const timerScheduler: Scheduler = {
  schedule(delayMs, job) {
    let timer: ReturnType<typeof setTimeout>;
    const arm = (left: number) => {
      timer = setTimeout(() => (left > MAX_TIMEOUT_MS ? arm(left - MAX_TIMEOUT_MS) : job()), Math.min(Math.max(0, left), MAX_TIMEOUT_MS));
      unrefTimer(timer);
    };
    arm(delayMs);
    return () => clearTimeout(timer);
  },
};

interface Pending {
  at: number;
  seq: number;
  job: () => void;
}

/** Virtual time for tests: jobs run only inside `advance`, in due order (ties in scheduling order). */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private seq = 0;
  private queue: Pending[] = [];

  schedule(delayMs: number, job: () => void): () => void {
    const entry: Pending = { at: this.time + Math.max(0, delayMs), seq: this.seq++, job };
    this.queue.push(entry);
    return () => {
      this.queue = this.queue.filter((p) => p !== entry);
    };
  }

  /** Milliseconds of virtual time elapsed. */
  get now(): number {
    return this.time;
  }

  /** Jobs waiting to run. */
  get pending(): number {
    return this.queue.length;
  }

  /** Moves time forward by `ms`, running every job that falls due (jobs may schedule more). Returns how many ran. */
  advance(ms: number): number {
    const until = this.time + ms;
    let ran = 0;
    for (;;) {
      const next = this.queue.reduce<Pending | undefined>((best, p) => (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq) ? p : best), undefined);
      if (!next || next.at > until) break;
      this.queue = this.queue.filter((p) => p !== next);
      this.time = next.at;
      next.job();
      ran++;
    }
    this.time = until;
    return ran;
  }

  /** Runs jobs until none is left (or `limit` jobs ran, against runaway loops). Returns how many ran. */
  runAll(limit = 100_000): number {
    let ran = 0;
    while (this.queue.length > 0 && ran < limit) {
      const next = this.queue.reduce((best, p) => (p.at < best.at || (p.at === best.at && p.seq < best.seq) ? p : best));
      ran += this.advance(next.at - this.time);
    }
    return ran;
  }
}
