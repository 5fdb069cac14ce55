/**
 * This project's mock as a contract-check target: started in-process on a free loopback port, stopped after
 * the run. It lives with the command line, not in the contract kit: the kit checks whatever target it is given
 * and never loads the mock itself (`wapikit-mock contract` without --base-url starts this one).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartedTarget } from '../contract/target.js';
import { createMockServer } from '../http/express-adapter.js';
import type { MockOptions } from '../options.js';
import { DEMO_ACCOUNT } from '../world/demo-accounts.js';

export type InProcessTarget = StartedTarget;

/** Starts the mock; it signs in with the demo account unless the run brings a token (which the mock then accepts). */
export async function startInProcessMock(options: Partial<MockOptions> = {}): Promise<InProcessTarget> {
  const app = createMockServer(options);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const basePath = app.mock.options.basePath.replace(/\/+$/, '');
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    credentials: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
