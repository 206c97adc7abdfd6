import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CatalogRequestStatus, EntryStatus } from '../../../common/schemas/catalogs.ts';
import type { DateString } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSONB comes back parsed; it is written as a JSON string. */
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface CatalogEntriesTable {
  id: Generated<number>;
  catalog: string;
  code: string;
  name: string;
  name_fold: ColumnType<string, never, never>;
  valid_from: DateString | null;
  /** Exclusive: the first day on which the entry no longer applies. */
  valid_to: DateString | null;
  legal_basis: string | null;
  legal_document_number: string | null;
  legal_document_date: DateString | null;
  /** The legal document that ended the entry. */
  end_legal_basis: Generated<string | null>;
  end_document_number: Generated<string | null>;
  end_document_date: Generated<DateString | null>;
  status: Generated<EntryStatus>;
  confidence: 'high' | 'medium' | 'low' | null;
  sources: string | null;
  notes: string | null;
  sort_order: Generated<number>;
  attributes: JsonObject;
  row_version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CatalogRequestsTable {
  id: Generated<number>;
  catalog: string;
  field: string;
  proposed_code: string | null;
  proposed_value: string;
  legal_document_number: string;
  legal_document_date: DateString;
  note: string | null;
  status: Generated<CatalogRequestStatus>;
  unit_id: number;
  requested_by: number;
  handled_by: number | null;
  handled_at: Timestamp | null;
  resolution_note: string | null;
  row_version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface CatalogTables {
  catalog_entries: CatalogEntriesTable;
  catalog_requests: CatalogRequestsTable;
}

export type CatalogEntryRow = Selectable<CatalogEntriesTable>;
export type CatalogRequestRow = Selectable<CatalogRequestsTable>;
