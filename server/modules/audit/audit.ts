import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Who is acting and in which request: written on every audit row. */
export interface AuditContext {
  actorAccountId: number | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  /** What happened, as `entity.verb`, e.g. `unit.create`, `account.password_change`. */
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actorAccountId: request.actor?.accountId ?? null, requestId: request.id, ip: request.ip };
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * Appends one row to the audit log. Call it with the transaction that makes the change, so the
 * change and its record commit or roll back together.
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(db, context, [entry]);
}

/** Appends several rows to the audit log in one statement, as recordAudit does for one. */
export async function recordAudits(
  db: Kysely<Database> | Transaction<Database>,
  context: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_account_id: context.actorAccountId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId === null ? null : String(entry.entityId),
        before: toJson(entry.before),
        after: toJson(entry.after),
        detail: toJson(entry.detail),
        request_id: context.requestId,
        ip: context.ip,
      })),
    )
    .execute();
}
