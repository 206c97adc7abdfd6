import { type Kysely, sql } from 'kysely';

// The legal document that ends a catalog entry (for example the decree that replaces a base
// salary), kept apart from the document that introduced it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table catalog_entries
      add column end_legal_basis text,
      add column end_document_number text,
      add column end_document_date date
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table catalog_entries
      drop column if exists end_legal_basis,
      drop column if exists end_document_number,
      drop column if exists end_document_date
  `.execute(db);
}
