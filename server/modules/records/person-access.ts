import type { Kysely, Transaction } from 'kysely';
import type { GrantedRole } from '../../../common/roles.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { coversUnit } from '../access/scope.ts';
import { findOpenMembership } from './records.repository.ts';

// Which staff reach a person's record: a grant covering the unit the person works in now (the
// division, or the agency when the person has none). Approvers of an agency a person is
// transferring to also reach that person while the declaration waits for their decision.

type Db = Kysely<Database> | Transaction<Database>;

export async function staffCoversPerson(
  db: Db,
  actor: Actor,
  personId: number,
  roles: readonly GrantedRole[],
): Promise<boolean> {
  const membership = await findOpenMembership(db, personId);
  if (membership) {
    if (
      await coversUnit(db as Kysely<Database>, actor, membership.division_id ?? membership.agency_id, roles)
    )
      return true;
  } else if (
    roles.includes('province_admin') &&
    actor.grants.some((grant) => grant.role === 'province_admin')
  ) {
    // A person without a membership (not yet placed) is reachable by Sở Nội vụ only.
    return true;
  }

  if (!roles.includes('approver') && !roles.includes('province_admin')) return false;
  const pending = await db
    .selectFrom('declarations')
    .select('target_agency_id')
    .where('person_id', '=', personId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (!pending?.target_agency_id) return false;
  return coversUnit(
    db as Kysely<Database>,
    actor,
    pending.target_agency_id,
    roles.filter((role) => role === 'approver' || role === 'province_admin'),
  );
}

/** Raises NOT_FOUND when the person lies outside the actor's scope, so nothing leaks about them. */
export async function assertStaffCoversPerson(
  db: Db,
  actor: Actor,
  personId: number,
  roles: readonly GrantedRole[],
): Promise<void> {
  if (!(await staffCoversPerson(db, actor, personId, roles))) throw new AppError('NOT_FOUND');
}
