import { type Kysely, sql, type Transaction } from 'kysely';
import type { RecordData } from '../../../common/schemas/record.ts';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';
import { identityColumnsOf, indexedColumnsOf } from './record-columns.ts';
import { readStoredRecordData } from './record-data.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredVersion {
  id: number;
  personId: number;
  versionNo: number;
  approvedAt: Date;
  approvedByName: string | null;
  source: 'declaration' | 'import';
  declarationId: number | null;
  data: RecordData;
}

function versionQuery(db: Db) {
  return db
    .selectFrom('record_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.approved_by_account_id')
    .select([
      'v.id',
      'v.person_id as personId',
      'v.version_no as versionNo',
      'v.approved_at as approvedAt',
      'a.display_name as approvedByName',
      'v.source',
      'v.declaration_id as declarationId',
      'v.data',
    ]);
}

function toStoredVersion(
  row: Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirstOrThrow']>>,
): StoredVersion {
  return { ...row, data: readStoredRecordData(row.data) };
}

/** The official record: the last approved version, or undefined before the first approval. */
export async function findCurrentVersion(db: Db, personId: number): Promise<StoredVersion | undefined> {
  const row = await versionQuery(db)
    .innerJoin('person_records as r', 'r.current_version_id', 'v.id')
    .where('r.person_id', '=', personId)
    .executeTakeFirst();
  return row ? toStoredVersion(row) : undefined;
}

export async function findVersion(
  db: Db,
  personId: number,
  versionNo: number,
): Promise<StoredVersion | undefined> {
  const row = await versionQuery(db)
    .where('v.person_id', '=', personId)
    .where('v.version_no', '=', versionNo)
    .executeTakeFirst();
  return row ? toStoredVersion(row) : undefined;
}

export async function listVersions(db: Db, personId: number) {
  return db
    .selectFrom('record_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.approved_by_account_id')
    .select([
      'v.version_no as versionNo',
      'v.approved_at as approvedAt',
      'a.display_name as approvedByName',
      'v.source',
      'v.declaration_id as declarationId',
    ])
    .where('v.person_id', '=', personId)
    .orderBy('v.version_no', 'desc')
    .execute();
}

export async function findPerson(db: Db, personId: number) {
  return db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
}

/**
 * Reads a person's name with the agency and division of their open membership, in one statement
 * for the record page, which every person opens and which staff open many times a day.
 */
export async function findPersonWithPlacement(db: Db, personId: number) {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.person_id', '=', 'p.id').on('m.valid_to', 'is', null),
    )
    .leftJoin('units as a', 'a.id', 'm.agency_id')
    .leftJoin('units as d', 'd.id', 'm.division_id')
    .select([
      'p.full_name as fullName',
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'a.kind as agencyKind',
      'd.id as divisionId',
      'd.code as divisionCode',
      'd.name as divisionName',
      'd.kind as divisionKind',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  const unitOf = (
    id: number | null,
    code: string | null,
    name: string | null,
    kind: UnitRow['kind'] | null,
  ) => (id === null || code === null || name === null || kind === null ? null : { id, code, name, kind });
  return {
    fullName: row.fullName,
    agency: unitOf(row.agencyId, row.agencyCode, row.agencyName, row.agencyKind),
    division: unitOf(row.divisionId, row.divisionCode, row.divisionName, row.divisionKind),
  };
}

/** Locks the person's row so that approvals of one person run one after another. */
export async function lockPerson(trx: Transaction<Database>, personId: number): Promise<void> {
  await trx.selectFrom('people').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();
}

/**
 * Appends an approved version and makes it the official record: record_versions gets a new row
 * (never an update), person_records and the identity columns of people follow it.
 */
export async function writeApprovedVersion(
  trx: Transaction<Database>,
  version: {
    personId: number;
    data: RecordData;
    source: 'declaration' | 'import';
    declarationId: number | null;
    approvedBy: number | null;
  },
): Promise<{ id: number; versionNo: number }> {
  const next = await trx
    .selectFrom('record_versions')
    .select(sql<number>`coalesce(max(version_no), 0) + 1`.as('versionNo'))
    .where('person_id', '=', version.personId)
    .executeTakeFirstOrThrow();

  const inserted = await trx
    .insertInto('record_versions')
    .values({
      person_id: version.personId,
      version_no: next.versionNo,
      data: JSON.stringify(version.data),
      source: version.source,
      declaration_id: version.declarationId,
      approved_by_account_id: version.approvedBy,
    })
    .returning(['id', 'version_no as versionNo', 'approved_at as approvedAt'])
    .executeTakeFirstOrThrow();

  const columns = indexedColumnsOf(version.data);
  await trx
    .insertInto('person_records')
    .values({
      person_id: version.personId,
      current_version_id: inserted.id,
      version_no: inserted.versionNo,
      approved_at: inserted.approvedAt,
      ...columns,
    })
    .onConflict((conflict) =>
      conflict.column('person_id').doUpdateSet({
        current_version_id: inserted.id,
        version_no: inserted.versionNo,
        approved_at: inserted.approvedAt,
        updated_at: sql`now()`,
        ...columns,
      }),
    )
    .execute();

  await trx
    .updateTable('people')
    .set({ ...identityColumnsOf(version.data), row_version: sql`row_version + 1`, updated_at: sql`now()` })
    .where('id', '=', version.personId)
    .execute();

  return { id: inserted.id, versionNo: inserted.versionNo };
}

/** A new person with their first approved record and membership, for createPeopleWithRecords. */
export interface NewPersonWithRecord {
  data: RecordData;
  agencyId: number;
  divisionId: number | null;
  validFrom: DateString;
}

/**
 * Creates people with their membership and a first approved version in five statements for the
 * whole list, where writeApprovedVersion takes seven per person. Returns the new ids in the order
 * of `people`. Every person must carry a personal ID number, because it identifies the returned rows.
 */
export async function createPeopleWithRecords(
  trx: Transaction<Database>,
  people: readonly NewPersonWithRecord[],
  version: { source: 'import'; approvedBy: number | null },
): Promise<Array<{ personId: number; versionId: number; versionNo: number }>> {
  if (people.length === 0) return [];
  const inserted = await trx
    .insertInto('people')
    .values(people.map((person) => ({ ...identityColumnsOf(person.data), employee_code: null })))
    .returning(['id', 'personal_id_number'])
    .execute();
  const idByNumber = new Map(inserted.map((row) => [row.personal_id_number, row.id]));
  const personIds = people.map((person) => {
    const id = idByNumber.get(person.data.identity.personalIdNumber ?? null);
    if (id === undefined) throw new Error('createPeopleWithRecords needs a personal ID number per person');
    return id;
  });

  await trx
    .insertInto('memberships')
    .values(
      people.map((person, index) => ({
        person_id: personIds[index]!,
        agency_id: person.agencyId,
        division_id: person.divisionId,
        valid_from: person.validFrom,
        valid_to: null,
      })),
    )
    .execute();

  const versions = await trx
    .insertInto('record_versions')
    .values(
      people.map((person, index) => ({
        person_id: personIds[index]!,
        version_no: 1,
        data: JSON.stringify(person.data),
        source: version.source,
        declaration_id: null,
        approved_by_account_id: version.approvedBy,
      })),
    )
    .returning(['id', 'person_id', 'approved_at'])
    .execute();
  const versionByPerson = new Map(versions.map((row) => [row.person_id, row]));

  await trx
    .insertInto('person_records')
    .values(
      people.map((person, index) => {
        const stored = versionByPerson.get(personIds[index]!)!;
        return {
          person_id: personIds[index]!,
          current_version_id: stored.id,
          version_no: 1,
          approved_at: stored.approved_at,
          ...indexedColumnsOf(person.data),
        };
      }),
    )
    .execute();

  return personIds.map((personId) => ({
    personId,
    versionId: versionByPerson.get(personId)!.id,
    versionNo: 1,
  }));
}

export async function findOpenMembership(db: Db, personId: number) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('person_id', '=', personId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/**
 * Moves the person to an agency and division from `onDate`: the open membership ends that day
 * and a new one starts, so headcounts as of earlier dates keep the old agency. A membership that
 * starts on `onDate` itself is corrected in place.
 */
export async function moveMembership(
  trx: Transaction<Database>,
  personId: number,
  agencyId: number,
  divisionId: number | null,
  onDate: DateString,
): Promise<void> {
  const open = await findOpenMembership(trx, personId);
  if (open && open.agency_id === agencyId && open.division_id === divisionId) return;

  if (open && open.valid_from >= onDate) {
    await trx
      .updateTable('memberships')
      .set({ agency_id: agencyId, division_id: divisionId })
      .where('id', '=', open.id)
      .execute();
    return;
  }
  if (open)
    await trx.updateTable('memberships').set({ valid_to: onDate }).where('id', '=', open.id).execute();
  await trx
    .insertInto('memberships')
    .values({
      person_id: personId,
      agency_id: agencyId,
      division_id: divisionId,
      valid_from: onDate,
      valid_to: null,
    })
    .execute();
}

export async function findUnitRef(db: Db, unitId: number | null | undefined) {
  if (!unitId) return null;
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  return unit ?? null;
}
