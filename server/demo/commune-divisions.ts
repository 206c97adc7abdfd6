import type { DivisionTemplate } from './division-templates.ts';

// Divisions of a commune-level People's Committee (UBND xã, phường, đặc khu) from 01/07/2025.
// Each has its leadership, the Văn phòng HĐND và UBND, two specialised departments and the public
// administrative service centre. The economic department is called Phòng Kinh tế, Hạ tầng và Đô
// thị in a ward. The commune also runs its health station and its kindergartens, primary and
// lower secondary schools. School counts are representative.

export type CommuneType = 'ward' | 'commune' | 'special_zone';

export interface CommuneName {
  type: CommuneType;
  /** The name without its prefix: "Đông Hà" for "Phường Đông Hà". */
  place: string;
}

/** Splits "Phường Đông Hà" / "Xã Cam Lộ" / "Đặc khu Cồn Cỏ" into its type and place name. */
export function parseCommuneName(name: string): CommuneName {
  for (const [prefix, type] of [
    ['Phường ', 'ward'],
    ['Xã ', 'commune'],
    ['Đặc khu ', 'special_zone'],
  ] as const) {
    if (name.startsWith(prefix)) return { type, place: name.slice(prefix.length) };
  }
  throw new Error(`Unknown commune-level unit type in "${name}": expected Phường, Xã or Đặc khu.`);
}

function schoolSeries(
  start: number,
  kind: string,
  place: string,
  count: number,
  weight: number,
): DivisionTemplate[] {
  return Array.from({ length: count }, (_, index) => ({
    suffix: String(start + index).padStart(3, '0'),
    name: count === 1 ? `Trường ${kind} ${place}` : `Trường ${kind} số ${index + 1} ${place}`,
    category: 'school' as const,
    weight,
  }));
}

const STATION_PREFIX: Record<CommuneType, string> = {
  ward: 'phường',
  commune: 'xã',
  special_zone: 'đặc khu',
};

export function communeDivisions(commune: CommuneName): DivisionTemplate[] {
  const { type, place } = commune;
  const stationPrefix = STATION_PREFIX[type];
  const divisions: DivisionTemplate[] = [
    { suffix: '001', name: 'Ban Lãnh đạo', category: 'leadership', weight: 2 },
    {
      suffix: '002',
      name: 'Văn phòng HĐND và UBND',
      category: 'office',
      weight: type === 'special_zone' ? 5 : 10,
    },
    {
      suffix: '011',
      name: type === 'ward' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế',
      category: 'department',
      weight: type === 'special_zone' ? 3 : 7,
    },
    {
      suffix: '012',
      name: 'Phòng Văn hóa - Xã hội',
      category: 'department',
      weight: type === 'special_zone' ? 3 : 6,
    },
    {
      suffix: '013',
      name: 'Trung tâm Phục vụ hành chính công',
      category: 'service_centre',
      weight: type === 'special_zone' ? 2 : 6,
    },
    {
      suffix: '101',
      name: `Trạm Y tế ${stationPrefix} ${place}`,
      category: 'health',
      weight: type === 'special_zone' ? 4 : 8,
    },
  ];

  // The island special zone has a few hundred residents and one combined school.
  if (type === 'special_zone') {
    divisions.push({
      suffix: '111',
      name: `Trường Tiểu học và THCS ${place}`,
      category: 'school',
      weight: 10,
    });
    return divisions;
  }

  const perLevel = type === 'ward' ? 2 : 1;
  divisions.push(
    ...schoolSeries(111, 'Mầm non', place, perLevel, 20),
    ...schoolSeries(121, 'Tiểu học', place, perLevel, 26),
    ...schoolSeries(131, 'THCS', place, type === 'ward' ? 2 : 1, 30),
  );
  return divisions;
}
