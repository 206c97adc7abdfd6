import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import { maskPersonalId } from '../../../common/masking.ts';
import type { PersonSummary } from '../../../common/schemas/search.ts';
import type { PopulationQuery } from './population.ts';
import { rankNameSql } from './population.ts';

/** Rows read per query when an export walks a whole list. */
export const EXPORT_BATCH_SIZE = 500;

function selectSummary(query: PopulationQuery, asOf: string) {
  return query.select([
    'p.id',
    'p.full_name as fullName',
    'p.gender',
    'p.birth_date as birthDate',
    'p.employee_code as employeeCode',
    'p.personal_id_number as personalIdNumber',
    'p.name_sort_key as sortKey',
    'a.id as agencyId',
    'a.code as agencyCode',
    'a.name as agencyName',
    'd.id as divisionId',
    'd.name as divisionName',
    'r.employment_type as employmentType',
    'r.rank_code as rankCode',
    rankNameSql(asOf).as('rankName'),
    'r.position_name as positionName',
  ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummary>['execute']>>[number];

function toSummary(row: SummaryRow, fullIdNumbers: boolean): PersonSummary {
  const { sortKey: _sortKey, personalIdNumber, ...rest } = row;
  return { ...rest, personalIdNumber: fullIdNumbers ? personalIdNumber : maskPersonalId(personalIdNumber) };
}

/**
 * Reads one page of a list in Vietnamese name order (given name, middle names, family name), which
 * people.name_sort_key encodes as plain bytes so that PGlite and PostgreSQL sort alike. The total
 * comes with the page from a window count, so the matching people are found once, not twice.
 * Only a page past the end needs a count of its own.
 */
export async function pageOfPeople(
  query: PopulationQuery,
  options: { asOf: string; page: number; pageSize: number; fullIdNumbers: boolean },
) {
  const rows = await selectSummary(query, options.asOf)
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('p.name_sort_key')
    .orderBy('p.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  let total = 0;
  if (rows[0]) total = Number(rows[0].total);
  else if (options.page > 1) total = await countPeople(query);
  return {
    total,
    items: rows.map(({ total: _total, ...row }) => toSummary(row, options.fullIdNumbers)),
  };
}

/** Counts the people of a list. */
export async function countPeople(query: PopulationQuery): Promise<number> {
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(counted.total);
}

/**
 * Walks a whole list in name order, one short keyset query per batch, so that an export never
 * holds the database (PGlite serves a single session) for longer than one batch.
 */
export async function* batchesOfPeople(
  query: PopulationQuery,
  options: { asOf: string; fullIdNumbers: boolean; batchSize?: number },
): AsyncGenerator<PersonSummary[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  let after: { sortKey: string; id: number } | null = null;
  for (;;) {
    const cursor = after;
    const page = selectSummary(
      cursor ? query.where(sql<boolean>`(p.name_sort_key, p.id) > (${cursor.sortKey}, ${cursor.id})`) : query,
      options.asOf,
    );
    const rows = await page.orderBy('p.name_sort_key').orderBy('p.id').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows.map((row) => toSummary(row, options.fullIdNumbers));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { sortKey: last.sortKey, id: last.id };
    await nextTurn();
  }
}
