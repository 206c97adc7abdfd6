import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../http/app-error.ts';
import { labelFor } from '../../http/field-labels.ts';

// Bounds the walk over a parsed body, so that a deeply nested document costs little to reject.
const MAX_DEPTH = 32;

/** Returns the path of the first string (key or value) that contains a NUL character, or null. */
export function findNulCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;

  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const itemPath = `${path}/${key.replaceAll('\u0000', '\\0')}`;
    if (key.includes('\u0000')) return itemPath;
    const found = findNulCharacter(item, itemPath, depth + 1);
    if (found) return found;
  }
  return null;
}

function rejectNulCharacters(request: FastifyRequest): void {
  const sources: Array<[string, unknown]> = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [source, value] of sources) {
    const path = findNulCharacter(value);
    if (!path) continue;
    const field = path === '/' ? source : path.replace(/^\//, '');
    throw fieldError(
      field,
      labelFor(field),
      'chứa ký tự NUL (mã 0), không lưu được. Hãy xóa ký tự đó rồi gửi lại.',
    );
  }
}

/**
 * Rejects requests whose parameters, query or body carry a NUL character. PostgreSQL text cannot
 * hold one, so such a value would otherwise fail inside a query and answer 500. Runs before the
 * route's own validation.
 */
export async function inputGuard(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    rejectNulCharacters(request);
  });
}
