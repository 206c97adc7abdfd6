import { type Kysely, sql, type Transaction } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import {
  type CatalogEntry,
  type CatalogName,
  type CreateCatalogEntryBody,
  catalogLabels,
  catalogNames,
  type EndCatalogEntryBody,
  type UpdateCatalogEntryBody,
} from '../../../common/schemas/catalogs.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { invalidateCatalogCache } from './catalogs.lookup.ts';
import {
  countEntriesByCatalog,
  findEntryById,
  findEntryPeriods,
  listEntries,
  toCatalogEntryDto,
} from './catalogs.repository.ts';
import type { CatalogEntryRow } from './catalogs.tables.ts';
import { catalogFieldLabels, parseAttributes } from './catalogs.validation.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface LegalFields {
  legalBasis?: string | undefined;
  legalDocumentNumber?: string | undefined;
  legalDocumentDate?: string | undefined;
}

/** Raises VALIDATION_FAILED unless the body gives a legal basis, as document number and date or as a citation. */
function assertLegalBasis(body: LegalFields): void {
  const hasDocument = Boolean(body.legalDocumentNumber && body.legalDocumentDate);
  if (hasDocument || body.legalBasis) return;
  if (body.legalDocumentNumber && !body.legalDocumentDate) {
    throw fieldError(
      'legalDocumentDate',
      catalogFieldLabels.legalDocumentDate!,
      'Hãy nhập ngày ban hành của văn bản đã nêu số.',
    );
  }
  throw fieldError(
    'legalDocumentNumber',
    catalogFieldLabels.legalDocumentNumber!,
    'Hãy nhập số và ngày ban hành văn bản pháp lý, hoặc ghi căn cứ pháp lý.',
  );
}

function assertPeriod(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validTo <= validFrom) {
    throw fieldError(
      'validTo',
      catalogFieldLabels.validTo!,
      'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
    );
  }
}

function overlaps(
  a: { from: string | null; to: string | null },
  b: { from: string | null; to: string | null },
): boolean {
  const startsBeforeEnd = (from: string | null, to: string | null) =>
    from === null || to === null || from < to;
  return startsBeforeEnd(a.from, b.to) && startsBeforeEnd(b.from, a.to);
}

/** Raises CATALOG_PERIOD_OVERLAP when another row of the same code is in force on a common day. */
async function assertNoOverlap(
  db: Db,
  catalog: CatalogName,
  code: string,
  period: { from: string | null; to: string | null },
  exceptId?: number,
) {
  const periods = await findEntryPeriods(db, catalog, code);
  const clash = periods.find(
    (row) => row.id !== exceptId && overlaps(period, { from: row.valid_from, to: row.valid_to }),
  );
  if (clash) {
    throw new AppError('CATALOG_PERIOD_OVERLAP', {
      message: `Mã ${code} đã có mục "${clash.name}" hiệu lực ${clash.valid_from ?? '…'} – ${clash.valid_to ?? '…'} trùng với thời gian đã nhập.`,
      fields: [
        {
          field: 'validFrom',
          label: catalogFieldLabels.validFrom!,
          message: 'Hãy chọn thời gian hiệu lực không trùng với mục đã có.',
        },
      ],
    });
  }
}

export class CatalogsService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async summaries() {
    const counts = await countEntriesByCatalog(this.db);
    return catalogNames.map((catalog) => ({
      catalog,
      label: catalogLabels[catalog].vi,
      labelEn: catalogLabels[catalog].en,
      entryCount: counts.get(catalog) ?? 0,
    }));
  }

  async list(
    catalog: CatalogName,
    query: {
      onDate?: string | undefined;
      q?: string | undefined;
      includeEnded?: boolean;
      limit?: number | undefined;
    },
  ) {
    const rows = await listEntries(this.db, catalog, { ...query, onDate: query.onDate ?? todayIso() });
    return rows.map(toCatalogEntryDto);
  }

  async get(catalog: CatalogName, id: number): Promise<CatalogEntry> {
    const row = await findEntryById(this.db, catalog, id);
    if (!row) throw new AppError('NOT_FOUND');
    return toCatalogEntryDto(row);
  }

  async create(
    catalog: CatalogName,
    body: CreateCatalogEntryBody,
    audit: AuditContext,
  ): Promise<CatalogEntry> {
    const attributes = parseAttributes(catalog, body.attributes);
    assertLegalBasis(body);
    const validFrom = body.validFrom ?? null;
    const validTo = body.validTo ?? null;
    assertPeriod(validFrom, validTo);

    return this.writeCatalog(async (trx) => {
      await assertNoOverlap(trx, catalog, body.code, { from: validFrom, to: validTo });
      const row = await trx
        .insertInto('catalog_entries')
        .values({
          catalog,
          code: body.code,
          name: normalizeText(body.name),
          valid_from: validFrom,
          valid_to: validTo,
          legal_basis: body.legalBasis ?? null,
          legal_document_number: body.legalDocumentNumber ?? null,
          legal_document_date: body.legalDocumentDate ?? null,
          status: body.status ?? 'current',
          confidence: null,
          sources: null,
          notes: body.notes ?? null,
          sort_order: body.sortOrder ?? (await this.nextSortOrder(trx, catalog)),
          attributes: JSON.stringify(attributes),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dto = toCatalogEntryDto(row);
      await recordAudit(trx, audit, {
        action: 'catalog_entry.create',
        entityType: 'catalog_entry',
        entityId: row.id,
        after: dto,
      });
      return dto;
    });
  }

  /**
   * Edits an entry in place. Records keep the codes they cite, so a change here never rewrites
   * them. A change that applies from a date on is a new entry plus an end date on the old one.
   */
  async update(
    catalog: CatalogName,
    id: number,
    body: UpdateCatalogEntryBody,
    audit: AuditContext,
  ): Promise<CatalogEntry> {
    return this.writeCatalog(async (trx) => {
      const current = await this.lockForChange(trx, catalog, id, body.rowVersion);
      const attributes = body.attributes
        ? parseAttributes(catalog, { ...current.attributes, ...body.attributes })
        : current.attributes;
      const validFrom = body.validFrom === undefined ? current.valid_from : body.validFrom;
      assertPeriod(validFrom, current.valid_to);
      if (validFrom !== current.valid_from)
        await assertNoOverlap(trx, catalog, current.code, { from: validFrom, to: current.valid_to }, id);

      const updated = await trx
        .updateTable('catalog_entries')
        .set({
          name: body.name === undefined ? current.name : normalizeText(body.name),
          valid_from: validFrom,
          legal_basis: body.legalBasis ?? current.legal_basis,
          legal_document_number: body.legalDocumentNumber ?? current.legal_document_number,
          legal_document_date: body.legalDocumentDate ?? current.legal_document_date,
          status: body.status ?? current.status,
          notes: body.notes === undefined ? current.notes : body.notes,
          sort_order: body.sortOrder ?? current.sort_order,
          attributes: JSON.stringify(attributes),
          row_version: current.row_version + 1,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toCatalogEntryDto(updated);
      await recordAudit(trx, audit, {
        action: 'catalog_entry.update',
        entityType: 'catalog_entry',
        entityId: id,
        before: toCatalogEntryDto(current),
        after,
      });
      return after;
    });
  }

  /**
   * Ends an entry: from `validTo` on it no longer applies, but it stays for the records and
   * dates that cite it. Entries are never deleted, because this module cannot see which records
   * use a code.
   */
  async end(
    catalog: CatalogName,
    id: number,
    body: EndCatalogEntryBody,
    audit: AuditContext,
  ): Promise<CatalogEntry> {
    assertLegalBasis(body);
    return this.writeCatalog(async (trx) => {
      const current = await this.lockForChange(trx, catalog, id, body.rowVersion);
      if (current.valid_to !== null) {
        throw new AppError('CATALOG_ENTRY_ENDED', {
          message: `Mục "${current.name}" đã hết hiệu lực từ ngày ${current.valid_to}.`,
        });
      }
      assertPeriod(current.valid_from, body.validTo);

      const updated = await trx
        .updateTable('catalog_entries')
        .set({
          valid_to: body.validTo,
          end_legal_basis: body.legalBasis ?? null,
          end_document_number: body.legalDocumentNumber ?? null,
          end_document_date: body.legalDocumentDate ?? null,
          row_version: current.row_version + 1,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toCatalogEntryDto(updated);
      await recordAudit(trx, audit, {
        action: 'catalog_entry.end',
        entityType: 'catalog_entry',
        entityId: id,
        before: toCatalogEntryDto(current),
        after,
      });
      return after;
    });
  }

  /** Runs a catalog write in a transaction, then drops the cached lookups (also after a rollback). */
  private async writeCatalog<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } finally {
      invalidateCatalogCache(this.db);
    }
  }

  private async lockForChange(
    trx: Transaction<Database>,
    catalog: CatalogName,
    id: number,
    rowVersion: number,
  ): Promise<CatalogEntryRow> {
    const row = await trx
      .selectFrom('catalog_entries')
      .selectAll()
      .where('catalog', '=', catalog)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    if (row.row_version !== rowVersion) throw new AppError('CONFLICT');
    return row;
  }

  private async nextSortOrder(trx: Transaction<Database>, catalog: CatalogName): Promise<number> {
    const row = await trx
      .selectFrom('catalog_entries')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .where('catalog', '=', catalog)
      .executeTakeFirst();
    return Number(row?.max ?? -1) + 1;
  }
}
