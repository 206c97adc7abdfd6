import { type Kysely, sql } from 'kysely';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, holdsRole } from '../../http/policy.ts';
import { assertCoversUnit, grantRoots, STAFF_ROLES } from '../access/scope.ts';

/**
 * The people a list or statistic covers: those whose membership was valid on `asOf` and placed
 * them in one of the units. A person belongs to an agency until an approved declaration moves
 * them, so agency-level scopes match the membership's agency, and only division-level scopes
 * match its division. A division that moved to another agency therefore keeps its people in the
 * old agency's lists until they declare the new one.
 */
export type PeopleScope =
  | { kind: 'everyone'; asOf: DateString }
  | { kind: 'units'; asOf: DateString; agencyUnitIds: number[]; divisionUnitIds: number[] };

const HOLDING_KINDS: ReadonlyArray<UnitRow['kind']> = ['holding_root', 'holding_group'];

export interface SubtreeOptions {
  /**
   * Leave out the holding groups (retired, transferred, deceased people) below the roots, which
   * workforce statistics must not count. A root that is itself a holding unit is kept.
   */
  excludeHolding: boolean;
}

/** Ids of the units below the roots as the tree stood on `asOf`, roots included. */
export async function subtreeIdsAsOf(
  db: Kysely<Database>,
  rootIds: readonly number[],
  asOf: DateString,
  options: SubtreeOptions,
): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const skipKinds = options.excludeHolding ? HOLDING_KINDS : [];
  const result = await sql<{ id: number }>`
    with recursive revisions_at as (
      select r.unit_id, r.parent_id, u.kind from unit_revisions r join units u on u.id = r.unit_id
      where r.valid_from <= ${asOf} and (r.valid_to is null or r.valid_to > ${asOf})
        and u.valid_from <= ${asOf} and (u.valid_to is null or u.valid_to > ${asOf})
    ),
    tree (unit_id, depth) as (
      select id, 0 from units where id = any(${[...rootIds]}::bigint[])
      union all
      select r.unit_id, t.depth + 1 from revisions_at r join tree t on r.parent_id = t.unit_id
      where t.depth < 64 and not (r.kind = any(${[...skipKinds]}::text[]))
    )
    select distinct unit_id as id from tree
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/** Splits the roots by level and expands each into its subtree on `asOf`. */
async function scopeOfRoots(
  db: Kysely<Database>,
  roots: readonly number[],
  asOf: DateString,
  options: SubtreeOptions,
): Promise<PeopleScope> {
  const rows = roots.length
    ? await db
        .selectFrom('units')
        .select(['id', 'kind'])
        .where('id', 'in', [...roots])
        .execute()
    : [];
  const divisionRoots = rows.filter((row) => row.kind === 'division').map((row) => row.id);
  const agencyRoots = rows.filter((row) => row.kind !== 'division').map((row) => row.id);
  return {
    kind: 'units',
    asOf,
    agencyUnitIds: await subtreeIdsAsOf(db, agencyRoots, asOf, options),
    divisionUnitIds: await subtreeIdsAsOf(db, divisionRoots, asOf, options),
  };
}

/**
 * The scope of a staff member on `asOf`: below the given unit, which one of their grants must
 * cover (NOT_FOUND otherwise), or, without a unit, everything their grants cover. A province
 * admin without a unit gets every person, including those in holding groups and those without
 * a current membership.
 */
export async function viewerScope(
  db: Kysely<Database>,
  actor: Actor,
  options: { unitId?: number | undefined; asOf: DateString } & SubtreeOptions,
): Promise<PeopleScope> {
  if (options.unitId !== undefined) {
    await assertCoversUnit(db, actor, options.unitId, STAFF_ROLES);
    return scopeOfRoots(db, [options.unitId], options.asOf, options);
  }
  if (holdsRole(actor, 'province_admin')) return { kind: 'everyone', asOf: options.asOf };

  const roots = [...new Set(grantRoots(actor, STAFF_ROLES))];
  if (roots.length === 0) throw new AppError('FORBIDDEN');
  return scopeOfRoots(db, roots, options.asOf, options);
}

/** Returns whether the viewer's role needs whole personal ID numbers in lists and exports. */
export function seesFullIdNumbers(actor: Actor): boolean {
  // The province admin matches people across agencies by ID number (transfers, new accounts,
  // the national database). Agency staff recognise their own people by name and code.
  return holdsRole(actor, 'province_admin');
}
