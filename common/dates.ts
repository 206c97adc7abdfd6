// Calendar dates are handled as 'YYYY-MM-DD' strings in the province's time zone, so that a date
// never shifts by a day between the browser, the server and the database.
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const isoFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROVINCE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return isoFormatter.format(now);
}

/** Formats YYYY-MM-DD as dd/mm/yyyy, the way Vietnamese forms write dates. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Parses dd/mm/yyyy (four-digit year) into YYYY-MM-DD, or returns null if it is not a real date. */
export function parseDateVi(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
