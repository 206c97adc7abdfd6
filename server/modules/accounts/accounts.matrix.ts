import type { MatrixResolver } from '../../test/matrix-resources.ts';

// Resolvers for the authorization matrix test. The matrix resolves ids for every caller, even
// those whose role the route rejects, so a resolver must never hand a caller new rights: that
// would change what later routes expect of that caller.

/**
 * Returns a role grant of the account resolved earlier in the request (`:id`), on a unit of the target.
 * For the caller's own account it returns a grant the caller already holds, or, for SNV, a
 * unit_admin grant on the own agency, which adds nothing to a province-wide scope. SNV's own
 * province_admin grant is never returned, because revoking it is refused on purpose. A caller
 * without grants (a person) has no own grant, so that cell is skipped.
 */
const accountGrant: MatrixResolver = async ({ db, world, target, actor, resolved }) => {
  if (target === 'self') {
    const held = await db
      .selectFrom('role_grants')
      .select('id')
      .where('account_id', '=', actor.accountId)
      .where('role', '<>', 'province_admin')
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    if (held) return held.id;
    if (actor.role !== 'province_admin') return undefined;
    const added = await db
      .insertInto('role_grants')
      .values({ account_id: actor.accountId, role: 'unit_admin', unit_id: world.ownAgency.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return added.id;
  }

  const unitId = {
    ownAgency: world.ownAgency.id,
    otherAgency: world.otherAgency.id,
    provinceLevel: world.holdingGroup.id,
  }[target];
  const accountId = Number(resolved.id);
  const grant = await db
    .insertInto('role_grants')
    .values({ account_id: accountId, role: 'unit_admin', unit_id: unitId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return grant.id;
};

export const accountMatrixResources: Record<string, MatrixResolver> = { accountGrant };
