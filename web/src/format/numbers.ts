import { currentLanguage } from '../i18n/index.ts';

/** A whole number with the user's grouping (1.234 in Vietnamese, 1,234 in English). */
export function formatCount(value: number): string {
  return value.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'vi-VN');
}
