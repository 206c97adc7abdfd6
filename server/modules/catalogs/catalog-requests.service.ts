import { type Kysely, sql } from 'kysely';
import type {
  CatalogName,
  CatalogRequest,
  CatalogRequestStatus,
  CreateCatalogRequestBody,
  UpdateCatalogRequestBody,
} from '../../../common/schemas/catalogs.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { type Actor, holdsRole } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, grantRoots, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { CatalogRequestRow } from './catalogs.tables.ts';
import { catalogFieldLabels } from './catalogs.validation.ts';

const CLOSED: readonly CatalogRequestStatus[] = ['done', 'rejected'];

export function toCatalogRequestDto(row: CatalogRequestRow): CatalogRequest {
  return {
    id: row.id,
    catalog: row.catalog as CatalogName,
    field: row.field,
    proposedCode: row.proposed_code,
    proposedValue: row.proposed_value,
    legalDocumentNumber: row.legal_document_number,
    legalDocumentDate: row.legal_document_date,
    note: row.note,
    status: row.status,
    unitId: row.unit_id,
    requestedBy: row.requested_by,
    handledBy: row.handled_by,
    resolutionNote: row.resolution_note,
    // The pg driver and PGlite both return timestamptz as a Date.
    createdAt: (row.created_at as unknown as Date).toISOString(),
    rowVersion: row.row_version,
  };
}

/**
 * Requests for a missing catalog entry. A unit admin files one for a unit in their scope and
 * lists the requests of that scope, while Sở Nội vụ (province admin) works through the whole queue.
 */
export class CatalogRequestsService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async create(actor: Actor, body: CreateCatalogRequestBody, audit: AuditContext): Promise<CatalogRequest> {
    const unitId =
      body.unitId ?? grantRoots(actor, ['unit_admin'])[0] ?? grantRoots(actor, ['province_admin'])[0];
    if (unitId === undefined) throw new AppError('FORBIDDEN');
    await assertCoversUnit(this.db, actor, unitId, ADMIN_ROLES);

    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('catalog_requests')
        .values({
          catalog: body.catalog,
          field: normalizeText(body.field),
          proposed_code: body.proposedCode || null,
          proposed_value: normalizeText(body.proposedValue),
          legal_document_number: normalizeText(body.legalDocumentNumber),
          legal_document_date: body.legalDocumentDate,
          note: body.note || null,
          unit_id: unitId,
          requested_by: actor.accountId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dto = toCatalogRequestDto(row);
      await recordAudit(trx, audit, {
        action: 'catalog_request.create',
        entityType: 'catalog_request',
        entityId: row.id,
        after: dto,
      });
      return dto;
    });
  }

  /** Lists the province admin's whole queue, or the requests of a unit admin's units, newest first. */
  async list(actor: Actor, filter: { status?: CatalogRequestStatus | undefined }): Promise<CatalogRequest[]> {
    let query = this.db.selectFrom('catalog_requests').selectAll();
    if (!holdsRole(actor, 'province_admin')) {
      const units = await subtreeIds(this.db, grantRoots(actor, ['unit_admin']));
      if (units.length === 0) return [];
      query = query.where('unit_id', 'in', units);
    }
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1_000).execute();
    return rows.map(toCatalogRequestDto);
  }

  async updateStatus(
    actor: Actor,
    id: number,
    body: UpdateCatalogRequestBody,
    audit: AuditContext,
  ): Promise<CatalogRequest> {
    if (body.status === 'rejected' && !body.resolutionNote) {
      throw fieldError(
        'resolutionNote',
        catalogFieldLabels.resolutionNote!,
        'Hãy nêu lý do từ chối đề nghị.',
      );
    }

    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('catalog_requests')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND');
      if (current.row_version !== body.rowVersion) throw new AppError('CONFLICT');
      if (CLOSED.includes(current.status)) throw new AppError('CATALOG_REQUEST_CLOSED');

      const closing = CLOSED.includes(body.status);
      const updated = await trx
        .updateTable('catalog_requests')
        .set({
          status: body.status,
          resolution_note: body.resolutionNote ?? current.resolution_note,
          handled_by: actor.accountId,
          handled_at: closing ? sql`now()` : current.handled_at,
          row_version: current.row_version + 1,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toCatalogRequestDto(updated);
      await recordAudit(trx, audit, {
        action: 'catalog_request.update',
        entityType: 'catalog_request',
        entityId: id,
        before: toCatalogRequestDto(current),
        after,
      });
      return after;
    });
  }
}
