import dayjs, { type Dayjs } from 'dayjs';

export { formatDateVi as formatDate } from '../../../common/dates.ts';

/** The one date format on screen, in both languages: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A YYYY-MM-DD string as a dayjs value for antd's DatePicker. */
export function dayjsOfIso(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const value = dayjs(iso.slice(0, 10));
  return value.isValid() ? value : null;
}

/** A DatePicker value as YYYY-MM-DD, the form the API takes. */
export function isoOfDayjs(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}
