/**
 * The JUnit report: one test suite per tag, one test case per operation of the spec (so CI systems show every
 * operation), a failure listing its violations, and skipped cases carrying their reason in system-out.
 */
import { createRequire } from 'node:module';
import type { Builder } from 'junit-report-builder';
import type { ContractReport, OperationResult } from '../types.js';
import { anonymousNotice } from './notice.js';

// junit-report-builder is CommonJS (`module.exports = builder`) while its types declare an ES default export,
// so an `import` is typed as the module object yet is the builder at run time: load it as what it is.
const junit: Builder = createRequire(import.meta.url)('junit-report-builder');

function failureText(o: OperationResult): string {
  return o.cases
    .filter((c) => c.outcome === 'fail')
    .flatMap((c) => c.violations.map((v) => `${c.name}${c.request ? ` (${c.request}${c.status !== undefined ? ` → ${c.status}` : ''})` : ''}: ${v.message}`))
    .join('\n');
}

function output(o: OperationResult): string {
  const lines = o.cases.map((c) => `${c.outcome.toUpperCase()} ${c.name}${c.request ? ` (${c.request}${c.status !== undefined ? ` → ${c.status}` : ''})` : ''}${c.reason ? ` — ${c.reason}` : ''}`);
  if (o.outcome === 'skipped') lines.unshift(`skipped: ${o.reason ?? 'not exercised'}`);
  lines.push(`documented statuses seen: ${o.seenStatuses.join(', ') || 'none'} of ${o.documentedStatuses.join(', ')}`);
  return lines.join('\n');
}

export function formatJunit(report: ContractReport): string {
  const builder = junit.newBuilder();
  const notice = anonymousNotice(report);
  builder.name(`wapikit contract (${report.target.baseUrl})${notice ? ` — ${notice}` : ''}`);
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const o of report.operations) {
    const tag = o.tags[0] ?? 'untagged';
    let suite = suites.get(tag);
    if (!suite) {
      suite = builder.testSuite().name(tag).timestamp(report.startedAt);
      suites.set(tag, suite);
    }
    const seconds = o.cases.reduce((n, c) => n + (c.durationMs ?? 0), 0) / 1000;
    const tc = suite.testCase().className(`wapikit.${tag.replace(/\s+/g, '')}`).name(o.operationId).time(seconds).property('request', `${o.method} ${o.path}`);
    if (o.outcome === 'fail') {
      const text = failureText(o);
      tc.failure(text.split('\n')[0], 'ContractViolation').stacktrace(text);
    } else if (o.outcome === 'skipped') {
      tc.skipped();
    }
    tc.standardOutput(output(o));
  }
  return builder.build();
}
