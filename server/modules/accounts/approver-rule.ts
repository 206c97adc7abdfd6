import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';

// The rule that no agency is ever left without someone to approve its declarations. An agency's
// approvers are the active approver grants, held by enabled accounts, on the agency itself or on
// a unit above it (a grant covers its whole subtree). Only active units of kind 'agency' count:
// divisions have no approver of their own, and SNV approves the holding groups.

const NO_EXCEPTIONS = sql<boolean>`true`;

/**
 * Raises LAST_APPROVER unless the agency keeps at least one approver once the grants in
 * `exceptGrantIds` no longer count (because they are being revoked, or their account disabled).
 * Call it inside the transaction that makes the change: it locks the agency row, so that two
 * changes to the same agency's approvers run one after the other and cannot both pass.
 */
export async function assertAgencyKeepsApprover(
  trx: Kysely<Database>,
  agencyId: number,
  exceptGrantIds: readonly number[],
): Promise<void> {
  await assertAgenciesKeepApprover(trx, [agencyId], exceptGrantIds);
}

/** Raises LAST_APPROVER for the first of the agencies that would be left without an approver. */
export async function assertAgenciesKeepApprover(
  trx: Kysely<Database>,
  agencyIds: readonly number[],
  exceptGrantIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(agencyIds)].sort((left, right) => left - right);
  if (ids.length === 0) return;

  // Locked in id order, so that two transactions touching several agencies cannot deadlock.
  // NO KEY UPDATE leaves foreign-key checks from other tables free to proceed.
  await trx.selectFrom('units').select('id').where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();

  const excepted =
    exceptGrantIds.length > 0 ? sql<boolean>`g.id not in (${sql.join(exceptGrantIds)})` : NO_EXCEPTIONS;
  const orphaned = await sql<{ id: number; code: string; name: string }>`
    with recursive chain (agency_id, unit_id, depth) as (
      select id, id, 0 from units where id in (${sql.join(ids)})
      union all
      select c.agency_id, u.parent_id, c.depth + 1
      from chain c join units u on u.id = c.unit_id
      where u.parent_id is not null and c.depth < 64
    )
    select a.id, a.code, a.name
    from units a
    where a.id in (${sql.join(ids)})
      and a.kind = 'agency'
      and a.status = 'active'
      and not exists (
        select 1
        from chain c
        join role_grants g on g.unit_id = c.unit_id and g.role = 'approver' and g.revoked_at is null
        join accounts acc on acc.id = g.account_id and acc.disabled_at is null
        where c.agency_id = a.id and ${excepted}
      )
    order by a.code
  `.execute(trx);

  const agency = orphaned.rows[0];
  if (agency) {
    throw new AppError('LAST_APPROVER', {
      message:
        `Cơ quan ${agency.name} (mã số ${agency.code}) sẽ không còn người phê duyệt phiếu. ` +
        'Hãy cấp vai trò người phê duyệt phiếu cho người thay thế trước.',
    });
  }
}

/** Ids of the active agencies that a grant on this unit covers: the unit itself and every agency below it. */
export async function agenciesCoveredBy(db: Kysely<Database>, unitId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive tree (id, depth) as (
      select id, 0 from units where id = ${unitId}
      union all
      select u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id where t.depth < 64
    )
    select units.id from units join tree on tree.id = units.id
    where units.kind = 'agency' and units.status = 'active'
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Raises LAST_APPROVER if removing these grants (revoking them, or disabling the account that
 * owns them) would leave an agency they cover without an approver. Grants other than active
 * approver grants of enabled accounts are ignored, since they approve nothing already.
 */
export async function assertApproverGrantsRemovable(
  trx: Kysely<Database>,
  grantIds: readonly number[],
): Promise<void> {
  if (grantIds.length === 0) return;
  const grants = await trx
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['role_grants.id', 'role_grants.unit_id as unitId'])
    .where('role_grants.id', 'in', [...grantIds])
    .where('role_grants.role', '=', 'approver')
    .where('role_grants.revoked_at', 'is', null)
    .where('accounts.disabled_at', 'is', null)
    .execute();

  const agencyIds: number[] = [];
  for (const grant of grants) agencyIds.push(...(await agenciesCoveredBy(trx, grant.unitId)));
  await assertAgenciesKeepApprover(
    trx,
    agencyIds,
    grants.map((grant) => grant.id),
  );
}
