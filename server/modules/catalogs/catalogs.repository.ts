import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { CatalogEntry, CatalogName } from '../../../common/schemas/catalogs.ts';
import type { Database } from '../../db/schema.ts';
import type { CatalogEntryRow } from './catalogs.tables.ts';

export function toCatalogEntryDto(row: CatalogEntryRow): CatalogEntry {
  return {
    id: row.id,
    catalog: row.catalog as CatalogName,
    code: row.code,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    legalBasis: row.legal_basis,
    legalDocumentNumber: row.legal_document_number,
    legalDocumentDate: row.legal_document_date,
    endLegalBasis: row.end_legal_basis,
    endDocumentNumber: row.end_document_number,
    endDocumentDate: row.end_document_date,
    status: row.status,
    confidence: row.confidence,
    sources: row.sources,
    notes: row.notes,
    sortOrder: row.sort_order,
    attributes: row.attributes,
    rowVersion: row.row_version,
  };
}

/** Matches rows in force on the date: started on or before it and not yet ended (valid_to is exclusive). */
export function validOn(onDate: string) {
  return (eb: ExpressionBuilder<Database, 'catalog_entries'>): Expression<SqlBool> =>
    eb.and([
      eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', onDate)]),
      eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', onDate)]),
    ]);
}

export async function findEntryById(
  db: Kysely<Database>,
  catalog: CatalogName,
  id: number,
): Promise<CatalogEntryRow | undefined> {
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('catalog', '=', catalog)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The row of the code in force on the date; the latest start wins should periods ever overlap. */
export async function findEntryOn(
  db: Kysely<Database>,
  catalog: CatalogName,
  code: string,
  onDate: string,
): Promise<CatalogEntryRow | undefined> {
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .where(validOn(onDate))
    .orderBy(sql`valid_from desc nulls last`)
    .limit(1)
    .executeTakeFirst();
}

/** Lists every row (all periods) of a code, oldest first. */
export async function findEntryPeriods(
  db: Kysely<Database>,
  catalog: CatalogName,
  code: string,
): Promise<CatalogEntryRow[]> {
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('catalog', '=', catalog)
    .where('code', '=', code)
    .orderBy(sql`valid_from asc nulls first`)
    .execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export interface ListEntriesFilter {
  onDate: string;
  q?: string | undefined;
  /** Also rows that ended, or start later, than onDate. */
  includeEnded?: boolean | undefined;
  limit?: number | undefined;
  /** Matches on attributes, e.g. { salaryGroup: 'A1' } (JSONB containment). */
  attributes?: Record<string, unknown> | undefined;
}

export async function listEntries(
  db: Kysely<Database>,
  catalog: CatalogName,
  filter: ListEntriesFilter,
): Promise<CatalogEntryRow[]> {
  let query = db.selectFrom('catalog_entries').selectAll().where('catalog', '=', catalog);
  if (!filter.includeEnded) query = query.where(validOn(filter.onDate));
  if (filter.attributes)
    query = query.where(sql<SqlBool>`attributes @> ${JSON.stringify(filter.attributes)}::jsonb`);

  const q = filter.q?.trim();
  if (q) {
    // Accent-insensitive on the name, ignoring spaces and hyphens too, so that "e de" and "ede"
    // find "Ê-đê"; a prefix on the code. Catalogs hold a few thousand rows, so a scan is cheap.
    const compact = q.replace(/[\s\-–]+/g, '');
    query = query.where((eb) =>
      eb.or([
        eb(
          sql<string>`regexp_replace(name_fold, '[[:space:]–-]+', '', 'g')`,
          'like',
          sql<string>`vn_fold(${`%${escapeLike(compact)}%`})`,
        ),
        eb('code', 'ilike', `${escapeLike(q)}%`),
      ]),
    );
  }

  return query
    .orderBy('sort_order')
    .orderBy('code')
    .orderBy(sql`valid_from asc nulls first`)
    .limit(filter.limit ?? 5_000)
    .execute();
}

export async function countEntriesByCatalog(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['catalog', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('catalog')
    .execute();
  return new Map(rows.map((row) => [row.catalog, Number(row.count)]));
}
