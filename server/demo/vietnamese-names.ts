import { foldForSearch } from '../../common/vietnamese.ts';
import { type SeededRandom, WeightedPicker } from './random.ts';

// Generated Vietnamese personal names. Family names follow their approximate share of the
// population (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %, then Hoàng/Huỳnh, Phan, Võ/Vũ …).
// Hoàng and Võ outnumber Huỳnh and Vũ, as in central Vietnam. Middle and given names depend on
// gender, and "Văn" / "Thị" grow rarer in younger generations. Any match with a real person is chance.

export type Gender = 'male' | 'female';

// Weights are percentages of the population and add up to about 100.
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38.0],
  ['Trần', 11.0],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Hoàng', 3.6],
  ['Huỳnh', 1.5],
  ['Phan', 4.5],
  ['Võ', 2.6],
  ['Vũ', 1.3],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.6],
  ['Ngô', 1.5],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Trương', 0.9],
  ['Đinh', 0.8],
  ['Đoàn', 0.7],
  ['Hà', 0.6],
  ['Mai', 0.6],
  ['Cao', 0.6],
  ['Lương', 0.5],
  ['Đào', 0.4],
  ['Lưu', 0.4],
  ['Trịnh', 0.3],
  ['Thái', 0.3],
  ['Văn', 0.3],
  ['Vương', 0.3],
  ['Phùng', 0.3],
  ['Tô', 0.3],
  ['Chu', 0.3],
  ['Lâm', 0.2],
  ['Châu', 0.2],
  ['Tạ', 0.2],
  ['Kiều', 0.2],
  ['Lại', 0.2],
  ['Quách', 0.2],
  ['Triệu', 0.2],
  ['Thân', 0.2],
  ['Từ', 0.2],
  ['Đàm', 0.2],
  ['Tống', 0.2],
  ['Tôn', 0.1],
  ['Nghiêm', 0.1],
  ['Khúc', 0.1],
  ['Hứa', 0.1],
  ['Mạc', 0.1],
  ['Phí', 0.1],
  ['Giang', 0.1],
  ['Bạch', 0.1],
  ['Ông', 0.1],
];

const MALE_MIDDLE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Hữu', 6],
  ['Đức', 6],
  ['Quang', 6],
  ['Minh', 6],
  ['Công', 5],
  ['Xuân', 4],
  ['Ngọc', 4],
  ['Thanh', 5],
  ['Anh', 4],
  ['Đình', 4],
  ['Quốc', 4],
  ['Trọng', 3],
  ['Thành', 3],
  ['Tiến', 3],
  ['Duy', 3],
  ['Mạnh', 2],
  ['Viết', 2],
  ['Bá', 2],
  ['Hoài', 2],
  ['Nhật', 2],
  ['Gia', 2],
  ['Tuấn', 2],
];

const FEMALE_MIDDLE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Thu', 6],
  ['Ngọc', 6],
  ['Thanh', 5],
  ['Minh', 4],
  ['Hồng', 4],
  ['Phương', 3],
  ['Kim', 3],
  ['Bảo', 2],
  ['Khánh', 2],
  ['Hoài', 3],
  ['Diệu', 2],
  ['Thùy', 3],
  ['Mỹ', 3],
  ['Quỳnh', 2],
  ['Hải', 2],
  ['Lệ', 2],
  ['Hà', 2],
  ['Tuyết', 1],
];

const MALE_GIVEN_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['An', 3],
  ['Anh', 5],
  ['Bảo', 2],
  ['Bình', 3],
  ['Cường', 3],
  ['Dũng', 4],
  ['Duy', 2],
  ['Dương', 2],
  ['Đạt', 3],
  ['Đức', 3],
  ['Hải', 4],
  ['Hiếu', 3],
  ['Hòa', 3],
  ['Hoàng', 3],
  ['Hùng', 5],
  ['Huy', 4],
  ['Hưng', 3],
  ['Khánh', 2],
  ['Khoa', 2],
  ['Kiên', 2],
  ['Long', 4],
  ['Lộc', 2],
  ['Lợi', 2],
  ['Minh', 5],
  ['Nam', 5],
  ['Nghĩa', 3],
  ['Nhân', 2],
  ['Phong', 3],
  ['Phúc', 2],
  ['Phương', 2],
  ['Quang', 3],
  ['Quân', 3],
  ['Sơn', 4],
  ['Tài', 2],
  ['Tâm', 2],
  ['Thắng', 3],
  ['Thành', 4],
  ['Thanh', 2],
  ['Thịnh', 2],
  ['Tiến', 2],
  ['Toàn', 3],
  ['Trung', 4],
  ['Tuấn', 5],
  ['Tùng', 3],
  ['Việt', 3],
  ['Vinh', 3],
  ['Vũ', 2],
  ['Hậu', 2],
  ['Thuận', 2],
  ['Trí', 2],
  ['Hiển', 1],
  ['Lâm', 2],
  ['Quý', 1],
  ['Sang', 1],
];

const FEMALE_GIVEN_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['An', 2],
  ['Anh', 5],
  ['Châu', 2],
  ['Chi', 2],
  ['Dung', 3],
  ['Duyên', 2],
  ['Giang', 3],
  ['Hà', 4],
  ['Hạnh', 3],
  ['Hằng', 4],
  ['Hiền', 4],
  ['Hoa', 4],
  ['Hồng', 3],
  ['Hương', 5],
  ['Huyền', 4],
  ['Lan', 4],
  ['Liên', 2],
  ['Linh', 5],
  ['Loan', 2],
  ['Ly', 2],
  ['Mai', 4],
  ['My', 2],
  ['Nga', 3],
  ['Ngân', 2],
  ['Ngọc', 2],
  ['Nhung', 3],
  ['Nhi', 2],
  ['Oanh', 2],
  ['Phương', 4],
  ['Quyên', 2],
  ['Quỳnh', 3],
  ['Tâm', 2],
  ['Thảo', 5],
  ['Thanh', 2],
  ['Thủy', 4],
  ['Thúy', 3],
  ['Trang', 5],
  ['Trâm', 2],
  ['Uyên', 2],
  ['Vân', 3],
  ['Yến', 3],
  ['Hòa', 2],
  ['Tuyết', 2],
  ['Nhàn', 2],
  ['Thu', 2],
  ['Lệ', 1],
  ['Diệp', 1],
  ['Xuân', 2],
];

const familyNames = new WeightedPicker(FAMILY_NAMES);
const maleMiddleNames = new WeightedPicker(MALE_MIDDLE_NAMES);
const femaleMiddleNames = new WeightedPicker(FEMALE_MIDDLE_NAMES);
const maleGivenNames = new WeightedPicker(MALE_GIVEN_NAMES);
const femaleGivenNames = new WeightedPicker(FEMALE_GIVEN_NAMES);

/** Share of "Văn" (men) or "Thị" (women) as the middle name, by birth year. */
function traditionalMiddleShare(gender: Gender, birthYear: number): number {
  if (birthYear < 1975) return gender === 'male' ? 0.5 : 0.65;
  if (birthYear < 1990) return gender === 'male' ? 0.32 : 0.48;
  return gender === 'male' ? 0.15 : 0.25;
}

function middleNames(random: SeededRandom, gender: Gender, birthYear: number): string[] {
  const picker = gender === 'male' ? maleMiddleNames : femaleMiddleNames;
  if (random.chance(traditionalMiddleShare(gender, birthYear))) {
    // Women named "Thị" often carry a second middle name as well: Nguyễn Thị Thu Hà.
    if (gender === 'female' && random.chance(0.2)) return ['Thị', picker.pick(random)];
    return [gender === 'male' ? 'Văn' : 'Thị'];
  }
  return [picker.pick(random)];
}

/** Generates a full name: family name, one or two middle names, given name. */
export function generateFullName(random: SeededRandom, gender: Gender, birthYear: number): string {
  const family = familyNames.pick(random);
  const middle = middleNames(random, gender, birthYear);
  const givenPicker = gender === 'male' ? maleGivenNames : femaleGivenNames;

  // A given name equal to a middle name ("Thu Thu") does not occur; draw again.
  let given = givenPicker.pick(random);
  while (middle.includes(given)) given = givenPicker.pick(random);

  return [family, ...middle, given].join(' ');
}

/**
 * Builds the name part of an official e-mail address: the given name, then the initials of the
 * family and middle names, in ASCII. "Nguyễn Thị Thu Hà" gives "ha.ntt".
 */
export function emailNamePart(fullName: string): string {
  const words = foldForSearch(fullName)
    .split(' ')
    .map((word) => word.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const given = words[words.length - 1] ?? 'canbo';
  const initials = words
    .slice(0, -1)
    .map((word) => word[0])
    .join('');
  return initials ? `${given}.${initials}` : given;
}
