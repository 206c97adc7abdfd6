import type { Kysely, Transaction } from 'kysely';
import type { ReorganisationEvent } from '../../../common/schemas/reorganisation.ts';
import type { Database } from '../../db/schema.ts';
import * as repository from './reorganisation.repository.ts';

type EventRow = Awaited<ReturnType<typeof repository.listEvents>>['events'][number];

/** Builds the event DTOs, each with its lineage rows and the units' codes and names. */
export async function eventDtos(
  db: Kysely<Database> | Transaction<Database>,
  events: EventRow[],
): Promise<ReorganisationEvent[]> {
  const lineage = await repository.lineageOfEvents(
    db,
    events.map((event) => event.id),
  );
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    effectiveDate: event.effective_date,
    decisionNumber: event.decision_number,
    decisionDate: event.decision_date,
    note: event.note,
    requestId: event.request_id,
    createdAt: new Date(event.created_at).toISOString(),
    lineage: lineage
      .filter((row) => row.eventId === event.id)
      .map((row) => ({
        fromUnit: { id: row.fromId, code: row.fromCode, name: row.fromName, kind: row.fromKind },
        toUnit:
          row.toId === null
            ? null
            : { id: row.toId, code: row.toCode!, name: row.toName!, kind: row.toKind! },
        effectiveDate: row.effectiveDate,
      })),
  }));
}
