import type { SeededRandom } from '../../demo/random.ts';
import { generateFullName } from '../../demo/vietnamese-names.ts';
import type { DemoPersonInput } from './demo-records.ts';

// Family rows of a demo record: parents, a spouse and children for most people over 26, and the
// spouse's parents.

/** Builds the own-side and spouse-side family rows of a generated person. */
export function familyOf(person: DemoPersonInput, random: SeededRandom) {
  const birthYear = Number(person.birthDate.slice(0, 4));
  const age = 2026 - birthYear;
  const familyName = person.fullName.split(' ')[0]!;
  const ownSide = [
    {
      rowId: 'cha',
      relation: 'Bố',
      fullName: `${familyName} ${generateFullName(random, 'male', birthYear - 28)
        .split(' ')
        .slice(1)
        .join(' ')}`,
      birthYear: birthYear - random.int(24, 34),
      details: random.pick(['Nông dân', 'Hưu trí', 'Đã mất', 'Cán bộ hưu trí']),
    },
    {
      rowId: 'me',
      relation: 'Mẹ',
      fullName: generateFullName(random, 'female', birthYear - 26),
      birthYear: birthYear - random.int(22, 31),
      details: random.pick(['Nội trợ', 'Nông dân', 'Hưu trí']),
    },
  ];
  const spouseSide = [];
  if (age > 26 && random.chance(0.82)) {
    const spouseGender = person.gender === 'male' ? 'female' : 'male';
    const spouseBirth = birthYear + random.int(-4, 3);
    ownSide.push({
      rowId: 'vochong',
      relation: person.gender === 'male' ? 'Vợ' : 'Chồng',
      fullName: generateFullName(random, spouseGender, spouseBirth),
      birthYear: spouseBirth,
      details: random.pick(['Giáo viên', 'Công chức', 'Kinh doanh', 'Nhân viên văn phòng']),
    });
    const children = Math.min(3, Math.max(0, Math.floor((age - 26) / 4)) + random.int(0, 1));
    for (let index = 0; index < children; index++) {
      const childGender = random.chance(0.5) ? 'male' : 'female';
      const childBirth = Math.min(2025, birthYear + 26 + index * random.int(2, 4));
      ownSide.push({
        rowId: `con${index + 1}`,
        relation: 'Con',
        fullName: generateFullName(random, childGender, childBirth),
        birthYear: childBirth,
        details: childBirth > 2007 ? 'Học sinh' : 'Sinh viên',
      });
    }
    spouseSide.push(
      {
        rowId: 'chavc',
        relation: person.gender === 'male' ? 'Bố vợ' : 'Bố chồng',
        fullName: generateFullName(random, 'male', spouseBirth - 28),
        birthYear: spouseBirth - random.int(24, 32),
        details: 'Nông dân',
      },
      {
        rowId: 'mevc',
        relation: person.gender === 'male' ? 'Mẹ vợ' : 'Mẹ chồng',
        fullName: generateFullName(random, 'female', spouseBirth - 26),
        birthYear: spouseBirth - random.int(22, 30),
        details: 'Nội trợ',
      },
    );
  }
  return { ownSide, spouseSide };
}
