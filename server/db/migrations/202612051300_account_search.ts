import { type Kysely, sql } from 'kysely';

// Account search: the list of accounts matches part of the display name without tone marks
// (vn_fold) or part of the e-mail, so both get a trigram index that LIKE '%…%' can use.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index accounts_display_name_fold_trgm on accounts using gin (vn_fold(display_name) gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index accounts_email_trgm on accounts using gin (email gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists accounts_email_trgm`.execute(db);
  await sql`drop index if exists accounts_display_name_fold_trgm`.execute(db);
}
