import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ancestorIds } from '../access/scope.ts';
import { findOpenMembership } from '../records/records.repository.ts';
import type { DeclarationRoute } from '../records/records.tables.ts';

// Who decides a submitted declaration. A change inside an agency goes to that agency's
// approvers, and a change of agency to the approvers of the new agency. Sở Nội vụ (province
// admin) decides for a person in a holding group or declaring one. Nobody decides their own
// declaration, so when no other active approver covers the agency, Sở Nội vụ decides it.

type Db = Kysely<Database> | Transaction<Database>;

const HOLDING_KINDS = new Set(['holding_group', 'holding_root']);

export interface Routing {
  route: DeclarationRoute;
  currentAgencyId: number | null;
  targetAgencyId: number;
  isTransfer: boolean;
}

/** Routes a declaration of `personId` that names `targetAgencyId` as the agency. */
export async function routeDeclaration(db: Db, personId: number, targetAgencyId: number): Promise<Routing> {
  const membership = await findOpenMembership(db, personId);
  const currentAgencyId = membership?.agency_id ?? null;
  const unitIds = [targetAgencyId, ...(currentAgencyId ? [currentAgencyId] : [])];
  const units = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', unitIds).execute();
  const inHoldingGroup = units.some((unit) => HOLDING_KINDS.has(unit.kind));
  return {
    route: inHoldingGroup ? 'province' : 'agency',
    currentAgencyId,
    targetAgencyId,
    isTransfer: currentAgencyId !== targetAgencyId,
  };
}

/** Returns whether an active approver other than the person covers the agency. */
export async function hasOtherApprover(db: Db, agencyId: number, personId: number): Promise<boolean> {
  const covering = await ancestorIds(db, agencyId);
  const row = await db
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select('g.id')
    .where('g.role', '=', 'approver')
    .where('g.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .where('g.unit_id', 'in', covering)
    .where((eb) => eb.or([eb('a.person_id', 'is', null), eb('a.person_id', '<>', personId)]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Raises unless the actor may decide the declaration now. Grants are read again from the
 * database inside the deciding transaction, so a grant revoked a moment ago no longer counts.
 */
export async function assertMayDecide(
  db: Db,
  actor: Actor,
  declaration: { personId: number },
  routing: Routing,
): Promise<void> {
  if (actor.personId !== null && actor.personId === declaration.personId) {
    throw new AppError('DECLARATION_SELF_DECISION');
  }

  // The actor's grants were read with the session at the start of this request.
  const grants = actor.grants;
  const isProvinceAdmin = grants.some((grant) => grant.role === 'province_admin');
  if (routing.route === 'province') {
    if (isProvinceAdmin) return;
    throw new AppError('DECLARATION_NOT_ROUTED_TO_YOU', {
      message: 'Phiếu của người thuộc nhóm lưu trữ do Sở Nội vụ phê duyệt.',
    });
  }

  const approverRoots = new Set(
    grants.filter((grant) => grant.role === 'approver').map((grant) => grant.unitId),
  );
  if (approverRoots.size > 0) {
    const covering = await ancestorIds(db, routing.targetAgencyId);
    if (covering.some((id) => approverRoots.has(id))) return;
  }
  if (isProvinceAdmin && !(await hasOtherApprover(db, routing.targetAgencyId, declaration.personId))) return;
  throw new AppError('DECLARATION_NOT_ROUTED_TO_YOU');
}
