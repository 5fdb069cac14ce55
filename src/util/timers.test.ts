import { describe, expect, it } from 'vitest';
import { nextTurn, unrefTimer } from './timers.js';

describe('timers that work in Node and in browsers', () => {
  it('unrefTimer stops a Node timer from keeping the process alive', () => {
    const timer = setTimeout(() => {}, 60_000);
    try {
      expect(timer.hasRef()).toBe(true);
      unrefTimer(timer);
      expect(timer.hasRef()).toBe(false);
    } finally {
      clearTimeout(timer);
    }
  });

  it('unrefTimer leaves a browser-style timer (a number) alone', () => {
    expect(() => unrefTimer(42)).not.toThrow();
    expect(() => unrefTimer(undefined)).not.toThrow();
  });

  it('nextTurn lets work queued before it run first', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued'));
    await nextTurn();
    order.push('after');
    expect(order).toEqual(['queued', 'after']);
  });
});
