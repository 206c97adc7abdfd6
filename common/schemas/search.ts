import { z } from 'zod';
import { limits } from '../limits.ts';
import { searchTextMaxLength } from './search-limits.ts';

export { searchTextMaxLength };

const unitIdField = z.coerce.number().int().positive();
const catalogCodeField = z
  .string()
  .trim()
  .max(40, 'Mã danh mục không quá 40 ký tự.')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã danh mục chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.');

/**
 * One search box: words of a name (tone marks optional, đ typed as d), an employee code, or a
 * whole 12-digit personal ID number. Unit and grade narrow the result.
 */
export const searchFilter = z.object({
  q: z.string().trim().max(searchTextMaxLength, `Từ khóa không quá ${searchTextMaxLength} ký tự.`).optional(),
  unitId: unitIdField.optional(),
  rankCode: catalogCodeField.optional(),
});
export type SearchFilter = z.infer<typeof searchFilter>;

export const searchQuery = searchFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** One person in a list: search results, statistics drill-downs and their exports. */
export const personSummary = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  employeeCode: z.string().nullable(),
  /** Masked to the last 4 digits unless the viewer's role needs the whole number. */
  personalIdNumber: z.string().nullable(),
  agencyId: z.number().nullable(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  divisionId: z.number().nullable(),
  divisionName: z.string().nullable(),
  employmentType: z.enum(['cadre', 'civil_servant', 'public_employee']).nullable(),
  rankCode: z.string().nullable(),
  rankName: z.string().nullable(),
  positionName: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const personSummaryPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** True when personalIdNumber contains whole numbers, false when they are masked. */
  fullIdNumbers: z.boolean(),
  items: z.array(personSummary),
});
export type PersonSummaryPage = z.infer<typeof personSummaryPage>;
