import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/state/state-file.js';

const dir = mkdtempSync(join(tmpdir(), 'wapikit-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULE = resolve(import.meta.dirname, '../../src/state/state-file.ts');

/**
 * A child process that rewrites one file with two large, different contents in a tight loop, until it is
 * killed with SIGKILL (no chance to clean up): the crash the state file must survive.
 */
function writeUntilKilled(file: string, killAfterMs: number): Promise<void> {
  const script = `
    import { writeFileAtomic } from ${JSON.stringify(MODULE)};
    const a = JSON.stringify({ v: 'a', pad: 'a'.repeat(4_000_000) });
    const b = JSON.stringify({ v: 'b', pad: 'b'.repeat(4_000_000) });
    writeFileAtomic(${JSON.stringify(file)}, a);
    process.stdout.write('ready\\n');
    for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(file)}, i % 2 ? a : b);
  `;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    child.once('error', fail);
    child.once('exit', () => done());
  });
}

describe('writeFileAtomic', () => {
  it('replaces the file whole', () => {
    const file = join(dir, 'plain.json');
    writeFileAtomic(file, '{"v":1}');
    writeFileAtomic(file, '{"v":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir).filter((f) => f.startsWith('plain'))).toEqual(['plain.json']);
  });

  it.each([
    { name: 'early', killAfterMs: 15 },
    { name: 'a little later', killAfterMs: 60 },
    { name: 'later still', killAfterMs: 140 },
  ])('leaves a complete file when the process is killed mid-write ($name)', async ({ killAfterMs }) => {
    const file = join(dir, `crash-${killAfterMs}.json`);
    await writeUntilKilled(file, killAfterMs);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { v: string; pad: string };
    expect(['a', 'b']).toContain(parsed.v);
    expect(parsed.pad).toBe(parsed.v.repeat(4_000_000));
  });
});
