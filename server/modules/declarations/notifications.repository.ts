import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PersonNotificationsTable } from '../records/records.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function notifyPerson(
  db: Db,
  notification: {
    personId: number;
    kind: PersonNotificationsTable['kind'];
    message: string;
    declarationId: number | null;
    createdBy: number | null;
  },
): Promise<void> {
  await db
    .insertInto('person_notifications')
    .values({
      person_id: notification.personId,
      kind: notification.kind,
      message: notification.message,
      declaration_id: notification.declarationId,
      created_by_account_id: notification.createdBy,
    })
    .execute();
}

export async function listNotifications(db: Db, personId: number, unreadOnly: boolean) {
  let query = db
    .selectFrom('person_notifications')
    .select([
      'id',
      'kind',
      'message',
      'declaration_id as declarationId',
      'created_at as createdAt',
      'read_at as readAt',
    ])
    .where('person_id', '=', personId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  }));
}
