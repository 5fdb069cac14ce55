/** The JSON report: the run's report object as is (it holds no secrets), for tools. */
import type { ContractReport } from '../types.js';

export function formatJson(report: ContractReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
