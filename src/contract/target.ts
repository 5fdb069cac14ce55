/**
 * The target of a contract run, as the kit sees it: a base URL. Without one, the run asks its caller to start
 * a target (`startTarget`) and stops it afterwards. The kit itself never loads the mock: the `wapikit-mock
 * contract` command line passes the in-process mock as `startTarget` (src/cli/in-process-mock.ts).
 */

/** A target started for one run. */
export interface StartedTarget {
  /** e.g. `http://127.0.0.1:54321/api` */
  baseUrl: string;
  /** Sign-in the run uses when it brings neither a token nor credentials of its own. */
  credentials?: { username: string; password: string };
  close(): Promise<void>;
}

/** Starts a target for a run without a base URL; `token`, when given, is the token the run will send. */
export type StartTarget = (options: { token?: string }) => Promise<StartedTarget>;
