import { type SeededRandom, WeightedPicker } from '../../demo/random.ts';

// Shares and lists the demo record generator draws from, and its date helpers. The shares are
// rough estimates for a province like Quảng Trị, not statistics.

export const REFERENCE_DATE = '2026-01-01';

export const ethnicityProvince = new WeightedPicker<string>([
  ['01', 95],
  ['24', 3.5],
  ['27', 1.5],
]);
export const ethnicityCommune = new WeightedPicker<string>([
  ['01', 84],
  ['24', 11],
  ['27', 5],
]);
export const religions = new WeightedPicker<string>([
  ['99', 87],
  ['01', 7],
  ['02', 5],
  ['08', 1],
]);
export const professionalLevels = new WeightedPicker<string>([
  ['DH', 74],
  ['THS', 11],
  ['CD', 7],
  ['TC', 7],
  ['TS', 1],
]);
export const itLevels = new WeightedPicker<string>([
  ['CB', 78],
  ['NC', 6],
  ['A', 8],
  ['B', 8],
]);
export const languageLevels = new WeightedPicker<string>([
  ['BAC2', 40],
  ['BAC3', 45],
  ['BAC4', 12],
  ['BAC5', 3],
]);
export const qualityRatings = new WeightedPicker<'excellent' | 'good' | 'completed' | 'not_completed'>([
  ['good', 60],
  ['excellent', 24],
  ['completed', 15],
  ['not_completed', 1],
]);
// Grades: Chuyên viên chính or cao cấp for leaders; mostly Chuyên viên for staff.
export const leaderGrades = new WeightedPicker<string>([
  ['01.002', 80],
  ['01.001', 20],
]);
export const staffGrades = new WeightedPicker<string>([
  ['01.003', 74],
  ['01.002', 12],
  ['01.004', 10],
  ['01.005', 4],
]);
export const PARTY_SHARE = { leader: 0.96, cadre: 0.9, civil_servant: 0.52, public_employee: 0.32 } as const;
export const ETHNIC_LANGUAGES: Record<string, string> = {
  '24': 'Tiếng Bru-Vân Kiều',
  '27': 'Tiếng Tà-ôi (Pa Kô)',
};
export const POLITICAL_THEORY_DEGREES: Record<string, string> = {
  CC: 'Cao cấp lý luận chính trị',
  CN: 'Cử nhân chính trị',
  TC: 'Trung cấp lý luận chính trị',
  SC: 'Sơ cấp lý luận chính trị',
};
export const STATE_MANAGEMENT_GRADES: Record<string, string> = {
  CV: 'chuyên viên',
  CVC: 'chuyên viên chính',
  CVCC: 'chuyên viên cao cấp',
};
export const DEGREES: Record<string, string> = { THS: 'Thạc sĩ', TS: 'Tiến sĩ' };

export function politicalTheoryOf(isLeader: boolean, random: SeededRandom): string | null {
  if (isLeader) return random.chance(0.85) ? 'CC' : 'CN';
  if (random.chance(0.22)) return 'TC';
  return random.chance(0.45) ? 'SC' : null;
}

export function stateManagementOf(type: string, isLeader: boolean, random: SeededRandom): string | null {
  if (type === 'public_employee') return random.chance(0.15) ? 'CV' : null;
  if (isLeader) return random.chance(0.6) ? 'CVC' : 'CVCC';
  return random.chance(0.65) ? 'CV' : null;
}

export const institutions = [
  'Trường Đại học Luật, Đại học Huế',
  'Trường Đại học Kinh tế, Đại học Huế',
  'Trường Đại học Sư phạm, Đại học Huế',
  'Trường Đại học Y - Dược, Đại học Huế',
  'Trường Đại học Quảng Bình',
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Nông Lâm, Đại học Huế',
];
// Personal ID numbers start with the province where the birth was registered.
export const BIRTH_PROVINCES: Record<string, string> = {
  '044': '44',
  '045': '44',
  '046': '46',
  '042': '42',
  '040': '40',
  '001': '01',
  '079': '79',
};

export function addMonths(iso: string, months: number): string {
  const [year, month] = iso.split('-').map(Number);
  const total = year! * 12 + (month! - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${iso.slice(8, 10)}`.replace(
    /-(29|30|31)$/,
    '-28',
  );
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!);
}

export function maxDate(left: string, right: string): string {
  return left > right ? left : right;
}

export function minDate(left: string, right: string): string {
  return left < right ? left : right;
}
