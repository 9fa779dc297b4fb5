/**
 * Domain errors: what the rules in this lib throw. One exception filter elsewhere maps each code to an
 * HTTP status with an exhaustive switch; domain code never throws HTTP exceptions.
 */
export enum ErrorCode {
  Validation = 'validation',
  NotFound = 'not_found',
  Forbidden = 'forbidden',
  Unauthorized = 'unauthorized',
  Conflict = 'conflict',
  StaleVersion = 'stale_version',
  IllegalTransition = 'illegal_transition',
  MissingEvidence = 'missing_evidence',
  Duplicate = 'duplicate',
  IdempotencyMismatch = 'idempotency_mismatch',
  TooManyRequests = 'too_many_requests',
  Unprocessable = 'unprocessable',
}

/** One problem with one field, as it appears in the error body's `details`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
    // Keep `instanceof DomainError` true whatever the compile target.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A validation error about a single field; the message is both the error's and the detail's. */
export function validationError(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.Validation, message, [{ field, message }]);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
