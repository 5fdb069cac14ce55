/**
 * `wapikit-mock contract [options]`: runs the contract checks and prints or writes a report.
 * Exit codes: 0 everything exercised conforms, 1 violations (or a write flow that stopped half-way),
 * 2 usage errors (a bad option, a --spec that is not OpenAPI 3.1, no credentials without --anonymous), a target
 * that cannot be reached, or credentials the target refuses.
 */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { Redactor } from './redact.js';
import { formatConsole, formatReport, REPORTERS, type ReporterName } from './reporters/index.js';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, runContract, SetupError, UsageError } from './run-contract.js';
import type { StartTarget } from './target.js';
import type { TargetProfile } from './types.js';

/**
 * The target of a run without --base-url: this project's mock, in-process. Loaded only then, by a dynamic
 * import, so the kit (and a run against a deployment) never loads the mock, Express or the world.
 */
const startInProcessMock: StartTarget = async ({ token }) => {
  const { startInProcessMock: start } = await import('../cli/in-process-mock.js');
  return start(token ? { token } : {});
};

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where WAPIKIT_TOKEN / WAPIKIT_PASSWORD are read from; process.env by default. */
  env?: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, violations: 1, usage: 2 } as const;

interface RawOptions {
  baseUrl?: string;
  token?: string;
  username?: string;
  password?: string;
  allowWrites?: boolean;
  only: string[];
  reporter: ReporterName;
  output?: string;
  timeout: number;
  targetProfile: TargetProfile;
  spec?: string;
  anonymous?: boolean;
  maxResponseBytes: number;
}

function positiveInt(unit: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`must be a positive whole number of ${unit}`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function buildProgram(io: CliIo): Command {
  return new Command('wapikit-mock contract')
    .description('Check a Wapikit deployment (or the in-process mock) against openapi/wapikit.yaml, operation by operation.')
    .option('--base-url <url>', 'API base URL including its base path: https://staging.example.com/api for a Wapikit server or wapikit-mock, but no /api for Prism (prism mock serves at the root, e.g. http://127.0.0.1:4010); a wrong base path is detected and the right URL suggested (default: an in-process mock on a free loopback port)')
    .option('--token <token>', 'access token sent as x-access-token (or set WAPIKIT_TOKEN)')
    .option('--username <name>', 'sign in with POST /auth/login instead of a token')
    .option('--password <password>', 'password for --username (or set WAPIKIT_PASSWORD)')
    .option('--allow-writes', 'also run the write flows: create, read back, update and delete records of their own, then clean up')
    .option('--only <tag-or-operationId>', 'check only these tags or operationIds (repeatable, or a comma list)', collect, [])
    .addOption(new Option('--reporter <name>', 'report format').choices(Object.keys(REPORTERS)).default('console'))
    .option('--output <file>', 'write the report to this file instead of stdout')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', positiveInt('milliseconds'), DEFAULT_TIMEOUT_MS)
    .option('--max-response-bytes <bytes>', 'stop reading an answer after this many bytes of body and report it as a violation', positiveInt('bytes'), DEFAULT_MAX_RESPONSE_BYTES)
    .option('--anonymous', 'run without credentials on purpose: check only the operations that need no token (without it, a run against --base-url with no credentials is refused)')
    .addOption(new Option('--target-profile <profile>', 'wapikit: a stateful Wapikit deployment or this mock; generic: a stateless spec-driven mock such as Prism (stateful checks are skipped)').choices(['wapikit', 'generic']).default('wapikit'))
    .option('--spec <file>', 'OpenAPI document to check against (default: the bundled openapi/wapikit.yaml)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
}

/**
 * Runs the contract CLI. `argv` holds only the arguments after `contract` (e.g. `['--reporter', 'json']`).
 * Resolves to the exit code; never calls process.exit.
 */
export async function runContractCli(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const redactor = new Redactor();
  const program = buildProgram(io);
  let opts: RawOptions;
  try {
    program.parse(argv, { from: 'user' });
    opts = program.opts<RawOptions>();
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  const token = opts.token ?? (opts.username === undefined ? env.WAPIKIT_TOKEN : undefined);
  const password = opts.password ?? (opts.username !== undefined ? env.WAPIKIT_PASSWORD : undefined);
  redactor.add(token);
  redactor.add(password);
  if (token && opts.username !== undefined) {
    io.stderr.write('error: give either --token or --username/--password, not both\n');
    return EXIT.usage;
  }
  if (opts.username !== undefined && password === undefined) {
    io.stderr.write('error: --username needs --password (or WAPIKIT_PASSWORD)\n');
    return EXIT.usage;
  }

  try {
    const report = await runContract({
      baseUrl: opts.baseUrl,
      token,
      username: opts.username,
      password,
      allowWrites: opts.allowWrites ?? false,
      only: opts.only,
      timeoutMs: opts.timeout,
      profile: opts.targetProfile,
      specPath: opts.spec,
      anonymous: opts.anonymous ?? false,
      maxResponseBytes: opts.maxResponseBytes,
      ...(opts.baseUrl ? {} : { startTarget: startInProcessMock }),
    });
    const text = redactor.apply(formatReport(report, opts.reporter));
    if (opts.output) {
      writeFileSync(opts.output, text);
      const lines = redactor.apply(formatConsole(report)).trimEnd().split('\n');
      const summary = lines.slice(lines.findLastIndex((l) => l.startsWith('Operations: '))).join('\n');
      io.stdout.write(`${summary}\nReport (${opts.reporter}) written to ${opts.output}\n`);
    } else {
      io.stdout.write(text);
    }
    return report.summary.failed > 0 || report.problems.length > 0 ? EXIT.violations : EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError || err instanceof SetupError) {
      io.stderr.write(`error: ${redactor.apply(err.message)}\n`);
      return EXIT.usage;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code && typeof e.code === 'string' && e.syscall) {
      io.stderr.write(`error: ${redactor.apply(e.message)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
