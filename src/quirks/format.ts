/** The quirks table in words: `wapikit-mock quirks` prints `quirksListing`, the README holds `quirksMarkdown`. */
import { operationsOf, QUIRKS } from './table.js';

export function quirksListing(): string {
  const lines = QUIRKS.map((q) => `${q.name}\n  operation: ${operationsOf(q)}\n  the server: ${q.does}\n  API-FACTS:  ${q.reference}\n`);
  return `${QUIRKS.length} departures of the Feb-2025 server from its spec, off by default.\n`
    + 'Turn on all with --profile server, or some with --quirks a,b.\n\n'
    + lines.join('\n');
}

/** A Markdown table of the entries, as README.md shows it (a test keeps the two identical). */
export function quirksMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| Quirk | Operation | What the server does | API-FACTS |',
    '|---|---|---|---|',
    ...QUIRKS.map((q) => `| \`${q.name}\` | ${cell(typeof q.operations === 'string' ? q.operations : q.operations.map((o) => `\`${o}\``).join(', '))} | ${cell(q.does)} | ${q.reference} |`),
  ].join('\n');
}
