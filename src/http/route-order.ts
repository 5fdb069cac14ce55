import type { OperationInfo } from '../spec/index.js';

/**
 * Orders operations so that literal path segments are registered before parameters at the same depth:
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

/** A matcher for a spec path, used to tell "wrong method" (405) from "no such route" (404). */
export function pathPattern(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) => (seg.startsWith('{') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}
