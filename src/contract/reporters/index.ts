import type { ContractReport } from '../types.js';
import { formatConsole } from './console.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';

export const REPORTERS = { console: formatConsole, json: formatJson, junit: formatJunit } as const;
export type ReporterName = keyof typeof REPORTERS;

export function formatReport(report: ContractReport, reporter: ReporterName): string {
  return REPORTERS[reporter](report);
}

export { formatConsole, formatJson, formatJunit };
