import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, describeError, namePathOf } from '../../api/errors.ts';

/**
 * Shows a failed save on an antd form and returns the text for the alert above it. The server's
 * field errors go under their fields. An error whose code concerns one field but that arrives
 * without field details (UNIT_PARENT_INVALID names no field) goes under the field that
 * `fieldOfCode` names for its code. Field errors the form has no field for are added to the text.
 */
export function showFormFailure(
  form: FormInstance,
  error: unknown,
  fieldOfCode: Readonly<Record<string, string>> = {},
): string {
  const unmatched = applyFieldErrors(form, error);
  const message = describeError(error);

  if (error instanceof ApiError && error.fields.length === 0) {
    const field = fieldOfCode[error.code];
    if (field) form.setFields([{ name: namePathOf(field), errors: [message] }]);
  }

  return [message, ...unmatched.map((field) => `${field.label}: ${field.message}`)].join(' ');
}
