import { type Kysely, sql } from 'kysely';

// Organisation tree, people and their memberships, accounts, role grants, sessions and the
// audit log. Written for PostgreSQL 15, which is also what PGlite (PostgreSQL 18) accepts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  // unaccent() is only STABLE; naming the dictionary makes the wrapper safe to declare IMMUTABLE,
  // which generated columns and indexes require. translate() guards đ/Đ should a build's rules lack it.
  await sql`
    create or replace function vn_fold(value text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(translate(public.unaccent('public.unaccent'::regdictionary, value), 'đĐ', 'dD')) $$
  `.execute(db);

  await sql`
    create table units (
      id bigint generated always as identity primary key,
      code text not null check (code ~ '^[0-9]{1,20}$'),
      name text not null check (length(name) between 1 and 300),
      kind text not null check (kind in ('province', 'agency', 'division', 'holding_root', 'holding_group')),
      parent_id bigint references units (id),
      valid_from date not null,
      valid_to date,
      status text not null default 'active' check (status in ('active', 'ended')),
      decision_number text,
      decision_date date,
      sort_order integer not null default 0,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from),
      check ((status = 'ended') = (valid_to is not null))
    )
  `.execute(db);
  await sql`create unique index units_active_code_key on units (code) where status = 'active'`.execute(db);
  await sql`create index units_parent_idx on units (parent_id)`.execute(db);

  // One row per period in which a unit had a given name and parent, so that the tree can be
  // shown as of any date. valid_to is exclusive: the first day the revision no longer applies.
  await sql`
    create table unit_revisions (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units (id),
      name text not null,
      parent_id bigint references units (id),
      valid_from date not null,
      valid_to date,
      decision_number text,
      decision_date date,
      check (valid_to is null or valid_to > valid_from)
    )
  `.execute(db);
  await sql`create index unit_revisions_unit_idx on unit_revisions (unit_id, valid_from)`.execute(db);
  await sql`create index unit_revisions_parent_idx on unit_revisions (parent_id)`.execute(db);

  await sql`
    create table people (
      id bigint generated always as identity primary key,
      full_name text not null check (length(full_name) between 1 and 200),
      name_fold text generated always as (vn_fold(full_name)) stored,
      name_sort_key text collate "C" not null,
      gender text check (gender in ('male', 'female')),
      birth_date date,
      personal_id_number text check (personal_id_number ~ '^[0-9]{12}$'),
      employee_code text,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index people_personal_id_number_key on people (personal_id_number)`.execute(db);
  await sql`create index people_name_fold_trgm on people using gin (name_fold gin_trgm_ops)`.execute(db);
  await sql`create index people_name_sort_key_idx on people (name_sort_key)`.execute(db);

  // Where a person works. valid_to is exclusive; the open row (valid_to null) is the current one.
  await sql`
    create table memberships (
      id bigint generated always as identity primary key,
      person_id bigint not null references people (id),
      agency_id bigint not null references units (id),
      division_id bigint references units (id),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    )
  `.execute(db);
  await sql`create unique index memberships_open_person_key on memberships (person_id) where valid_to is null`.execute(db);
  await sql`create index memberships_division_idx on memberships (division_id, valid_from)`.execute(db);
  await sql`create index memberships_agency_idx on memberships (agency_id, valid_from)`.execute(db);

  await sql`
    create table accounts (
      id bigint generated always as identity primary key,
      email text not null check (email = lower(email) and email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
      display_name text not null,
      person_id bigint references people (id),
      home_unit_id bigint not null references units (id),
      password_hash text,
      must_change_password boolean not null default true,
      password_changed_at timestamptz,
      disabled_at timestamptz,
      failed_sign_in_count integer not null default 0,
      locked_until timestamptz,
      last_sign_in_at timestamptz,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index accounts_email_key on accounts (email)`.execute(db);
  await sql`create unique index accounts_person_key on accounts (person_id)`.execute(db);
  await sql`create index accounts_home_unit_idx on accounts (home_unit_id)`.execute(db);

  await sql`
    create table role_grants (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts (id),
      role text not null check (role in ('approver', 'unit_admin', 'province_admin')),
      unit_id bigint not null references units (id),
      granted_at timestamptz not null default now(),
      granted_by bigint references accounts (id),
      revoked_at timestamptz,
      revoked_by bigint references accounts (id)
    )
  `.execute(db);
  await sql`
    create unique index role_grants_active_key on role_grants (account_id, role, unit_id) where revoked_at is null
  `.execute(db);
  await sql`create index role_grants_unit_idx on role_grants (unit_id, role) where revoked_at is null`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      account_id bigint not null references accounts (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      ip text,
      user_agent text
    )
  `.execute(db);
  await sql`create index sessions_account_idx on sessions (account_id) where ended_at is null`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_account_id bigint,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      detail jsonb,
      request_id text,
      ip text
    )
  `.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id, occurred_at)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_account_id, occurred_at)`.execute(db);

  // Append-only: the database itself rejects any change to a written audit row.
  await sql`
    create function audit_log_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = 'P0001';
    end $$
  `.execute(db);
  await sql`
    create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_reject_change()
  `.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_reject_change()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'sessions', 'role_grants', 'accounts', 'memberships', 'people', 'unit_revisions', 'units']) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists audit_log_reject_change()`.execute(db);
  await sql`drop function if exists vn_fold(text)`.execute(db);
}
