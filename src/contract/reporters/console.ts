/**
 * The console report: one line per operation (PASS, FAIL or SKIP with the reason), each violation in plain words
 * under its operation, the checks that were skipped and why, then coverage.
 */
import type { CaseResult, ContractReport, OperationResult } from '../types.js';
import { anonymousNotice } from './notice.js';

const LABEL = { pass: 'PASS', fail: 'FAIL', skipped: 'SKIP' } as const;
const NOT_SELECTED = 'not selected by --only';
const notSelected = (o: OperationResult) => o.outcome === 'skipped' && o.reason === NOT_SELECTED;

function caseLine(c: CaseResult): string {
  const answer = c.status !== undefined ? ` → ${c.status}` : '';
  return `${c.name}${c.request ? ` (${c.request}${answer})` : ''}`;
}

function operationLines(o: OperationResult, width: number): string[] {
  const head = `${LABEL[o.outcome]}  ${o.operationId.padEnd(width)}  ${o.method} ${o.path}`;
  const lines = [o.outcome === 'skipped' ? `${head} — ${o.reason ?? 'not exercised'}` : head];
  for (const c of o.cases.filter((x) => x.outcome === 'fail')) {
    for (const v of c.violations) lines.push(`      ✗ ${caseLine(c)}: ${v.message}`);
  }
  if (o.outcome !== 'skipped') {
    const byReason = new Map<string, string[]>();
    for (const c of o.cases.filter((x) => x.outcome === 'skipped')) {
      const reason = c.reason ?? 'not run';
      byReason.set(reason, [...(byReason.get(reason) ?? []), c.name]);
    }
    for (const [reason, names] of byReason) lines.push(`      - skipped: ${names.join('; ')} — ${reason}`);
  }
  return lines;
}

export function formatConsole(report: ContractReport): string {
  const { target, summary } = report;
  const width = Math.max(...report.operations.map((o) => o.operationId.length));
  const mode = report.allowWrites ? 'writes allowed' : 'read-only';
  const notice = anonymousNotice(report);
  const lines = [
    ...(notice ? [notice] : []),
    `wapikit contract: ${report.spec.title} ${report.spec.version} against ${target.baseUrl} (${target.kind}, profile ${target.profile}${target.capabilities.stateful ? '' : ', stateless'}, ${mode})`,
    '',
    ...report.operations.filter((o) => !notSelected(o)).flatMap((o) => operationLines(o, width)),
    '',
  ];
  const unselected = report.operations.filter(notSelected).length;
  if (unselected) lines.splice(lines.length - 1, 0, `SKIP  ${unselected} more operation${unselected === 1 ? '' : 's'} — ${NOT_SELECTED}`);
  if (report.leftovers.length) {
    lines.push('Could not clean up:', ...report.leftovers.map((l) => `  - ${l}`), '');
  }
  if (report.problems.length) {
    lines.push('Problems:', ...report.problems.map((p) => `  - ${p}`), '');
  }
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '0%');
  lines.push(
    `Operations: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped; ${summary.violations} violation${summary.violations === 1 ? '' : 's'}.`,
    `Coverage: ${summary.exercised} of ${summary.operations} operations exercised (${pct(summary.exercised, summary.operations)}); ` +
      `${summary.seenDocumentedStatuses} of ${summary.documentedStatuses} documented statuses seen (${pct(summary.seenDocumentedStatuses, summary.documentedStatuses)}).`,
    `Took ${(report.durationMs / 1000).toFixed(1)} s.`,
    ...(notice ? [notice] : []),
  );
  return `${lines.join('\n')}\n`;
}
