import type { PersonSummary } from '../../../common/schemas/search.ts';
import type { ExcelColumn } from './excel-cells.ts';

const GENDER_LABELS = { male: 'Nam', female: 'Nữ' } as const;
const EMPLOYMENT_TYPE_LABELS = {
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
} as const;

/** Columns of every exported list of people (search, drill-down, an agency's people). */
export const personColumns: ExcelColumn<PersonSummary>[] = [
  { header: 'Họ và tên', width: 28, kind: 'text', value: (person) => person.fullName },
  {
    header: 'Giới tính',
    width: 9,
    kind: 'text',
    value: (person) => (person.gender ? GENDER_LABELS[person.gender] : null),
  },
  { header: 'Ngày sinh', width: 12, kind: 'date', value: (person) => person.birthDate },
  { header: 'Mã cán bộ', width: 14, kind: 'text', value: (person) => person.employeeCode },
  { header: 'Số định danh cá nhân', width: 18, kind: 'text', value: (person) => person.personalIdNumber },
  { header: 'Mã số đơn vị', width: 12, kind: 'text', value: (person) => person.agencyCode },
  { header: 'Cơ quan, đơn vị', width: 34, kind: 'text', value: (person) => person.agencyName },
  { header: 'Bộ phận, phòng', width: 30, kind: 'text', value: (person) => person.divisionName },
  {
    header: 'Loại',
    width: 11,
    kind: 'text',
    value: (person) => (person.employmentType ? EMPLOYMENT_TYPE_LABELS[person.employmentType] : null),
  },
  { header: 'Mã ngạch, chức danh', width: 14, kind: 'text', value: (person) => person.rankCode },
  { header: 'Ngạch, chức danh nghề nghiệp', width: 30, kind: 'text', value: (person) => person.rankName },
  { header: 'Chức vụ', width: 24, kind: 'text', value: (person) => person.positionName },
];
