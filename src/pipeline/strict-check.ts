import type { OperationInfo } from '../spec/operations.js';
import type { SpecValidators } from '../spec/validators.js';
import { unexpectedErrorReport, type FailedRequest } from './errors.js';

/**
 * The strict-response stage (--strict-responses): a JSON body that breaks `op`'s documented responses is
 * replaced by a 500 naming the violation, and reported to the error log as a bug of the mock.
 */
export function strictCheck(
  op: OperationInfo,
  reply: { status: number; body: unknown },
  validators: SpecValidators,
  where: FailedRequest,
  errorLog: (report: string) => void,
): { status: number; body: unknown } {
  const problems = validators.response(op, reply.status, 'application/json', reply.body);
  if (problems.length === 0) return reply;
  const body = `wapikit-mock sent a response that breaks the spec (${op.operationId} ${reply.status}): ${problems.map((p) => p.message).join('; ')}`;
  errorLog(unexpectedErrorReport(new Error(body), where));
  return { status: 500, body };
}
