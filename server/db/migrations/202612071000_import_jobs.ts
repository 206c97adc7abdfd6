import { type Kysely, sql } from 'kysely';

// Excel imports of existing records. The uploaded file stays in the row until the import is
// deleted, so that the column mapping can be adjusted and the dry run repeated without a new
// upload; the outcome (counts and every problem by row and column) stays as the import's report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_jobs (
      id bigint generated always as identity primary key,
      agency_id bigint not null references units (id),
      default_division_id bigint references units (id),
      created_by bigint not null references accounts (id),
      file_name text not null,
      file_sha256 text not null,
      file_data bytea not null,
      sheet_name text not null,
      header_row integer not null,
      file_columns jsonb not null,
      mapping jsonb not null,
      date_formats jsonb not null,
      phase text not null check (phase in ('uploaded', 'checking', 'checked', 'importing', 'imported', 'failed')),
      checked_settings text,
      rows_total integer not null default 0,
      rows_done integer not null default 0,
      counts jsonb not null default '{}',
      problems jsonb not null default '[]',
      error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    )
  `.execute(db);
  await sql`create index import_jobs_agency_idx on import_jobs (agency_id, created_at desc)`.execute(db);
  await sql`create index import_jobs_sha_idx on import_jobs (agency_id, file_sha256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists import_jobs`.execute(db);
}
