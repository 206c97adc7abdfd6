import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { formatDateVi } from '../../../common/dates.ts';
import {
  type CreateRequestBody,
  type listRequestsQuery,
  orgChangeTypeLabels,
  type ProcessBody,
  type RequestDto,
  requestKindLabels,
  requestStatusLabels,
  type statusBody,
} from '../../../common/schemas/requests.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, coversUnit, grantRoots, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { type NotificationInput, notifyAccounts } from './notifications.repository.ts';
import {
  preparePasswords,
  prepareRecruitment,
  processRecruitment,
  type RecruitmentDetails,
} from './recruitment.ts';
import { prepareReduction, processReduction, type ReductionDetails } from './reduction.ts';
import { agencyNotFound } from './request-errors.ts';
import type { RequestMailer } from './request-mailer.ts';
import * as repository from './requests.repository.ts';
import type { RequestStatus } from './requests.tables.ts';
import { prepareTransferIn, processTransferIn, type TransferInDetails } from './transfer-in.ts';

const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'in_progress'];

function isProvinceAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'province_admin');
}

/**
 * Requests (đề nghị) from unit admins to SNV: filed for one agency, worked from one queue with
 * statuses new → in progress → done or rejected, commented on both ways, and processed by SNV,
 * which applies the change. Every step is audited and written to the request's history, and the
 * requester is notified in the app.
 */
export class RequestsService {
  private readonly db: Kysely<Database>;
  private readonly mailer: RequestMailer | null;

  constructor(db: Kysely<Database>, mailer: RequestMailer | null = null) {
    this.db = db;
    this.mailer = mailer;
  }

  async create(actor: Actor, body: CreateRequestBody, audit: AuditContext): Promise<RequestDto> {
    const id = await this.db
      .transaction()
      .execute((trx) => this.createInTransaction(trx, actor, body, audit, null));
    return (await repository.findRequestDto(this.db, id))!;
  }

  /** Files a request inside a caller's transaction; reconciliation files several at once. */
  async createInTransaction(
    trx: Transaction<Database>,
    actor: Actor,
    body: CreateRequestBody,
    audit: AuditContext,
    reconciliationId: number | null,
  ): Promise<number> {
    const agency = await this.requireAgency(trx, actor, body.agencyId);
    const { details, summary } = await this.prepare(trx, actor, agency, body);

    const requestId = await repository.insertRequest(trx, {
      kind: body.kind,
      agencyId: agency.id,
      requestedBy: actor.accountId,
      summary: summary.slice(0, 500),
      payload: { note: body.note ?? null, details: details as Record<string, unknown> },
      reconciliationId,
    });
    await repository.appendRequestEvent(trx, {
      requestId,
      actorAccountId: actor.accountId,
      kind: 'created',
      toStatus: 'new',
      comment: body.note ?? null,
    });
    await recordAudit(trx, audit, {
      action: 'request.create',
      entityType: 'request',
      entityId: requestId,
      after: { kind: body.kind, agencyId: agency.id, summary, details },
    });
    return requestId;
  }

  async list(actor: Actor, query: z.infer<typeof listRequestsQuery>) {
    if (query.agencyId !== undefined) await assertCoversUnit(this.db, actor, query.agencyId, ADMIN_ROLES);
    const agencyIds = isProvinceAdmin(actor)
      ? null
      : await subtreeIds(this.db, grantRoots(actor, ADMIN_ROLES));
    const result = await repository.listRequests(
      this.db,
      { agencyIds, status: query.status, kind: query.kind, agencyId: query.agencyId },
      query.page,
      query.pageSize,
    );
    return { ...result, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, requestId: number) {
    const request = await this.visibleRequest(actor, requestId);
    return { ...request, history: await repository.requestHistory(this.db, requestId) };
  }

  async comment(actor: Actor, requestId: number, text: string, audit: AuditContext) {
    await this.visibleRequest(actor, requestId);
    const mail = await this.db.transaction().execute(async (trx) => {
      const row = await repository.lockRequest(trx, requestId);
      if (!row) throw new AppError('NOT_FOUND');
      await repository.appendRequestEvent(trx, {
        requestId,
        actorAccountId: actor.accountId,
        kind: 'comment',
        comment: text,
      });
      await recordAudit(trx, audit, {
        action: 'request.comment',
        entityType: 'request',
        entityId: requestId,
        detail: { text },
      });

      // The other side reads it: the requester, or SNV staff who already worked on the request.
      const recipients =
        row.requested_by === actor.accountId
          ? await this.provinceParticipants(trx, requestId, actor.accountId)
          : [row.requested_by];
      const notification: NotificationInput = {
        kind: 'request_comment',
        title: `Trao đổi mới về đề nghị số ${requestId}`,
        body: `${actor.displayName}: ${text.slice(0, 300)}`,
        link: `/requests/${requestId}`,
        requestId,
      };
      await notifyAccounts(trx, recipients, notification);
      return { accountIds: recipients, notification };
    });
    await this.emailAccounts(mail.accountIds, mail.notification);
    return this.get(actor, requestId);
  }

  /** SNV takes a request up (in progress) or rejects it with a reason. */
  async setStatus(actor: Actor, requestId: number, body: z.infer<typeof statusBody>, audit: AuditContext) {
    await this.visibleRequest(actor, requestId);
    if (body.status === 'rejected' && !body.comment)
      throw fieldError('comment', 'Lý do từ chối', 'Hãy nêu lý do từ chối để đơn vị biết cần làm gì.');

    const mail = await this.db.transaction().execute(async (trx) => {
      const row = await this.lockOpenRequest(trx, requestId, body.rowVersion);
      if (body.status === 'in_progress' && row.status !== 'new') {
        throw new AppError('REQUEST_STATE', {
          message: `Đề nghị số ${requestId} đang ở trạng thái "${requestStatusLabels[row.status].vi}", không chuyển sang "Đang xử lý" được.`,
        });
      }
      await repository.updateRequestState(trx, requestId, {
        status: body.status,
        rowVersion: row.row_version,
        resolutionNote: body.status === 'rejected' ? (body.comment ?? null) : undefined,
        resolvedBy: actor.accountId,
      });
      await repository.appendRequestEvent(trx, {
        requestId,
        actorAccountId: actor.accountId,
        kind: 'status_changed',
        fromStatus: row.status,
        toStatus: body.status,
        comment: body.comment ?? null,
      });
      await recordAudit(trx, audit, {
        action: 'request.status',
        entityType: 'request',
        entityId: requestId,
        before: { status: row.status },
        after: { status: body.status, comment: body.comment ?? null },
      });
      return this.notifyRequester(trx, row, body.status, body.comment ?? null);
    });
    await this.emailAccounts(mail.accountIds, mail.notification);
    return this.get(actor, requestId);
  }

  /**
   * SNV applies the request and closes it as done: the reduction, the recruits' accounts, the
   * transfer, or (for an organisation mismatch, whose tree changes SNV made with the
   * reorganisation tools) just the closing note. Default passwords of new accounts are returned
   * once.
   */
  async process(actor: Actor, requestId: number, body: ProcessBody, audit: AuditContext) {
    const visible = await this.visibleRequest(actor, requestId);
    const passwords = await this.preparePasswordsFor(visible, body);

    const { created, mail } = await this.db.transaction().execute(async (trx) => {
      const row = await this.lockOpenRequest(trx, requestId, body.rowVersion);
      const agency = (await trx
        .selectFrom('units')
        .selectAll()
        .where('id', '=', row.agency_id)
        .executeTakeFirst())!;
      const details = (row.payload as repository.StoredPayload).details;
      const context = { actor, audit, agency, requestId };

      let result: unknown;
      let createdAccounts: Array<{
        accountId: number;
        email: string;
        displayName: string;
        initialPassword: string;
      }> = [];
      if (row.kind === 'reduction') {
        result = await processReduction(
          trx,
          { ...context, replacementAccountId: body.replacementApproverAccountId },
          details as unknown as ReductionDetails,
        );
      } else if (row.kind === 'recruitment') {
        ({ result, created: createdAccounts } = await processRecruitment(
          trx,
          { ...context, passwords },
          details as unknown as RecruitmentDetails,
        ));
      } else if (row.kind === 'transfer_in') {
        const password = [...passwords.values()][0]!;
        ({ result, created: createdAccounts } = await processTransferIn(
          trx,
          { ...context, password },
          details as unknown as TransferInDetails,
          body,
        ));
      } else {
        const events = await trx
          .selectFrom('reorganisation_events')
          .select('id')
          .where('request_id', '=', requestId)
          .orderBy('id')
          .execute();
        result = { reorganisationEventIds: events.map((event) => event.id) };
      }

      await repository.updateRequestState(trx, requestId, {
        status: 'done',
        rowVersion: row.row_version,
        result,
        resolutionNote: body.note ?? null,
        resolvedBy: actor.accountId,
      });
      await repository.appendRequestEvent(trx, {
        requestId,
        actorAccountId: actor.accountId,
        kind: 'processed',
        fromStatus: row.status,
        toStatus: 'done',
        comment: body.note ?? null,
      });
      await recordAudit(trx, audit, {
        action: 'request.process',
        entityType: 'request',
        entityId: requestId,
        before: { status: row.status },
        after: { status: 'done', result },
      });
      const mail = await this.notifyRequester(trx, row, 'done', body.note ?? null);
      return { created: createdAccounts, mail };
    });
    await this.emailAccounts(mail.accountIds, mail.notification);

    return { request: (await repository.findRequestDto(this.db, requestId))!, createdAccounts: created };
  }

  private async preparePasswordsFor(request: RequestDto, body: ProcessBody) {
    if (request.kind === 'recruitment') {
      const recruits = (request.details as unknown as RecruitmentDetails).recruits;
      return preparePasswords(recruits.map((recruit) => recruit.email));
    }
    if (request.kind === 'transfer_in') {
      return preparePasswords([body.email ?? (request.details as unknown as TransferInDetails).email ?? '']);
    }
    return new Map();
  }

  private async prepare(trx: Transaction<Database>, actor: Actor, agency: UnitRow, body: CreateRequestBody) {
    switch (body.kind) {
      case 'reduction':
        return prepareReduction(trx, actor, agency, body.details);
      case 'recruitment':
        return prepareRecruitment(trx, agency, body.details);
      case 'transfer_in':
        return prepareTransferIn(trx, agency, body.details);
      case 'org_mismatch': {
        for (const [index, unitId] of body.details.unitIds.entries()) {
          if (!(await coversUnit(trx, actor, unitId, ADMIN_ROLES)))
            throw fieldError(
              `details.unitIds.${index}`,
              'Đơn vị',
              'Không tìm thấy đơn vị đã chọn trong phạm vi bạn quản lý.',
            );
        }
        const details = body.details;
        const description =
          details.description.length > 120 ? `${details.description.slice(0, 120)}…` : details.description;
        const summary = `${orgChangeTypeLabels[details.changeType].vi}: ${description} (Quyết định số ${details.decisionNumber} ngày ${formatDateVi(details.decisionDate)})`;
        return { details, summary };
      }
    }
  }

  private async requireAgency(trx: Transaction<Database>, actor: Actor, agencyId: number): Promise<UnitRow> {
    const agency = await trx.selectFrom('units').selectAll().where('id', '=', agencyId).executeTakeFirst();
    if (!agency || !(await coversUnit(trx, actor, agencyId, ADMIN_ROLES))) throw agencyNotFound();
    if (agency.kind !== 'agency')
      throw fieldError(
        'agencyId',
        'Cơ quan',
        'Đề nghị được lập cho một cơ quan, đơn vị; hãy chọn cơ quan chứ không chọn bộ phận.',
      );
    if (agency.status !== 'active')
      throw new AppError('UNIT_ENDED', { message: `Cơ quan ${agency.name} đã kết thúc hoạt động.` });
    return agency;
  }

  /** The request if the actor administers its agency; NOT_FOUND otherwise, as for a missing one. */
  private async visibleRequest(actor: Actor, requestId: number): Promise<RequestDto> {
    const request = await repository.findRequestDto(this.db, requestId);
    if (!request || !(await coversUnit(this.db, actor, request.agency.id, ADMIN_ROLES)))
      throw new AppError('NOT_FOUND');
    return request;
  }

  private async lockOpenRequest(trx: Transaction<Database>, requestId: number, rowVersion: number) {
    const row = await repository.lockRequest(trx, requestId);
    if (!row) throw new AppError('NOT_FOUND');
    if (!OPEN_STATUSES.includes(row.status)) {
      throw new AppError('REQUEST_STATE', {
        message: `Đề nghị số ${requestId} đã ở trạng thái "${requestStatusLabels[row.status].vi}"; không thay đổi được nữa.`,
      });
    }
    if (row.row_version !== rowVersion) throw new AppError('CONFLICT');
    return row;
  }

  private async provinceParticipants(
    trx: Transaction<Database>,
    requestId: number,
    exceptAccountId: number,
  ): Promise<number[]> {
    const rows = await trx
      .selectFrom('request_events')
      .select('actor_account_id')
      .distinct()
      .where('request_id', '=', requestId)
      .where('kind', 'in', ['status_changed', 'processed', 'comment'])
      .where('actor_account_id', 'is not', null)
      .where('actor_account_id', '<>', exceptAccountId)
      .execute();
    return rows.map((row) => row.actor_account_id!);
  }

  private async notifyRequester(
    trx: Transaction<Database>,
    row: { id: number; kind: keyof typeof requestKindLabels; requested_by: number },
    status: RequestStatus,
    comment: string | null,
  ) {
    const kindLabel = requestKindLabels[row.kind].vi.toLowerCase();
    const notification: NotificationInput = {
      kind: 'request_status',
      title: `Đề nghị ${kindLabel} số ${row.id}: ${requestStatusLabels[status].vi}`,
      body: comment
        ? `Sở Nội vụ: ${comment.slice(0, 500)}`
        : `Đề nghị đã chuyển sang trạng thái "${requestStatusLabels[status].vi}".`,
      link: `/requests/${row.id}`,
      requestId: row.id,
    };
    await notifyAccounts(trx, [row.requested_by], notification);
    return { accountIds: [row.requested_by], notification };
  }

  /** Sends e-mail copies of an in-app notification once its transaction has committed (SMTP only). */
  private async emailAccounts(accountIds: readonly number[], notification: NotificationInput): Promise<void> {
    if (!this.mailer || accountIds.length === 0) return;
    const accounts = await this.db
      .selectFrom('accounts')
      .select(['email', 'display_name'])
      .where('id', 'in', [...accountIds])
      .where('disabled_at', 'is', null)
      .execute();
    for (const account of accounts) {
      await this.mailer.send({
        to: account.email,
        displayName: account.display_name,
        subject: notification.title,
        body: notification.body,
        path: notification.link ?? '/requests',
      });
    }
  }
}
