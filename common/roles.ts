/** Roles that are granted on a unit and cover that unit and every unit below it. */
export const grantedRoles = ['approver', 'unit_admin', 'province_admin'] as const;
export type GrantedRole = (typeof grantedRoles)[number];

/**
 * Every role a route policy can name. `person` is not granted: an account holds it when it is
 * linked to a personnel record, and it reaches that record only.
 */
export const roles = ['person', ...grantedRoles] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  person: { vi: 'Cá nhân', en: 'Person' },
  approver: { vi: 'Người phê duyệt phiếu', en: 'Approver' },
  unit_admin: { vi: 'Quản trị viên đơn vị', en: 'Unit admin' },
  province_admin: { vi: 'Sở Nội vụ', en: 'Province admin' },
};

export const unitKinds = ['province', 'agency', 'division', 'holding_root', 'holding_group'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  agency: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
  division: { vi: 'Bộ phận, phòng', en: 'Division' },
  holding_root: { vi: 'Nhóm giảm tài khoản', en: 'Reduced accounts group' },
  holding_group: { vi: 'Nhóm lưu trữ', en: 'Holding group' },
};
