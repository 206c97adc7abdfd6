import { type Kysely, sql } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';

type GrantedRoleName = Exclude<Role, 'person'>;

/** The unit and all its ancestors in the current tree, nearest first. */
export async function ancestorIds(db: Kysely<Database>, unitId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive chain (id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 64
    )
    select id from chain order by depth
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/** Ids of the units and every unit below them in the current tree (ended units included). */
export async function subtreeIds(db: Kysely<Database>, rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const result = await sql<{ id: number }>`
    with recursive tree (id, depth) as (
      select id, 0 from units where id in (${sql.join(rootIds)})
      union all
      select u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id where t.depth < 64
    )
    select distinct id from tree
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/** Unit ids on which the actor holds one of the roles; each covers its whole subtree. */
export function grantRoots(actor: Actor, roles: readonly GrantedRoleName[]): number[] {
  return actor.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.unitId);
}

/** Whether one of the actor's grants for these roles covers the unit. */
export async function coversUnit(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  roles: readonly GrantedRoleName[],
): Promise<boolean> {
  const roots = new Set(grantRoots(actor, roles));
  if (roots.size === 0) return false;
  const chain = await ancestorIds(db, unitId);
  return chain.some((id) => roots.has(id));
}

/**
 * Raises NOT_FOUND unless a grant for one of the roles covers the unit. Out-of-scope units are
 * reported as missing, so that an admin of one agency cannot learn what another agency holds.
 */
export async function assertCoversUnit(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  roles: readonly GrantedRoleName[],
): Promise<void> {
  if (!(await coversUnit(db, actor, unitId, roles))) throw new AppError('NOT_FOUND');
}

export const STAFF_ROLES: readonly GrantedRoleName[] = ['unit_admin', 'approver', 'province_admin'];
export const ADMIN_ROLES: readonly GrantedRoleName[] = ['unit_admin', 'province_admin'];
