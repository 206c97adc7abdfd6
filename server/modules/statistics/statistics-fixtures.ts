import type { Kysely } from 'kysely';
import { nameSortKey } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';

// Generated people with approved records for the statistics, search and export tests. Every
// value is drawn from a seeded generator, so a seed gives the same people; none is a real person.

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thị Thu', 'Hữu', 'Ngọc'];
const GIVEN_NAMES = [
  'An',
  'Ánh',
  'Bình',
  'Cường',
  'Dũng',
  'Đào',
  'Giang',
  'Hà',
  'Hải',
  'Lan',
  'Nam',
  'Ơn',
  'Ưng',
  'Vân',
  'Yến',
];

const RANKS = [
  { kind: 'grade', code: '01.001', group: 'A3.1' },
  { kind: 'grade', code: '01.002', group: 'A2.1' },
  { kind: 'grade', code: '01.003', group: 'A1' },
  { kind: 'grade', code: '01.004', group: 'A0' },
  { kind: 'grade', code: '01.005', group: 'B' },
  { kind: 'professional_title', code: 'V.07.01.02', group: 'A2.2' },
  { kind: 'professional_title', code: 'V.07.01.03', group: 'A1' },
  { kind: 'grade', code: '01.011', group: 'C1' },
  null,
] as const;
const EMPLOYMENT_TYPES = ['cadre', 'civil_servant', 'civil_servant', 'public_employee', null] as const;
const PROFESSIONAL_LEVELS = [
  'TSKH',
  'TS',
  'THS',
  'DH',
  'DH',
  'DH',
  'CD',
  'TC',
  'SC',
  'CKI',
  'XYZ',
  null,
] as const;
const POLITICAL_THEORY = ['CN', 'CC', 'TC', 'SC', null, null] as const;
const STATE_MANAGEMENT = ['CVCC', 'CVC', 'CV', 'CS', null, null] as const;
const IT_LEVELS = ['NC', 'CB', 'CB', 'A', 'B', null] as const;
const LANGUAGES = [
  { name: 'Tiếng Anh', level: 'BAC3' },
  { name: 'tiếng anh', level: 'BAC6' },
  { name: 'Tiếng Pháp', level: 'BAC2' },
  { name: 'Tiếng Trung', level: null },
  null,
  null,
] as const;
const ETHNICITIES = ['01', '01', '01', '02', '03', '17', null] as const;
const RELIGIONS = ['99', '99', '01', '02', '15', null] as const;
const POSITIONS = [
  { code: 'GD', name: 'Giám đốc' },
  { code: 'PGD', name: 'Phó Giám đốc' },
  { code: 'TP', name: 'Trưởng phòng' },
  { code: null, name: 'Tổ trưởng' },
  null,
  null,
  null,
] as const;

export interface FixturePlacement {
  agencyId: number;
  divisionId: number | null;
}

export interface FixtureOptions {
  seed: number;
  count: number;
  placements: FixturePlacement[];
  /** Share of people without an approved record (every record column counts as not declared). */
  withoutRecordShare?: number;
}

function genderOf(roll: number): 'male' | 'female' | null {
  if (roll < 0.45) return 'male';
  if (roll < 0.95) return 'female';
  return null;
}

function birthDateFor(random: ReturnType<typeof seededRandom>): string | null {
  if (random.next() < 0.05) return null;
  const year = 1962 + Math.floor(random.next() * 42);
  const month = 1 + Math.floor(random.next() * 12);
  const day = 1 + Math.floor(random.next() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Inserts `count` people spread over the placements, each with a membership from 2020-01-01 and,
 * for most, an approved record version with its indexed columns. ID numbers and employee codes
 * start with zeros, to test that exports keep them.
 */
export async function makeStatisticsPeople(db: Kysely<Database>, options: FixtureOptions): Promise<number[]> {
  const random = seededRandom(options.seed);
  const ids: number[] = [];

  for (let index = 0; index < options.count; index++) {
    const fullName = `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
    const genderRoll = random.next();
    const serial = `${options.seed}`.padStart(3, '0') + String(index).padStart(5, '0');
    const person = await db
      .insertInto('people')
      .values({
        full_name: fullName,
        name_sort_key: nameSortKey(fullName),
        gender: genderOf(genderRoll),
        birth_date: birthDateFor(random),
        personal_id_number: `0450${serial}`,
        employee_code: `00${serial}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(person.id);

    const placement = options.placements[index % options.placements.length]!;
    await db
      .insertInto('memberships')
      .values({
        person_id: person.id,
        agency_id: placement.agencyId,
        division_id: placement.divisionId,
        valid_from: '2020-01-01',
        valid_to: null,
      })
      .execute();

    if (random.next() < (options.withoutRecordShare ?? 0.1)) continue;
    await insertRecord(db, person.id, random);
  }
  return ids;
}

async function insertRecord(
  db: Kysely<Database>,
  personId: number,
  random: ReturnType<typeof seededRandom>,
): Promise<void> {
  const version = await db
    .insertInto('record_versions')
    .values({
      person_id: personId,
      version_no: 1,
      data: JSON.stringify({ generated: true }),
      source: 'import',
      declaration_id: null,
      approved_by_account_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const rank = random.pick(RANKS);
  const language = random.pick(LANGUAGES);
  const position = random.pick(POSITIONS);
  const partyMember = random.next() < 0.4;
  await db
    .insertInto('person_records')
    .values({
      person_id: personId,
      current_version_id: version.id,
      version_no: 1,
      employment_type: random.pick(EMPLOYMENT_TYPES),
      agency_id: null,
      division_id: null,
      ethnicity_code: random.pick(ETHNICITIES),
      ethnicity_code_system: 'qd1019_2008',
      religion_code: random.pick(RELIGIONS),
      rank_kind: rank?.kind ?? null,
      rank_code: rank?.code ?? null,
      salary_group: rank?.group ?? null,
      salary_step: rank ? 1 + Math.floor(random.next() * 5) : null,
      salary_coefficient: null,
      step_start_date: null,
      position_code: position?.code ?? null,
      position_name: position?.name ?? null,
      position_allowance: null,
      general_education_code: '22',
      professional_level_code: random.pick(PROFESSIONAL_LEVELS),
      political_theory_code: random.pick(POLITICAL_THEORY),
      state_management_code: random.pick(STATE_MANAGEMENT),
      it_level_code: random.pick(IT_LEVELS),
      foreign_language: language?.name ?? null,
      foreign_language_level_code: language?.level ?? null,
      party_join_date: partyMember ? '2010-05-19' : null,
      party_official_date: partyMember ? '2011-05-19' : null,
      hometown_province_code: null,
      birth_place_province_code: null,
      first_recruitment_date: '2010-01-01',
      approved_at: new Date(),
    })
    .execute();
}
