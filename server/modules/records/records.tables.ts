import type { ColumnType, Generated } from 'kysely';
import type { DateString } from '../../db/schema.ts';

// Tables of the records and declarations module (migration 202612040200_records).

// Insert type allows undefined, so columns with a database default need no Generated<> wrapper.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type DeclarationStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'discarded';
export type DeclarationRoute = 'agency' | 'province';

export interface RecordVersionsTable {
  id: Generated<number>;
  person_id: number;
  version_no: number;
  data: Json;
  source: 'declaration' | 'import';
  declaration_id: number | null;
  approved_by_account_id: number | null;
  approved_at: Timestamp;
}

export interface PersonRecordsTable {
  person_id: number;
  current_version_id: number;
  version_no: number;
  employment_type: 'cadre' | 'civil_servant' | 'public_employee' | null;
  agency_id: number | null;
  division_id: number | null;
  ethnicity_code: string | null;
  ethnicity_code_system: string | null;
  religion_code: string | null;
  rank_kind: 'grade' | 'professional_title' | null;
  rank_code: string | null;
  salary_group: string | null;
  salary_step: number | null;
  salary_coefficient: number | null;
  step_start_date: DateString | null;
  position_code: string | null;
  position_name: string | null;
  position_allowance: number | null;
  general_education_code: string | null;
  professional_level_code: string | null;
  political_theory_code: string | null;
  state_management_code: string | null;
  it_level_code: string | null;
  foreign_language: string | null;
  foreign_language_level_code: string | null;
  party_join_date: DateString | null;
  party_official_date: DateString | null;
  is_party_member: ColumnType<boolean, never, never>;
  hometown_province_code: string | null;
  birth_place_province_code: string | null;
  first_recruitment_date: DateString | null;
  approved_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeclarationsTable {
  id: Generated<number>;
  person_id: number;
  status: DeclarationStatus;
  data: Json;
  base_version_no: number | null;
  target_agency_id: number | null;
  target_division_id: number | null;
  route: DeclarationRoute | null;
  is_transfer: Generated<boolean>;
  created_by_account_id: number | null;
  last_edited_by_account_id: number | null;
  submitted_at: Timestamp | null;
  submitted_by_account_id: number | null;
  decided_at: Timestamp | null;
  decided_by_account_id: number | null;
  return_reason: string | null;
  approved_version_id: number | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeclarationEventsTable {
  id: Generated<number>;
  declaration_id: number;
  event: 'created' | 'submitted' | 'returned' | 'approved' | 'discarded';
  actor_account_id: number | null;
  on_behalf: Generated<boolean>;
  reason: string | null;
  occurred_at: Timestamp;
}

export interface PersonNotificationsTable {
  id: Generated<number>;
  person_id: number;
  kind: 'declaration_returned' | 'declaration_approved' | 'declaration_reminder';
  message: string;
  declaration_id: number | null;
  created_by_account_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface RecordTables {
  record_versions: RecordVersionsTable;
  person_records: PersonRecordsTable;
  declarations: DeclarationsTable;
  declaration_events: DeclarationEventsTable;
  person_notifications: PersonNotificationsTable;
}
