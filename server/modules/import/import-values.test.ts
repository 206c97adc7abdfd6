import { describe, expect, it } from 'vitest';
import type { RawCell } from './import-cells.ts';
import { columnLetter, fieldOfHeader, normalizeHeader } from './import-headers.ts';
import { CodeLookup } from './import-lookups.ts';
import { parseDate, parseDecimal, parseGender, parseInteger, parsePersonalId } from './import-values.ts';

const text = (value: string): RawCell => ({ kind: 'text', text: value });
const number = (value: number): RawCell => ({ kind: 'number', value });

describe('parseDate', () => {
  it('reads dd/mm/yyyy by default and other separators', () => {
    expect(parseDate(text('15/06/1985'), 'dmy')).toEqual({ value: '1985-06-15' });
    expect(parseDate(text('5-6-1985'), 'dmy')).toEqual({ value: '1985-06-05' });
    expect(parseDate(text('05.06.1985'), 'dmy')).toEqual({ value: '1985-06-05' });
    expect(parseDate(text('15/06/1985 00:00:00'), 'dmy')).toEqual({ value: '1985-06-15' });
  });

  it('reads the declared month-first format', () => {
    expect(parseDate(text('06/15/1985'), 'mdy')).toEqual({ value: '1985-06-15' });
    expect(parseDate(text('06/15/1985'), 'dmy').error).toContain('không có thật');
  });

  it('takes a four-digit first part as the year', () => {
    expect(parseDate(text('1985-06-15'), 'dmy')).toEqual({ value: '1985-06-15' });
    expect(parseDate(text('15/06/1985'), 'ymd').error).toContain('yyyy-mm-dd');
  });

  it('rejects two-digit years', () => {
    const parsed = parseDate(text('15/06/85'), 'dmy');
    expect(parsed.error).toContain('không đủ 4 chữ số');
    expect(parsed.error).toContain('15/06/1985');
  });

  it('rejects dates that do not exist and plain numbers', () => {
    expect(parseDate(text('29/02/1990'), 'dmy').error).toContain('không có thật');
    expect(parseDate(text('29/02/1988'), 'dmy')).toEqual({ value: '1988-02-29' });
    expect(parseDate(number(31213), 'dmy').error).toContain('không phải ngày');
    expect(parseDate(text('hôm qua'), 'dmy').error).toContain('không phải là ngày');
  });

  it('takes real date cells as they are', () => {
    expect(parseDate({ kind: 'date', iso: '2023-07-01' }, 'mdy')).toEqual({ value: '2023-07-01' });
    expect(parseDate({ kind: 'date', iso: '1899-12-30' }, 'dmy').error).toContain('1900–2100');
  });
});

describe('numbers stored as text', () => {
  it('read decimal commas and points', () => {
    expect(parseDecimal(text('3,33'))).toEqual({ value: 3.33 });
    expect(parseDecimal(text('3.33'))).toEqual({ value: 3.33 });
    expect(parseDecimal(text('1.234,5'))).toEqual({ value: 1234.5 });
    expect(parseDecimal(text('5 %'))).toEqual({ value: 5 });
    expect(parseDecimal(text('ba')).error).toContain('không phải là số');
  });

  it('require whole numbers where the field is an integer', () => {
    expect(parseInteger(text('3'))).toEqual({ value: 3 });
    expect(parseInteger(text('3,5')).error).toContain('số nguyên');
  });
});

describe('parsePersonalId', () => {
  it('keeps text with its leading zero', () => {
    expect(parsePersonalId(text('044 185 000 111'))).toEqual({ value: '044185000111' });
  });

  it('puts back the zeros a number cell lost, with a warning', () => {
    const parsed = parsePersonalId(number(44185000111));
    expect(parsed.value).toBe('044185000111');
    expect(parsed.warning).toContain('Văn bản (Text)');
  });

  it('rejects old 9-digit numbers and short text', () => {
    expect(parsePersonalId(text('123456789')).error).toContain('9 chữ số');
    expect(parsePersonalId(text('44185000111')).error).toContain('chỉ có 11 chữ số');
  });
});

describe('headers', () => {
  it('match without accents, case, notes or NBSP', () => {
    expect(fieldOfHeader('NGÀY SINH (dd/mm/yyyy)')).toBe('birthDate');
    expect(fieldOfHeader('Ngày sinh'.normalize('NFD'))).toBe('birthDate');
    expect(fieldOfHeader('Họ\u00a0và\u00a0tên')).toBe('fullName');
    expect(fieldOfHeader('Số định danh cá nhân (*)')).toBe('personalIdNumber');
    expect(fieldOfHeader('Quê quán - Tỉnh, thành phố')).toBe('hometownProvince');
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
    expect(normalizeHeader('Chiều cao (cm)')).toBe('chieu cao');
  });

  it('name columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('CodeLookup', () => {
  const lookup = new CodeLookup('dân tộc', [
    { code: '01', name: 'Kinh', extra: null },
    { code: '02', name: 'Tày', extra: null },
  ]);
  const ranks = new CodeLookup('ngạch', [{ code: '01.003', name: 'Chuyên viên', extra: null }]);

  it('finds a code, a "code - name" choice or a name', () => {
    expect(lookup.resolve(text('02')).value?.code).toBe('02');
    expect(lookup.resolve(text('02 - Tày')).value?.code).toBe('02');
    expect(lookup.resolve(text('tay')).value?.code).toBe('02');
  });

  it('matches numbers back to the code Excel turned them from', () => {
    const ethnic = lookup.resolve(number(1));
    expect(ethnic.value?.code).toBe('01');
    expect(ethnic.warning).toContain('đã hiểu là mã 01');
    expect(ranks.resolve(number(1.003)).value?.code).toBe('01.003');
  });

  it('names the catalog when nothing matches', () => {
    expect(lookup.resolve(text('Mường')).error).toContain('danh mục dân tộc');
  });
});

describe('parseGender', () => {
  it('accepts Nam and Nữ in any case or accent', () => {
    expect(parseGender(text('NỮ'))).toEqual({ value: 'female' });
    expect(parseGender(text('nam'))).toEqual({ value: 'male' });
    expect(parseGender(text('x')).error).toContain('Nam hoặc Nữ');
  });
});
