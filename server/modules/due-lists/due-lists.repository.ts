import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { subtreeIds } from '../access/scope.ts';
import type { DueInput } from './due-rules.ts';

// Reads what the due lists need from the approved records of the people working in a unit now.

const BATCH_SIZE = 2_000;
const HOLDING_KINDS = ['holding_root', 'holding_group'];

export interface DuePerson extends DueInput {
  personId: number;
  fullName: string;
  nameSortKey: string;
  agencyId: number;
  divisionId: number | null;
  rankName: string | null;
  positionName: string | null;
}

/**
 * Units whose members a list covers: the unit and everything below it. Holding groups (nhóm nghỉ
 * hưu, nhóm chuyển công tác) hold people who have left, so a province list leaves them out; only
 * a holding unit asked for by itself lists its own members.
 */
export async function unitsCovered(
  db: Kysely<Database>,
  unit: { id: number; kind: string },
): Promise<number[]> {
  const ids = await subtreeIds(db, [unit.id]);
  if (HOLDING_KINDS.includes(unit.kind)) return ids;
  const rows = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', ids).execute();
  return rows.filter((row) => !HOLDING_KINDS.includes(row.kind)).map((row) => row.id);
}

interface SalaryJson {
  rankKind?: DueInput['rankKind'];
  rankCode?: string | null;
  rankName?: string | null;
  salaryGroup?: string | null;
  salaryStep?: number | null;
  coefficient?: number | null;
  stepStartDate?: string | null;
  overFramePercent?: number | null;
  overFrameStartDate?: string | null;
}

function parsed<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Yields the people with an open membership in the units and an approved record, a batch at a
 * time in id order, giving other requests a turn between batches (PGlite serves one query at a
 * time).
 */
export async function* peopleWithRecords(
  db: Kysely<Database>,
  unitIds: readonly number[],
): AsyncGenerator<DuePerson[]> {
  if (unitIds.length === 0) return;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .innerJoin('person_records as r', 'r.person_id', 'p.id')
      .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
      .select([
        'p.id as personId',
        'p.full_name as fullName',
        'p.name_sort_key as nameSortKey',
        'p.gender',
        'p.birth_date as birthDate',
        'm.agency_id as agencyId',
        'm.division_id as divisionId',
        'r.employment_type as employmentType',
        'r.position_name as positionName',
        sql<unknown>`v.data -> 'salary'`.as('salary'),
        sql<unknown>`v.data -> 'disciplines'`.as('disciplines'),
        sql<unknown>`v.data -> 'yearlyRatings'`.as('yearlyRatings'),
      ])
      .where('m.valid_to', 'is', null)
      .where((eb) => eb.or([eb('m.agency_id', 'in', [...unitIds]), eb('m.division_id', 'in', [...unitIds])]))
      .where('p.id', '>', afterId)
      .orderBy('p.id')
      .limit(BATCH_SIZE)
      .execute();
    if (rows.length === 0) return;

    yield rows.map((row) => {
      const salary = parsed<SalaryJson>(row.salary, {});
      return {
        personId: row.personId,
        fullName: row.fullName,
        nameSortKey: row.nameSortKey,
        agencyId: row.agencyId,
        divisionId: row.divisionId,
        gender: row.gender,
        birthDate: row.birthDate,
        employmentType: row.employmentType,
        positionName: row.positionName,
        rankKind: salary.rankKind ?? null,
        rankCode: salary.rankCode ?? null,
        rankName: salary.rankName ?? null,
        salaryGroup: salary.salaryGroup ?? null,
        salaryStep: salary.salaryStep ?? null,
        coefficient: salary.coefficient ?? null,
        stepStartDate: salary.stepStartDate ?? null,
        overFramePercent: salary.overFramePercent ?? null,
        overFrameStartDate: salary.overFrameStartDate ?? null,
        disciplines: parsed(row.disciplines, []),
        yearlyRatings: parsed(row.yearlyRatings, []),
      };
    });
    afterId = rows[rows.length - 1]!.personId;
    if (rows.length < BATCH_SIZE) return;
    await nextTurn();
  }
}

/** Codes and names of units, for the agency and division columns. */
export async function unitRefs(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { id: number; code: string; name: string }>();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
