import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRandomizer } from './random.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => [name, readFileSync(join(dir, name), 'utf8')] as const);

describe('no ambient randomness or clock in the generator', () => {
  it.each([
    ['Math.random()', /Math\.random\s*\(/],
    ['Date.now()', /Date\.now\s*\(/],
    ['new Date() without an argument', /new Date\s*\(\s*\)/],
    ['the global faker instance', /import\s*\{[^}]*\bfaker\b[^}]*\}\s*from\s*'@faker-js\/faker'/],
    ['crypto randomness', /randomUUID|getRandomValues|randomBytes/],
  ])('never uses %s', (_name, pattern) => {
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.filter(([, text]) => pattern.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map(([name]) => name);
    expect(offenders).toEqual([]);
  });
});

describe('seeded randomizer', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const take = (seed: number | number[]): number[] => {
      const r = createRandomizer(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(take([1, 2, 3])).toEqual(take([1, 2, 3]));
    expect(take([1, 2, 4])).not.toEqual(take([1, 2, 3]));
    expect(take(1)).not.toEqual(take(2));
  });

  it('produces floats in [0, 1) with a roughly uniform mean', () => {
    const r = createRandomizer(99);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });
});
