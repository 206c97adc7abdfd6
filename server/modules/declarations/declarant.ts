import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES } from '../access/scope.ts';
import { assertStaffCoversPerson } from '../records/person-access.ts';

/** Whose declaration a request edits, and whether a unit admin acts on the person's behalf. */
export interface Declarant {
  actor: Actor;
  personId: number;
  onBehalf: boolean;
}

/**
 * Resolves the declarant: the actor's own person without `personId`; with it, a person inside
 * the scope of the actor's unit admin (or province admin) grant, edited on their behalf.
 */
export async function resolveDeclarant(
  db: Kysely<Database>,
  actor: Actor,
  personId?: number,
): Promise<Declarant> {
  if (personId === undefined || personId === actor.personId) {
    if (actor.personId === null)
      throw new AppError('FORBIDDEN', { message: 'Tài khoản của bạn chưa gắn với hồ sơ cá nhân nào.' });
    return { actor, personId: actor.personId, onBehalf: false };
  }
  await assertStaffCoversPerson(db, actor, personId, ADMIN_ROLES);
  return { actor, personId, onBehalf: true };
}
