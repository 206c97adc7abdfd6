import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { STAFF_ROLES } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { assertStaffCoversPerson } from './person-access.ts';
import {
  findCurrentVersion,
  findOpenMembership,
  findPerson,
  findPersonWithPlacement,
  findUnitRef,
  findVersion,
  listVersions,
} from './records.repository.ts';

// Reading official records and their approved versions. Every read of a full record writes an
// audit row naming who read whose record.

export class RecordsService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The person behind the request: the actor's own, or a member within the actor's staff scope. */
  async #resolvePerson(actor: Actor, personId: number | undefined): Promise<number> {
    if (personId === undefined) {
      if (actor.personId === null)
        throw new AppError('FORBIDDEN', { message: 'Tài khoản của bạn chưa gắn với hồ sơ cá nhân nào.' });
      return actor.personId;
    }
    if (personId !== actor.personId) await assertStaffCoversPerson(this.#db, actor, personId, STAFF_ROLES);
    return personId;
  }

  async #auditRead(
    actor: Actor,
    personId: number,
    detail: Record<string, unknown>,
    audit: AuditContext,
  ): Promise<void> {
    await recordAudit(this.#db, audit, {
      action: 'record.read',
      entityType: 'person',
      entityId: personId,
      detail: { ...detail, self: actor.personId === personId },
    });
  }

  async current(actor: Actor, personId: number | undefined, audit: AuditContext) {
    const id = await this.#resolvePerson(actor, personId);
    const person = await findPersonWithPlacement(this.#db, id);
    if (!person) throw new AppError('NOT_FOUND');
    const version = await findCurrentVersion(this.#db, id);
    await this.#auditRead(actor, id, { view: 'record', versionNo: version?.versionNo ?? null }, audit);
    return {
      personId: id,
      fullName: person.fullName,
      versionNo: version?.versionNo ?? null,
      approvedAt: version ? new Date(version.approvedAt).toISOString() : null,
      agency: person.agency,
      division: person.division,
      data: version?.data ?? null,
    };
  }

  async versions(actor: Actor, personId: number | undefined) {
    const id = await this.#resolvePerson(actor, personId);
    const rows = await listVersions(this.#db, id);
    return rows.map((row) => ({ ...row, approvedAt: new Date(row.approvedAt).toISOString() }));
  }

  async version(actor: Actor, personId: number | undefined, versionNo: number, audit: AuditContext) {
    const id = await this.#resolvePerson(actor, personId);
    const version = await findVersion(this.#db, id, versionNo);
    if (!version) throw new AppError('NOT_FOUND', { message: `Không có phiên bản hồ sơ số ${versionNo}.` });
    await this.#auditRead(actor, id, { view: 'version', versionNo }, audit);
    return {
      personId: id,
      versionNo: version.versionNo,
      approvedAt: new Date(version.approvedAt).toISOString(),
      approvedByName: version.approvedByName,
      source: version.source,
      declarationId: version.declarationId,
      data: version.data,
    };
  }
}
