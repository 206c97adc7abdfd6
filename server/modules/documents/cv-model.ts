import { formatDateVi } from '../../../common/dates.ts';
import type { RecordData } from '../../../common/schemas/record.ts';

// The printable Sơ yếu lý lịch as a list of blocks, built from a record by cv-form-2c.ts or
// cv-form-2023.ts and turned into Word by cv-docx.ts. Keeping the item order here, apart from
// the layout, lets tests check the order without opening a file.

export const cvForms = ['2c', '2023'] as const;
export type CvForm = (typeof cvForms)[number];

export interface CvPart {
  label: string;
  value: string;
}

export type CvBlock =
  /** A numbered item with one or more labelled values on one line, e.g. "3) Sinh ngày …; Giới tính: …". */
  | { kind: 'item'; number: string; parts: CvPart[] }
  /** A numbered heading whose content follows in the next blocks. */
  | { kind: 'heading'; number: string; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'text'; text: string };

export interface CvDocument {
  form: CvForm;
  /** Printed with a "BẢN NHÁP" mark: a declaration that is not approved yet. */
  draft: boolean;
  formMark: string | null;
  headerLines: CvPart[];
  title: string;
  photoLabel: string;
  blocks: CvBlock[];
  declarantName: string;
  signerTitle: string;
}

/** Names that the record stores as codes or ids, resolved for printing. */
export interface CvNames {
  ethnicity: string | null;
  religion: string | null;
  generalEducation: string | null;
  professionalLevel: string | null;
  academicTitle: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  itLevel: string | null;
  rank: string | null;
  /** Foreign language level names by code. */
  languageLevels: Record<string, string>;
  birthPlace: string | null;
  hometown: string | null;
  permanentResidence: string | null;
  currentResidence: string | null;
  agency: string | null;
  division: string | null;
}

export interface CvInput {
  data: RecordData;
  names: CvNames;
  draft: boolean;
}

export function text(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

export function dateVi(iso: string | null | undefined): string {
  return formatDateVi(iso);
}

/** 'YYYY-MM' as the forms write it, 'MM/YYYY'. */
export function monthVi(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month] = value.split('-');
  return `${month}/${year}`;
}

/** Formats a "từ – đến" period; an open end of a current row reads "nay". */
export function periodVi(
  from: string | null | undefined,
  to: string | null | undefined,
  openEnd = 'nay',
): string {
  if (!from && !to) return '';
  return `${monthVi(from)} - ${to ? monthVi(to) : openEnd}`;
}

/** Formats a coefficient with a decimal comma and two decimals, as pay documents print it (2,34). */
export function coefficientVi(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.toFixed(2).replace('.', ',');
}

/** Formats an amount in đồng with dot separators (5.475.600). */
export function moneyVi(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString('vi-VN');
}

export function percentVi(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${String(value).replace('.', ',')}%`;
}

export function genderVi(gender: RecordData['identity']['gender']): string {
  if (gender === 'male') return 'Nam';
  if (gender === 'female') return 'Nữ';
  return '';
}

/** "Sinh ngày 05 tháng 03 năm 1980", with blanks for a missing date. */
export function birthDateVi(iso: string | null | undefined): string {
  if (!iso) return 'Sinh ngày … tháng … năm …';
  const [year, month, day] = iso.split('-');
  return `Sinh ngày ${day} tháng ${month} năm ${year}`;
}

export function upperVi(value: string): string {
  return value.toLocaleUpperCase('vi-VN');
}

export function joinNonEmpty(values: Array<string | null | undefined>, separator = ', '): string {
  return values.filter((value): value is string => Boolean(value?.trim())).join(separator);
}
