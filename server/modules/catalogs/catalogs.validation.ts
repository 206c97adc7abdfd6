import type { FastifyError } from 'fastify';
import type { z } from 'zod';
import { type ErrorCode, errorCatalog, type FieldError } from '../../../common/error-codes.ts';
import { type CatalogName, catalogAttributeSchemas } from '../../../common/schemas/catalogs.ts';
import { AppError } from '../../http/app-error.ts';

// Catalog forms reuse short field names (code, name) that other modules label differently, so
// catalog routes attach validation errors and name the fields with these labels instead.
export const catalogFieldLabels: Record<string, string> = {
  catalog: 'Danh mục',
  code: 'Mã',
  name: 'Tên',
  validFrom: 'Ngày bắt đầu hiệu lực',
  validTo: 'Ngày hết hiệu lực',
  legalBasis: 'Căn cứ pháp lý',
  legalDocumentNumber: 'Số văn bản',
  legalDocumentDate: 'Ngày ban hành văn bản',
  status: 'Tình trạng',
  notes: 'Ghi chú',
  sortOrder: 'Thứ tự',
  rowVersion: 'Phiên bản dữ liệu',
  attributes: 'Thuộc tính',
  onDate: 'Ngày áp dụng',
  q: 'Từ khóa tìm kiếm',
  includeEnded: 'Gồm cả mục đã hết hiệu lực',
  limit: 'Số dòng tối đa',
  field: 'Trường cần bổ sung',
  proposedCode: 'Mã đề nghị',
  proposedValue: 'Giá trị đề nghị',
  note: 'Ghi chú',
  unitId: 'Đơn vị',
  resolutionNote: 'Ý kiến xử lý',
  id: 'Mã',
  // Attributes of the catalogs.
  'attributes.field': 'Lĩnh vực',
  'attributes.salaryTable': 'Bảng lương',
  'attributes.salaryGroup': 'Nhóm lương',
  'attributes.stepCount': 'Số bậc',
  'attributes.firstCoefficient': 'Hệ số bậc 1',
  'attributes.lastCoefficient': 'Hệ số bậc cuối',
  'attributes.sector': 'Lĩnh vực',
  'attributes.rank': 'Hạng',
  'attributes.groupLabel': 'Tên nhóm lương',
  'attributes.step': 'Bậc',
  'attributes.coefficient': 'Hệ số',
  'attributes.amount': 'Mức lương cơ sở (đồng/tháng)',
  'attributes.kind': 'Loại',
  'attributes.intervalMonths': 'Thời gian nâng bậc (tháng)',
  'attributes.overFrameWaitMonths': 'Thời gian giữ bậc cuối trước khi hưởng vượt khung (tháng)',
  'attributes.overFrameFirstPercent': 'Phần trăm vượt khung lần đầu',
  'attributes.overFrameYearlyPercent': 'Phần trăm vượt khung tăng mỗi năm',
  'attributes.level': 'Cấp',
  'attributes.unitType': 'Loại đơn vị',
  'attributes.position': 'Chức vụ',
  'attributes.area': 'Địa bàn',
  'attributes.code1979': 'Mã theo QĐ 121-TCTK (1979)',
  'attributes.otherName': 'Tên gọi khác',
  'attributes.codeSystem': 'Hệ mã',
  'attributes.recognisedByState': 'Được Nhà nước công nhận',
  'attributes.equivalence': 'Tương đương',
  'attributes.formedFrom': 'Hình thành từ',
  'attributes.provinceCode': 'Mã tỉnh',
  'attributes.gender': 'Giới tính',
  'attributes.year': 'Năm',
  'attributes.ageYears': 'Tuổi (năm)',
  'attributes.ageMonths': 'Tuổi (tháng)',
  'attributes.birthYear': 'Năm sinh',
  'attributes.birthMonth': 'Tháng sinh',
  'attributes.reachMonth': 'Tháng đủ tuổi',
  'attributes.pensionStartMonth': 'Tháng bắt đầu hưởng lương hưu',
};

export function catalogLabelFor(path: string): string {
  return catalogFieldLabels[path] ?? catalogFieldLabels[path.split('.').pop() ?? path] ?? path;
}

function failure(fields: FieldError[], code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  const summary = fields.map((field) => `${field.label}: ${field.message}`).join('; ');
  return new AppError(code, { message: `${errorCatalog[code].vi} ${summary}`.trim(), fields });
}

/** Turns a request validation error that a catalog route attached into a 400 with catalog labels. */
export function catalogRequestError(error: FastifyError): AppError {
  const issues = error.validation ?? [];
  const fields = issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field =
      path || (issue.params as { missingProperty?: string } | undefined)?.missingProperty || 'body';
    return { field, label: catalogLabelFor(field), message: issue.message ?? 'Giá trị không hợp lệ' };
  });
  return failure(
    fields.length > 0 ? fields : [{ field: 'body', label: 'Dữ liệu gửi lên', message: error.message }],
  );
}

/** Checks attributes against the catalog's schema and returns them cleaned, or raises a 400 naming each field. */
export function parseAttributes(catalog: CatalogName, attributes: unknown): Record<string, unknown> {
  const schema: z.ZodType = catalogAttributeSchemas[catalog];
  const result = schema.safeParse(attributes ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  const fields = result.error.issues.map((issue) => {
    const field = ['attributes', ...issue.path.map(String)].join('.');
    return { field, label: catalogLabelFor(field), message: issue.message };
  });
  throw failure(fields);
}
