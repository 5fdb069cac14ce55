import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseSize } from '../../src/cli/parse-values.js';
import { DEFAULT_MOCK_OPTIONS, resolveOptions } from '../../src/options.js';
import { createWorld, DEFAULT_WORLD_OPTIONS } from '../../src/world/index.js';

/** Whether each place that takes a world size accepts it: the world itself, the mock's options, the CLI flag. */
function accepts(size: number): { world: boolean; mock: boolean; cli: boolean } {
  const ok = (f: () => unknown): boolean => {
    try {
      f();
      return true;
    } catch (err) {
      if (err instanceof RangeError || err instanceof TypeError || err instanceof InvalidArgumentError) return false;
      throw err;
    }
  };
  return {
    world: !/size/.test(worldError(size)),
    mock: ok(() => resolveOptions({ size })),
    cli: ok(() => parseSize(String(size))),
  };
}

/**
 * What createWorld says of a size, given a bad `now` as well: it names the size when the size is refused,
 * and only `now` otherwise, without building anything (a world of a million conversations takes seconds).
 */
function worldError(size: number): string {
  try {
    createWorld({ ...DEFAULT_WORLD_OPTIONS, size, now: 'not a date' });
    return '';
  } catch (err) {
    return String((err as Error).message);
  }
}

describe('world options: one default and one range, wherever they are taken', () => {
  it('the mock starts from the world defaults for seed, now and size', () => {
    const { seed, now, size } = DEFAULT_MOCK_OPTIONS;
    expect({ seed, now, size }).toEqual(DEFAULT_WORLD_OPTIONS);
  });

  it.each([
    ['no conversations', 0, false],
    ['one conversation', 1, true],
    ['the largest size', 1_000_000, true],
    ['one past the largest size', 1_000_001, false],
    ['a fraction', 2.5, false],
    ['a negative size', -3, false],
  ])('%s (%s): the world, the mock and the CLI agree', (_name, size, accepted) => {
    expect(accepts(size)).toEqual({ world: accepted, mock: accepted, cli: accepted });
  });
});
