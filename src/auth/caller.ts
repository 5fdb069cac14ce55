/**
 * Who is calling, as a token resolves it: the one shape auth produces and the pipeline, the handlers and the
 * event streams read. It lives with auth, which knows no transport, so every layer above can share it.
 */
export interface Caller {
  userId: string;
  organizationId: string;
  memberId: string;
  accessLevel: 'Owner' | 'Member';
  permissions: ReadonlySet<string>;
}
