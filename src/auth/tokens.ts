import { jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../http/handler-types.js';
import type { TokenResolver } from '../http/router.js';
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

const SESSION_SECONDS = 60 * 24 * 3600;
export const API_KEY_SECONDS = 2 * 365 * 24 * 3600;

/**
 * Signs and checks the mock's HS256 JWTs. Tokens are signed with the store's clock, so the same seed and the
 * same calls mint the same tokens. A verified token still has to match an active user who is a member of the
 * token's organization, checked on every request (a removed member loses access at once).
 */
export class TokenService implements TokenResolver {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, WapikitClaims>();

  constructor(
    private readonly store: Store,
    secret: string,
    /** A fixed token accepted as the demo owner of the main organization (`--token`). */
    private readonly fixedToken: string | undefined,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(userId: string, organizationId: string, lifetimeSeconds = SESSION_SECONDS): Promise<string> {
    const user = this.store.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    const member = organizationId ? this.store.memberOf(userId, organizationId) : undefined;
    const issuedAt = Math.floor(this.store.clock().getTime() / 1000);
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

  private async claims(token: string): Promise<WapikitClaims | undefined> {
    const hit = this.verified.get(token);
    if (hit) return hit;
    try {
      // Expiry is checked against the store's clock, not the machine's.
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'wapikit', currentDate: this.store.peekNow() });
      const claims = payload as unknown as WapikitClaims;
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      return undefined;
    }
  }

  async resolve(token: string): Promise<Caller | undefined> {
    let userId: string;
    let organizationId: string;
    if (this.fixedToken !== undefined && token === this.fixedToken) {
      userId = this.store.world.demoUserId;
      organizationId = this.store.world.mainOrganizationId;
    } else {
      const claims = await this.claims(token);
      if (!claims) return undefined;
      userId = claims.unique_id;
      organizationId = claims.organization_id;
    }
    const user = this.store.users.get(userId);
    if (!user || user.status !== 'Active') return undefined;
    // A token minted before the user joined any organization (after register / verify-email) is valid,
    // but scoped to nothing: it can create or join an organization and read the user, little else.
    if (organizationId === '') return { userId, organizationId: '', memberId: '', accessLevel: 'Member', permissions: new Set() };
    const member = this.store.memberOf(userId, organizationId);
    if (!member) return undefined;
    return { userId, organizationId, memberId: member.uniqueId, accessLevel: member.accessLevel, permissions: this.store.permissionsOf(member) };
  }
}
