import { type Kysely, sql, type Transaction } from 'kysely';
import type { RequestDto } from '../../../common/schemas/requests.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestEventKind, RequestKind, RequestStatus } from './requests.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What a request stores in its payload column: the requester's note and the kind's details. */
export interface StoredPayload {
  note: string | null;
  details: Record<string, unknown>;
}

export async function insertRequest(
  db: Db,
  request: {
    kind: RequestKind;
    agencyId: number;
    requestedBy: number;
    summary: string;
    payload: StoredPayload;
    reconciliationId: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('requests')
    .values({
      kind: request.kind,
      agency_id: request.agencyId,
      requested_by: request.requestedBy,
      summary: request.summary,
      payload: JSON.stringify(request.payload),
      result: null,
      reconciliation_id: request.reconciliationId,
      resolution_note: null,
      resolved_by: null,
      resolved_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lockRequest(db: Db, requestId: number) {
  return db.selectFrom('requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst();
}

export async function appendRequestEvent(
  db: Db,
  event: {
    requestId: number;
    actorAccountId: number | null;
    kind: RequestEventKind;
    fromStatus?: RequestStatus | null;
    toStatus?: RequestStatus | null;
    comment?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('request_events')
    .values({
      request_id: event.requestId,
      actor_account_id: event.actorAccountId,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      comment: event.comment ?? null,
    })
    .execute();
}

export async function updateRequestState(
  db: Db,
  requestId: number,
  change: {
    status: RequestStatus;
    rowVersion: number;
    result?: unknown;
    resolutionNote?: string | null;
    resolvedBy?: number | null;
  },
): Promise<void> {
  const resolved = change.status === 'done' || change.status === 'rejected';
  await db
    .updateTable('requests')
    .set({
      status: change.status,
      ...(change.result === undefined ? {} : { result: JSON.stringify(change.result) }),
      ...(change.resolutionNote === undefined ? {} : { resolution_note: change.resolutionNote }),
      resolved_by: resolved ? (change.resolvedBy ?? null) : null,
      resolved_at: resolved ? new Date() : null,
      row_version: change.rowVersion + 1,
      updated_at: new Date(),
    })
    .where('id', '=', requestId)
    .execute();
}

function requestQuery(db: Db) {
  return db
    .selectFrom('requests as r')
    .innerJoin('units as a', 'a.id', 'r.agency_id')
    .innerJoin('accounts as acc', 'acc.id', 'r.requested_by')
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.summary',
      'r.payload',
      'r.result',
      'r.reconciliation_id',
      'r.resolution_note',
      'r.resolved_at',
      'r.created_at',
      'r.updated_at',
      'r.row_version',
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'acc.id as requesterId',
      'acc.display_name as requesterName',
      'acc.email as requesterEmail',
    ]);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export function toRequestDto(row: RequestRow): RequestDto {
  const payload = row.payload as StoredPayload;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    requestedBy: { id: row.requesterId, displayName: row.requesterName, email: row.requesterEmail },
    summary: row.summary,
    note: payload.note,
    details: payload.details,
    result: (row.result as Record<string, unknown> | null) ?? null,
    reconciliationId: row.reconciliation_id,
    resolutionNote: row.resolution_note,
    resolvedAt: toIso(row.resolved_at),
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    rowVersion: row.row_version,
  };
}

export async function findRequestDto(db: Db, requestId: number): Promise<RequestDto | undefined> {
  const row = await requestQuery(db).where('r.id', '=', requestId).executeTakeFirst();
  return row ? toRequestDto(row) : undefined;
}

export interface RequestFilter {
  /** Agencies the caller may see; null for the whole province. */
  agencyIds: readonly number[] | null;
  status?: RequestStatus | undefined;
  kind?: RequestKind | undefined;
  agencyId?: number | undefined;
}

function filteredRequests(db: Db, filter: RequestFilter, withStatus: boolean) {
  let query = requestQuery(db);
  if (filter.agencyIds !== null)
    query = query.where('r.agency_id', 'in', filter.agencyIds.length ? [...filter.agencyIds] : [-1]);
  if (filter.agencyId !== undefined) query = query.where('r.agency_id', '=', filter.agencyId);
  if (filter.kind !== undefined) query = query.where('r.kind', '=', filter.kind);
  if (withStatus && filter.status !== undefined) query = query.where('r.status', '=', filter.status);
  return query;
}

/** The queue: open requests first (oldest first, as they wait longest), then the processed ones. */
export async function listRequests(db: Db, filter: RequestFilter, page: number, pageSize: number) {
  const base = filteredRequests(db, filter, true);
  const { total } = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy(sql`case when r.status in ('new', 'in_progress') then 0 else 1 end`)
    .orderBy(sql`case when r.status in ('new', 'in_progress') then r.created_at end asc`)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();

  const counts = await filteredRequests(db, filter, false)
    .clearSelect()
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.status')
    .execute();
  const countsByStatus: Record<string, number> = { new: 0, in_progress: 0, done: 0, rejected: 0 };
  for (const row of counts) countsByStatus[row.status] = Number(row.n);

  return { total: Number(total), items: rows.map(toRequestDto), countsByStatus };
}

export async function requestHistory(db: Db, requestId: number) {
  const rows = await db
    .selectFrom('request_events as e')
    .leftJoin('accounts as acc', 'acc.id', 'e.actor_account_id')
    .select([
      'e.id',
      'e.kind',
      'e.occurred_at',
      'e.from_status',
      'e.to_status',
      'e.comment',
      'acc.id as actorId',
      'acc.display_name as actorName',
    ])
    .where('e.request_id', '=', requestId)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actorId === null ? null : { id: row.actorId, displayName: row.actorName ?? '' },
    fromStatus: row.from_status,
    toStatus: row.to_status,
    comment: row.comment,
  }));
}

/**
 * Ids of the given people who already appear in an open reduction or transfer request, other
 * than `exceptRequestId`: a person leaves only once.
 */
export async function peopleInOpenRequests(
  db: Db,
  personIds: readonly number[],
  exceptRequestId: number | null,
) {
  if (personIds.length === 0) return [];
  const result = await sql<{ person_id: number; request_id: number }>`
    select (p.item ->> 'personId')::bigint as person_id, r.id as request_id
    from requests r cross join lateral jsonb_array_elements(coalesce(r.payload -> 'details' -> 'people', '[]'::jsonb)) as p(item)
    where r.kind = 'reduction' and r.status in ('new', 'in_progress')
      and (p.item ->> 'personId')::bigint in (${sql.join(personIds)})
      and r.id <> ${exceptRequestId ?? -1}
  `.execute(db);
  return result.rows;
}
