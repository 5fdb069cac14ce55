import type { OperationInfo } from '../spec/operations.js';

/**
 * Orders operations so that literal path segments are tried before parameters at the same depth:
 * `/organization/tags` must win over `/organization/{id}`.
 */
export function byRouteSpecificity(a: OperationInfo, b: OperationInfo): number {
  const sa = a.path.split('/');
  const sb = b.path.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i]!.startsWith('{');
    const pb = sb[i]!.startsWith('{');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}

/** A matcher for a spec path (`/conversation/{id}`): one capture group per parameter, an optional trailing slash. */
export function pathPattern(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) => (seg.startsWith('{') ? '([^/]+)' : seg.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}

/** What a method and path (relative to the base path) go to. */
export type RouteMatch =
  /** `params` is undefined when one of them has a malformed percent-escape (`/conversation/%ff`): the operation's 400. */
  | { kind: 'operation'; op: OperationInfo; params: Record<string, string> | undefined }
  /** The path exists, with other methods only: a 405 naming them. */
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

export type RouteMatcher = (method: string, path: string) => RouteMatch;

/**
 * Path → operation, the one matcher of the mock (the pipeline routes with it; tests use it to know which
 * operation a request reaches). Case-sensitive; a trailing slash is allowed; HEAD goes where GET goes.
 * Path parameters come back percent-decoded.
 */
export function createRouteMatcher(operations: readonly OperationInfo[]): RouteMatcher {
  // In the spec's order (the order a 405's Allow header names methods in).
  const routes = operations.map((op) => ({
    op,
    method: op.method.toUpperCase(),
    re: pathPattern(op.path),
    names: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
  }));
  // Candidates by method and first path segment, in specificity order: a request tests only the few routes that
  // can match it. A route whose first segment is a parameter is a candidate under every first segment, after
  // the literal ones (which is where specificity puts it anyway).
  const firstSegment = (path: string) => path.slice(1, (path.indexOf('/', 1) + 1 || path.length + 1) - 1);
  type Group = { literal: Map<string, typeof routes>; anyFirst: typeof routes };
  const byMethod = new Map<string, Group>();
  for (const route of [...routes].sort((a, b) => byRouteSpecificity(a.op, b.op))) {
    const group: Group = byMethod.get(route.method) ?? { literal: new Map(), anyFirst: [] };
    byMethod.set(route.method, group);
    const first = firstSegment(route.op.path);
    if (first.startsWith('{')) group.anyFirst.push(route);
    else group.literal.set(first, [...(group.literal.get(first) ?? []), route]);
  }
  const candidates = (method: string, path: string): typeof routes => {
    const group = byMethod.get(method);
    if (!group) return [];
    const literal = group.literal.get(firstSegment(path)) ?? [];
    return group.anyFirst.length === 0 ? literal : [...literal, ...group.anyFirst];
  };
  return (method, path) => {
    const wanted = method === 'HEAD' ? 'GET' : method;
    for (const route of candidates(wanted, path)) {
      const m = route.re.exec(path);
      if (!m) continue;
      let params: Record<string, string> | undefined = Object.create(null) as Record<string, string>;
      try {
        for (const [i, name] of route.names.entries()) params[name] = decodeURIComponent(m[i + 1]!);
      } catch {
        params = undefined;
      }
      return { kind: 'operation', op: route.op, params };
    }
    const allowed = new Set(routes.filter((r) => r.method !== wanted && r.re.test(path)).map((r) => r.method));
    return allowed.size ? { kind: 'wrong-method', allowed: [...allowed] } : { kind: 'not-found' };
  };
}

/** The operation a method and path (relative to the base path) reach, if any: the matcher above, reduced. */
export function routeMatcher(operations: readonly OperationInfo[]): (method: string, path: string) => OperationInfo | undefined {
  const match = createRouteMatcher(operations);
  return (method, path) => {
    const hit = match(method.toUpperCase(), path);
    return hit.kind === 'operation' ? hit.op : undefined;
  };
}
