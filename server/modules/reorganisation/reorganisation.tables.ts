import type { ColumnType, Generated } from 'kysely';
import type { DateString } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ReorganisationKind = 'merge' | 'split' | 'dissolve' | 'move_members';

export interface ReorganisationEventsTable {
  id: Generated<number>;
  kind: ReorganisationKind;
  effective_date: DateString;
  decision_number: string;
  decision_date: DateString;
  note: string | null;
  request_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface UnitLineageTable {
  id: Generated<number>;
  event_id: number;
  from_unit_id: number;
  /** Null when the unit was dissolved without a successor. */
  to_unit_id: number | null;
  effective_date: DateString;
}

export interface HoldingGroupDefaultsTable {
  reason: string;
  unit_id: number;
}

/** Tables of the reorganisation module, added to the Database interface in server/db/schema.ts. */
export interface ReorganisationTables {
  reorganisation_events: ReorganisationEventsTable;
  unit_lineage: UnitLineageTable;
  holding_group_defaults: HoldingGroupDefaultsTable;
}
