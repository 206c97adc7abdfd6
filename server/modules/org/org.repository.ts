import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, DateString, NewUnit, UnitRow } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).where('status', '=', 'active').executeTakeFirst();
}

export async function pathOf(db: Db, unitId: number) {
  const result = await sql<{ id: number; code: string; name: string; kind: UnitRow['kind']; depth: number }>`
    with recursive chain (id, code, name, kind, parent_id, depth) as (
      select id, code, name, kind, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.code, u.name, u.kind, u.parent_id, c.depth + 1
      from units u join chain c on u.id = c.parent_id where c.depth < 64
    )
    select id, code, name, kind, depth from chain order by depth desc
  `.execute(db);
  return result.rows.map(({ depth: _depth, ...unit }) => unit);
}

export async function insertUnit(db: Db, unit: NewUnit): Promise<UnitRow> {
  const row = await db.insertInto('units').values(unit).returningAll().executeTakeFirstOrThrow();
  await db
    .insertInto('unit_revisions')
    .values({
      unit_id: row.id,
      name: row.name,
      parent_id: row.parent_id,
      valid_from: row.valid_from,
      valid_to: null,
      decision_number: row.decision_number,
      decision_date: row.decision_date,
    })
    .execute();
  return row;
}

/**
 * Records a new name or parent from `effectiveDate`: the open revision ends that day and a new
 * one starts. A change dated on the open revision's first day replaces it.
 */
export async function reviseUnit(
  db: Db,
  unitId: number,
  change: { name: string; parentId: number | null; effectiveDate: DateString; decisionNumber: string | null; decisionDate: DateString | null },
): Promise<void> {
  const open = await db
    .selectFrom('unit_revisions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();

  if (open && open.valid_from === change.effectiveDate) {
    await db
      .updateTable('unit_revisions')
      .set({ name: change.name, parent_id: change.parentId, decision_number: change.decisionNumber, decision_date: change.decisionDate })
      .where('id', '=', open.id)
      .execute();
    return;
  }

  if (open) {
    await db.updateTable('unit_revisions').set({ valid_to: change.effectiveDate }).where('id', '=', open.id).execute();
  }
  await db
    .insertInto('unit_revisions')
    .values({
      unit_id: unitId,
      name: change.name,
      parent_id: change.parentId,
      valid_from: change.effectiveDate,
      valid_to: null,
      decision_number: change.decisionNumber,
      decision_date: change.decisionDate,
    })
    .execute();
}

export async function openRevisionStart(db: Db, unitId: number): Promise<DateString | null> {
  const row = await db
    .selectFrom('unit_revisions')
    .select('valid_from')
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return row?.valid_from ?? null;
}

export interface TreeRow {
  id: number;
  code: string;
  name: string;
  kind: UnitRow['kind'];
  status: UnitRow['status'];
  parentId: number | null;
  sortOrder: number;
}

/** Returns the subtree under `rootId` as it stood on `asOf`, from the revision history. */
export async function subtreeAsOf(db: Db, rootId: number, asOf: DateString): Promise<TreeRow[]> {
  const result = await sql<TreeRow>`
    with recursive revisions_at as (
      select r.unit_id, r.name, r.parent_id from unit_revisions r
      join units u on u.id = r.unit_id
      where r.valid_from <= ${asOf} and (r.valid_to is null or r.valid_to > ${asOf})
        and u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})
    ),
    tree (unit_id, depth) as (
      select ${rootId}::bigint, 0
      union all
      select r.unit_id, t.depth + 1 from revisions_at r join tree t on r.parent_id = t.unit_id where t.depth < 64
    )
    select u.id, u.code, coalesce(r.name, u.name) as name, u.kind,
      case when u.valid_to is not null and u.valid_to <= ${asOf} then 'ended' else 'active' end as status,
      case when u.id = ${rootId} then null else r.parent_id end as "parentId",
      u.sort_order as "sortOrder"
    from tree t join units u on u.id = t.unit_id left join revisions_at r on r.unit_id = u.id
    order by u.sort_order, u.code
  `.execute(db);
  return result.rows;
}

export interface HeadcountRow {
  unitId: number;
  code: string;
  name: string;
  kind: UnitRow['kind'];
  status: 'active' | 'ended';
  headcount: number;
}

/**
 * Counts the people of an agency (or holding group) by division on `asOf`. Each division valid
 * that day comes with its count, zero included. A division that had ended by then but still has
 * people attached comes with an empty name, which users know as "dòng trắng".
 */
export async function agencyHeadcount(db: Db, agencyId: number, asOf: DateString): Promise<{ rows: HeadcountRow[]; direct: number }> {
  const result = await sql<HeadcountRow & { isDirect: boolean }>`
    with members as (
      select division_id, count(*)::int as n from memberships
      where agency_id = ${agencyId} and valid_from <= ${asOf} and (valid_to is null or valid_to > ${asOf})
      group by division_id
    ),
    divisions as (
      select u.id, u.code, r.name, u.kind, u.sort_order from unit_revisions r join units u on u.id = r.unit_id
      where r.parent_id = ${agencyId} and r.valid_from <= ${asOf} and (r.valid_to is null or r.valid_to > ${asOf})
        and u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})
    )
    select d.id as "unitId", d.code, d.name, d.kind, 'active' as status, coalesce(m.n, 0) as headcount,
      false as "isDirect", d.sort_order as sort_order
    from divisions d left join members m on m.division_id = d.id
    union all
    select u.id, u.code, '' as name, u.kind, 'ended', m.n, false, u.sort_order
    from members m join units u on u.id = m.division_id
    where m.division_id is not null and not exists (select 1 from divisions d where d.id = m.division_id)
    union all
    select ${agencyId}::bigint, '', '', 'agency', 'active', m.n, true, 0 from members m where m.division_id is null
    order by sort_order, code
  `.execute(db);

  const direct = result.rows.find((row) => row.isDirect)?.headcount ?? 0;
  const rows = result.rows.filter((row) => !row.isDirect).map(({ isDirect: _isDirect, ...row }) => row);
  return { rows, direct };
}

/**
 * Counts the people under each child of a province or grouping unit on `asOf`, that is everyone
 * whose agency lies in the child's subtree that day. An agency that had ended by then but still
 * has people comes with an empty name, like a division in the agency table.
 */
export async function childrenHeadcount(db: Db, parentId: number, asOf: DateString): Promise<HeadcountRow[]> {
  const result = await sql<HeadcountRow & { sort_order: number }>`
    with recursive revisions_at as (
      select r.unit_id, r.name, r.parent_id from unit_revisions r join units u on u.id = r.unit_id
      where r.valid_from <= ${asOf} and (r.valid_to is null or r.valid_to > ${asOf})
        and u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})
    ),
    tops as (select unit_id as top_id, unit_id from revisions_at where parent_id = ${parentId}),
    tree (top_id, unit_id, depth) as (
      select top_id, unit_id, 0 from tops
      union all
      select t.top_id, r.unit_id, t.depth + 1 from revisions_at r join tree t on r.parent_id = t.unit_id where t.depth < 64
    ),
    counts as (
      select t.top_id, count(m.id)::int as n from tree t
      join memberships m on m.agency_id = t.unit_id and m.valid_from <= ${asOf} and (m.valid_to is null or m.valid_to > ${asOf})
      group by t.top_id
    )
    select u.id as "unitId", u.code, r.name, u.kind, 'active' as status, coalesce(c.n, 0) as headcount, u.sort_order
    from tops t join units u on u.id = t.top_id join revisions_at r on r.unit_id = u.id
    left join counts c on c.top_id = u.id
    union all
    -- An agency that had ended by then but still has people: its code with an empty name.
    select u.id, u.code, '', u.kind, 'ended', count(m.id)::int, u.sort_order
    from units u
    join memberships m on m.agency_id = u.id and m.valid_from <= ${asOf} and (m.valid_to is null or m.valid_to > ${asOf})
    where u.parent_id = ${parentId} and not (u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf}))
    group by u.id, u.code, u.kind, u.sort_order
    order by sort_order, code
  `.execute(db);
  return result.rows.map(({ sort_order: _sortOrder, ...row }) => row);
}

export interface PeopleFilter {
  unitId: number;
  kind: UnitRow['kind'];
  direct: boolean;
  asOf: DateString;
  subtree: number[];
}

function peopleBase(db: Db, filter: PeopleFilter) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('units as a', 'a.id', 'm.agency_id')
    .leftJoin('units as d', 'd.id', 'm.division_id')
    .where('m.valid_from', '<=', filter.asOf)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', filter.asOf)]));

  if (filter.kind === 'division') {
    query = query.where('m.division_id', '=', filter.unitId);
  } else if (filter.kind === 'agency' || filter.kind === 'holding_group') {
    query = query.where('m.agency_id', '=', filter.unitId);
    if (filter.direct) query = query.where('m.division_id', 'is', null);
  } else {
    query = query.where('m.agency_id', 'in', filter.subtree.length ? filter.subtree : [-1]);
  }
  return query;
}

export async function listPeople(db: Db, filter: PeopleFilter, page: number, pageSize: number) {
  const [{ total }] = [
    await peopleBase(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ];
  const items = await peopleBase(db, filter)
    .select([
      'p.id',
      'p.full_name as fullName',
      'p.gender',
      'p.birth_date as birthDate',
      'a.id as agencyId',
      'a.name as agencyName',
      'd.id as divisionId',
      'd.name as divisionName',
    ])
    .orderBy('p.name_sort_key')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), items };
}
