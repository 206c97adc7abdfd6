import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Declaration } from '../../../common/schemas/declarations.ts';
import type { Database } from '../../db/schema.ts';
import { readStoredRecordData } from '../records/record-data.ts';
import { findOpenMembership } from '../records/records.repository.ts';
import type { DeclarationEventsTable, DeclarationsTable } from '../records/records.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type DeclarationRow = Selectable<DeclarationsTable>;

export const OPEN_STATUSES = ['draft', 'submitted', 'returned'] as const;

export async function findDeclaration(
  db: Db,
  id: number,
  options: { lock?: boolean } = {},
): Promise<DeclarationRow | undefined> {
  let query = db.selectFrom('declarations').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findOpenDeclaration(
  db: Db,
  personId: number,
  options: { lock?: boolean } = {},
): Promise<DeclarationRow | undefined> {
  let query = db
    .selectFrom('declarations')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', OPEN_STATUSES);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findLastDecided(db: Db, personId: number): Promise<DeclarationRow | undefined> {
  return db
    .selectFrom('declarations')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', ['approved', 'discarded'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertEvent(
  db: Db,
  event: {
    declarationId: number;
    event: Selectable<DeclarationEventsTable>['event'];
    actorAccountId: number | null;
    onBehalf: boolean;
    reason?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('declaration_events')
    .values({
      declaration_id: event.declarationId,
      event: event.event,
      actor_account_id: event.actorAccountId,
      on_behalf: event.onBehalf,
      reason: event.reason ?? null,
    })
    .execute();
}

async function listEvents(db: Db, declarationId: number) {
  const rows = await db
    .selectFrom('declaration_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
    .select([
      'e.event',
      'a.display_name as actorName',
      'e.on_behalf as onBehalf',
      'e.reason',
      'e.occurred_at as occurredAt',
    ])
    .where('e.declaration_id', '=', declarationId)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString() }));
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Reads id, code, name and kind of the given units in one query, keyed by id; empty ids are skipped. */
async function findUnitRefs(db: Db, unitIds: Array<number | null | undefined>) {
  const wanted = [...new Set(unitIds.filter((id): id is number => !!id))];
  if (wanted.length === 0) return new Map<number, { id: number; code: string; name: string; kind: string }>();
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(units.map((unit) => [unit.id, unit]));
}

/** The API view of a declaration, with the person's name, the units it names and its history. */
export async function toDeclarationDto(db: Db, row: DeclarationRow): Promise<Declaration> {
  const data = readStoredRecordData(row.data);
  const person = await db
    .selectFrom('people as p')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.person_id', '=', 'p.id').on('m.valid_to', 'is', null),
    )
    .select(['p.full_name', 'm.agency_id'])
    .where('p.id', '=', row.person_id)
    .executeTakeFirst();
  const currentAgencyId = person?.agency_id;
  const targetAgencyId = row.target_agency_id ?? data.employment.agencyId;
  const targetDivisionId = row.target_division_id ?? data.employment.divisionId;
  const units = await findUnitRefs(db, [currentAgencyId, targetAgencyId, targetDivisionId]);
  const unitRef = (unitId: number | null | undefined) => (unitId ? (units.get(unitId) ?? null) : null);
  return {
    id: row.id,
    personId: row.person_id,
    personName: person?.full_name ?? data.identity.fullName,
    status: row.status,
    data,
    baseVersionNo: row.base_version_no,
    currentAgency: unitRef(currentAgencyId),
    targetAgency: unitRef(targetAgencyId),
    targetDivision: unitRef(targetDivisionId),
    route: row.route,
    isTransfer: row.is_transfer,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    returnReason: row.return_reason,
    rowVersion: row.row_version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    events: await listEvents(db, row.id),
  };
}
