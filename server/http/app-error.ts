import { type ErrorCode, errorCatalog, type FieldError } from '../../common/error-codes.ts';

/**
 * A failure that services raise for the client to see. The HTTP status comes from the error
 * catalog, so domain code never picks a status itself.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, options: { message?: string; fields?: FieldError[]; cause?: unknown } = {}) {
    super(options.message ?? errorCatalog[code].vi, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/** Raises VALIDATION_FAILED for one field, with a Vietnamese message that says what to fix. */
export function fieldError(field: string, label: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `${label}: ${message}`,
    fields: [{ field, label, message }],
  });
}
