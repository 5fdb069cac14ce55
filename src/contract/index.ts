/** The contract-test kit: check a Wapikit deployment (or this project's mock) against openapi/wapikit.yaml. */
export { runContract, selectOperations, isReadOperation, UsageError, SetupError, DEFAULT_TIMEOUT_MS, type ContractOptions } from './run-contract.js';
export { runContractCli, EXIT, type CliIo } from './cli.js';
export { formatReport, formatConsole, formatJson, formatJunit, REPORTERS, type ReporterName } from './reporters/index.js';
export { Redactor } from './redact.js';
export { PROFILE_CAPABILITIES } from './types.js';
export type { Capabilities, CaseKind, CaseResult, ContractReport, OperationResult, Outcome, ReportSummary, TargetProfile } from './types.js';
