/**
 * Who may use `/__mock`. The controls hand out the whole state (passwords, API-key tokens, the WhatsApp and AI
 * keys) and replace or wipe it, so a web page must never reach them, not even one on this machine:
 *
 * - A request with an `Origin` other than the server's own comes from a page of another site: refused. Browsers
 *   send `Origin` on every cross-origin fetch and form post, and `/__mock` grants no CORS, so a preflight fails too.
 * - A `Host` that is not a loopback name is refused: a page whose own name was rebound to 127.0.0.1 (DNS
 *   rebinding) is "same origin" for the browser, but it still sends its own name as `Host`.
 *
 * `controlHosts` adds names to accept; `'*'` accepts any (a server opened to the network on purpose).
 * curl, test runners and other programs send no `Origin`, and the `Host` they were given.
 */
import { BlockList, isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** The name part of a `Host` header (`[::1]:4010` → `[::1]`, `Localhost.:80` → `localhost`). */
function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '');
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1, with or without IPv6 brackets. */
export function isLoopbackName(name: string): boolean {
  const bare = name.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

function refuse(res: Response, message: string): void {
  const text = `${JSON.stringify(message)}\n`;
  res.status(403).setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function controlAccess(controlHosts: readonly string[]) {
  const anyHost = controlHosts.includes('*');
  const accepted = new Set(controlHosts.map(hostName));
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.get('host');
    if (host !== undefined && !anyHost && !isLoopbackName(hostName(host)) && !accepted.has(hostName(host))) {
      refuse(res, `/__mock refuses Host '${host}': the controls answer only on loopback names (localhost, 127.0.0.1, [::1]) unless --host opens the server to the network.`);
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined && origin.toLowerCase() !== `${req.protocol}://${host ?? ''}`.toLowerCase()) {
      refuse(res, `/__mock refuses requests from web pages: Origin '${origin}' is not this server's origin. Call the controls from curl or a test runner, not from a browser.`);
      return;
    }
    next();
  };
}
