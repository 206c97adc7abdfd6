import type { ColumnType, Generated } from 'kysely';
import type { DateString } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type RequestKind = 'org_mismatch' | 'reduction' | 'recruitment' | 'transfer_in';
export type RequestStatus = 'new' | 'in_progress' | 'done' | 'rejected';
export type RequestEventKind = 'created' | 'status_changed' | 'comment' | 'processed';

export interface RequestsTable {
  id: Generated<number>;
  kind: RequestKind;
  status: Generated<RequestStatus>;
  agency_id: number;
  requested_by: number;
  summary: string;
  payload: Json;
  result: Json | null;
  reconciliation_id: number | null;
  resolution_note: string | null;
  resolved_by: number | null;
  resolved_at: Timestamp | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  occurred_at: Timestamp;
  actor_account_id: number | null;
  kind: RequestEventKind;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  comment: string | null;
}

export interface AccountNotificationsTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  request_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface ReconciliationsTable {
  id: Generated<number>;
  agency_id: number;
  checked_on: DateString;
  account_id: number;
  matches: boolean;
  note: string | null;
  created_at: Timestamp;
}

/** Tables of the requests module, added to the Database interface in server/db/schema.ts. */
export interface RequestsTables {
  requests: RequestsTable;
  request_events: RequestEventsTable;
  account_notifications: AccountNotificationsTable;
  reconciliations: ReconciliationsTable;
}
