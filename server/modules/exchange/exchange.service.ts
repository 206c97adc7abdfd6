import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { ExchangeDocument } from '../../../common/schemas/exchange.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, STAFF_ROLES, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { assertStaffCoversPerson } from '../records/person-access.ts';
import { readStoredRecordData } from '../records/record-data.ts';
import { findCurrentVersion, type StoredVersion } from '../records/records.repository.ts';
import { type ExchangeContext, toExchangeDocument } from './exchange-document.ts';

// The national exchange export of approved records, for one person or for everyone working in a
// unit. Each document is a read of a full record, so each person read gets an audit row, written
// before the document leaves the server.

const BATCH_SIZE = 100;

type UnitNames = Map<number, { code: string; name: string }>;

async function provinceCodeOf(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'province')
    .orderBy('id')
    .executeTakeFirst();
  return row?.code ?? null;
}

async function unitNames(db: Kysely<Database>, ids: Array<number | null | undefined>): Promise<UnitNames> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

function contextOf(
  version: StoredVersion,
  units: UnitNames,
  provinceCode: string | null,
  generatedAt: Date,
): ExchangeContext {
  const { agencyId, divisionId } = version.data.employment;
  return {
    agency: agencyId ? (units.get(agencyId) ?? null) : null,
    division: divisionId ? (units.get(divisionId) ?? null) : null,
    provinceCode,
    generatedAt,
  };
}

/** Writes one 'record.read' audit row per person in a single statement, as recordAudit would. */
async function auditReads(
  db: Kysely<Database>,
  audit: AuditContext,
  personIds: number[],
  detail: Record<string, unknown>,
) {
  if (personIds.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      personIds.map((personId) => ({
        actor_account_id: audit.actorAccountId,
        action: 'record.read',
        entity_type: 'person',
        entity_id: String(personId),
        before: null,
        after: null,
        detail: JSON.stringify(detail),
        request_id: audit.requestId,
        ip: audit.ip,
      })),
    )
    .execute();
}

/** Builds the exchange document of one person's official record, for the person or staff covering them. */
export async function personExchangeDocument(
  db: Kysely<Database>,
  actor: Actor,
  personId: number,
  audit: AuditContext,
): Promise<ExchangeDocument> {
  if (personId !== actor.personId) await assertStaffCoversPerson(db, actor, personId, STAFF_ROLES);
  const version = await findCurrentVersion(db, personId);
  // The caller reaches the person, so saying that no version is approved yet leaks nothing.
  if (!version) throw new AppError('RECORD_NOT_APPROVED');

  const { agencyId, divisionId } = version.data.employment;
  const units = await unitNames(db, [agencyId, divisionId]);
  const document = toExchangeDocument(
    version,
    contextOf(version, units, await provinceCodeOf(db), new Date()),
  );
  await recordAudit(db, audit, {
    action: 'record.read',
    entityType: 'person',
    entityId: personId,
    detail: { view: 'exchange', versionNo: version.versionNo, self: actor.personId === personId },
  });
  return document;
}

/** Checks the unit against the actor's admin scope and returns its code, for the file name. */
export async function exchangeUnit(db: Kysely<Database>, actor: Actor, unitId: number) {
  await assertCoversUnit(db, actor, unitId, ADMIN_ROLES);
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

/**
 * Yields the exchange documents of everyone with an open membership in the unit or below it
 * (holding groups included) who has an approved record, in person id order, a batch at a time.
 * Call exchangeUnit first: this generator does not check scope.
 */
export async function* unitExchangeDocuments(
  db: Kysely<Database>,
  unitId: number,
  audit: AuditContext,
): AsyncGenerator<ExchangeDocument[]> {
  const unitIds = await subtreeIds(db, [unitId]);
  const provinceCode = await provinceCodeOf(db);
  const generatedAt = new Date();
  let afterId = 0;

  for (;;) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('person_records as r', 'r.person_id', 'm.person_id')
      .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
      .select([
        'v.id',
        'v.person_id as personId',
        'v.version_no as versionNo',
        'v.approved_at as approvedAt',
        'v.source',
        'v.declaration_id as declarationId',
        'v.data',
      ])
      .where('m.valid_to', 'is', null)
      .where((eb) => eb.or([eb('m.agency_id', 'in', unitIds), eb('m.division_id', 'in', unitIds)]))
      .where('m.person_id', '>', afterId)
      .orderBy('m.person_id')
      .limit(BATCH_SIZE)
      .execute();
    if (rows.length === 0) return;

    const versions: StoredVersion[] = rows.map((row) => ({
      ...row,
      approvedByName: null,
      data: readStoredRecordData(row.data),
    }));
    const units = await unitNames(
      db,
      versions.flatMap((version) => [version.data.employment.agencyId, version.data.employment.divisionId]),
    );
    const personIds = versions.map((version) => version.personId);
    await auditReads(db, audit, personIds, { view: 'exchange', unitId });
    yield versions.map((version) =>
      toExchangeDocument(version, contextOf(version, units, provinceCode, generatedAt)),
    );

    afterId = personIds[personIds.length - 1]!;
    if (rows.length < BATCH_SIZE) return;
    await nextTurn();
  }
}
