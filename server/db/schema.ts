import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RecordTables } from '../modules/records/records.tables.ts';
import type { CatalogTables } from '../modules/catalogs/catalogs.tables.ts';
import type { ReorganisationTables } from '../modules/reorganisation/reorganisation.tables.ts';
import type { RequestsTables } from '../modules/requests/requests.tables.ts';
import type { SignInTables } from '../modules/auth/sign-in.tables.ts';
import type { ImportTables } from '../modules/import/import.tables.ts';

/** A calendar date as 'YYYY-MM-DD' (see type-parsers.ts). */
export type DateString = string;
// Inserts may omit a timestamp with a column default. Generated<Timestamp> would nest two
// ColumnTypes and make the column impossible to update, so defaults use this type as it is.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type UnitKind = 'province' | 'agency' | 'division' | 'holding_root' | 'holding_group';
export type UnitStatus = 'active' | 'ended';
export type GrantedRole = 'approver' | 'unit_admin' | 'province_admin';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  valid_from: DateString;
  valid_to: DateString | null;
  status: Generated<UnitStatus>;
  decision_number: string | null;
  decision_date: DateString | null;
  sort_order: Generated<number>;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitRevisionsTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  parent_id: number | null;
  valid_from: DateString;
  valid_to: DateString | null;
  decision_number: string | null;
  decision_date: DateString | null;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  name_fold: ColumnType<string, never, never>;
  name_sort_key: string;
  gender: 'male' | 'female' | null;
  birth_date: DateString | null;
  personal_id_number: string | null;
  employee_code: string | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  agency_id: number;
  division_id: number | null;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface AccountsTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  person_id: number | null;
  home_unit_id: number;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  disabled_at: Timestamp | null;
  failed_sign_in_count: Generated<number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  account_id: number;
  role: GrantedRole;
  unit_id: number;
  granted_at: Timestamp;
  granted_by: number | null;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

export interface SessionsTable {
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_account_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  detail: Json | null;
  request_id: string | null;
  ip: string | null;
}

export interface FoundationTables {
  units: UnitsTable;
  unit_revisions: UnitRevisionsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

/** Every table, as Kysely sees it. Each module adds its own tables through an interface here. */
export interface Database extends FoundationTables, CatalogTables, RecordTables, ReorganisationTables, RequestsTables, SignInTables, ImportTables {}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type AccountRow = Selectable<AccountsTable>;
