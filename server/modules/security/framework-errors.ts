import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../../http/error-handler.ts';

// Messages for the two router errors that Fastify raises before any route or error handler runs.
const ROUTER_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    message: 'Đường dẫn chứa ký tự mã hóa sai (dấu % không đúng quy cách). Hãy kiểm tra lại đường dẫn.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    message: 'Một giá trị trong đường dẫn dài quá 100 ký tự. Hãy kiểm tra lại đường dẫn.',
  },
};

/**
 * Answers the router's own errors (a malformed percent-encoding, a path value over the length
 * limit) in the catalog's shape, as Fastify's `frameworkErrors` option. Without it Fastify sends
 * its own body with a FST_ code that the client cannot show.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = ROUTER_ERRORS[error.code];
  if (known) {
    void sendError(reply, request, 'BAD_REQUEST', { message: known.message }, known.status);
    return;
  }
  request.log.warn({ err: { message: error.message, code: error.code } }, 'framework error');
  void sendError(
    reply,
    request,
    'BAD_REQUEST',
    {},
    error.statusCode && error.statusCode < 500 ? error.statusCode : 400,
  );
}
