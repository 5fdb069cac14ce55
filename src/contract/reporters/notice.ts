/** The warning every reporter carries when a run checked only the operations that need no token. */
import type { ContractReport } from '../types.js';

export function anonymousNotice(report: ContractReport): string | undefined {
  if (!report.anonymous) return undefined;
  const { exercised, notCheckedForCredentials } = report.summary;
  return `ANONYMOUS RUN: only the ${exercised} operations that need no token were checked; ${notCheckedForCredentials} read operations that need a token were NOT checked`;
}
