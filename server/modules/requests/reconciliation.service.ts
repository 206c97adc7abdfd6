import { type Kysely, sql } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates.ts';
import type { ReconciliationBody } from '../../../common/schemas/requests.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, coversUnit } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { agencyNotFound } from './request-errors.ts';
import type { RequestsService } from './requests.service.ts';

/**
 * Reconciliation: a unit admin records that the agency's list was checked against reality on a
 * date and files each difference found as a request. SNV lists the agencies that have not checked.
 */
export class ReconciliationService {
  private readonly db: Kysely<Database>;
  private readonly requests: RequestsService;

  constructor(db: Kysely<Database>, requests: RequestsService) {
    this.db = db;
    this.requests = requests;
  }

  async record(actor: Actor, body: ReconciliationBody, audit: AuditContext) {
    if (body.checkedOn > todayIso())
      throw fieldError(
        'checkedOn',
        'Ngày đối chiếu',
        `Ngày đối chiếu không được sau hôm nay (${formatDateVi(todayIso())}).`,
      );
    if (body.matches && body.requests.length > 0) {
      throw fieldError(
        'matches',
        'Kết quả đối chiếu',
        'Danh sách đã khớp thì không lập đề nghị; hãy bỏ chọn "khớp" nếu có chênh lệch.',
      );
    }
    if (!body.matches && body.requests.length === 0) {
      throw fieldError(
        'requests',
        'Đề nghị',
        'Có chênh lệch thì hãy lập đề nghị cho từng chênh lệch (giảm, tuyển dụng mới, tiếp nhận, điều chỉnh tổ chức).',
      );
    }

    const id = await this.db.transaction().execute(async (trx) => {
      const agency = await trx
        .selectFrom('units')
        .selectAll()
        .where('id', '=', body.agencyId)
        .executeTakeFirst();
      if (!agency || !(await coversUnit(trx, actor, agency.id, ADMIN_ROLES))) throw agencyNotFound();
      if (agency.kind !== 'agency') throw fieldError('agencyId', 'Cơ quan', 'Hãy chọn một cơ quan, đơn vị.');

      const row = await trx
        .insertInto('reconciliations')
        .values({
          agency_id: agency.id,
          checked_on: body.checkedOn,
          account_id: actor.accountId,
          matches: body.matches,
          note: body.note ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const requestIds: number[] = [];
      for (const request of body.requests) {
        requestIds.push(
          await this.requests.createInTransaction(
            trx,
            actor,
            { ...request, agencyId: agency.id } as Parameters<RequestsService['create']>[1],
            audit,
            row.id,
          ),
        );
      }
      await recordAudit(trx, audit, {
        action: 'reconciliation.create',
        entityType: 'reconciliation',
        entityId: row.id,
        after: { agencyId: agency.id, checkedOn: body.checkedOn, matches: body.matches, requestIds },
      });
      return row.id;
    });
    const [created] = await this.history(actor, body.agencyId, id);
    if (!created) throw new AppError('NOT_FOUND');
    return created;
  }

  /** Lists the agency's reconciliations, newest first, with the requests each produced. */
  async history(actor: Actor, agencyId: number, onlyId?: number) {
    await assertCoversUnit(this.db, actor, agencyId, ADMIN_ROLES);
    let query = this.db
      .selectFrom('reconciliations as r')
      .innerJoin('accounts as acc', 'acc.id', 'r.account_id')
      .select([
        'r.id',
        'r.agency_id',
        'r.checked_on',
        'r.matches',
        'r.note',
        'r.created_at',
        'acc.id as accountId',
        'acc.display_name as accountName',
      ])
      .where('r.agency_id', '=', agencyId);
    if (onlyId !== undefined) query = query.where('r.id', '=', onlyId);
    const rows = await query.orderBy('r.checked_on', 'desc').orderBy('r.id', 'desc').limit(200).execute();

    const ids = rows.map((row) => row.id);
    const requests = ids.length
      ? await this.db
          .selectFrom('requests')
          .select(['id', 'reconciliation_id'])
          .where('reconciliation_id', 'in', ids)
          .orderBy('id')
          .execute()
      : [];
    return rows.map((row) => ({
      id: row.id,
      agencyId: row.agency_id,
      checkedOn: row.checked_on,
      matches: row.matches,
      note: row.note,
      checkedBy: { id: row.accountId, displayName: row.accountName },
      requestIds: requests
        .filter((request) => request.reconciliation_id === row.id)
        .map((request) => request.id),
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  /** Lists every active agency with its last check. One without a check since `since` is not reconciled. */
  async overview(since: string) {
    const result = await sql<{
      id: number;
      code: string;
      name: string;
      lastCheckedOn: string | null;
      lastMatches: boolean | null;
    }>`
      select a.id, a.code, a.name, last.checked_on as "lastCheckedOn", last.matches as "lastMatches"
      from units a
      left join lateral (
        select checked_on, matches from reconciliations r where r.agency_id = a.id order by checked_on desc, id desc limit 1
      ) last on true
      where a.kind = 'agency' and a.status = 'active'
      order by (last.checked_on is not null and last.checked_on >= ${since}), a.sort_order, a.code
    `.execute(this.db);
    const rows = result.rows.map((row) => ({
      agency: { id: row.id, code: row.code, name: row.name },
      lastCheckedOn: row.lastCheckedOn,
      lastMatches: row.lastMatches,
      reconciled: row.lastCheckedOn !== null && row.lastCheckedOn >= since,
    }));
    return { since, total: rows.length, notReconciled: rows.filter((row) => !row.reconciled).length, rows };
  }
}
