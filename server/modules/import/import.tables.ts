import type { ColumnType, Generated } from 'kysely';
import type { ImportPhase } from '../../../common/schemas/import.ts';

// Tables of the Excel import module (migration 202612071000_import_jobs).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface ImportJobsTable {
  id: Generated<number>;
  agency_id: number;
  default_division_id: number | null;
  created_by: number;
  file_name: string;
  file_sha256: string;
  file_data: ColumnType<Buffer, Buffer, never>;
  sheet_name: string;
  header_row: number;
  /** The header row as read: [{ index, letter, header }]. */
  file_columns: Json;
  mapping: Json;
  date_formats: Json;
  phase: ImportPhase;
  /** Fingerprint of the mapping, date formats and division the last successful dry run used. */
  checked_settings: string | null;
  rows_total: Generated<number>;
  rows_done: Generated<number>;
  counts: Json;
  problems: Json;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ImportTables {
  import_jobs: ImportJobsTable;
}
