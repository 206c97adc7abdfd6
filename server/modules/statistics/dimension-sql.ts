import { type RawBuilder, sql } from 'kysely';
import {
  type DimensionId,
  dimensionDefinition,
  NONE_BUCKET,
  OTHER_BUCKET,
  UNKNOWN_BUCKET,
} from '../../../common/schemas/statistics.ts';

// The bucket of every person in every dimension, as SQL over the population aliases (p = people,
// r = person_records, absent when the person has no approved record). Counts group by these
// expressions and drill-downs filter on them, so a number and the list behind it always agree.
// Each expression ends in ELSE, so every person lands in exactly one bucket.
//
// NOTE: on a past date the placement (memberships, units) is the one valid then, but grades,
// qualifications and the other record fields are those of the current approved record.

type Bucket = RawBuilder<string>;

const noRecord = sql<boolean>`r.person_id is null`;

function isBlank(column: string) {
  return sql<boolean>`(${sql.ref(column)} is null or btrim(${sql.ref(column)}) = '')`;
}

/**
 * Maps a coded record column onto the dimension's buckets by their `codes`: no record gives
 * unknown, an empty column gives `emptyBucket`, and a code no bucket lists gives other.
 */
function codedBucket(dimensionId: DimensionId, column: string, emptyBucket: string): Bucket {
  const branches = dimensionDefinition(dimensionId)
    .buckets.filter((bucket) => bucket.codes && bucket.codes.length > 0)
    .map((bucket) => sql`when ${sql.ref(column)} in (${sql.join(bucket.codes!)}) then ${bucket.id}`);
  return sql<string>`(case when ${noRecord} then ${UNKNOWN_BUCKET} when ${isBlank(column)} then ${emptyBucket} ${sql.join(branches, sql` `)} else ${OTHER_BUCKET} end)`;
}

// NOTE: form BM02/BNV also counts people past retirement age, which depends on gender and birth
// month (Bộ luật Lao động 2019); the bands here stop at "over 60".
function ageBand(asOf: string): Bucket {
  const age = sql`date_part('year', age(${asOf}::date, p.birth_date))`;
  return sql<string>`(case when p.birth_date is null then ${UNKNOWN_BUCKET}
    when ${age} <= 30 then 'up_to_30' when ${age} <= 40 then 'from_31_to_40'
    when ${age} <= 50 then 'from_41_to_50' when ${age} <= 60 then 'from_51_to_60' else 'over_60' end)`;
}

// BM02/BNV groups grades "and equivalents" by salary group: A3 with Chuyên viên cao cấp, A2 with
// Chuyên viên chính, A1 with Chuyên viên, A0 and B with Cán sự (Cán sự moved from B to A0 in
// 2021), and every other group (C, service staff) with Nhân viên.
const rankLevel: Bucket = sql<string>`(case when r.salary_group is null or btrim(r.salary_group) = '' then ${UNKNOWN_BUCKET}
  when r.salary_group like 'A3%' then 'senior_specialist' when r.salary_group like 'A2%' then 'principal_specialist'
  when r.salary_group = 'A1' then 'specialist' when r.salary_group in ('A0', 'B') then 'officer' else 'staff' end)`;

// The record keeps the first language it lists; "Tiếng Anh", "tiếng anh" and "English" count as English.
const foreignLanguage: Bucket = sql<string>`(case when ${noRecord} then ${UNKNOWN_BUCKET}
  when ${isBlank('r.foreign_language')} then ${NONE_BUCKET}
  when (' ' || vn_fold(r.foreign_language) || ' ') like '% anh %' or vn_fold(r.foreign_language) like '%english%' then 'english'
  else 'other_language' end)`;

/** The SQL bucket expression of one dimension on the date `asOf`. */
export function bucketSql(dimension: DimensionId, asOf: string): Bucket {
  switch (dimension) {
    case 'employment_type':
      return sql<string>`(case when r.employment_type in ('cadre', 'civil_servant', 'public_employee') then r.employment_type else ${UNKNOWN_BUCKET} end)`;
    case 'rank_level':
      return rankLevel;
    case 'salary_group':
      return codedBucket('salary_group', 'r.salary_group', UNKNOWN_BUCKET);
    case 'rank':
      return sql<string>`(case when ${isBlank('r.rank_code')} then ${UNKNOWN_BUCKET} else r.rank_code end)`;
    case 'education':
      return codedBucket('education', 'r.professional_level_code', UNKNOWN_BUCKET);
    case 'political_theory':
      return codedBucket('political_theory', 'r.political_theory_code', NONE_BUCKET);
    case 'state_management':
      return codedBucket('state_management', 'r.state_management_code', NONE_BUCKET);
    case 'it_level':
      return codedBucket('it_level', 'r.it_level_code', NONE_BUCKET);
    case 'foreign_language':
      return foreignLanguage;
    case 'foreign_language_level':
      return codedBucket('foreign_language_level', 'r.foreign_language_level_code', NONE_BUCKET);
    case 'age_band':
      return ageBand(asOf);
    case 'gender':
      return sql<string>`(case when p.gender in ('male', 'female') then p.gender else ${UNKNOWN_BUCKET} end)`;
    case 'ethnicity':
      return sql<string>`(case when ${isBlank('r.ethnicity_code')} then ${UNKNOWN_BUCKET} when r.ethnicity_code = '01' then 'kinh' else 'minority' end)`;
    case 'religion':
      return sql<string>`(case when ${isBlank('r.religion_code')} then ${UNKNOWN_BUCKET} when r.religion_code = '99' then ${NONE_BUCKET} else 'religious' end)`;
    case 'party':
      return sql<string>`(case when ${noRecord} then ${UNKNOWN_BUCKET} when r.is_party_member then 'member' else ${NONE_BUCKET} end)`;
    case 'position':
      return sql<string>`(case when ${noRecord} then ${UNKNOWN_BUCKET} when not ${isBlank('r.position_code')} then r.position_code
        when not ${isBlank('r.position_name')} then ${OTHER_BUCKET} else ${NONE_BUCKET} end)`;
  }
}
