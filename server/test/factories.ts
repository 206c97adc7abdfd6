import type { Kysely } from 'kysely';
import type { GrantedRole } from '../../common/roles.ts';
import { nameSortKey } from '../../common/vietnamese.ts';
import type { Database, UnitKind } from '../db/schema.ts';
import { insertUnit } from '../modules/org/org.repository.ts';
import { hashPassword } from '../modules/auth/password.ts';

// Test data builders. Every value is generated; none belongs to a real person.

export const TEST_PASSWORD = 'Kiem-tra-mat-khau-2026';
let cachedHash: Promise<string> | undefined;

/** One argon2 hash of TEST_PASSWORD, shared by test accounts to keep tests fast. */
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function makeUnit(
  db: Kysely<Database>,
  unit: { code: string; name: string; kind: UnitKind; parentId?: number | null; validFrom?: string },
) {
  return insertUnit(db, {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parent_id: unit.parentId ?? null,
    valid_from: unit.validFrom ?? '2020-01-01',
    valid_to: null,
    decision_number: null,
    decision_date: null,
  });
}

export async function makePerson(
  db: Kysely<Database>,
  person: { fullName: string; agencyId: number; divisionId?: number | null; validFrom?: string; gender?: 'male' | 'female'; birthDate?: string },
) {
  const row = await db
    .insertInto('people')
    .values({
      full_name: person.fullName,
      name_sort_key: nameSortKey(person.fullName),
      gender: person.gender ?? 'male',
      birth_date: person.birthDate ?? '1985-06-15',
      personal_id_number: null,
      employee_code: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ person_id: row.id, agency_id: person.agencyId, division_id: person.divisionId ?? null, valid_from: person.validFrom ?? '2020-01-01', valid_to: null })
    .execute();
  return row;
}

export async function makeAccount(
  db: Kysely<Database>,
  account: {
    email: string;
    homeUnitId: number;
    personId?: number | null;
    grants?: Array<{ role: GrantedRole; unitId: number }>;
    mustChangePassword?: boolean;
    displayName?: string;
  },
) {
  const row = await db
    .insertInto('accounts')
    .values({
      email: account.email,
      display_name: account.displayName ?? account.email.split('@')[0]!,
      person_id: account.personId ?? null,
      home_unit_id: account.homeUnitId,
      password_hash: await testPasswordHash(),
      must_change_password: account.mustChangePassword ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const grant of account.grants ?? []) {
    await db.insertInto('role_grants').values({ account_id: row.id, role: grant.role, unit_id: grant.unitId }).execute();
  }
  return row;
}

/**
 * A small province with two agencies, the shape most tests need: province 44, agency 112
 * (Sở Tư pháp) with divisions 112001 and 112011, agency 113 (Sở Nội vụ) with division 113001,
 * a unit admin and an approver in each agency, and a province admin.
 */
export async function makeSmallProvince(db: Kysely<Database>) {
  const province = await makeUnit(db, { code: '44', name: 'Tỉnh Thử Nghiệm', kind: 'province' });
  const justice = await makeUnit(db, { code: '112', name: 'Sở Tư pháp', kind: 'agency', parentId: province.id });
  const justiceBoard = await makeUnit(db, { code: '112001', name: 'Ban Lãnh đạo', kind: 'division', parentId: justice.id });
  const justiceControl = await makeUnit(db, { code: '112011', name: 'Phòng Kiểm soát thủ tục hành chính', kind: 'division', parentId: justice.id });
  const home = await makeUnit(db, { code: '113', name: 'Sở Nội vụ', kind: 'agency', parentId: province.id });
  const homeBoard = await makeUnit(db, { code: '113001', name: 'Ban Giám đốc', kind: 'division', parentId: home.id });

  const justicePeople = [];
  for (const [index, name] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].entries()) {
    justicePeople.push(await makePerson(db, { fullName: name, agencyId: justice.id, divisionId: index === 0 ? justiceBoard.id : justiceControl.id }));
  }
  const homePeople = [];
  for (const name of ['Phạm Thị Dung', 'Hoàng Văn Em']) {
    homePeople.push(await makePerson(db, { fullName: name, agencyId: home.id, divisionId: homeBoard.id }));
  }

  const provinceAdmin = await makeAccount(db, { email: 'snv.admin@test.gov.vn', homeUnitId: home.id, grants: [{ role: 'province_admin', unitId: province.id }] });
  const justiceAdmin = await makeAccount(db, { email: 'tp.admin@test.gov.vn', homeUnitId: justice.id, grants: [{ role: 'unit_admin', unitId: justice.id }] });
  const justiceApprover = await makeAccount(db, {
    email: 'tp.duyet@test.gov.vn',
    homeUnitId: justice.id,
    personId: justicePeople[0]!.id,
    grants: [{ role: 'approver', unitId: justice.id }],
  });
  const justicePerson = await makeAccount(db, { email: 'tp.canbo@test.gov.vn', homeUnitId: justice.id, personId: justicePeople[1]!.id });
  const homeAdmin = await makeAccount(db, { email: 'nv.admin@test.gov.vn', homeUnitId: home.id, grants: [{ role: 'unit_admin', unitId: home.id }] });
  const homeApprover = await makeAccount(db, { email: 'nv.duyet@test.gov.vn', homeUnitId: home.id, personId: homePeople[0]!.id, grants: [{ role: 'approver', unitId: home.id }] });

  return {
    province,
    justice,
    justiceBoard,
    justiceControl,
    home,
    homeBoard,
    justicePeople,
    homePeople,
    accounts: { provinceAdmin, justiceAdmin, justiceApprover, justicePerson, homeAdmin, homeApprover },
  };
}
