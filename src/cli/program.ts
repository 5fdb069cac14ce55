/**
 * The `wapikit-mock` command line: `[serve]` (the default), `contract …` and `fixtures --out <dir>`.
 * Parsing only: `runCli` turns argv and the environment into one of the commands and runs it. Every serve
 * option can also come from an environment variable (`--fail-rate` ↔ `WAPIKIT_MOCK_FAIL_RATE`); a flag wins.
 * Exit codes: 0 done, 1 failed at run time (port in use, unreadable state file), 2 bad usage.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MOCK_OPTIONS, type LatencyRange } from '../options.js';
import {
  parseBooleanEnv, parseCorsOrigin, parseProfile, parseQuirks, parseFailRate, parseFrontendDir, parseJwtSecret, parseLatency, parseNow, parsePort, parseSeed, parseSize, startOfUtcDay,
} from './parse-values.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The wall clock: read once for the default --now, and passed to the mock so writes carry real times. */
  clock: () => Date;
  /** The package version, printed by --version and in the banner. */
  version: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What `serve` runs with, after flags, environment and defaults are merged. */
export interface ServeSettings {
  port: number;
  host: string;
  seed: number;
  now: string;
  size: number;
  token: string | undefined;
  latency: LatencyRange;
  failRate: number;
  stateFile: string | undefined;
  simulate: boolean;
  corsOrigin: string;
  /** Secret the tokens are signed with; undefined: the mock's public default. */
  jwtSecret: string | undefined;
  /** Refuse also what only the spec forbids (query enum values, unknown body fields) with 400s. */
  strict: boolean;
  /** A static frontend build served on the same origin (--frontend), as an absolute path; undefined: none. */
  frontendDir: string | undefined;
  quiet: boolean;
  /** The real server's departures to reproduce (--profile server: all; --quirks a,b: some). */
  quirks: string[];
  /** Which of seed / now / size were given (flag or environment) rather than defaulted. */
  explicit: { seed: boolean; now: boolean; size: boolean };
}

export interface FixturesSettings {
  out: string;
  seed: number;
  now: string;
  size: number;
}

export type CliCommand =
  | { kind: 'serve'; settings: ServeSettings }
  | { kind: 'contract'; argv: string[] }
  | { kind: 'fixtures'; settings: FixturesSettings }
  | { kind: 'quirks' }
  | { kind: 'exit'; code: number };

export const ENV_PREFIX = 'WAPIKIT_MOCK_';

const COMMANDS = ['serve', 'contract', 'fixtures', 'quirks', 'help'];

const EXAMPLES = `
Examples:
  $ wapikit-mock                                   serve on http://127.0.0.1:4010 (docs at /docs)
  $ wapikit-mock --port 0 --seed 42 --size 2000    any free port, another world, a bigger inbox
  $ wapikit-mock --latency 100-400 --fail-rate 0.05
                                                   slow and flaky, repeatably (seeded)
  $ wapikit-mock --state-file .mock/state.json     keep every write across restarts
  $ wapikit-mock --frontend ./out                  the Wapikit app's static build at http://127.0.0.1:4010/
  $ WAPIKIT_MOCK_PORT=5000 wapikit-mock            every option also reads WAPIKIT_MOCK_<NAME>
  $ wapikit-mock contract --base-url https://staging.example.com/api --token "$TOKEN"
  $ wapikit-mock fixtures --out src/test/fixtures  the seeded world as API-shaped JSON files

In a running mock:
  curl -H "x-access-token: <token from the banner>" "http://127.0.0.1:4010/api/conversations?page=1&per_page=10"
  curl -H "Prefer: code=404" ...        the documented 404 example instead of the real answer
  curl -H "Prefer: delay=1500" ...      this request only, 1.5 s late
  curl -X POST http://127.0.0.1:4010/__mock/reset          back to the seeded world
  curl http://127.0.0.1:4010/__mock/state > state.json     export (PUT it back to import)
`;

function envName(flag: string): string {
  return `${ENV_PREFIX}${flag.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Options read from the environment, with their variable and parser. Commander's own `.env()` reads
 * process.env directly; reading `CliIo.env` instead keeps the parser testable in-process.
 */
const fromEnv = new WeakMap<Option, { name: string; parse: ((v: string) => unknown) | 'boolean' }>();

function option(flags: string, description: string, parse?: (v: string) => unknown): Option {
  const long = /--([a-z-]+)/.exec(flags)?.[1] ?? flags;
  const boolean = !flags.includes('<');
  const o = new Option(flags, `${description} (env: ${envName(long)})`);
  fromEnv.set(o, { name: envName(long), parse: boolean ? 'boolean' : (parse ?? ((v) => v)) });
  return parse ? o.argParser(parse) : o;
}

/** Fills options not given as flags from their environment variables (a flag wins). */
function applyEnv(cmd: Command, env: CliIo['env']): void {
  for (const o of cmd.options) {
    const spec = fromEnv.get(o);
    const raw = spec ? env[spec.name] : undefined;
    if (!spec || raw === undefined || cmd.getOptionValueSource(o.attributeName()) === 'cli') continue;
    try {
      cmd.setOptionValueWithSource(o.attributeName(), spec.parse === 'boolean' ? parseBooleanEnv(spec.name, raw) : spec.parse(raw), 'env');
    } catch (err) {
      if (!(err instanceof InvalidArgumentError)) throw err;
      const what = spec.parse === 'boolean' ? err.message : `option '${o.flags}' value '${raw}' from env '${spec.name}' is invalid. ${err.message}`;
      cmd.error(`error: ${what}`, { exitCode: EXIT.usage, code: 'commander.invalidArgument' });
    }
  }
}

function addWorldOptions(cmd: Command, now: { value: string; description: string }): Command {
  return cmd
    .addOption(option('--seed <integer>', 'seed of the generated world: same seed, same data', parseSeed).default(DEFAULT_MOCK_OPTIONS.seed))
    .addOption(option('--now <date-time>', "the world's current time: its history ends here", parseNow).default(now.value, now.description))
    .addOption(option('--size <number>', 'conversations of the main organization', parseSize).default(DEFAULT_MOCK_OPTIONS.size));
}

function addServeOptions(cmd: Command, defaultNow: string): Command {
  cmd
    .addOption(option('-p, --port <number>', 'port to listen on (0: any free port)', parsePort).default(4010))
    .addOption(option('--host <address>', 'address to listen on (0.0.0.0: every interface)').default('127.0.0.1'));
  addWorldOptions(cmd, { value: defaultNow, description: 'today at 00:00 UTC' });
  return cmd
    .addOption(option('--token <token>', 'also accept this fixed token as the demo owner (the banner then shows it)'))
    .addOption(option('--latency <ms|min-max>', 'delay every response: 250, or 100-400 for a seeded random delay', parseLatency).default({ ...DEFAULT_MOCK_OPTIONS.latency }, '0'))
    .addOption(option('--fail-rate <0..1>', 'answer this fraction of requests with a documented 5xx/429 (seeded)', parseFailRate).default(DEFAULT_MOCK_OPTIONS.failRate))
    .addOption(option('--state-file <path>', 'load state from this JSON file at start, save it after every write'))
    .addOption(option('--simulate', 'customers write in by themselves every few seconds'))
    .addOption(option('--cors-origin <origin>', "CORS: '*' echoes any Origin (as the real server does), or allow only this one", parseCorsOrigin).default(DEFAULT_MOCK_OPTIONS.corsOrigin))
    .addOption(option('--strict', 'refuse every request that breaks the spec with a 400, also what the real server lets through (query enum values, unknown body fields); default: answer those as the server does, with a warning'))
    .addOption(option('--jwt-secret <secret>', 'sign tokens with this secret instead of the public default (anyone can forge tokens for a mock they reach)', parseJwtSecret))
    .addOption(option('--frontend <dir>', "serve this static build of the Wapikit app (Next.js's out/) on the same origin, as the real server does", parseFrontendDir))
    .addOption(option('--profile <name>', "'server': reproduce every known departure of the real server from its spec (see wapikit-mock quirks)", parseProfile))
    .addOption(option('--quirks <a,b>', 'reproduce only these departures of the real server (names from wapikit-mock quirks)', parseQuirks))
    .addOption(option('-q, --quiet', 'print only the URL, no banner or request log'));
}

interface ServeFlags {
  port: number;
  host: string;
  seed: number;
  now: string;
  size: number;
  token?: string;
  latency: LatencyRange;
  failRate: number;
  stateFile?: string;
  simulate?: boolean;
  corsOrigin: string;
  jwtSecret?: string;
  strict?: boolean;
  frontend?: string;
  quiet?: boolean;
  profile?: string[];
  quirks?: string[];
}

function serveSettings(cmd: Command): ServeSettings {
  const o = cmd.opts<ServeFlags>();
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli' || cmd.getOptionValueSource(name) === 'env';
  return {
    port: o.port,
    host: o.host,
    seed: o.seed,
    now: o.now,
    size: o.size,
    token: o.token,
    latency: o.latency,
    failRate: o.failRate,
    stateFile: o.stateFile,
    simulate: o.simulate ?? false,
    corsOrigin: o.corsOrigin,
    jwtSecret: o.jwtSecret,
    strict: o.strict ?? false,
    frontendDir: o.frontend,
    quiet: o.quiet ?? false,
    quirks: [...new Set([...(o.profile ?? []), ...(o.quirks ?? [])])],
    explicit: { seed: given('seed'), now: given('now'), size: given('size') },
  };
}

/** Builds the program; the chosen command is written to `choose`. */
function buildProgram(io: CliIo, choose: (c: CliCommand) => void): Command {
  const defaultNow = startOfUtcDay(io.clock());
  const program = new Command('wapikit-mock')
    .description('A stateful, seeded mock of the Wapikit API (WhatsApp Business inbox and campaigns), with its docs and a contract-test kit.')
    .version(io.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run wapikit-mock --help for usage)')
    .enablePositionalOptions()
    .allowExcessArguments(false)
    .hook('preAction', (_program, action) => applyEnv(action, io.env));
  addServeOptions(program, defaultNow).action((_opts, cmd: Command) => choose({ kind: 'serve', settings: serveSettings(cmd) }));
  program.addHelpText('after', EXAMPLES);

  addServeOptions(program.command('serve').description('start the mock server (the default command)'), defaultNow)
    .action((_opts, cmd: Command) => choose({ kind: 'serve', settings: serveSettings(cmd) }));

  program
    .command('contract')
    .description('check a Wapikit deployment (or this mock) against the spec; see wapikit-mock contract --help')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[options...]')
    .action((args: string[]) => choose({ kind: 'contract', argv: args }));

  program
    .command('quirks')
    .description("list the real server's departures from its spec that --profile server and --quirks reproduce")
    .action(() => choose({ kind: 'quirks' }));

  const fixtures = program
    .command('fixtures')
    .description('write the seeded world as JSON files shaped exactly like API responses')
    .requiredOption('-o, --out <dir>', 'folder to write the files to (created if missing)');
  addWorldOptions(fixtures, { value: DEFAULT_MOCK_OPTIONS.now, description: DEFAULT_MOCK_OPTIONS.now });
  fixtures.action((opts: FixturesSettings) => choose({ kind: 'fixtures', settings: { out: opts.out, seed: opts.seed, now: opts.now, size: opts.size } }));
  return program;
}

/** Parses argv (without `node` and the script). Usage errors are reported on stderr and give `{kind: 'exit', code: 2}`. */
export async function parseCli(argv: string[], io: CliIo): Promise<CliCommand> {
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first)) {
    io.stderr.write(`error: unknown command '${first}' (commands: serve, contract, fixtures, quirks)\n(run wapikit-mock --help for usage)\n`);
    return { kind: 'exit', code: EXIT.usage };
  }
  let chosen: CliCommand | undefined;
  const program = buildProgram(io, (c) => {
    chosen = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { kind: 'exit', code: err.exitCode === 0 ? EXIT.ok : EXIT.usage };
    if (err instanceof InvalidArgumentError) {
      io.stderr.write(`error: ${err.message}\n`);
      return { kind: 'exit', code: EXIT.usage };
    }
    throw err;
  }
  return chosen ?? { kind: 'exit', code: EXIT.ok };
}
