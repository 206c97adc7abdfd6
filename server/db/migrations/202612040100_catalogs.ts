import { type Kysely, sql } from 'kysely';
import { loadCatalogSeed } from '../../modules/catalogs/catalogs.seed.ts';
import type { Database } from '../schema.ts';

// Catalogs (danh mục): one table of entries keyed by catalog and code, with validity dates, the
// legal basis and a JSONB `attributes` column whose shape per catalog is checked by zod in
// common/schemas/catalogs.ts. Rules read typed values from it (coefficients, base salary,
// retirement ages). Then the queue of requests for missing entries, and the seed data.
export async function up(db: Kysely<unknown>): Promise<void> {
  // valid_to is exclusive: the first day on which the entry no longer applies ("hết hiệu lực từ
  // ngày"). A null valid_from means no start date is recorded. An entry in use is never deleted.
  await sql`
    create table catalog_entries (
      id bigint generated always as identity primary key,
      catalog text not null check (catalog ~ '^[a-z_]{1,60}$'),
      code text not null check (length(code) between 1 and 80),
      name text not null check (length(name) between 1 and 500),
      name_fold text generated always as (vn_fold(name)) stored,
      valid_from date,
      valid_to date,
      legal_basis text,
      legal_document_number text,
      legal_document_date date,
      status text not null default 'current' check (status in ('current', 'legacy')),
      confidence text check (confidence in ('high', 'medium', 'low')),
      sources text,
      notes text,
      sort_order integer not null default 0,
      attributes jsonb not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_from is null or valid_to > valid_from)
    )
  `.execute(db);
  await sql`
    create unique index catalog_entries_period_key
    on catalog_entries (catalog, code, coalesce(valid_from, date '0001-01-01'))
  `.execute(db);
  await sql`create index catalog_entries_order_idx on catalog_entries (catalog, sort_order, code)`.execute(
    db,
  );
  await sql`create index catalog_entries_name_fold_trgm on catalog_entries using gin (name_fold gin_trgm_ops)`.execute(
    db,
  );

  // Requests from unit admins for an entry the catalog lacks; Sở Nội vụ works through them.
  await sql`
    create table catalog_requests (
      id bigint generated always as identity primary key,
      catalog text not null check (catalog ~ '^[a-z_]{1,60}$'),
      field text not null check (length(field) between 1 and 200),
      proposed_code text,
      proposed_value text not null check (length(proposed_value) between 1 and 500),
      legal_document_number text not null,
      legal_document_date date not null,
      note text,
      status text not null default 'new' check (status in ('new', 'in_progress', 'done', 'rejected')),
      unit_id bigint not null references units (id),
      requested_by bigint not null references accounts (id),
      handled_by bigint references accounts (id),
      handled_at timestamptz,
      resolution_note text,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index catalog_requests_status_idx on catalog_requests (status, created_at)`.execute(db);
  await sql`create index catalog_requests_unit_idx on catalog_requests (unit_id, created_at)`.execute(db);

  await loadCatalogSeed(db as unknown as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists catalog_requests`.execute(db);
  await sql`drop table if exists catalog_entries`.execute(db);
}
