/**
 * `wapikit-mock serve`: builds the mock, listens, prints the banner and a line per request, and stops cleanly
 * on SIGINT / SIGTERM. The only place that listens on a port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackName } from '../http/control-access.js';
import { createMockServer } from '../http/express-adapter.js';
import { stateFileWorld } from '../state/state-file.js';
import { banner } from './banner.js';
import { EXIT, type CliIo, type ServeSettings } from './program.js';

/** Where the server listens, as a URL a browser or curl on this machine can use. */
function originOf(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/** The world a state file was saved from fills in --seed / --now / --size not given, so a restart finds its state. */
function withStateFileWorld(s: ServeSettings): ServeSettings {
  if (!s.stateFile) return s;
  const saved = stateFileWorld(s.stateFile);
  if (!saved) return s;
  return {
    ...s,
    seed: s.explicit.seed ? s.seed : saved.seed,
    now: s.explicit.now ? s.now : saved.now,
    size: s.explicit.size ? s.size : saved.size,
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function requestLog(io: CliIo) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const line = `${req.method ?? '?'} ${req.url ?? ''}`; // before routing rewrites req.url
    res.once('finish', () => {
      io.stdout.write(`${line} → ${res.statusCode} (${Math.round(performance.now() - started)} ms)\n`);
    });
  };
}

/** Resolves on the first SIGINT or SIGTERM, with its name. Listening from the start leaves no window where a signal kills the process uncleanly. */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the server until a signal; resolves to the exit code. */
export async function serve(input: ServeSettings, io: CliIo): Promise<number> {
  const signal = firstSignal();
  let settings: ServeSettings;
  let app: ReturnType<typeof createMockServer>;
  try {
    settings = withStateFileWorld(input);
    app = createMockServer({
      seed: settings.seed,
      now: settings.now,
      size: settings.size,
      token: settings.token,
      latency: settings.latency,
      failRate: settings.failRate,
      stateFile: settings.stateFile,
      simulate: settings.simulate,
      corsOrigin: settings.corsOrigin,
      jwtSecret: settings.jwtSecret,
      strict: settings.strict,
      // A lenient answer's warning: one line on standard error, unless --quiet (the response header and GET /__mock/warnings still say it).
      warningLog: settings.quiet ? () => {} : (line) => io.stderr.write(line),
      quirks: settings.quirks,
      frontendDir: settings.frontendDir,
      // Listening beyond loopback opens the server on purpose: /__mock then answers to any Host name.
      controlHosts: isLoopbackName(settings.host) ? [] : ['*'],
      clock: io.clock,
      // Unexpected errors are always reported, --quiet or not.
      errorLog: (report) => io.stderr.write(report),
    });
  } catch (err) {
    io.stderr.write(`wapikit-mock: ${(err as Error).message}\n`);
    return err instanceof TypeError || err instanceof RangeError ? EXIT.usage : EXIT.failed;
  }

  const log = settings.quiet ? undefined : requestLog(io);
  const server = createServer((req, res) => {
    log?.(req, res);
    app(req, res);
  });
  let address: AddressInfo;
  try {
    address = await listen(server, settings.port, settings.host);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EADDRINUSE'
      ? `port ${settings.port} on ${settings.host} is already in use: pick another with --port (or --port 0 for any free one)`
      : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
        ? `cannot listen on ${settings.host}: no such local address (try --host 127.0.0.1)`
        : e.message;
    io.stderr.write(`wapikit-mock: ${why}\n`);
    return EXIT.failed;
  }

  const origin = originOf(address);
  const token = settings.token ?? (await app.mock.demoToken());
  io.stdout.write(settings.quiet
    ? `wapikit-mock listening on ${origin}${app.mock.options.basePath}\n`
    : banner({ version: io.version, origin, basePath: app.mock.options.basePath, token, settings, startedInMs: Math.round(performance.now()) }));

  const received = await signal;
  if (!settings.quiet) io.stdout.write(`\n${received}: stopping\n`);
  app.mock.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Open event streams and keep-alive sockets would hold the server open.
    server.closeAllConnections();
  });
  return EXIT.ok;
}
