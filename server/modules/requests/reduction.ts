import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { formatDateVi } from '../../../common/dates.ts';
import {
  type ReductionReason,
  type reductionFields,
  reductionReasonLabels,
} from '../../../common/schemas/requests.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, coversUnit, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { endAllSessions } from '../auth/session.repository.ts';
import { assertLeaversReplaced, handOverRoles } from './approver-continuity.ts';
import { holdingGroupForReason, requireHoldingGroup } from './holding-groups.ts';
import { notifyAccounts } from './notifications.repository.ts';
import { peopleInOpenRequests } from './requests.repository.ts';

type ReductionFields = z.infer<typeof reductionFields>;

/** One person of a filed reduction, with the names and ids seen when the request was filed. */
export interface ReductionEntry {
  personId: number;
  fullName: string;
  agencyId: number;
  divisionId: number | null;
  divisionName: string | null;
  accountId: number | null;
  reason: ReductionReason;
  disposition: 'delete' | 'hold';
  holdingGroupId?: number | undefined;
}
export type ReductionDetails = Omit<ReductionFields, 'people'> & { people: ReductionEntry[] };

async function openMembership(db: Kysely<Database>, personId: number, lock: boolean) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('units as d', 'd.id', 'm.division_id')
    .leftJoin('accounts as acc', 'acc.person_id', 'm.person_id')
    .select([
      'm.id',
      'm.person_id',
      'm.agency_id',
      'm.division_id',
      'm.valid_from',
      'p.full_name',
      'd.name as division_name',
      'acc.id as account_id',
    ])
    .where('m.person_id', '=', personId)
    .where('m.valid_to', 'is', null);
  if (lock) query = query.forUpdate('m');
  return query.executeTakeFirst();
}

/** Validates a reduction against the agency and enriches each person with names for the queue. */
export async function prepareReduction(
  trx: Transaction<Database>,
  actor: Actor,
  agency: UnitRow,
  fields: ReductionFields,
) {
  const agencyUnits = new Set(await subtreeIds(trx, [agency.id]));
  const seen = new Set<number>();
  const people: ReductionEntry[] = [];

  for (const [index, person] of fields.people.entries()) {
    const field = `details.people.${index}.personId`;
    if (seen.has(person.personId))
      throw fieldError(field, 'Người bị giảm', 'Mỗi người chỉ được chọn một lần.');
    seen.add(person.personId);

    const membership = await openMembership(trx, person.personId, false);
    const reachable =
      membership &&
      agencyUnits.has(membership.agency_id) &&
      (await coversUnit(trx, actor, membership.agency_id, ADMIN_ROLES));
    if (!membership || !reachable)
      throw fieldError(
        field,
        'Người bị giảm',
        `Không tìm thấy người này trong danh sách của ${agency.name}.`,
      );
    if (membership.valid_from >= fields.effectiveDate) {
      throw fieldError(
        'details.effectiveDate',
        'Ngày hiệu lực',
        `${membership.full_name} bắt đầu công tác từ ${formatDateVi(membership.valid_from)}; ngày giảm phải sau ngày đó.`,
      );
    }
    if (person.holdingGroupId !== undefined) {
      if (person.disposition !== 'hold')
        throw fieldError(
          `details.people.${index}.holdingGroupId`,
          'Nhóm lưu trữ',
          'Chỉ chọn nhóm lưu trữ khi giữ lại hồ sơ.',
        );
      await requireHoldingGroup(trx, person.holdingGroupId, `details.people.${index}.holdingGroupId`);
    }

    people.push({
      personId: person.personId,
      fullName: membership.full_name,
      agencyId: membership.agency_id,
      divisionId: membership.division_id,
      divisionName: membership.division_name,
      accountId: membership.account_id,
      reason: person.reason,
      disposition: person.disposition,
      holdingGroupId: person.holdingGroupId,
    });
  }

  const busy = await peopleInOpenRequests(trx, [...seen], null);
  if (busy.length > 0) {
    const name = people.find((entry) => entry.personId === busy[0]!.person_id)?.fullName ?? '';
    throw new AppError('PERSON_IN_OPEN_REQUEST', {
      message: `${name} đã có trong đề nghị giảm số ${busy[0]!.request_id} chưa xử lý xong.`,
    });
  }

  const leavingAccountIds = people.flatMap((entry) => (entry.accountId === null ? [] : [entry.accountId]));
  await assertLeaversReplaced(trx, {
    agencyId: agency.id,
    leavingAccountIds,
    replacementAccountId: fields.replacementApproverAccountId,
  });

  const names = people.map(
    (entry) => `${entry.fullName} (${reductionReasonLabels[entry.reason].vi.toLowerCase()})`,
  );
  const summary = `Giảm ${people.length} người: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
  const details: ReductionDetails = { ...fields, people };
  return { details, summary };
}

/**
 * Applies a reduction. The replacement receives the approver role, the leavers' roles are revoked
 * and each membership ends on the effective date. A kept record moves into its holding group, where
 * the person declares it and SNV approves. A deleted record keeps its rows, but the account is
 * disabled unless the person moves to another unit of the province. Nothing is deleted.
 */
export async function processReduction(
  trx: Transaction<Database>,
  context: {
    actor: Actor;
    audit: AuditContext;
    agency: UnitRow;
    requestId: number;
    replacementAccountId: number | undefined;
  },
  details: ReductionDetails,
) {
  const agencyUnits = new Set(await subtreeIds(trx, [context.agency.id]));
  const memberships = [];
  for (const entry of details.people) {
    const membership = await openMembership(trx, entry.personId, true);
    if (!membership || !agencyUnits.has(membership.agency_id)) {
      throw new AppError('REQUEST_STATE', {
        message: `${entry.fullName} không còn thuộc ${context.agency.name}; hãy trả lời đề nghị để đơn vị lập lại.`,
      });
    }
    memberships.push({ entry, membership });
  }

  const leavingAccountIds = memberships.flatMap(({ membership }) =>
    membership.account_id === null ? [] : [membership.account_id],
  );
  await handOverRoles(trx, context.audit, {
    agencyId: context.agency.id,
    leavingAccountIds,
    replacementAccountId: context.replacementAccountId ?? details.replacementApproverAccountId,
    actorAccountId: context.actor.accountId,
    requestId: context.requestId,
  });

  const outcomes = [];
  for (const { entry, membership } of memberships) {
    await trx
      .updateTable('memberships')
      .set({ valid_to: details.effectiveDate })
      .where('id', '=', membership.id)
      .execute();
    const before = { agencyId: membership.agency_id, divisionId: membership.division_id };

    if (entry.disposition === 'hold') {
      const group = entry.holdingGroupId
        ? await requireHoldingGroup(trx, entry.holdingGroupId, 'holdingGroupId')
        : await holdingGroupForReason(trx, entry.reason, context.agency.id, context.audit);
      await trx
        .insertInto('memberships')
        .values({
          person_id: entry.personId,
          agency_id: group.id,
          division_id: null,
          valid_from: details.effectiveDate,
          valid_to: null,
        })
        .execute();
      await trx
        .updateTable('accounts')
        .set({ home_unit_id: group.id, updated_at: new Date() })
        .where('person_id', '=', entry.personId)
        .execute();
      await recordAudit(trx, context.audit, {
        action: 'membership.move',
        entityType: 'person',
        entityId: entry.personId,
        before,
        after: { agencyId: group.id, divisionId: null, validFrom: details.effectiveDate },
        detail: { requestId: context.requestId, reason: entry.reason, disposition: 'hold' },
      });
      if (entry.reason !== 'death' && membership.account_id !== null) {
        await notifyAccounts(trx, [membership.account_id], {
          kind: 'record_held',
          title: `Hồ sơ đã chuyển vào ${group.name}`,
          body: `Từ ngày ${formatDateVi(details.effectiveDate)} hồ sơ của bạn thuộc ${group.name}. Hãy kê khai cơ quan là ${group.name} và nộp phiếu để Sở Nội vụ phê duyệt.`,
          link: '/declaration',
          requestId: context.requestId,
        });
      }
      outcomes.push({
        personId: entry.personId,
        fullName: entry.fullName,
        outcome: 'held',
        holdingGroupId: group.id,
        holdingGroupName: group.name,
      });
      continue;
    }

    const keepAccount = entry.reason === 'transfer_within_province';
    if (!keepAccount && membership.account_id !== null) {
      await trx
        .updateTable('accounts')
        .set({ disabled_at: new Date(), updated_at: new Date() })
        .where('id', '=', membership.account_id)
        .where('disabled_at', 'is', null)
        .execute();
      const sessionsEnded = await endAllSessions(trx, membership.account_id);
      await recordAudit(trx, context.audit, {
        action: 'account.disable',
        entityType: 'account',
        entityId: membership.account_id,
        detail: { sessionsEnded, requestId: context.requestId },
      });
    }
    await recordAudit(trx, context.audit, {
      action: 'membership.end',
      entityType: 'person',
      entityId: entry.personId,
      before,
      after: { validTo: details.effectiveDate },
      detail: {
        requestId: context.requestId,
        reason: entry.reason,
        disposition: 'delete',
        accountKept: keepAccount,
      },
    });
    outcomes.push({
      personId: entry.personId,
      fullName: entry.fullName,
      outcome: 'deleted',
      holdingGroupId: null,
      holdingGroupName: null,
    });
  }
  return { people: outcomes };
}
