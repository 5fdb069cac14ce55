import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import { AGENT_ACCOUNT, DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';

const mock = useMock({ token: 'fixed-dev-token' });

const LIST = '/conversations?page=1&per_page=5';

describe('x-access-token', () => {
  it.each([
    ['no token', null],
    ['a garbage token', 'garbage'],
    ['a JWT signed with another secret', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1bmlxdWVfaWQiOiJ4In0.c2lnbmF0dXJl'],
  ])('refuses %s with 401 "Unauthorized access"', async (_name, token) => {
    const r = await mock.call('GET', LIST, { token });
    expect(r).toMatchObject({ status: 401, body: 'Unauthorized access' });
  });

  it('accepts the token from logging in as the demo owner, by username or email', async () => {
    for (const username of [DEMO_ACCOUNT.username, DEMO_ACCOUNT.email]) {
      const login = await mock.call<{ token: string }>('POST', '/auth/login', { token: null, body: { username, password: DEMO_ACCOUNT.password } });
      expect(login.status).toBe(200);
      expect(login.body.token.split('.')).toHaveLength(3);
      expect((await mock.call('GET', LIST, { token: login.body.token })).status).toBe(200);
    }
  });

  it('answers a wrong password with 404 "Invalid email / password" and an empty one with 400', async () => {
    expect(await mock.call('POST', '/auth/login', { token: null, body: { username: 'demo', password: 'nope' } })).toMatchObject({ status: 404, body: 'Invalid email / password' });
    expect(await mock.call('POST', '/auth/login', { token: null, body: { username: 'demo', password: '' } })).toMatchObject({ status: 400, body: 'Username / password is required' });
  });

  it('accepts the fixed --token as the demo owner', async () => {
    expect((await mock.call('GET', LIST, { token: 'fixed-dev-token' })).status).toBe(200);
  });

  it('leaves public operations open', async () => {
    expect(await mock.call('GET', '/health-check', { token: null })).toMatchObject({ status: 200, body: { data: true } });
  });

  it('answers unknown routes and wrong methods like the real router', async () => {
    expect(await mock.call('GET', '/no-such-thing')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    const wrong = await mock.call('PUT', '/conversations');
    expect(wrong).toMatchObject({ status: 405, body: { message: 'Method Not Allowed' } });
    expect(wrong.headers.get('allow')).toContain('GET');
  });
});

describe('RBAC', () => {
  it('refuses a Member whose roles lack the permission, with the server\'s 401 message', async () => {
    const store = mock.app.mock.store;
    const agent = store.userByLogin('agent')!;
    const member = store.memberOf(agent.uniqueId, mock.app.mock.world.mainOrganizationId)!;
    const perms = store.permissionsOf(member);
    const login = await mock.call<{ token: string }>('POST', '/auth/login', { token: null, body: { username: AGENT_ACCOUNT.username, password: AGENT_ACCOUNT.password } });
    const token = login.body.token;
    const guarded = [
      ['GET', LIST, 'Get:Conversation'],
      ['DELETE', '/conversation/6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6', 'Delete:Conversation'],
    ] as const;
    let refusedOnce = false;
    for (const [method, path, permission] of guarded) {
      const r = await mock.call(method, path, { token });
      if (perms.has(permission)) expect(r.status, `${permission} is granted`).not.toBe(401);
      else {
        expect(r).toMatchObject({ status: 401, body: 'You are not authorized to access this resource.' });
        refusedOnce = true;
      }
    }
    expect(refusedOnce, 'the agent role lacks at least one of the checked permissions').toBe(true);
  });
});
