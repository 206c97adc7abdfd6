import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';
import type { ReorganisationKind } from './reorganisation.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: UnitRow['kind'];
}

export async function lockUnits(db: Db, ids: readonly number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Active units of the subtree under `rootId` (the root included), by the current parent links. */
export async function activeSubtree(db: Db, rootId: number): Promise<UnitRow[]> {
  const result = await sql<{ id: number }>`
    with recursive tree (id, depth) as (
      select id, 0 from units where id = ${rootId}
      union all
      select u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id
      where u.status = 'active' and t.depth < 64
    )
    select id from tree
  `.execute(db);
  const ids = result.rows.map((row) => row.id);
  return db
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

export async function openRevision(db: Db, unitId: number) {
  return db
    .selectFrom('unit_revisions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** Ends a unit on `effectiveDate` (exclusive): status 'ended', valid_to set, open revision closed. */
export async function endUnit(db: Db, unit: UnitRow, effectiveDate: DateString): Promise<void> {
  await db
    .updateTable('units')
    .set({
      status: 'ended',
      valid_to: effectiveDate,
      row_version: unit.row_version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', unit.id)
    .execute();
  await db
    .updateTable('unit_revisions')
    .set({ valid_to: effectiveDate })
    .where('unit_id', '=', unit.id)
    .where('valid_to', 'is', null)
    .execute();
}

export async function insertEvent(
  db: Db,
  event: {
    kind: ReorganisationKind;
    effectiveDate: DateString;
    decisionNumber: string;
    decisionDate: DateString;
    note: string | null;
    requestId: number | null;
    createdBy: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('reorganisation_events')
    .values({
      kind: event.kind,
      effective_date: event.effectiveDate,
      decision_number: event.decisionNumber,
      decision_date: event.decisionDate,
      note: event.note,
      request_id: event.requestId,
      created_by: event.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertLineage(
  db: Db,
  rows: ReadonlyArray<{
    eventId: number;
    fromUnitId: number;
    toUnitId: number | null;
    effectiveDate: DateString;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('unit_lineage')
    .values(
      rows.map((row) => ({
        event_id: row.eventId,
        from_unit_id: row.fromUnitId,
        to_unit_id: row.toUnitId,
        effective_date: row.effectiveDate,
      })),
    )
    .execute();
}

/**
 * Successor links out of the given units, from tree changes only: a move of people at once is
 * recorded in the lineage too, but it names no new successor.
 */
export async function lineageFrom(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('unit_lineage as l')
    .innerJoin('reorganisation_events as e', 'e.id', 'l.event_id')
    .select(['l.from_unit_id as fromUnitId', 'l.to_unit_id as toUnitId'])
    .where('l.from_unit_id', 'in', [...unitIds])
    .where('e.kind', '<>', 'move_members')
    .execute();
}

/** Open memberships (on `asOf`) attached to any of the units, as agency or as division. */
export async function membershipsIn(db: Db, unitIds: readonly number[], asOf: DateString) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .selectAll()
    .where((eb) => eb.or([eb('agency_id', 'in', [...unitIds]), eb('division_id', 'in', [...unitIds])]))
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .orderBy('person_id')
    .execute();
}

export async function accountIdsOfPeople(db: Db, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('person_id', 'in', [...personIds])
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Ended agencies and divisions that still have people attached on `asOf`, with their headcount:
 * a division counts the people in it, an agency every person whose agency it still is.
 */
export async function endedUnitsWithPeople(db: Db, asOf: DateString, scope: readonly number[] | null) {
  let scopeFilter = sql`true`;
  if (scope !== null) scopeFilter = scope.length > 0 ? sql`u.id in (${sql.join(scope)})` : sql`false`;
  const result = await sql<UnitRef & { validTo: DateString | null; headcount: number }>`
    with open_members as (
      select agency_id, division_id from memberships
      where valid_from <= ${asOf} and (valid_to is null or valid_to > ${asOf})
    ),
    counts as (
      select division_id as unit_id, count(*)::int as n from open_members where division_id is not null group by division_id
      union all
      select agency_id, count(*)::int from open_members group by agency_id
    )
    select u.id, u.code, u.name, u.kind, u.valid_to as "validTo", sum(c.n)::int as headcount
    from units u join counts c on c.unit_id = u.id
    where u.valid_to is not null and u.valid_to <= ${asOf} and u.kind in ('agency', 'division') and ${scopeFilter}
    group by u.id, u.code, u.name, u.kind, u.valid_to, u.sort_order
    order by u.sort_order, u.code
  `.execute(db);
  return result.rows;
}

export async function listEvents(
  db: Db,
  filter: { unitIds: readonly number[] | null; touching?: number | undefined },
  page: number,
  pageSize: number,
) {
  let base = db.selectFrom('reorganisation_events as e');
  const touching = filter.touching;
  const unitIds = filter.unitIds;
  if (touching !== undefined || unitIds !== null) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('unit_lineage as l')
          .select('l.id')
          .whereRef('l.event_id', '=', 'e.id')
          .where((inner) => {
            const conditions = [];
            if (touching !== undefined)
              conditions.push(
                inner.or([inner('l.from_unit_id', '=', touching), inner('l.to_unit_id', '=', touching)]),
              );
            if (unitIds !== null) {
              const ids = unitIds.length ? [...unitIds] : [-1];
              conditions.push(
                inner.or([inner('l.from_unit_id', 'in', ids), inner('l.to_unit_id', 'in', ids)]),
              );
            }
            return inner.and(conditions);
          }),
      ),
    );
  }

  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const events = await base
    .selectAll('e')
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), events };
}

export async function lineageOfEvents(db: Db, eventIds: readonly number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('unit_lineage as l')
    .innerJoin('units as f', 'f.id', 'l.from_unit_id')
    .leftJoin('units as t', 't.id', 'l.to_unit_id')
    .select([
      'l.event_id as eventId',
      'l.effective_date as effectiveDate',
      'f.id as fromId',
      'f.code as fromCode',
      'f.name as fromName',
      'f.kind as fromKind',
      't.id as toId',
      't.code as toCode',
      't.name as toName',
      't.kind as toKind',
    ])
    .where('l.event_id', 'in', [...eventIds])
    .orderBy('l.id')
    .execute();
}
