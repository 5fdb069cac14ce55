/**
 * How deeply a parsed JSON value nests, checked without recursion. JSON.parse accepts any depth, but the
 * validators, the error messages and the domain walk values recursively: a body nested thousands of levels
 * deep would overflow the stack there (a 500). Bodies are refused at this limit, before anything else reads them.
 */

/** Deepest nesting of arrays and objects accepted in a JSON request body (`[[1]]` is 2 levels). */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays or objects more than `limit` levels deep. Stops at the first such path. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The 400 message for a body nested too deeply. */
export function tooDeepMessage(what: string, limit: number = MAX_JSON_DEPTH): string {
  return `${what} is nested deeper than the ${limit} levels of arrays and objects this server accepts`;
}
