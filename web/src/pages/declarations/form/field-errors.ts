import { createContext, useContext } from 'react';
import type { FieldError } from '../../../../../common/error-codes.ts';
import { formNameOf } from './record-form-values.ts';

/**
 * Field errors of the declaration, keyed by form name path (JSON of ['family', 'ownSide', 0,
 * 'fullName']). They live here rather than in antd's form state because antd keeps errors only
 * on fields that are rendered, and most tabs are not rendered until opened.
 */
export type FieldErrorMap = ReadonlyMap<string, string[]>;

export const FieldErrorsContext = createContext<FieldErrorMap>(new Map());

export function nameKey(name: ReadonlyArray<string | number>): string {
  return JSON.stringify(name);
}

export function errorMapOf(errors: readonly FieldError[]): FieldErrorMap {
  const map = new Map<string, string[]>();
  for (const error of errors) {
    const key = nameKey(formNameOf(error.field));
    const messages = map.get(key) ?? [];
    if (!messages.includes(error.message)) messages.push(error.message);
    map.set(key, messages);
  }
  return map;
}

/** Returns the messages for one field, or none. */
export function useFieldErrors(name: ReadonlyArray<string | number>): string[] | undefined {
  return useContext(FieldErrorsContext).get(nameKey(name));
}
