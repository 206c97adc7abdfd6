import { z } from 'zod';
import { limits } from '../limits.ts';
import { isoDate } from './common.ts';

// Field types of the personnel record (see record.ts): text without markup, names, personal ID
// numbers, months, catalog codes, money, coefficients and repeating tables.

const MARKUP = /<\s*[a-z!/?]|&#|javascript:/i;
/** Whether the text holds a control character other than tab, line feed and carriage return. */
function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Free text of at most `max` characters, without markup or control characters. */
export function safeText(max: number) {
  return z
    .string({ error: 'Phải là một đoạn chữ.' })
    .max(max, `Không quá ${max} ký tự.`)
    .refine((value) => !MARKUP.test(value), 'Không được chứa thẻ HTML hoặc mã script.')
    .refine((value) => !hasControlCharacter(value), 'Có ký tự điều khiển không hợp lệ.');
}

export const SHORT = 300;
export const LONG = 4000;
export const MAX_ROWS = 100;

export const shortText = safeText(SHORT).nullish();
export const longText = safeText(LONG).nullish();
export const date = isoDate.nullish();

/** A person's name: letters (with Vietnamese marks), spaces, dot, hyphen and apostrophe. */
export const personName = z
  .string({ error: 'Phải là một đoạn chữ.' })
  .trim()
  .min(1, 'Hãy nhập họ và tên.')
  .max(limits.personNameMaxLength, `Không quá ${limits.personNameMaxLength} ký tự.`)
  .regex(
    /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u,
    'Chỉ gồm chữ cái, dấu cách, dấu chấm, dấu gạch ngang và dấu nháy đơn.',
  );

export const personalIdNumber = z
  .string({ error: 'Phải là một dãy chữ số.' })
  .regex(/^[0-9]{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số.');

/** A month as YYYY-MM, for the "từ tháng/năm – đến tháng/năm" columns of the forms. */
export const monthYear = z
  .string({ error: 'Phải có dạng năm-tháng.' })
  .regex(/^[12][0-9]{3}-(0[1-9]|1[0-2])$/, 'Tháng/năm phải có dạng YYYY-MM, ví dụ 2015-09.');

/** A catalog code (ngạch, dân tộc, trình độ …); whether it exists on a date is checked on submit. */
export const catalogCode = z
  .string({ error: 'Phải là một mã danh mục.' })
  .trim()
  .min(1, 'Hãy chọn một giá trị.')
  .max(40, 'Mã danh mục không quá 40 ký tự.')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã danh mục chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.');

export const code = catalogCode.nullish();
export const money = z
  .number({ error: 'Phải là một số.' })
  .int('Số tiền phải là số nguyên (đồng).')
  .min(0, 'Không được âm.')
  .max(1e12, 'Số tiền quá lớn.')
  .nullish();
const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
export const coefficient = z
  .number({ error: 'Phải là một số.' })
  .min(0, 'Không được âm.')
  .max(20, 'Không lớn hơn 20.')
  .refine(twoDecimals, 'Tối đa 2 chữ số thập phân.')
  .nullish();
export const percent = z
  .number({ error: 'Phải là một số.' })
  .min(0, 'Không được âm.')
  .max(100, 'Không lớn hơn 100.')
  .nullish();
export const rowId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Mã dòng không hợp lệ.')
  .optional();
export const rows = <T extends z.ZodRawShape>(shape: T) =>
  z
    .array(z.object({ rowId, ...shape }).strict())
    .max(MAX_ROWS, `Không quá ${MAX_ROWS} dòng.`)
    .default([]);
export const period = { from: monthYear.nullish(), to: monthYear.nullish() };
