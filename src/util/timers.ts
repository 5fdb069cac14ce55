/**
 * Timers that behave the same in Node and in browsers: yielding in the middle of a long job, and timers that
 * never keep a Node process alive.
 */

type Resume = () => void;

/** Node's `setImmediate` where there is one (it runs after pending I/O); elsewhere a message-channel task. */
function pickYield(): (resume: Resume) => void {
  // Typed as always there (the project compiles with Node's types); at run time a browser has none.
  if (typeof globalThis.setImmediate === 'function') return (resume) => void globalThis.setImmediate(resume);
  if (typeof MessageChannel === 'function') {
    // A posted message is a task of its own, without the 4 ms clamp nested setTimeout calls get in browsers.
    const waiting: Resume[] = [];
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => waiting.shift()?.());
    channel.port1.start();
    return (resume) => {
      waiting.push(resume);
      channel.port2.postMessage(null);
    };
  }
  return (resume) => void setTimeout(resume, 0);
}

const yieldOnce = pickYield();

/** Resolves after other queued work has had a turn. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => yieldOnce(resolve));
}

/**
 * Stops a timer from keeping a Node process alive (`timer.unref()`); browsers' timers are plain numbers and
 * never keep anything alive, so there is nothing to do there.
 */
export function unrefTimer(timer: unknown): void {
  // eslint-disable-next-line no-restricted-syntax -- the one guarded call the browser-path rule points to
  if (typeof timer === 'object' && timer !== null && 'unref' in timer && typeof timer.unref === 'function') timer.unref();
}
