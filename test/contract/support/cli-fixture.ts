/**
 * What the contract CLI's test files share: an in-process mock as the target (accepting `token`), a scratch
 * folder for report files, and `cli(args, env)`, which runs the CLI in-process and captures its output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runContractCli } from '../../../src/contract/index.js';
import { startInProcessMock, type InProcessTarget } from '../../../src/cli/in-process-mock.js';

export interface CliFixture {
  /** The target, started before the file's tests. */
  readonly mock: InProcessTarget;
  /** A scratch folder, removed after the file's tests. */
  readonly dir: string;
}

export function useCliFixture(token: string): CliFixture {
  let mock: InProcessTarget | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    mock = await startInProcessMock({ token });
    dir = mkdtempSync(join(tmpdir(), 'wapikit-contract-'));
  });
  afterAll(async () => {
    await mock?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get mock() {
      if (!mock) throw new Error('the target is started in beforeAll');
      return mock;
    },
    get dir() {
      if (!dir) throw new Error('the folder is made in beforeAll');
      return dir;
    },
  };
}

export async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runContractCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env });
  return { code, stdout, stderr };
}
