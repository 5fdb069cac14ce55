/**
 * Which parsed documents are the bundled spec (openapi/wapikit.yaml, read through its JSON copy or imported
 * as a module): only those may use the validators compiled at build time. Marked by identity where they are
 * made (load-spec.ts, bundled-doc.ts); a copy or any other document is compiled at run time. Documents are
 * treated as read-only, and a test keeps src/generated/validators.ts in step with the spec.
 */
const bundled = new WeakSet<object>();

export function markBundledDocument(doc: object): void {
  bundled.add(doc);
}

export function isBundledDocument(doc: object): boolean {
  return bundled.has(doc);
}
