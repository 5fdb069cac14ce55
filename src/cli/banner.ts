/** The start banner: where the app (--frontend), the API and docs are, how to log in (email or username), a token to paste, and what world is served. */
import { AGENT_ACCOUNT, DEMO_ACCOUNT } from '../world/demo-accounts.js';
import type { ServeSettings } from './program.js';

export interface BannerInput {
  version: string;
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  basePath: string;
  token: string;
  settings: ServeSettings;
  /** Milliseconds from process start to listening. */
  startedInMs: number;
}

export function banner({ version, origin, basePath, token, settings: s, startedInMs }: BannerInput): string {
  const api = `${origin}${basePath}`;
  // Email first: the app's sign-in form takes the email; the API's login takes either.
  const accounts = [[DEMO_ACCOUNT, 'Owner'], [AGENT_ACCOUNT, 'Member']] as const;
  const emailWidth = Math.max(...accounts.map(([a]) => a.email.length));
  const logins = accounts.map(([a, role]) => `${a.email.padEnd(emailWidth)}  ${a.username} / ${a.password}  (${role})`);
  const extras = [
    s.latency.max > 0 ? `latency ${s.latency.min === s.latency.max ? s.latency.min : `${s.latency.min}-${s.latency.max}`} ms` : '',
    s.failRate > 0 ? `fail rate ${s.failRate}` : '',
    s.simulate ? 'simulated customers' : '',
    s.corsOrigin !== '*' ? `CORS only for ${s.corsOrigin}` : '',
  ].filter(Boolean);
  const lines = [
    `wapikit-mock ${version}: the Wapikit API, mocked (ready in ${startedInMs} ms)`,
    '',
    ...(s.frontendDir ? [`  App       ${origin}/  (${s.frontendDir})`] : []),
    `  API       ${api}`,
    `  Docs      ${origin}/docs`,
    `  Login     ${logins[0]}`,
    ...logins.slice(1).map((line) => `            ${line}`),
    `  Token     ${token}`,
    `  World     seed ${s.seed} · now ${s.now} · ${s.size} conversations${extras.length ? ` · ${extras.join(' · ')}` : ''}`,
    `  State     ${s.stateFile ? `${s.stateFile} (saved after every write)` : 'in memory (--state-file <path> keeps it)'}`,
    `  Controls  POST ${origin}/__mock/reset · GET|PUT ${origin}/__mock/state`,
    '',
    `  curl -H "x-access-token: ${token}" "${api}/conversations?page=1&per_page=10"`,
    '',
    'Ctrl+C to stop.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
