import type { Kysely, Transaction } from 'kysely';
import type { ReductionReason } from '../../../common/schemas/requests.ts';
import { foldForSearch } from '../../../common/vietnamese.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { fieldError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { findActiveUnitByCode, insertUnit, pathOf } from '../org/org.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

// The holding groups under "Nhóm giảm tài khoản" that kept records go to, by reduction reason.
const DEFAULT_GROUPS: ReadonlyArray<{ name: string; reasons: readonly ReductionReason[] }> = [
  { name: 'Nhóm nghỉ hưu', reasons: ['retirement'] },
  {
    name: 'Nhóm chuyển công tác',
    reasons: ['transfer_out_of_province', 'transfer_to_party_bloc', 'transfer_within_province'],
  },
  { name: 'Nhóm mất', reasons: ['death'] },
];
const HOLDING_ROOT_NAME = 'Nhóm giảm tài khoản';

/** Active holding groups with the reduction reasons that default to each. */
export async function listHoldingGroups(db: Db) {
  const groups = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'holding_group')
    .where('status', '=', 'active')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const defaults = await db.selectFrom('holding_group_defaults').selectAll().execute();
  return groups.map((group) => ({
    ...group,
    reasons: defaults.filter((row) => row.unit_id === group.id).map((row) => row.reason as ReductionReason),
  }));
}

/** Checks that a holding group chosen in a request exists and is active. */
export async function requireHoldingGroup(db: Db, unitId: number, field: string): Promise<UnitRow> {
  const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (unit?.kind !== 'holding_group' || unit.status !== 'active') {
    throw fieldError(field, 'Nhóm lưu trữ', 'Không tìm thấy nhóm lưu trữ đang hoạt động đã chọn.');
  }
  return unit;
}

async function freeCode(trx: Transaction<Database>, preferred: string, prefix: string): Promise<string> {
  if (!(await findActiveUnitByCode(trx, preferred))) return preferred;
  for (let serial = 1; serial < 1000; serial++) {
    const code = `${prefix}${String(serial).padStart(3, '0')}`;
    if (!(await findActiveUnitByCode(trx, code))) return code;
  }
  throw new Error(`No free unit code under ${prefix}`);
}

async function ensureHoldingRoot(
  trx: Transaction<Database>,
  province: { id: number; code: string },
  audit: AuditContext,
): Promise<UnitRow> {
  const existing = await trx
    .selectFrom('units')
    .selectAll()
    .where('kind', '=', 'holding_root')
    .where('status', '=', 'active')
    .orderBy((eb) => eb.case().when('parent_id', '=', province.id).then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return existing;

  const root = await insertUnit(trx, {
    code: await freeCode(trx, `${province.code}9`, `${province.code}9`),
    name: HOLDING_ROOT_NAME,
    kind: 'holding_root',
    parent_id: province.id,
    valid_from: '2000-01-01',
    valid_to: null,
    decision_number: null,
    decision_date: null,
  });
  await recordAudit(trx, audit, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: root.id,
    after: { code: root.code, name: root.name, kind: root.kind },
  });
  return root;
}

/**
 * Returns the holding group for a reason: the one recorded in holding_group_defaults, else an active
 * group with the default name, else a new one under "Nhóm giảm tài khoản" (created, with the
 * root, on first use and audited). `agencyId` locates the province.
 */
export async function holdingGroupForReason(
  trx: Transaction<Database>,
  reason: ReductionReason,
  agencyId: number,
  audit: AuditContext,
): Promise<UnitRow> {
  const mapped = await trx
    .selectFrom('holding_group_defaults as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .selectAll('u')
    .where('d.reason', '=', reason)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (mapped) return mapped;

  const spec = DEFAULT_GROUPS.find((group) => group.reasons.includes(reason))!;
  const province = (await pathOf(trx, agencyId)).find((unit) => unit.kind === 'province');
  if (!province) throw new Error(`Agency ${agencyId} lies under no province`);
  const root = await ensureHoldingRoot(trx, province, audit);

  const siblings = await trx
    .selectFrom('units')
    .selectAll()
    .where('parent_id', '=', root.id)
    .where('kind', '=', 'holding_group')
    .where('status', '=', 'active')
    .execute();
  let group = siblings.find((unit) => foldForSearch(unit.name) === foldForSearch(spec.name));
  if (!group) {
    group = await insertUnit(trx, {
      code: await freeCode(
        trx,
        `${root.code}${String(DEFAULT_GROUPS.indexOf(spec) + 1).padStart(3, '0')}`,
        root.code,
      ),
      name: spec.name,
      kind: 'holding_group',
      parent_id: root.id,
      valid_from: '2000-01-01',
      valid_to: null,
      decision_number: null,
      decision_date: null,
    });
    await recordAudit(trx, audit, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: group.id,
      after: { code: group.code, name: group.name, kind: group.kind },
    });
  }

  for (const each of spec.reasons) {
    await trx
      .insertInto('holding_group_defaults')
      .values({ reason: each, unit_id: group.id })
      .onConflict((conflict) => conflict.column('reason').doUpdateSet({ unit_id: group.id }))
      .execute();
  }
  return group;
}
