import type { Transaction } from 'kysely';
import { nameSortKey, normalizeText } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';

/**
 * Creates the personnel record of someone arriving from outside (a recruit, a transfer from
 * another province) with the name only, so that the account can make the first declaration.
 * The person has no membership until that declaration is approved.
 */
export async function insertArrivingPerson(
  trx: Transaction<Database>,
  fullName: string,
  audit: AuditContext,
  requestId: number,
): Promise<number> {
  const name = normalizeText(fullName);
  const row = await trx
    .insertInto('people')
    .values({
      full_name: name,
      name_sort_key: nameSortKey(name),
      gender: null,
      birth_date: null,
      personal_id_number: null,
      employee_code: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, audit, {
    action: 'person.create',
    entityType: 'person',
    entityId: row.id,
    after: { fullName: name },
    detail: { requestId },
  });
  return row.id;
}
