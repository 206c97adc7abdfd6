import type { Transaction } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates.ts';
import type { ReorganisationResult, SuccessorSpec } from '../../../common/schemas/reorganisation.ts';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { notifyAccounts } from '../requests/notifications.repository.ts';
import { appendRequestEvent, lockRequest } from '../requests/requests.repository.ts';
import { eventDtos } from './event-dtos.ts';
import { createSuccessorUnit } from './new-unit.ts';
import * as repository from './reorganisation.repository.ts';
import type { ReorganisationKind } from './reorganisation.tables.ts';

const ENDABLE_KINDS: readonly UnitRow['kind'][] = ['agency', 'division'];

export interface LegalBasis {
  effectiveDate: DateString;
  decisionNumber: string;
  decisionDate: DateString;
  note?: string | undefined;
  requestId?: number | undefined;
}

/** A merge, split or dissolution: the units that end, their successors and the legal basis. */
export interface ChangePlan {
  kind: Exclude<ReorganisationKind, 'move_members'>;
  sourceIds: number[];
  successors: SuccessorSpec[];
  basis: LegalBasis;
}

const VERB: Record<ChangePlan['kind'], string> = {
  merge: 'sáp nhập',
  split: 'chia tách',
  dissolve: 'giải thể',
};

function unitLabel(unit: { code: string; name: string }): string {
  return `${unit.code} ${unit.name}`;
}

/**
 * Ends the source units (and every active unit below them), creates the new successors, records
 * the lineage and notifies the people still attached, inside the caller's transaction. The
 * caller checks that the actor may change these units.
 */
export async function applyChange(
  trx: Transaction<Database>,
  plan: ChangePlan,
  context: { actorAccountId: number | null; audit: AuditContext },
): Promise<ReorganisationResult> {
  const sourceIds = plan.sourceIds;
  if (plan.basis.requestId !== undefined) await checkMismatchRequest(trx, plan.basis.requestId);

  const sources = await repository.lockUnits(trx, sourceIds);
  if (sources.length !== sourceIds.length) throw new AppError('NOT_FOUND');
  const ending = await collectEndingUnits(trx, sources, plan.basis.effectiveDate);
  const endingIds = new Set(ending.map((unit) => unit.id));
  const existingSuccessors = await checkExistingSuccessors(trx, plan.successors, endingIds);

  for (const unit of ending) await repository.endUnit(trx, unit, plan.basis.effectiveDate);

  const created: UnitRow[] = [];
  for (const [index, spec] of plan.successors.entries()) {
    if (!('newUnit' in spec)) continue;
    const field = plan.kind === 'merge' ? 'target.newUnit' : `targets.${index}.newUnit`;
    created.push(await createSuccessorUnit(trx, spec.newUnit, plan.basis, field));
  }
  const successors = [...existingSuccessors, ...created];

  const eventId = await repository.insertEvent(trx, {
    kind: plan.kind,
    effectiveDate: plan.basis.effectiveDate,
    decisionNumber: plan.basis.decisionNumber,
    decisionDate: plan.basis.decisionDate,
    note: plan.basis.note ?? null,
    requestId: plan.basis.requestId ?? null,
    createdBy: context.actorAccountId,
  });
  const targets = successors.length > 0 ? successors.map((unit) => unit.id) : [null];
  await repository.insertLineage(
    trx,
    ending.flatMap((unit) =>
      targets.map((toUnitId) => ({
        eventId,
        fromUnitId: unit.id,
        toUnitId,
        effectiveDate: plan.basis.effectiveDate,
      })),
    ),
  );

  await auditChange(trx, context.audit, { plan, eventId, ending, created, successors });
  if (plan.basis.requestId !== undefined) {
    const text = `Đã ${VERB[plan.kind]} ${sources.map(unitLabel).join(', ')} theo Quyết định số ${plan.basis.decisionNumber} ngày ${formatDateVi(plan.basis.decisionDate)}.`;
    await appendRequestEvent(trx, {
      requestId: plan.basis.requestId,
      actorAccountId: context.actorAccountId,
      kind: 'comment',
      comment: text,
    });
  }

  const { peopleAttached, notifiedAccounts } = await notifyAttachedPeople(trx, plan, sources, successors);
  const [event] = await eventDtos(trx, [
    await trx
      .selectFrom('reorganisation_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    event: event!,
    endedUnitIds: ending.map((unit) => unit.id),
    createdUnitIds: created.map((unit) => unit.id),
    peopleAttached,
    notifiedAccounts,
  };
}

async function checkMismatchRequest(trx: Transaction<Database>, requestId: number): Promise<void> {
  const request = await lockRequest(trx, requestId);
  if (!request) throw fieldError('requestId', 'Đề nghị', `Không tìm thấy đề nghị số ${requestId}.`);
  if (request.kind !== 'org_mismatch')
    throw fieldError(
      'requestId',
      'Đề nghị',
      `Đề nghị số ${requestId} không phải đề nghị điều chỉnh tổ chức bộ máy.`,
    );
  if (request.status === 'done' || request.status === 'rejected') {
    throw new AppError('REQUEST_STATE', {
      message: `Đề nghị số ${requestId} đã được xử lý xong; không gắn thêm thay đổi vào đề nghị này.`,
    });
  }
}

/** The sources and every active unit below them, after checking that each may end on the date. */
async function collectEndingUnits(
  trx: Transaction<Database>,
  sources: UnitRow[],
  effectiveDate: DateString,
): Promise<UnitRow[]> {
  const ending = new Map<number, UnitRow>();
  for (const source of sources) {
    if (source.status !== 'active') {
      throw new AppError('UNIT_ENDED', {
        message: `Đơn vị ${unitLabel(source)} đã kết thúc hoạt động từ ngày ${formatDateVi(source.valid_to)}.`,
      });
    }
    if (!ENDABLE_KINDS.includes(source.kind)) {
      throw new AppError('REORGANISATION_INVALID', {
        message: `Chỉ sáp nhập, chia tách, giải thể được cơ quan hoặc bộ phận; ${unitLabel(source)} không phải.`,
      });
    }
    for (const unit of await repository.activeSubtree(trx, source.id)) {
      if (ending.has(unit.id)) {
        throw new AppError('REORGANISATION_INVALID', {
          message: `Đơn vị ${unitLabel(unit)} nằm trong một đơn vị khác cũng được chọn; chỉ chọn đơn vị cấp trên.`,
        });
      }
      ending.set(unit.id, unit);
    }
  }

  for (const unit of ending.values()) {
    const revision = await repository.openRevision(trx, unit.id);
    const lastChange =
      revision && revision.valid_from > unit.valid_from ? revision.valid_from : unit.valid_from;
    if (effectiveDate <= lastChange) {
      throw fieldError(
        'effectiveDate',
        'Ngày hiệu lực',
        `Đơn vị ${unitLabel(unit)} có thay đổi từ ngày ${formatDateVi(lastChange)}; hãy chọn ngày hiệu lực sau ngày đó.`,
      );
    }
  }
  return [...ending.values()];
}

async function checkExistingSuccessors(
  trx: Transaction<Database>,
  specs: SuccessorSpec[],
  endingIds: Set<number>,
): Promise<UnitRow[]> {
  const ids = specs.flatMap((spec) => ('unitId' in spec ? [spec.unitId] : []));
  if (new Set(ids).size !== ids.length)
    throw fieldError('targets', 'Đơn vị kế thừa', 'Mỗi đơn vị kế thừa chỉ được chọn một lần.');
  const units = await repository.lockUnits(trx, ids);
  if (units.length !== ids.length)
    throw fieldError('target', 'Đơn vị kế thừa', 'Không tìm thấy đơn vị kế thừa đã chọn.');
  for (const unit of units) {
    if (endingIds.has(unit.id)) {
      throw new AppError('REORGANISATION_INVALID', {
        message: `Đơn vị kế thừa ${unitLabel(unit)} không được là đơn vị kết thúc hoặc nằm trong đơn vị kết thúc.`,
      });
    }
    if (unit.status !== 'active')
      throw new AppError('UNIT_ENDED', {
        message: `Đơn vị kế thừa ${unitLabel(unit)} đã kết thúc hoạt động.`,
      });
    if (!ENDABLE_KINDS.includes(unit.kind)) {
      throw new AppError('REORGANISATION_INVALID', {
        message: `Đơn vị kế thừa phải là cơ quan hoặc bộ phận; ${unitLabel(unit)} không phải.`,
      });
    }
  }
  return units;
}

async function auditChange(
  trx: Transaction<Database>,
  audit: AuditContext,
  change: {
    plan: ChangePlan;
    eventId: number;
    ending: UnitRow[];
    created: UnitRow[];
    successors: UnitRow[];
  },
): Promise<void> {
  const { plan, eventId } = change;
  const basis = {
    effectiveDate: plan.basis.effectiveDate,
    decisionNumber: plan.basis.decisionNumber,
    decisionDate: plan.basis.decisionDate,
  };
  await recordAudit(trx, audit, {
    action: `reorganisation.${plan.kind}`,
    entityType: 'reorganisation_event',
    entityId: eventId,
    after: {
      ...basis,
      sourceUnitIds: plan.sourceIds,
      successorUnitIds: change.successors.map((unit) => unit.id),
      requestId: plan.basis.requestId ?? null,
    },
  });
  for (const unit of change.ending) {
    await recordAudit(trx, audit, {
      action: 'unit.end',
      entityType: 'unit',
      entityId: unit.id,
      before: { status: 'active', validTo: null },
      after: { status: 'ended', validTo: plan.basis.effectiveDate, eventId },
    });
  }
  for (const unit of change.created) {
    await recordAudit(trx, audit, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: unit.id,
      after: {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parent_id,
        validFrom: unit.valid_from,
        eventId,
      },
    });
  }
}

async function notifyAttachedPeople(
  trx: Transaction<Database>,
  plan: ChangePlan,
  sources: UnitRow[],
  successors: UnitRow[],
) {
  const endedIds = (await Promise.all(sources.map((source) => subtreeIds(trx, [source.id])))).flat();
  const asOf = todayIso() > plan.basis.effectiveDate ? todayIso() : plan.basis.effectiveDate;
  const members = await repository.membershipsIn(trx, endedIds, asOf);
  const personIds = [...new Set(members.map((member) => member.person_id))];
  const accountIds = await repository.accountIdsOfPeople(trx, personIds);

  const successorText =
    successors.length > 0 ? ` Đơn vị kế thừa: ${successors.map(unitLabel).join('; ')}.` : '';
  const notifiedAccounts = await notifyAccounts(trx, accountIds, {
    kind: 'unit_ended',
    title: 'Đơn vị công tác của bạn đã thay đổi',
    body:
      `${sources.map(unitLabel).join(', ')} đã ${VERB[plan.kind]} từ ngày ${formatDateVi(plan.basis.effectiveDate)} ` +
      `theo Quyết định số ${plan.basis.decisionNumber} ngày ${formatDateVi(plan.basis.decisionDate)}.${successorText} ` +
      'Hãy kê khai lại cơ quan, bộ phận công tác mới và nộp phiếu để được phê duyệt.',
    link: '/declaration',
  });
  return { peopleAttached: personIds.length, notifiedAccounts };
}
