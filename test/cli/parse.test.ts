/** The command line's parsing, in process: flags, environment variables, defaults and usage errors. */
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli, type CliCommand, type CliIo, type ServeSettings } from '../../src/cli/program.js';

const WALL_CLOCK = new Date('2027-03-05T17:45:12.345Z');

function io(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env,
    clock: () => WALL_CLOCK,
    version: '9.8.7',
  };
  return { cli, out };
}

async function parse(argv: string[], env: Record<string, string> = {}) {
  const { cli, out } = io(env);
  const command = await parseCli(argv, cli);
  return { command, ...out };
}

async function serveSettings(argv: string[], env: Record<string, string> = {}): Promise<ServeSettings> {
  const { command, stderr } = await parse(argv, env);
  expect(stderr).toBe('');
  expect(command.kind).toBe('serve');
  return (command as Extract<CliCommand, { kind: 'serve' }>).settings;
}

/** A static site with an index.html, for --frontend. */
const SITE = resolve(import.meta.dirname, '../browser/fixtures/frontend');

const DEFAULTS: ServeSettings = {
  port: 4010,
  host: '127.0.0.1',
  seed: 1,
  now: '2027-03-05T00:00:00.000Z',
  size: 300,
  token: undefined,
  latency: { min: 0, max: 0 },
  failRate: 0,
  stateFile: undefined,
  simulate: false,
  corsOrigin: '*',
  jwtSecret: undefined,
  strict: false,
  frontendDir: undefined,
  quiet: false,
  quirks: [],
  explicit: { seed: false, now: false, size: false },
};

describe('serve settings', () => {
  it('reads --strict and WAPIKIT_MOCK_STRICT', async () => {
    expect((await serveSettings(['--strict'])).strict).toBe(true);
    expect((await serveSettings([], { WAPIKIT_MOCK_STRICT: 'true' })).strict).toBe(true);
    expect((await serveSettings([])).strict).toBe(false);
  });

  it('reads --frontend and WAPIKIT_MOCK_FRONTEND as an absolute folder, and refuses one without index.html', async () => {
    const site = SITE;
    expect((await serveSettings(['--frontend', relative(process.cwd(), site)])).frontendDir).toBe(site);
    expect((await serveSettings([], { WAPIKIT_MOCK_FRONTEND: site })).frontendDir).toBe(site);
    const refused = await parse(['--frontend', import.meta.dirname]);
    expect(refused.command).toEqual({ kind: 'exit', code: 2 });
    expect(refused.stderr).toContain(`The frontend folder ${import.meta.dirname} has no index.html`);
  });

  it('defaults to port 4010 on loopback, seed 1, size 300 and today at 00:00 UTC', async () => {
    expect(await serveSettings([])).toEqual(DEFAULTS);
  });

  it.each([
    { name: 'no command', argv: [] as string[] },
    { name: 'the serve command', argv: ['serve'] },
  ])('reads every flag with $name', async ({ argv }) => {
    const s = await serveSettings([
      ...argv, '--port', '0', '--host', '0.0.0.0', '--seed', '42', '--now', '2026-01-02', '--size', '10', '--token', 'fixed',
      '--latency', '100-400', '--fail-rate', '0.25', '--state-file', 'state.json', '--simulate', '--cors-origin', 'http://localhost:3000/', '--jwt-secret', 'team-secret', '--strict', '--quiet',
      '--frontend', SITE, '--quirks', 'conversations-total-zero,messages-no-route',
    ]);
    expect(s).toEqual({
      port: 0, host: '0.0.0.0', seed: 42, now: '2026-01-02T00:00:00.000Z', size: 10, token: 'fixed', latency: { min: 100, max: 400 }, failRate: 0.25,
      stateFile: 'state.json', simulate: true, corsOrigin: 'http://localhost:3000', jwtSecret: 'team-secret', strict: true, quiet: true, explicit: { seed: true, now: true, size: true },
      frontendDir: SITE, quirks: ['conversations-total-zero', 'messages-no-route'],
    });
  });

  it.each([
    { name: 'a fixed latency', flag: ['--latency', '250'], expected: { latency: { min: 250, max: 250 } } },
    { name: 'a date-time with an offset', flag: ['--now', '2026-06-01T12:00:00+02:00'], expected: { now: '2026-06-01T10:00:00.000Z', explicit: { seed: false, now: true, size: false } } },
    { name: 'a fail rate of 1', flag: ['--fail-rate', '1'], expected: { failRate: 1 } },
    { name: 'a short port flag', flag: ['-p', '5000'], expected: { port: 5000 } },
  ])('reads $name', async ({ flag, expected }) => {
    expect(await serveSettings(flag)).toEqual({ ...DEFAULTS, ...expected });
  });

  it('reads every option from WAPIKIT_MOCK_* environment variables', async () => {
    const s = await serveSettings([], {
      WAPIKIT_MOCK_PORT: '5000', WAPIKIT_MOCK_HOST: '::1', WAPIKIT_MOCK_SEED: '9', WAPIKIT_MOCK_NOW: '2026-02-03T04:05:06Z', WAPIKIT_MOCK_SIZE: '25',
      WAPIKIT_MOCK_TOKEN: 'env-token', WAPIKIT_MOCK_LATENCY: '5-10', WAPIKIT_MOCK_FAIL_RATE: '0.5', WAPIKIT_MOCK_STATE_FILE: '/tmp/s.json', WAPIKIT_MOCK_STRICT: 'on',
      WAPIKIT_MOCK_SIMULATE: 'true', WAPIKIT_MOCK_CORS_ORIGIN: 'https://app.example.com', WAPIKIT_MOCK_JWT_SECRET: 'env-secret', WAPIKIT_MOCK_QUIET: '1',
      WAPIKIT_MOCK_FRONTEND: SITE, WAPIKIT_MOCK_QUIRKS: 'location-message-null',
    });
    expect(s).toEqual({
      port: 5000, host: '::1', seed: 9, now: '2026-02-03T04:05:06.000Z', size: 25, token: 'env-token', latency: { min: 5, max: 10 }, failRate: 0.5,
      stateFile: '/tmp/s.json', simulate: true, corsOrigin: 'https://app.example.com', jwtSecret: 'env-secret', strict: true, quiet: true, explicit: { seed: true, now: true, size: true },
      frontendDir: SITE, quirks: ['location-message-null'],
    });
  });

  it('reads the environment for the serve command too', async () => {
    expect(await serveSettings(['serve'], { WAPIKIT_MOCK_PORT: '5000', WAPIKIT_MOCK_SEED: '3' })).toMatchObject({ port: 5000, seed: 3, explicit: { seed: true, now: false, size: false } });
  });

  it('lets a flag win over its environment variable', async () => {
    const s = await serveSettings(['--port', '6000', '--seed', '3'], { WAPIKIT_MOCK_PORT: '5000', WAPIKIT_MOCK_SEED: '9' });
    expect(s).toMatchObject({ port: 6000, seed: 3 });
  });

  it.each([
    ['0', false], ['false', false], ['no', false], ['off', false], ['', false], ['1', true], ['yes', true], ['ON', true],
  ])('reads WAPIKIT_MOCK_SIMULATE=%j as %s (not "set means true")', async (value, expected) => {
    expect((await serveSettings([], { WAPIKIT_MOCK_SIMULATE: value })).simulate).toBe(expected);
  });
});

describe('usage errors: exit code 2 and a message that says what is wrong', () => {
  it.each<{ name: string; argv: string[]; env: Record<string, string>; message: string }>([
    { name: 'an unknown flag', argv: ['--prot', '0'], env: {}, message: "error: unknown option '--prot'\n(Did you mean --port?)" },
    { name: 'an unknown command', argv: ['start'], env: {}, message: "error: unknown command 'start' (commands: serve, contract, fixtures, quirks)" },
    { name: 'a port that is not a number', argv: ['--port', 'abc'], env: {}, message: "error: option '-p, --port <number>' argument 'abc' is invalid. The port must be an integer from 0 to 65535." },
    { name: 'a port out of range', argv: ['--port', '70000'], env: {}, message: 'The port must be an integer from 0 to 65535.' },
    { name: 'a fractional seed', argv: ['--seed', '1.5'], env: {}, message: "argument '1.5' is invalid. The seed must be an integer" },
    { name: 'a size of 0', argv: ['--size', '0'], env: {}, message: 'The size (conversations of the main organization) must be an integer from 1 to 1000000.' },
    { name: 'a date that is not ISO 8601', argv: ['--now', 'yesterday'], env: {}, message: 'Expected an ISO 8601 date or date-time, e.g. 2026-11-24 or 2026-11-24T12:00:00Z.' },
    { name: 'an impossible date', argv: ['--now', '2026-02-31T99:00:00Z'], env: {}, message: 'Expected an ISO 8601 date or date-time' },
    { name: 'a latency range upside down', argv: ['--latency', '400-100'], env: {}, message: "The range's maximum must not be below its minimum (got 400-100)." },
    { name: 'a latency in seconds', argv: ['--latency', '2s'], env: {}, message: 'Expected milliseconds (250) or a range (100-400).' },
    { name: 'a fail rate above 1', argv: ['--fail-rate', '1.5'], env: {}, message: 'Expected a fraction from 0 to 1, e.g. 0.1 for one request in ten.' },
    { name: 'a percentage fail rate', argv: ['--fail-rate', '10%'], env: {}, message: 'Expected a fraction from 0 to 1' },
    { name: 'a CORS origin without a scheme', argv: ['--cors-origin', 'localhost:3000'], env: {}, message: 'Expected an origin without a path' },
    { name: 'a CORS origin with a path', argv: ['--cors-origin', 'http://localhost:3000/app'], env: {}, message: 'Expected an origin without a path, e.g. http://localhost:3000.' },
    { name: 'a blank JWT secret', argv: ['--jwt-secret', ' '], env: {}, message: "error: option '--jwt-secret <secret>' argument ' ' is invalid. Expected a secret that is not blank." },
    { name: 'a bad environment value', argv: [], env: { WAPIKIT_MOCK_PORT: 'eighty' }, message: "error: option '-p, --port <number>' value 'eighty' from env 'WAPIKIT_MOCK_PORT' is invalid." },
    { name: 'a bad boolean environment value', argv: [], env: { WAPIKIT_MOCK_QUIET: 'maybe' }, message: "error: Environment variable WAPIKIT_MOCK_QUIET must be 1/true/yes/on or 0/false/no/off (got 'maybe')." },
    { name: 'fixtures without --out', argv: ['fixtures'], env: {}, message: "error: required option '-o, --out <dir>' not specified" },
    { name: 'a missing flag value', argv: ['--seed'], env: {}, message: "error: option '--seed <integer>' argument missing" },
  ])('$name', async ({ argv, env, message }) => {
    const { command, stderr, stdout } = await parse(argv, env);
    expect(command).toEqual({ kind: 'exit', code: 2 });
    expect(stderr).toContain(message);
    expect(stderr).toContain('(run wapikit-mock --help for usage)');
    expect(stdout).toBe('');
  });
});

describe('other commands', () => {
  it('passes everything after `contract` to the contract kit untouched', async () => {
    const { command } = await parse(['contract', '--base-url', 'http://127.0.0.1:9/api', '--only', 'Conversations', '--help']);
    expect(command).toEqual({ kind: 'contract', argv: ['--base-url', 'http://127.0.0.1:9/api', '--only', 'Conversations', '--help'] });
  });

  it('reads fixtures options, with a fixed default world (not today)', async () => {
    expect((await parse(['fixtures', '--out', 'out'])).command).toEqual({ kind: 'fixtures', settings: { out: 'out', seed: 1, now: '2026-11-24T12:00:00.000Z', size: 300 } });
    expect((await parse(['fixtures', '-o', 'x', '--seed', '5', '--size', '20'])).command).toMatchObject({ settings: { out: 'x', seed: 5, size: 20 } });
  });

  it.each([['--version'], ['-v']])('prints the version for %s and exits 0', async (flag) => {
    expect(await parse([flag])).toEqual({ command: { kind: 'exit', code: 0 }, stdout: '9.8.7\n', stderr: '' });
  });

  it('prints help with every option, its environment variable and examples', async () => {
    const { command, stdout } = await parse(['--help']);
    expect(command).toEqual({ kind: 'exit', code: 0 });
    for (const text of ['Usage: wapikit-mock [options] [command]', '--port <number>', 'WAPIKIT_MOCK_PORT', '--fail-rate <0..1>', 'WAPIKIT_MOCK_FAIL_RATE', 'today at 00:00 UTC', 'WAPIKIT_MOCK_SIMULATE', 'Examples:', 'wapikit-mock contract --base-url', 'fixtures --out', 'Prefer: code=404']) {
      expect(stdout).toContain(text);
    }
  });
});
