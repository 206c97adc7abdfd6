import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';

export interface RootUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitRow['kind'];
}

/** A child of the counted unit as it stood on the date, one row of the report table. */
export interface ChildUnit {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
}

/**
 * Report row of each person's placement: the child of the counted unit that the placement lies
 * under on the date. The placement is the membership's agency for a province or
 * the holding root, and its division (else its agency) below that.
 */
export interface RowMapping {
  root: RootUnit;
  children: ChildUnit[];
  /** Every unit below a child, paired with that child (`topIds[i]` is the row of `unitIds[i]`). */
  unitIds: number[];
  topIds: number[];
}

const HOLDING_KINDS = ['holding_root', 'holding_group'];

export async function rowMapping(
  db: Kysely<Database>,
  root: RootUnit,
  asOf: DateString,
): Promise<RowMapping> {
  const skipHolding = !HOLDING_KINDS.includes(root.kind);
  const result = await sql<{
    unit_id: number;
    top_id: number;
    depth: number;
    code: string;
    name: string;
    sort_order: number;
  }>`
    with recursive revisions_at as (
      select r.unit_id, r.parent_id, r.name, u.code, u.kind, u.sort_order from unit_revisions r join units u on u.id = r.unit_id
      where r.valid_from <= ${asOf} and (r.valid_to is null or r.valid_to > ${asOf})
        and u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})
        and not (${skipHolding} and u.kind in ('holding_root', 'holding_group'))
    ),
    tree (unit_id, top_id, depth) as (
      select unit_id, unit_id, 1 from revisions_at where parent_id = ${root.id}
      union all
      select r.unit_id, t.top_id, t.depth + 1 from revisions_at r join tree t on r.parent_id = t.unit_id where t.depth < 64
    )
    select t.unit_id, t.top_id, t.depth, r.code, r.name, r.sort_order
    from tree t join revisions_at r on r.unit_id = t.unit_id
  `.execute(db);

  const children = result.rows
    .filter((row) => row.depth === 1)
    .map((row) => ({ id: row.unit_id, code: row.code, name: row.name, sortOrder: row.sort_order }))
    .sort((left, right) => left.sortOrder - right.sortOrder || left.code.localeCompare(right.code));
  return {
    root,
    children,
    unitIds: result.rows.map((row) => row.unit_id),
    topIds: result.rows.map((row) => row.top_id),
  };
}

/** Selects the unit that decides a person's report row: the agency under a province or holding root, else the division (or agency). */
function placementSql(mapping: RowMapping): RawBuilder<number> {
  return mapping.root.kind === 'province' || mapping.root.kind === 'holding_root'
    ? sql<number>`m.agency_id`
    : sql<number>`coalesce(m.division_id, m.agency_id)`;
}

/**
 * Table of `unit_id` → `top_id` (the report row of a unit below a child), the first pair
 * when a unit occurs twice. It is joined once per query, because a per-person `array_position`
 * over the ~600 units of a province scanned the array once per person.
 */
function rowMapTableSql(mapping: RowMapping): RawBuilder<{ unit_id: number; top_id: number }> {
  return sql`(
    select distinct on (unit_id) unit_id, top_id
    from unnest(${mapping.unitIds}::bigint[], ${mapping.topIds}::bigint[]) with ordinality as pairs(unit_id, top_id, position)
    order by unit_id, position
  )`;
}

/**
 * Filters the population to the people of one report row: those placed under a unit whose
 * row it is, or placed on the row's unit itself when that unit lies outside the mapping.
 */
export function inReportRowSql(mapping: RowMapping, rowUnitId: number): RawBuilder<boolean> {
  const firstTopOf = new Map<number, number>();
  mapping.unitIds.forEach((unitId, index) => {
    if (!firstTopOf.has(unitId)) firstTopOf.set(unitId, mapping.topIds[index]!);
  });
  const placements = [...firstTopOf].filter(([, topId]) => topId === rowUnitId).map(([unitId]) => unitId);
  if (!firstTopOf.has(rowUnitId)) placements.push(rowUnitId);
  return sql<boolean>`${placementSql(mapping)} = any(${placements}::bigint[])`;
}
export interface NamedExpression {
  name: string;
  expression: RawBuilder<string>;
}

export interface GroupCount {
  rowKey: number;
  name: string;
  bucket: string;
  count: number;
}

/**
 * Counts the population per report row and per bucket of each expression, in one pass: the
 * population is read once into a CTE (materialised because it is used more than once) and
 * grouped per expression. Pairs of expressions count their combinations, e.g. age by gender.
 * The report row is the row of the person's placement in `mapping`, else the placement itself.
 */
export async function groupCounts<DB, TB extends keyof DB, O>(
  db: Kysely<Database>,
  population: SelectQueryBuilder<DB, TB, O>,
  mapping: RowMapping,
  expressions: NamedExpression[],
  pairs: Array<[string, string]> = [],
): Promise<GroupCount[]> {
  const columnOf = (name: string) => sql.ref(`g_${name}`);
  const selected = population.select([
    placementSql(mapping).as('placement'),
    ...expressions.map((item) => item.expression.as(`g_${item.name}`)),
  ]);

  const singles = expressions.map(
    (item) =>
      sql`select row_key, ${item.name}::text as name, ${columnOf(item.name)} as bucket, count(*)::int as n from pop group by row_key, ${columnOf(item.name)}`,
  );
  const combined = pairs.map(
    ([first, second]) =>
      sql`select row_key, ${`${first}*${second}`}::text as name, ${columnOf(first)} || ':' || ${columnOf(second)} as bucket, count(*)::int as n
        from pop group by row_key, ${columnOf(first)}, ${columnOf(second)}`,
  );

  const result = await sql<{ row_key: number; name: string; bucket: string; n: number }>`
    with placed as (${selected}),
    pop as (
      select coalesce(row_map.top_id, placed.placement) as row_key, placed.*
      from placed left join ${rowMapTableSql(mapping)} row_map on row_map.unit_id = placed.placement
    )
    ${sql.join([...singles, ...combined], sql` union all `)}
  `.execute(db);
  return result.rows.map((row) => ({
    rowKey: Number(row.row_key),
    name: row.name,
    bucket: row.bucket,
    count: row.n,
  }));
}

/** Reads code, name and kind of units that appear as rows but were not children on the date (dòng trắng). */
export async function unitsByIds(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind', 'sort_order as sortOrder'])
    .where('id', 'in', ids)
    .execute();
}

/** Reads the catalog names of grades and professional titles, preferring the entry valid on the date. */
export async function rankNames(
  db: Kysely<Database>,
  codes: string[],
  asOf: DateString,
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const result = await sql<{ code: string; name: string }>`
    select distinct on (code) code, name from catalog_entries
    where catalog in ('grades', 'professional_titles') and code = any(${codes}::text[])
    order by code, (coalesce(valid_from, date '0001-01-01') <= ${asOf} and (valid_to is null or valid_to > ${asOf})) desc, valid_from desc nulls last
  `.execute(db);
  return new Map(result.rows.map((row) => [row.code, row.name]));
}

/** Returns the most common position name recorded for each position code. */
export async function positionNames(db: Kysely<Database>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const result = await sql<{ code: string; name: string | null }>`
    select position_code as code, mode() within group (order by position_name) as name
    from person_records where position_code = any(${codes}::text[]) group by position_code
  `.execute(db);
  return new Map(result.rows.map((row) => [row.code, row.name ?? row.code]));
}

/**
 * Declaration progress per person who has declarations, in one pass over `declarations`: the
 * open declaration's status (at most one per person, by the unique index
 * declarations_open_person_key) and whether one was ever approved. Join it as `dp` on `p.id`.
 */
export function declarationProgressTable(db: Kysely<Database>) {
  return db
    .selectFrom('declarations')
    .select([
      'person_id',
      sql<string | null>`min(status) filter (where status in ('draft', 'submitted', 'returned'))`.as(
        'open_status',
      ),
      sql<boolean>`bool_or(status = 'approved')`.as('ever_approved'),
    ])
    .groupBy('person_id');
}

/**
 * Declaration progress of each person by the declarations module's rule, from the `dp` join of
 * declarationProgressTable: the open declaration's status, else approved when one was ever
 * approved, else never declared.
 */
export const progressStatusSql: RawBuilder<string> = sql<string>`coalesce(
  dp.open_status,
  case when dp.ever_approved then 'approved' else 'never_declared' end
)`;
