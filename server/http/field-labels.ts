// Vietnamese labels of request fields, used to name the field in validation messages. A field
// missing here is named by its path.
export const fieldLabels: Record<string, string> = {
  email: 'Thư điện tử công vụ',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  code: 'Mã số đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentId: 'Đơn vị cấp trên',
  validFrom: 'Ngày hiệu lực',
  effectiveDate: 'Ngày hiệu lực',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  displayName: 'Họ và tên',
  fullName: 'Họ và tên',
  homeUnitId: 'Đơn vị',
  unitId: 'Đơn vị',
  role: 'Vai trò',
  id: 'Mã',
  date: 'Ngày',
  asOf: 'Ngày xem số liệu',
  q: 'Từ khóa tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  rowVersion: 'Phiên bản phiếu',
  declarationId: 'Mã phiếu',
  decision: 'Quyết định (phê duyệt hoặc trả lại)',
  reason: 'Lý do trả lại',
  rankCode: 'Mã ngạch, chức danh',
  dimension: 'Tiêu chí thống kê',
  buckets: 'Nhóm số liệu',
  personId: 'Hồ sơ cán bộ',
  grantId: 'Mã vai trò được cấp',
  defaultPassword: 'Còn mật khẩu mặc định',
};

export function labelFor(path: string): string {
  const leaf = path.split('/').filter(Boolean).pop() ?? path;
  return fieldLabels[leaf] ?? leaf;
}
