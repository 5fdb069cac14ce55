/**
 * The fixed sign-ins every generated world has, in one place: the world creates these users, and the CLI
 * banner, the docs page, the contract kit's in-process target and the tests read their names from here.
 */
export interface FixedAccount {
  readonly username: string;
  readonly email: string;
  readonly password: string;
}

/** The Owner of the main organization (also a member of the second one). */
export const DEMO_ACCOUNT: FixedAccount = Object.freeze({ username: 'demo', email: 'demo@wapikit.test', password: 'demo1234' });

/** A Member of the main organization with the support role only. */
export const AGENT_ACCOUNT: FixedAccount = Object.freeze({ username: 'agent', email: 'agent@wapikit.test', password: 'agent1234' });
