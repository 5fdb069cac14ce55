// jose's entry loads all of jose (~40 ms of a start); HS256 signing and checking need only these two.
import { SignJWT } from 'jose/jwt/sign';
import { jwtVerify } from 'jose/jwt/verify';
import type { Caller } from './caller.js';
import type { Store } from '../store/store.js';

/** Claims of a Wapikit JWT, as the real server puts them in session tokens and API keys. */
export interface WapikitClaims {
  name: string;
  unique_id: string;
  username: string;
  email: string;
  role: 'Owner' | 'Member' | '';
  organization_id: string;
  iss: 'wapikit';
}

/** The claims of a token whose signature held, with its `exp` (seconds since the epoch). */
type VerifiedClaims = WapikitClaims & { exp?: number };

/** What a token's signature vouches for; whether it still grants access is `callerOf`'s question. */
export interface Grant {
  userId: string;
  organizationId: string;
  /** The token's `exp`, in seconds since the epoch (undefined for the fixed `--token`). */
  expiresAt: number | undefined;
}

const SESSION_SECONDS = 60 * 24 * 3600;
export const API_KEY_SECONDS = 2 * 365 * 24 * 3600;

/**
 * Signs and checks the mock's HS256 JWTs. Tokens are signed with the store's clock, so the same seed and the
 * same calls mint the same tokens. A verified token still has to be unexpired and match an active user who is
 * a member of the token's (existing) organization, checked on every request (a removed member loses access at
 * once) and again by open event streams (see `callerOf`).
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, VerifiedClaims>();

  constructor(
    /** The store in service, read on every call: a reset or a state import swaps it without a new TokenService. */
    private readonly storeOf: () => Store,
    secret: string,
    /** A fixed token accepted as the demo owner of the main organization (`--token`). */
    private readonly fixedToken: string | undefined,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  private get store(): Store {
    return this.storeOf();
  }

  /** `issuedAt` defaults to a reading of the store's clock; a fixed one mints the same token on every call. */
  async sign(userId: string, organizationId: string, lifetimeSeconds = SESSION_SECONDS, issuedAtDate?: Date): Promise<string> {
    const user = this.store.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    const member = organizationId ? this.store.memberOf(userId, organizationId) : undefined;
    const issuedAt = Math.floor((issuedAtDate ?? this.store.clock()).getTime() / 1000);
    const claims: WapikitClaims = {
      name: user.name,
      unique_id: user.uniqueId,
      username: user.username,
      email: user.email,
      role: member?.accessLevel ?? '',
      organization_id: organizationId,
      iss: 'wapikit',
    };
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .sign(this.key);
  }

  /** Signature and issuer, checked once per token and remembered; expiry is checked on every use (`callerOf`). */
  private async claims(token: string): Promise<VerifiedClaims | undefined> {
    const hit = this.verified.get(token);
    if (hit) return hit;
    try {
      // Expiry is checked against the store's clock, not the machine's.
      // The signature is ours, so the payload holds the claims `sign` put in.
      const { payload } = await jwtVerify<WapikitClaims>(token, this.key, { algorithms: ['HS256'], issuer: 'wapikit', currentDate: this.store.peekNow() });
      const claims: VerifiedClaims = payload;
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      return undefined;
    }
  }

  /** Who a token names and until when, if its signature holds; undefined for anything else. */
  async grantOf(token: string): Promise<Grant | undefined> {
    if (this.fixedToken !== undefined && token === this.fixedToken) {
      return { userId: this.store.world.demoUserId, organizationId: this.store.world.mainOrganizationId, expiresAt: undefined };
    }
    const claims = await this.claims(token);
    return claims ? { userId: claims.unique_id, organizationId: claims.organization_id, expiresAt: claims.exp } : undefined;
  }

  /**
   * The one access rule, checked now: the token has not expired by the store's clock, its user exists and is
   * Active, and (when it is scoped to an organization) the organization exists and the user is its member.
   * Synchronous, so an open event stream can re-check before each event.
   */
  callerOf(grant: Grant): Caller | undefined {
    const { userId, organizationId, expiresAt } = grant;
    if (expiresAt !== undefined && Math.floor(this.store.peekNow().getTime() / 1000) >= expiresAt) return undefined;
    const user = this.store.users.get(userId);
    if (!user || user.status !== 'Active') return undefined;
    // A token minted before the user joined any organization (after register / verify-email) is valid,
    // but scoped to nothing: it can create or join an organization and read the user, little else.
    if (organizationId === '') return { userId, organizationId: '', memberId: '', accessLevel: 'Member', permissions: new Set() };
    if (!this.store.organizations.has(organizationId)) return undefined;
    const member = this.store.memberOf(userId, organizationId);
    if (!member) return undefined;
    return { userId, organizationId, memberId: member.uniqueId, accessLevel: member.accessLevel, permissions: this.store.permissionsOf(member) };
  }

  async resolve(token: string): Promise<Caller | undefined> {
    const grant = await this.grantOf(token);
    return grant ? this.callerOf(grant) : undefined;
  }
}
