import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { recruitmentFields } from '../../../common/schemas/requests.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { subtreeIds } from '../access/scope.ts';
import { findAccountByEmail } from '../accounts/accounts.repository.ts';
import { generateInitialPassword } from '../accounts/initial-password.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { insertArrivingPerson } from './new-person.ts';

type RecruitmentFields = z.infer<typeof recruitmentFields>;
type Db = Kysely<Database> | Transaction<Database>;

export interface RecruitEntry {
  fullName: string;
  email: string;
  divisionId?: number | undefined;
  divisionName?: string | null | undefined;
}
export type RecruitmentDetails = Omit<RecruitmentFields, 'recruits'> & { recruits: RecruitEntry[] };

/** A default password prepared before the transaction, since hashing takes about 10 ms each. */
export interface PreparedPassword {
  password: string;
  hash: string;
}

export async function preparePasswords(emails: readonly string[]): Promise<Map<string, PreparedPassword>> {
  const prepared = new Map<string, PreparedPassword>();
  for (const email of emails) {
    const password = generateInitialPassword(email);
    prepared.set(email, { password, hash: await hashPassword(password) });
  }
  return prepared;
}

/** Lists the active divisions of an agency, for checking the division of each recruit. */
export async function activeDivisionsOf(db: Db, agencyId: number) {
  const ids = await subtreeIds(db as Kysely<Database>, [agencyId]);
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', 'in', ids)
    .where('kind', '=', 'division')
    .where('status', '=', 'active')
    .execute();
}

/** Validates the list of recruits: unique e-mails without an account, divisions of the agency. */
export async function prepareRecruitment(
  trx: Transaction<Database>,
  agency: UnitRow,
  fields: RecruitmentFields,
) {
  const divisions = new Map(
    (await activeDivisionsOf(trx, agency.id)).map((division) => [division.id, division]),
  );
  const seen = new Map<string, number>();
  const recruits: RecruitEntry[] = [];

  for (const [index, recruit] of fields.recruits.entries()) {
    const field = `details.recruits.${index}`;
    const earlier = seen.get(recruit.email);
    if (earlier !== undefined)
      throw fieldError(
        `${field}.email`,
        'Thư điện tử công vụ',
        `Trùng với dòng ${earlier + 1}; mỗi người một địa chỉ.`,
      );
    seen.set(recruit.email, index);

    if (await findAccountByEmail(trx, recruit.email)) {
      throw new AppError('EMAIL_TAKEN', {
        message: `Thư điện tử công vụ ${recruit.email} (dòng ${index + 1}) đã có tài khoản.`,
        fields: [
          {
            field: `${field}.email`,
            label: 'Thư điện tử công vụ',
            message: 'Địa chỉ này đã có tài khoản; hãy bỏ dòng này hoặc dùng đề nghị tiếp nhận.',
          },
        ],
      });
    }
    const division = recruit.divisionId === undefined ? undefined : divisions.get(recruit.divisionId);
    if (recruit.divisionId !== undefined && !division) {
      throw fieldError(
        `${field}.divisionId`,
        'Bộ phận',
        `Không có bộ phận đang hoạt động đã chọn trong ${agency.name}.`,
      );
    }
    recruits.push({
      fullName: normalizeText(recruit.fullName),
      email: recruit.email,
      divisionId: recruit.divisionId,
      divisionName: division?.name ?? null,
    });
  }

  const names = recruits.map((recruit) => recruit.fullName);
  const summary = `Tuyển dụng mới ${recruits.length} người: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
  const details: RecruitmentDetails = { ...fields, recruits };
  return { details, summary };
}

/**
 * Creates one personnel record and one account per recruit, with a default password to change at
 * the first sign-in. A recruit whose e-mail got an account after the request was filed is
 * reported, not duplicated. The people then make their first declaration.
 */
export async function processRecruitment(
  trx: Transaction<Database>,
  context: {
    audit: AuditContext;
    agency: UnitRow;
    requestId: number;
    passwords: Map<string, PreparedPassword>;
  },
  details: RecruitmentDetails,
) {
  const created = [];
  const outcomes = [];
  for (const recruit of details.recruits) {
    const existing = await findAccountByEmail(trx, recruit.email);
    if (existing) {
      outcomes.push({
        email: recruit.email,
        fullName: recruit.fullName,
        accountId: existing.id,
        outcome: 'exists',
      });
      continue;
    }
    const prepared = context.passwords.get(recruit.email);
    if (!prepared) throw new Error(`No password prepared for ${recruit.email}`);

    const personId = await insertArrivingPerson(trx, recruit.fullName, context.audit, context.requestId);
    const row = await trx
      .insertInto('accounts')
      .values({
        email: recruit.email,
        display_name: recruit.fullName,
        home_unit_id: context.agency.id,
        person_id: personId,
        password_hash: prepared.hash,
        must_change_password: true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context.audit, {
      action: 'account.create',
      entityType: 'account',
      entityId: row.id,
      after: { email: row.email, displayName: row.display_name, homeUnitId: row.home_unit_id, personId },
      detail: { requestId: context.requestId, divisionId: recruit.divisionId ?? null },
    });
    created.push({
      accountId: row.id,
      email: row.email,
      displayName: row.display_name,
      initialPassword: prepared.password,
    });
    outcomes.push({
      email: recruit.email,
      fullName: recruit.fullName,
      accountId: row.id,
      outcome: 'created',
    });
  }
  return { result: { accounts: outcomes }, created };
}
