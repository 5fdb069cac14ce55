/**
 * The default target: this project's mock, started in-process on a free loopback port and stopped after the run.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockServer } from '../http/create-server.js';
import type { MockOptions } from '../options.js';

/** The demo account every mock world has. */
export const DEMO_CREDENTIALS = { username: 'demo', password: 'demo1234' } as const;

export interface InProcessTarget {
  /** e.g. `http://127.0.0.1:54321/api` */
  baseUrl: string;
  close(): Promise<void>;
}

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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
