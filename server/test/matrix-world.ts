import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import { makeAccount, makePerson, makeSmallProvince, makeUnit } from './factories.ts';

/** One signed-in identity of the matrix, holding exactly one role. */
export interface MatrixActor {
  role: Role;
  email: string;
  accountId: number;
  personId: number | null;
}

/**
 * The province that the authorization matrix runs in: the small province of the factories (own
 * agency 112 with division 112011, other agency 113 with division 113001), a holding group at
 * province level, and one account per role whose grants sit on agency 112 (the province admin's
 * on the province root).
 */
export async function buildMatrixWorld(db: Kysely<Database>) {
  const small = await makeSmallProvince(db);
  const holdingRoot = await makeUnit(db, {
    code: '449',
    name: 'Nhóm giảm tài khoản',
    kind: 'holding_root',
    parentId: small.province.id,
  });
  const holdingGroup = await makeUnit(db, {
    code: '449001',
    name: 'Nhóm nghỉ hưu',
    kind: 'holding_group',
    parentId: holdingRoot.id,
  });

  const ownPerson = await makePerson(db, {
    fullName: 'Đỗ Thị Ma Trận',
    agencyId: small.justice.id,
    divisionId: small.justiceControl.id,
  });
  const person = await makeAccount(db, {
    email: 'matrix.canbo@test.gov.vn',
    homeUnitId: small.justice.id,
    personId: ownPerson.id,
  });
  const approver = await makeAccount(db, {
    email: 'matrix.duyet@test.gov.vn',
    homeUnitId: small.justice.id,
    grants: [{ role: 'approver', unitId: small.justice.id }],
  });
  const unitAdmin = await makeAccount(db, {
    email: 'matrix.quantri@test.gov.vn',
    homeUnitId: small.justice.id,
    grants: [{ role: 'unit_admin', unitId: small.justice.id }],
  });
  const provinceAdmin = await makeAccount(db, {
    email: 'matrix.snv@test.gov.vn',
    homeUnitId: small.home.id,
    grants: [{ role: 'province_admin', unitId: small.province.id }],
  });

  const actors: MatrixActor[] = [
    { role: 'person', email: person.email, accountId: person.id, personId: ownPerson.id },
    { role: 'approver', email: approver.email, accountId: approver.id, personId: null },
    { role: 'unit_admin', email: unitAdmin.email, accountId: unitAdmin.id, personId: null },
    { role: 'province_admin', email: provinceAdmin.email, accountId: provinceAdmin.id, personId: null },
  ];

  return {
    small,
    province: small.province,
    ownAgency: small.justice,
    ownDivision: small.justiceControl,
    otherAgency: small.home,
    otherDivision: small.homeBoard,
    holdingRoot,
    holdingGroup,
    actors,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
