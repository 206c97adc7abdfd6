// Building blocks for the divisions of demo agencies. A division's code is its agency's code
// followed by a three-digit suffix. The suffixes are 001 for the leadership, 002 the office,
// 003 the inspectorate, 011 onwards the specialised departments (phòng chuyên môn), 101 onwards
// the service centres and sub-departments (chi cục, trung tâm), 201 onwards hospitals and schools.

export type DivisionCategory =
  | 'leadership'
  | 'office'
  | 'inspection'
  | 'department'
  | 'service_centre'
  | 'school'
  | 'health';

export interface DivisionTemplate {
  suffix: string;
  name: string;
  category: DivisionCategory;
  /** Relative headcount: a division of weight 20 gets about twice the people of one of weight 10. */
  weight: number;
}

type Named = string | readonly [name: string, weight: number];

function numbered(
  start: number,
  items: readonly Named[],
  category: DivisionCategory,
  defaultWeight: number,
): DivisionTemplate[] {
  return items.map((item, index) => {
    const [name, weight] = typeof item === 'string' ? [item, defaultWeight] : item;
    return { suffix: String(start + index).padStart(3, '0'), name, category, weight };
  });
}

export function leadership(
  name: 'Ban Giám đốc' | 'Ban Lãnh đạo' = 'Ban Giám đốc',
  weight = 1,
): DivisionTemplate {
  return { suffix: '001', name, category: 'leadership', weight };
}

export function office(name = 'Văn phòng', weight = 10): DivisionTemplate {
  return { suffix: '002', name, category: 'office', weight };
}

export function inspection(weight = 5): DivisionTemplate {
  return { suffix: '003', name: 'Thanh tra', category: 'inspection', weight };
}

/** Specialised departments, suffixes 011 onwards. */
export function departments(items: readonly Named[], weight = 7): DivisionTemplate[] {
  return numbered(11, items, 'department', weight);
}

/** Sub-departments, centres and other service units, suffixes 101 onwards. */
export function serviceUnits(items: readonly Named[], weight = 15): DivisionTemplate[] {
  return numbered(101, items, 'service_centre', weight);
}

/** Hospitals and health centres, suffixes 201 onwards. */
export function healthUnits(items: readonly Named[], weight = 100): DivisionTemplate[] {
  return numbered(201, items, 'health', weight);
}

/** Schools, suffixes 201 onwards. */
export function schools(items: readonly Named[], weight = 55): DivisionTemplate[] {
  return numbered(201, items, 'school', weight);
}
