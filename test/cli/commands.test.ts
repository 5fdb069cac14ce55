/** `contract` and `fixtures` through runCli, in process (the commands `main.ts` runs). */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/run.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'wapikit-commands-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
    clock: () => new Date('2027-01-01T08:00:00Z'),
    version: '0.0.0-test',
  };
  return { cli, out };
}

describe('runCli', () => {
  it('hands `contract` and its arguments to the contract kit', async () => {
    const { cli, out } = io();
    expect(await runCli(['contract', '--help'], cli)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: (wapikit-mock )?contract \[options\]/);
    expect(out.stdout).toContain('--base-url <url>');
  });

  it('passes the contract kit\'s usage errors through (exit 2)', async () => {
    const { cli, out } = io();
    expect(await runCli(['contract', '--reporter', 'yaml'], cli)).toBe(2);
    expect(out.stderr).toContain("'yaml'");
  });

  it('writes the fixtures and their README: the same bytes as fixtures/', async () => {
    const { cli, out } = io();
    const dir = join(tmp, 'deep', 'fixtures');
    expect(await runCli(['fixtures', '--out', dir], cli)).toBe(0);
    expect(out.stdout).toBe(`wrote 13 fixtures and README.md to ${dir} (seed 1, now 2026-11-24T12:00:00.000Z, size 300)\n`);
    expect(readdirSync(dir).sort()).toEqual(readdirSync(join(ROOT, 'fixtures')).sort());
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join(ROOT, 'fixtures', file), 'utf8'));
  });

  it('writes fixtures of another world when asked', async () => {
    const { cli } = io();
    const dir = join(tmp, 'seed-5');
    expect(await runCli(['fixtures', '--out', dir, '--seed', '5', '--size', '20'], cli)).toBe(0);
    expect(readFileSync(join(dir, 'conversations.json'), 'utf8')).not.toBe(readFileSync(join(ROOT, 'fixtures', 'conversations.json'), 'utf8'));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('seed 5, now 2026-11-24T12:00:00.000Z and size 20');
  });
});
