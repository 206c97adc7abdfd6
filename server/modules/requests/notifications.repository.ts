import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  /** Client path the notification opens, e.g. /requests/12. */
  link?: string | null;
  requestId?: number | null;
}

/** Adds one in-app notification per account. Call it inside the transaction of the change. */
export async function notifyAccounts(
  db: Db,
  accountIds: readonly number[],
  notification: NotificationInput,
): Promise<number> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return 0;
  await db
    .insertInto('account_notifications')
    .values(
      unique.map((accountId) => ({
        account_id: accountId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        link: notification.link ?? null,
        request_id: notification.requestId ?? null,
      })),
    )
    .execute();
  return unique.length;
}

export async function listNotifications(
  db: Db,
  accountId: number,
  options: { unreadOnly: boolean; limit: number },
) {
  let query = db
    .selectFrom('account_notifications')
    .select([
      'id',
      'kind',
      'title',
      'body',
      'link',
      'request_id as requestId',
      'created_at as createdAt',
      'read_at as readAt',
    ])
    .where('account_id', '=', accountId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const items = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  const { unread } = await db
    .selectFrom('account_notifications')
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unread: Number(unread), items };
}

/** Marks the account's notifications read: the listed ones, or all when `ids` is undefined. */
export async function markNotificationsRead(
  db: Db,
  accountId: number,
  ids: readonly number[] | undefined,
): Promise<number> {
  let query = db
    .updateTable('account_notifications')
    .set({ read_at: new Date() })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids.length ? [...ids] : [-1]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
