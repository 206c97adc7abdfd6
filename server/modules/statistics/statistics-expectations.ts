import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Hand-written SQL for every bucket of every fixed dimension, for the tests to compare with the
// statistics. It is written apart from dimension-sql.ts on purpose: ages come from date
// arithmetic rather than age(), codes are listed literally, and "other" is everything not listed.

const EDUCATION = "('TSKH','TS','CKII','THS','CKI','BSNT','DH','CD','TC','SC')";
const POLITICAL = "('CN','CC','TC','SC')";
const STATE = "('CVCC','CVC','CV','CS')";
const IT = "('NC','CB','A','B','C')";
const LEVELS = "('BAC1','BAC2','BAC3','BAC4','BAC5','BAC6')";
const GROUPS = "('A3.1','A3.2','A2.1','A2.2','A1','A0','B','C1','C2','C3')";

function coded(column: string, codes: Record<string, string>, all: string, empty: 'none' | 'unknown') {
  const conditions: Record<string, string> = {};
  for (const [bucket, list] of Object.entries(codes)) conditions[bucket] = `r.${column} in ${list}`;
  conditions.other = `r.${column} is not null and r.${column} <> '' and r.${column} not in ${all}`;
  if (empty === 'none') {
    conditions.none = `r.person_id is not null and (r.${column} is null or r.${column} = '')`;
    conditions.unknown = 'r.person_id is null';
  } else {
    conditions.unknown = `(r.${column} is null or r.${column} = '')`;
  }
  return conditions;
}

/** Returns the bucket conditions over p (people) and r (person_records, null without a record), on `asOf`. */
export function expectedBuckets(asOf: string): Record<string, Record<string, string>> {
  const born = (years: number) => `('${asOf}'::date - interval '${years} years')`;
  return {
    employment_type: {
      cadre: "r.employment_type = 'cadre'",
      civil_servant: "r.employment_type = 'civil_servant'",
      public_employee: "r.employment_type = 'public_employee'",
      unknown: 'r.employment_type is null',
    },
    rank_level: {
      senior_specialist: "r.salary_group in ('A3.1','A3.2')",
      principal_specialist: "r.salary_group in ('A2.1','A2.2')",
      specialist: "r.salary_group = 'A1'",
      officer: "r.salary_group in ('A0','B')",
      staff:
        "r.salary_group is not null and r.salary_group not in ('A3.1','A3.2','A2.1','A2.2','A1','A0','B')",
      unknown: 'r.salary_group is null',
    },
    salary_group: {
      ...Object.fromEntries(
        ['A3.1', 'A3.2', 'A2.1', 'A2.2', 'A1', 'A0', 'B', 'C1', 'C2', 'C3'].map((group) => [
          group,
          `r.salary_group = '${group}'`,
        ]),
      ),
      other: `r.salary_group is not null and r.salary_group not in ${GROUPS}`,
      unknown: 'r.salary_group is null',
    },
    education: coded(
      'professional_level_code',
      {
        doctorate: "('TSKH','TS','CKII')",
        master: "('THS','CKI','BSNT')",
        university: "('DH')",
        college: "('CD')",
        intermediate: "('TC')",
        elementary: "('SC')",
      },
      EDUCATION,
      'unknown',
    ),
    political_theory: coded(
      'political_theory_code',
      { bachelor: "('CN')", advanced: "('CC')", intermediate: "('TC')", elementary: "('SC')" },
      POLITICAL,
      'none',
    ),
    state_management: coded(
      'state_management_code',
      {
        senior_specialist: "('CVCC')",
        principal_specialist: "('CVC')",
        specialist: "('CV')",
        officer: "('CS')",
      },
      STATE,
      'none',
    ),
    it_level: coded(
      'it_level_code',
      { advanced: "('NC')", basic: "('CB')", old_certificate: "('A','B','C')" },
      IT,
      'none',
    ),
    foreign_language: {
      english: "lower(r.foreign_language) in ('tiếng anh', 'english')",
      other_language:
        "r.foreign_language is not null and lower(r.foreign_language) not in ('tiếng anh', 'english')",
      none: 'r.person_id is not null and r.foreign_language is null',
      unknown: 'r.person_id is null',
    },
    foreign_language_level: coded(
      'foreign_language_level_code',
      Object.fromEntries(
        ['BAC1', 'BAC2', 'BAC3', 'BAC4', 'BAC5', 'BAC6'].map((level) => [level, `('${level}')`]),
      ),
      LEVELS,
      'none',
    ),
    age_band: {
      up_to_30: `p.birth_date > ${born(31)}`,
      from_31_to_40: `p.birth_date <= ${born(31)} and p.birth_date > ${born(41)}`,
      from_41_to_50: `p.birth_date <= ${born(41)} and p.birth_date > ${born(51)}`,
      from_51_to_60: `p.birth_date <= ${born(51)} and p.birth_date > ${born(61)}`,
      over_60: `p.birth_date <= ${born(61)}`,
      unknown: 'p.birth_date is null',
    },
    gender: { male: "p.gender = 'male'", female: "p.gender = 'female'", unknown: 'p.gender is null' },
    ethnicity: {
      kinh: "r.ethnicity_code = '01'",
      minority: "r.ethnicity_code <> '01'",
      unknown: 'r.ethnicity_code is null',
    },
    religion: {
      none: "r.religion_code = '99'",
      religious: "r.religion_code <> '99'",
      unknown: 'r.religion_code is null',
    },
    party: {
      member: 'r.party_join_date is not null',
      none: 'r.person_id is not null and r.party_join_date is null',
      unknown: 'r.person_id is null',
    },
  };
}

/**
 * Counts the people whose membership on `asOf` lies in one of the agencies (or, when given, in
 * one of the divisions) and who meet `condition`.
 */
export async function countWhere(
  db: Kysely<Database>,
  place: { agencyIds?: number[]; divisionIds?: number[] },
  asOf: string,
  condition = 'true',
): Promise<number> {
  const agencyIds = place.agencyIds ?? [];
  const divisionIds = place.divisionIds ?? [];
  const result = await sql<{ n: number }>`
    select count(*)::int as n from people p
    join memberships m on m.person_id = p.id and m.valid_from <= ${asOf}::date and (m.valid_to is null or m.valid_to > ${asOf}::date)
    left join person_records r on r.person_id = p.id
    where (m.agency_id in (${sql.join(agencyIds.length ? agencyIds : [-1])}) or m.division_id in (${sql.join(divisionIds.length ? divisionIds : [-1])}))
      and (${sql.raw(condition)})
  `.execute(db);
  return result.rows[0]!.n;
}

/** Returns the ids of the people counted by countWhere, sorted. */
export async function idsWhere(
  db: Kysely<Database>,
  place: { agencyIds?: number[]; divisionIds?: number[] },
  asOf: string,
  condition = 'true',
): Promise<number[]> {
  const agencyIds = place.agencyIds ?? [];
  const divisionIds = place.divisionIds ?? [];
  const result = await sql<{ id: number }>`
    select p.id from people p
    join memberships m on m.person_id = p.id and m.valid_from <= ${asOf}::date and (m.valid_to is null or m.valid_to > ${asOf}::date)
    left join person_records r on r.person_id = p.id
    where (m.agency_id in (${sql.join(agencyIds.length ? agencyIds : [-1])}) or m.division_id in (${sql.join(divisionIds.length ? divisionIds : [-1])}))
      and (${sql.raw(condition)})
    order by p.id
  `.execute(db);
  return result.rows.map((row) => row.id);
}
