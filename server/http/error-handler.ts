import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, type ErrorCode, errorCatalog, type FieldError } from '../../common/error-codes.ts';
import { AppError } from './app-error.ts';
import { labelFor } from './field-labels.ts';

// Driver and server states that mean the database cannot be reached right now.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /connect ECONNREFUSED/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string } | undefined;
  if (!candidate) return false;
  if (candidate.code && UNAVAILABLE_CODES.has(candidate.code)) return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message ?? ''));
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, extra: Partial<ErrorBody> = {}, status?: number) {
  const body: ErrorBody = { code, message: errorCatalog[code].vi, ...extra, requestId: request.id };
  return reply.status(status ?? errorCatalog[code].status).send(body);
}

function validationFields(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((issue) => {
    const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    const path = issue.instancePath.replace(/^\//, '');
    const field = path || (issue.params as { missingProperty?: string } | undefined)?.missingProperty || context;
    return { field, label: labelFor(field), message: issue.message ?? 'Giá trị không hợp lệ' };
  });
}

/**
 * Maps every error to the catalog: domain errors keep their code, request validation names each
 * field, an unreachable database answers 503, and anything else is logged with the request id
 * and answered 500 without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(reply, request, error.code, { message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }

    if (hasZodFastifySchemaValidationErrors(error) || error.code === 'FST_ERR_VALIDATION') {
      const fields = validationFields(error);
      const summary = fields.map((field) => `${field.label}: ${field.message}`).join('; ');
      return sendError(reply, request, 'VALIDATION_FAILED', {
        message: `${errorCatalog.VALIDATION_FAILED.vi} ${summary}`.trim(),
        fields,
      });
    }

    if (error.statusCode === 429) return sendError(reply, request, 'RATE_LIMITED');

    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { message: error.message, code: error.code } }, 'database unavailable');
      return sendError(reply, request, 'DATABASE_UNAVAILABLE');
    }

    if ((error as { code?: string }).code === '23505') {
      request.log.warn({ err: { message: error.message } }, 'unique violation not handled by a service');
      return sendError(reply, request, 'CONFLICT');
    }

    // Fastify's own client errors (bad JSON, body too large, wrong content type) keep their status.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, request, 'BAD_REQUEST', {}, error.statusCode);
    }

    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
}
