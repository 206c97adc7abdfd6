import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { ProcessBody, transferInFields } from '../../../common/schemas/requests.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { subtreeIds } from '../access/scope.ts';
import { assertEmailFree } from '../accounts/account-checks.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { grantRole, handOverRoles } from './approver-continuity.ts';
import { insertArrivingPerson } from './new-person.ts';
import { notifyAccounts } from './notifications.repository.ts';
import type { PreparedPassword } from './recruitment.ts';
import { activeDivisionsOf } from './recruitment.ts';

type TransferInFields = z.infer<typeof transferInFields>;
export type TransferInDetails = TransferInFields & { fromUnitLabel: string; toDivisionName: string | null };

/** Validates a transfer in and records the names of the old unit and the new division. */
export async function prepareTransferIn(
  trx: Transaction<Database>,
  agency: UnitRow,
  fields: TransferInFields,
) {
  let fromUnitLabel = fields.fromUnitName ?? '';
  if (fields.fromUnitId !== undefined) {
    const from = await trx
      .selectFrom('units')
      .select(['id', 'code', 'name'])
      .where('id', '=', fields.fromUnitId)
      .executeTakeFirst();
    if (!from) throw fieldError('details.fromUnitId', 'Đơn vị cũ', 'Không tìm thấy đơn vị cũ đã chọn.');
    if (from.id === agency.id)
      throw fieldError('details.fromUnitId', 'Đơn vị cũ', 'Đơn vị cũ phải khác cơ quan tiếp nhận.');
    fromUnitLabel = `${from.code} ${from.name}`;
  }

  let toDivisionName: string | null = null;
  if (fields.toDivisionId !== undefined) {
    const division = (await activeDivisionsOf(trx, agency.id)).find(
      (unit) => unit.id === fields.toDivisionId,
    );
    if (!division)
      throw fieldError(
        'details.toDivisionId',
        'Bộ phận',
        `Không có bộ phận đang hoạt động đã chọn trong ${agency.name}.`,
      );
    toDivisionName = division.name;
  }

  const fullName = normalizeText(fields.fullName);
  const rights = [
    fields.grantUnitAdmin ? 'quản trị viên' : '',
    fields.grantApprover ? 'người phê duyệt phiếu' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const summary = `Tiếp nhận ${fullName} từ ${fromUnitLabel}${rights ? ` (quyền ${rights})` : ''}`;
  const details: TransferInDetails = { ...fields, fullName, fromUnitLabel, toDivisionName };
  return { details, summary };
}

async function openAgencyOf(trx: Transaction<Database>, personId: number): Promise<number | null> {
  const membership = await trx
    .selectFrom('memberships')
    .select('agency_id')
    .where('person_id', '=', personId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return membership?.agency_id ?? null;
}

/**
 * Moves the account to the new agency (creating one when the person has none), hands over the
 * roles held in the old agency, grants the rights named in the request and notifies the person.
 * The membership moves only when the new agency's approver approves the person's declaration.
 */
export async function processTransferIn(
  trx: Transaction<Database>,
  context: {
    actor: Actor;
    audit: AuditContext;
    agency: UnitRow;
    requestId: number;
    password: PreparedPassword;
  },
  details: TransferInDetails,
  body: ProcessBody,
) {
  const personId = body.personId ?? null;
  if (personId !== null) {
    const person = await trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw fieldError('personId', 'Hồ sơ cán bộ', 'Không tìm thấy hồ sơ cán bộ đã chọn.');
  }

  let account =
    personId === null
      ? undefined
      : await trx
          .selectFrom('accounts')
          .selectAll()
          .where('person_id', '=', personId)
          .forUpdate()
          .executeTakeFirst();
  let initialPassword: string | null = null;

  if (account) {
    const oldAgencyId = personId === null ? null : await openAgencyOf(trx, personId);
    const newAgencyUnits = new Set(await subtreeIds(trx, [context.agency.id]));
    await handOverRoles(trx, context.audit, {
      agencyId: oldAgencyId ?? account.home_unit_id,
      leavingAccountIds: [account.id],
      replacementAccountId: body.replacementApproverAccountId,
      actorAccountId: context.actor.accountId,
      requestId: context.requestId,
      shouldRevoke: (grant) => grant.role !== 'province_admin' && !newAgencyUnits.has(grant.unit_id),
    });
    await trx
      .updateTable('accounts')
      .set({
        home_unit_id: context.agency.id,
        disabled_at: null,
        updated_at: new Date(),
        row_version: account.row_version + 1,
      })
      .where('id', '=', account.id)
      .execute();
    await recordAudit(trx, context.audit, {
      action: 'account.move',
      entityType: 'account',
      entityId: account.id,
      before: { homeUnitId: account.home_unit_id, disabled: account.disabled_at !== null },
      after: { homeUnitId: context.agency.id, disabled: false },
      detail: { requestId: context.requestId },
    });
  } else {
    const email = body.email ?? details.email;
    if (!email)
      throw fieldError(
        'email',
        'Thư điện tử công vụ',
        'Người này chưa có tài khoản; hãy nhập thư điện tử công vụ để tạo tài khoản.',
      );
    await assertEmailFree(trx, email);
    const linkedPersonId =
      personId ?? (await insertArrivingPerson(trx, details.fullName, context.audit, context.requestId));
    account = await trx
      .insertInto('accounts')
      .values({
        email,
        display_name: details.fullName,
        home_unit_id: context.agency.id,
        person_id: linkedPersonId,
        password_hash: context.password.hash,
        must_change_password: true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    initialPassword = context.password.password;
    await recordAudit(trx, context.audit, {
      action: 'account.create',
      entityType: 'account',
      entityId: account.id,
      after: {
        email,
        displayName: details.fullName,
        homeUnitId: context.agency.id,
        personId: linkedPersonId,
      },
      detail: { requestId: context.requestId },
    });
  }

  const grantBase = {
    accountId: account.id,
    unitId: context.agency.id,
    actorAccountId: context.actor.accountId,
    requestId: context.requestId,
  };
  if (details.grantUnitAdmin) await grantRole(trx, context.audit, { ...grantBase, role: 'unit_admin' });
  if (details.grantApprover) await grantRole(trx, context.audit, { ...grantBase, role: 'approver' });

  await notifyAccounts(trx, [account.id], {
    kind: 'transfer_in',
    title: `Bạn được tiếp nhận về ${context.agency.name}`,
    body: `Tài khoản của bạn đã chuyển về ${context.agency.name}. Hãy kê khai cơ quan, bộ phận mới${details.toDivisionName ? ` (${details.toDivisionName})` : ''} và nộp phiếu; bạn thuộc danh sách cơ quan mới sau khi phiếu được phê duyệt.`,
    link: '/declaration',
    requestId: context.requestId,
  });

  return {
    result: {
      accountId: account.id,
      personId: account.person_id,
      email: account.email,
      createdAccount: initialPassword !== null,
    },
    created:
      initialPassword === null
        ? []
        : [
            {
              accountId: account.id,
              email: account.email,
              displayName: account.display_name,
              initialPassword,
            },
          ],
  };
}
