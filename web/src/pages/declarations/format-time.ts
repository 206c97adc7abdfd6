import { currentLanguage } from '../../i18n/index.ts';

// Times show in the province's time zone, as the server's messages give them.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Formats an ISO timestamp as "14:05 20/11/2026". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
  const day = date.toLocaleDateString('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  });
  return `${time} ${day}`;
}

/** Formats an ISO timestamp as "14:05:09", for "đã lưu lúc …". */
export function formatTime(iso: string | Date): string {
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
  return new Date(iso).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: TIME_ZONE,
  });
}
