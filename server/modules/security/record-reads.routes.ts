import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { recordReads, recordReadsQuery } from '../../../common/schemas/record-reads.ts';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../http/app-deps.ts';
import { requireActor } from '../auth/authentication.ts';

/**
 * Who opened a person's full record, newest first, from the audit rows that the record routes
 * write ('record.read' on entity 'person').
 */
export async function listRecordReads(
  db: Kysely<Database>,
  personId: number,
  accountId: number,
  limit: number,
) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.id', 'audit_log.actor_account_id')
    .select([
      'audit_log.occurred_at as occurredAt',
      'audit_log.actor_account_id as readerId',
      'accounts.display_name as readerName',
      'accounts.email as readerEmail',
    ])
    .where('audit_log.entity_type', '=', 'person')
    .where('audit_log.entity_id', '=', String(personId))
    .where('audit_log.action', '=', 'record.read')
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    readAt: new Date(row.occurredAt).toISOString(),
    readerName: row.readerName ?? '(không rõ)',
    readerEmail: row.readerEmail ?? '',
    self: row.readerId === accountId,
  }));
}

export async function recordReadsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/me/record-reads',
    {
      config: { policy: { access: 'roles', roles: ['person'] } },
      schema: {
        tags: ['Hồ sơ của tôi'],
        summary: 'Ai đã mở hồ sơ của tôi',
        querystring: recordReadsQuery,
        response: { 200: recordReads },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return listRecordReads(deps.db, actor.personId!, actor.accountId, request.query.limit);
    },
  );
}
