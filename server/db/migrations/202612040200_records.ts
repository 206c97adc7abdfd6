import { type Kysely, sql } from 'kysely';

// Personnel records and declarations: approved record versions (immutable), the current record's
// indexed columns, declarations with their event history, and notifications to the person.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every approved state of a record, kept forever. version_no counts from 1 per person.
  await sql`
    create table record_versions (
      id bigint generated always as identity primary key,
      person_id bigint not null references people (id),
      version_no integer not null check (version_no >= 1),
      data jsonb not null,
      source text not null check (source in ('declaration', 'import')),
      declaration_id bigint,
      approved_by_account_id bigint references accounts (id),
      approved_at timestamptz not null default now(),
      unique (person_id, version_no)
    )
  `.execute(db);

  await sql`
    create function record_versions_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception 'record_versions rows are immutable' using errcode = 'P0001';
    end $$
  `.execute(db);
  await sql`
    create trigger record_versions_no_update_delete before update or delete on record_versions
    for each row execute function record_versions_reject_change()
  `.execute(db);

  // The official record of each person: the last approved version, with the fields that search
  // and statistics filter on copied into columns. Identity (name, gender, birth date, personal ID
  // number) lives on people.
  await sql`
    create table person_records (
      person_id bigint primary key references people (id),
      current_version_id bigint not null references record_versions (id),
      version_no integer not null,
      employment_type text check (employment_type in ('cadre', 'civil_servant', 'public_employee')),
      agency_id bigint references units (id),
      division_id bigint references units (id),
      ethnicity_code text,
      ethnicity_code_system text,
      religion_code text,
      rank_kind text check (rank_kind in ('grade', 'professional_title')),
      rank_code text,
      salary_group text,
      salary_step integer,
      salary_coefficient numeric(5, 2),
      step_start_date date,
      position_code text,
      position_name text,
      position_allowance numeric(5, 2),
      general_education_code text,
      professional_level_code text,
      political_theory_code text,
      state_management_code text,
      it_level_code text,
      foreign_language text,
      foreign_language_level_code text,
      party_join_date date,
      party_official_date date,
      is_party_member boolean generated always as (party_join_date is not null) stored,
      hometown_province_code text,
      birth_place_province_code text,
      first_recruitment_date date,
      approved_at timestamptz not null,
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  for (const column of [
    'agency_id',
    'division_id',
    'rank_code',
    'salary_group',
    'ethnicity_code',
    'religion_code',
    'professional_level_code',
    'political_theory_code',
    'state_management_code',
    'step_start_date',
  ]) {
    await sql`create index ${sql.id(`person_records_${column}_idx`)} on person_records (${sql.ref(column)})`.execute(db);
  }

  await sql`
    create table declarations (
      id bigint generated always as identity primary key,
      person_id bigint not null references people (id),
      status text not null check (status in ('draft', 'submitted', 'returned', 'approved', 'discarded')),
      data jsonb not null,
      base_version_no integer,
      target_agency_id bigint references units (id),
      target_division_id bigint references units (id),
      route text check (route in ('agency', 'province')),
      is_transfer boolean not null default false,
      created_by_account_id bigint references accounts (id),
      last_edited_by_account_id bigint references accounts (id),
      submitted_at timestamptz,
      submitted_by_account_id bigint references accounts (id),
      decided_at timestamptz,
      decided_by_account_id bigint references accounts (id),
      return_reason text,
      approved_version_id bigint references record_versions (id),
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  // At most one open declaration per person.
  await sql`
    create unique index declarations_open_person_key on declarations (person_id)
    where status in ('draft', 'submitted', 'returned')
  `.execute(db);
  await sql`create index declarations_person_idx on declarations (person_id, created_at)`.execute(db);
  await sql`create index declarations_submitted_target_idx on declarations (target_agency_id) where status = 'submitted'`.execute(db);
  await sql`create index declarations_status_idx on declarations (status)`.execute(db);

  await sql`
    create table declaration_events (
      id bigint generated always as identity primary key,
      declaration_id bigint not null references declarations (id),
      event text not null check (event in ('created', 'submitted', 'returned', 'approved', 'discarded')),
      actor_account_id bigint references accounts (id),
      on_behalf boolean not null default false,
      reason text,
      occurred_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index declaration_events_declaration_idx on declaration_events (declaration_id, occurred_at)`.execute(db);

  await sql`
    create table person_notifications (
      id bigint generated always as identity primary key,
      person_id bigint not null references people (id),
      kind text not null check (kind in ('declaration_returned', 'declaration_approved', 'declaration_reminder')),
      message text not null,
      declaration_id bigint references declarations (id),
      created_by_account_id bigint references accounts (id),
      created_at timestamptz not null default now(),
      read_at timestamptz
    )
  `.execute(db);
  await sql`create index person_notifications_person_idx on person_notifications (person_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['person_notifications', 'declaration_events', 'declarations', 'person_records', 'record_versions']) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists record_versions_reject_change()`.execute(db);
}
