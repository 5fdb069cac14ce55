/**
 * JSON Pointers (RFC 6901), the one home of their escaping: `~` is written `~0` and `/` is written `~1`
 * inside a token. Error locations (Ajv's instancePath), the contract kit's read-back checks and `$ref`s
 * into the spec's components all go through these.
 */

/** A key as a pointer token: `a/b` → `a~1b`. */
export function escapeToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A pointer token as the key it names: `a~1b` → `a/b`. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The keys a pointer walks through: `/items/0/a~1b` → `['items', '0', 'a/b']`; `''` (the whole value) → `[]`. */
export function pointerKeys(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeToken);
}

/** The pointer to a key inside the value `pointer` points at. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapeToken(key)}`;
}

/**
 * The value a pointer points at, or undefined. Own properties only: a key named `constructor` or
 * `__proto__` never reaches Object.prototype.
 */
export function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const key of pointerKeys(pointer)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A pointer as people write a field: `/messageData/text` → `messageData.text`; `/items/0/name` → `items[0].name`. */
export function dotted(pointer: string): string {
  return pointerKeys(pointer).reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

export type ComponentSection = 'schemas' | 'responses';

/** `#/components/schemas/Contact` → `Contact`; undefined for a reference to anything else. */
export function componentName(ref: string, section: ComponentSection = 'schemas'): string | undefined {
  const prefix = `#/components/${section}/`;
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  return rest && !rest.includes('/') ? unescapeToken(rest) : undefined;
}

/**
 * What a `$ref` names among `components` (e.g. `doc.components.schemas`), or undefined when it names
 * nothing there (another section, a deeper pointer, an unknown or inherited name such as `constructor`).
 */
export function componentAt<T>(components: Readonly<Record<string, T>> | undefined, ref: string, section: ComponentSection = 'schemas'): T | undefined {
  const name = componentName(ref, section);
  return name === undefined || !components || !Object.hasOwn(components, name) ? undefined : components[name];
}
