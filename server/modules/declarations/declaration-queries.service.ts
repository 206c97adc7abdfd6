import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { Declaration } from '../../../common/schemas/declarations.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { readStoredRecordData } from '../records/record-data.ts';
import { diffRecords } from '../records/record-diff.ts';
import {
  findCurrentVersion,
  findOpenMembership,
  findUnitRef,
  findVersion,
} from '../records/records.repository.ts';
import { canViewDeclaration } from './declaration-decision.service.ts';
import { hasOtherApprover } from './declaration-routing.ts';
import { findDeclarationProblems } from './declaration-validation.ts';
import {
  type DeclarationRow,
  findDeclaration,
  OPEN_STATUSES,
  toDeclarationDto,
} from './declarations.repository.ts';

// Reading declarations: the approver's inbox, one declaration, and the review comparison.

const INBOX_LIMIT = 1000;

export class DeclarationQueriesService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Submitted declarations the actor may decide now, oldest first. */
  async inbox(actor: Actor) {
    const approverRoots = actor.grants
      .filter((grant) => grant.role === 'approver')
      .map((grant) => grant.unitId);
    const isProvinceAdmin = actor.grants.some((grant) => grant.role === 'province_admin');
    const covered = await subtreeIds(this.#db, approverRoots);

    let query = this.#db.selectFrom('declarations').selectAll().where('status', '=', 'submitted');
    if (actor.personId !== null) query = query.where('person_id', '<>', actor.personId);
    query = query.where((eb) => {
      const branches = [
        eb.and([eb('route', '=', 'agency'), eb('target_agency_id', 'in', covered.length ? covered : [-1])]),
      ];
      // Sở Nội vụ gets holding-group declarations, and agency ones only when no other approver covers the agency.
      if (isProvinceAdmin) branches.push(eb('route', '=', 'province'), eb('route', '=', 'agency'));
      return eb.or(branches);
    });
    const rows = await query.orderBy('submitted_at').orderBy('id').limit(INBOX_LIMIT).execute();

    const items = [];
    for (const row of rows) {
      const routedByTree =
        row.route === 'agency' && row.target_agency_id !== null && covered.includes(row.target_agency_id);
      if (
        row.route === 'agency' &&
        !routedByTree &&
        (await hasOtherApprover(this.#db, row.target_agency_id!, row.person_id))
      )
        continue;
      items.push(await this.#inboxItem(row));
    }
    return items;
  }

  async #inboxItem(row: DeclarationRow) {
    const person = await this.#db
      .selectFrom('people')
      .select('full_name')
      .where('id', '=', row.person_id)
      .executeTakeFirstOrThrow();
    const membership = await findOpenMembership(this.#db, row.person_id);
    return {
      id: row.id,
      personId: row.person_id,
      personName: person.full_name,
      currentAgency: await findUnitRef(this.#db, membership?.agency_id),
      targetAgency: await findUnitRef(this.#db, row.target_agency_id),
      targetDivision: await findUnitRef(this.#db, row.target_division_id),
      isTransfer: row.is_transfer,
      route: row.route ?? 'agency',
      submittedAt: new Date(row.submitted_at ?? row.updated_at).toISOString(),
      rowVersion: row.row_version,
    };
  }

  async #visible(actor: Actor, declarationId: number): Promise<DeclarationRow> {
    const row = await findDeclaration(this.#db, declarationId);
    if (!row || !(await canViewDeclaration(this.#db, actor, row))) throw new AppError('NOT_FOUND');
    return row;
  }

  async #auditRead(actor: Actor, row: DeclarationRow, view: string, audit: AuditContext): Promise<void> {
    await recordAudit(this.#db, audit, {
      action: 'record.read',
      entityType: 'person',
      entityId: row.person_id,
      detail: { declarationId: row.id, view, self: actor.personId === row.person_id },
    });
  }

  async get(actor: Actor, declarationId: number, audit: AuditContext): Promise<Declaration> {
    const row = await this.#visible(actor, declarationId);
    await this.#auditRead(actor, row, 'declaration', audit);
    return toDeclarationDto(this.#db, row);
  }

  /**
   * Returns the version a declaration is compared with: the official record, or for an approved
   * declaration the version before the one it produced, so that its changes stay visible later.
   */
  async #comparedVersion(row: DeclarationRow) {
    if (row.status === 'approved' && row.approved_version_id !== null) {
      const produced = await this.#db
        .selectFrom('record_versions')
        .select('version_no')
        .where('id', '=', row.approved_version_id)
        .executeTakeFirst();
      if (produced) {
        return produced.version_no > 1
          ? findVersion(this.#db, row.person_id, produced.version_no - 1)
          : undefined;
      }
    }
    return findCurrentVersion(this.#db, row.person_id);
  }

  /** Compares the declaration with the official record and lists the rules it breaks today. */
  async review(actor: Actor, declarationId: number, audit: AuditContext) {
    const row = await this.#visible(actor, declarationId);
    const data = readStoredRecordData(row.data);
    const current = await this.#comparedVersion(row);
    const isOpen = (OPEN_STATUSES as readonly string[]).includes(row.status);
    const problems = isOpen
      ? await findDeclarationProblems(this.#db, data, { personId: row.person_id, today: todayIso() })
      : [];
    await this.#auditRead(actor, row, 'review', audit);
    return {
      declaration: await toDeclarationDto(this.#db, row),
      baseVersionNo: current?.versionNo ?? null,
      diff: diffRecords(current?.data ?? null, data),
      problems,
    };
  }
}
