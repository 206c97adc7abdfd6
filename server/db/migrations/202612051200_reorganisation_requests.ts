import { type Kysely, sql } from 'kysely';

// Reorganisation events with the lineage of units (which old unit became which), requests from
// unit admins to the province admin with their history, in-app notifications, and the record of
// each agency checking its list of people against reality.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reconciliations (
      id bigint generated always as identity primary key,
      agency_id bigint not null references units (id),
      checked_on date not null,
      account_id bigint not null references accounts (id),
      matches boolean not null,
      note text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index reconciliations_agency_idx on reconciliations (agency_id, checked_on)`.execute(db);

  await sql`
    create table requests (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('org_mismatch', 'reduction', 'recruitment', 'transfer_in')),
      status text not null default 'new' check (status in ('new', 'in_progress', 'done', 'rejected')),
      agency_id bigint not null references units (id),
      requested_by bigint not null references accounts (id),
      summary text not null check (length(summary) between 1 and 500),
      payload jsonb not null,
      result jsonb,
      reconciliation_id bigint references reconciliations (id),
      resolution_note text,
      resolved_by bigint references accounts (id),
      resolved_at timestamptz,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index requests_queue_idx on requests (status, created_at)`.execute(db);
  await sql`create index requests_agency_idx on requests (agency_id, created_at)`.execute(db);

  // The history of a request: its creation, each status change and each comment, never edited.
  await sql`
    create table request_events (
      id bigint generated always as identity primary key,
      request_id bigint not null references requests (id),
      occurred_at timestamptz not null default now(),
      actor_account_id bigint references accounts (id),
      kind text not null check (kind in ('created', 'status_changed', 'comment', 'processed')),
      from_status text,
      to_status text,
      comment text
    )
  `.execute(db);
  await sql`create index request_events_request_idx on request_events (request_id, occurred_at)`.execute(db);

  await sql`
    create table reorganisation_events (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('merge', 'split', 'dissolve', 'move_members')),
      effective_date date not null,
      decision_number text not null,
      decision_date date not null,
      note text,
      request_id bigint references requests (id),
      created_by bigint references accounts (id),
      created_at timestamptz not null default now()
    )
  `.execute(db);

  // Which old unit became which: one row per (old unit, successor); a dissolved unit has a row
  // without successor. Divisions that ended with their agency get rows of their own.
  await sql`
    create table unit_lineage (
      id bigint generated always as identity primary key,
      event_id bigint not null references reorganisation_events (id),
      from_unit_id bigint not null references units (id),
      to_unit_id bigint references units (id),
      effective_date date not null,
      check (to_unit_id is null or to_unit_id <> from_unit_id)
    )
  `.execute(db);
  await sql`create index unit_lineage_from_idx on unit_lineage (from_unit_id)`.execute(db);
  await sql`create index unit_lineage_to_idx on unit_lineage (to_unit_id)`.execute(db);

  // The holding group that receives kept records for each reduction reason.
  await sql`
    create table holding_group_defaults (
      reason text primary key,
      unit_id bigint not null references units (id)
    )
  `.execute(db);

  await sql`
    create table account_notifications (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts (id),
      kind text not null,
      title text not null,
      body text not null,
      link text,
      request_id bigint references requests (id),
      created_at timestamptz not null default now(),
      read_at timestamptz
    )
  `.execute(db);
  await sql`create index account_notifications_account_idx on account_notifications (account_id, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'account_notifications',
    'holding_group_defaults',
    'unit_lineage',
    'reorganisation_events',
    'request_events',
    'requests',
    'reconciliations',
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
