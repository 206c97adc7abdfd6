import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { coversUnit } from '../access/scope.ts';
import {
  findAccountByEmail,
  findAccountByPerson,
  findPersonWithAgency,
  findUnit,
  lockAccount,
} from './accounts.repository.ts';

// Checks shared by account creation, changes and role grants. Each raises an error that names
// the request field and how to fix it.

const PROVINCE_ADMIN_ROLE = ['province_admin'] as const;

/** Returns the unit chosen in `field` if it exists, is active and lies in the province admin's scope. */
export async function requireActiveUnitInScope(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  field: string,
  label: string,
) {
  const unit = await findUnit(db, unitId);
  if (!unit || !(await coversUnit(db, actor, unitId, PROVINCE_ADMIN_ROLE))) {
    throw fieldError(field, label, 'Không tìm thấy đơn vị đã chọn trong phạm vi bạn quản lý.');
  }
  if (unit.status !== 'active') {
    throw new AppError('UNIT_ENDED', {
      message: `Đơn vị ${unit.name} (mã số ${unit.code}) đã kết thúc hoạt động; hãy chọn một đơn vị đang hoạt động.`,
      fields: [{ field, label, message: 'Hãy chọn một đơn vị đang hoạt động.' }],
    });
  }
  return unit;
}

export async function assertEmailFree(db: Kysely<Database>, email: string): Promise<void> {
  if (await findAccountByEmail(db, email)) throw emailTaken(email);
}

export function emailTaken(email: string): AppError {
  return new AppError('EMAIL_TAKEN', {
    message: `Thư điện tử công vụ ${email} đã có tài khoản.`,
    fields: [
      {
        field: 'email',
        label: 'Thư điện tử công vụ',
        message: 'Địa chỉ này đã có tài khoản; hãy tìm và dùng tài khoản đó.',
      },
    ],
  });
}

export function personTaken(): AppError {
  return new AppError('PERSON_ACCOUNT_TAKEN', {
    fields: [
      {
        field: 'personId',
        label: 'Hồ sơ cán bộ',
        message: 'Hãy chọn hồ sơ khác hoặc bỏ liên kết ở tài khoản kia trước.',
      },
    ],
  });
}

/**
 * Checks that the person exists, works in the province admin's scope (when they have a current
 * membership) and has no other account than `accountId`.
 */
export async function assertPersonLinkable(
  db: Kysely<Database>,
  actor: Actor,
  personId: number,
  accountId: number | null,
): Promise<void> {
  const person = await findPersonWithAgency(db, personId);
  const inScope =
    person &&
    (person.agency_id === null || (await coversUnit(db, actor, person.agency_id, PROVINCE_ADMIN_ROLE)));
  if (!inScope) throw fieldError('personId', 'Hồ sơ cán bộ', 'Không tìm thấy hồ sơ cán bộ đã chọn.');

  const holder = await findAccountByPerson(db, personId);
  if (holder && holder.id !== accountId) throw personTaken();
}

/**
 * Maps a unique violation on the accounts table, which a concurrent request can still cause after
 * the checks above passed, to its error. Other errors are returned unchanged.
 */
export function mapAccountUniqueViolation(error: unknown, email: string | null): unknown {
  const candidate = error as { code?: string; constraint?: string; message?: string };
  if (candidate?.code !== '23505') return error;
  const constraint = candidate.constraint ?? candidate.message ?? '';
  if (email !== null && constraint.includes('accounts_email_key')) return emailTaken(email);
  if (constraint.includes('accounts_person_key')) return personTaken();
  return error;
}

/**
 * Reads and locks the account row for a change by SNV, or raises NOT_FOUND when it is missing or
 * its home unit lies outside the caller's province_admin grants.
 */
export async function lockAccountForAdmin(
  trx: Kysely<Database>,
  actor: Actor,
  accountId: number,
): Promise<AccountRow> {
  const account = await lockAccount(trx, accountId);
  if (!account || !(await coversUnit(trx, actor, account.home_unit_id, PROVINCE_ADMIN_ROLE)))
    throw new AppError('NOT_FOUND');
  return account;
}
