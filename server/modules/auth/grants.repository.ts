import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Grant } from '../../http/policy.ts';

export async function activeGrantsOf(db: Kysely<Database>, accountId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'unit_id as unitId'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows;
}

export async function activeGrantsWithUnits(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.role', 'units.id as unitId', 'units.code as unitCode', 'units.name as unitName'])
    .where('role_grants.account_id', '=', accountId)
    .where('role_grants.revoked_at', 'is', null)
    .orderBy('role_grants.id')
    .execute();
}
