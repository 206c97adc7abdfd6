import type { FormInstance } from 'antd';
import { type ErrorCode, errorCatalog } from '../../../common/error-codes.ts';
import { currentLanguage, i18next } from '../i18n/index.ts';
import { ApiError } from './client.ts';

function isCatalogCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}

/**
 * The message to show for a failed call, in the user's language. In Vietnamese the server's own
 * message is shown, because services often give a more precise one than the catalog (naming the
 * unit code or the rule broken). In English the catalog's message for the code is shown. An
 * unknown code keeps the server's Vietnamese message, so nothing a newer server says is lost.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return i18next.t('common:errors.unexpected');
  if (error.code === 'NETWORK_ERROR') return i18next.t('common:errors.network');
  if (error.code === 'UNEXPECTED_RESPONSE')
    return i18next.t('common:errors.unexpectedResponse', { status: error.status });
  if (!isCatalogCode(error.code)) return error.message;
  return currentLanguage() === 'vi'
    ? error.message || errorCatalog[error.code].vi
    : errorCatalog[error.code].en;
}

/** Turns a server field path ("items/0/name" or "items.0.name") into an antd name path. */
export function namePathOf(field: string): Array<string | number> {
  return field
    .split(/[/.]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows the server's field errors under the matching fields of an antd form (several messages for
 * one field are listed together). Returns the errors for fields the form does not have, which the
 * caller should show elsewhere.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): ApiError['fields'] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];

  const formFields = new Set(form.getFieldsError().map((entry) => JSON.stringify(entry.name)));
  const messagesByField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const unmatched: ApiError['fields'] = [];

  for (const fieldError of error.fields) {
    const name = namePathOf(fieldError.field);
    const key = JSON.stringify(name);
    if (!formFields.has(key)) {
      unmatched.push(fieldError);
      continue;
    }
    const entry = messagesByField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(fieldError.message)) entry.errors.push(fieldError.message);
    messagesByField.set(key, entry);
  }

  form.setFields([...messagesByField.values()]);
  return unmatched;
}
