import { type Kysely, sql, type Transaction } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { Declaration, SaveDeclarationBody } from '../../../common/schemas/declarations.ts';
import { type RecordData, recordData } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { parseRecordData, readStoredRecordData, validationError } from '../records/record-data.ts';
import { findCurrentVersion, findOpenMembership, findPerson } from '../records/records.repository.ts';
import type { Declarant } from './declarant.ts';
import { decidedMessage } from './declaration-messages.ts';
import { routeDeclaration } from './declaration-routing.ts';
import { findDeclarationProblems } from './declaration-validation.ts';
import {
  type DeclarationRow,
  findDeclaration,
  findLastDecided,
  findOpenDeclaration,
  insertEvent,
  toDeclarationDto,
} from './declarations.repository.ts';

// The declaration lifecycle seen by the person (or a unit admin on their behalf): start a draft,
// save it as often as the client likes (optimistic rowVersion), submit it, discard it.

/** The data a new draft starts from: the official record, or what the tree and account know. */
async function initialData(
  trx: Transaction<Database>,
  personId: number,
): Promise<{ data: RecordData; baseVersionNo: number | null }> {
  const current = await findCurrentVersion(trx, personId);
  if (current) return { data: current.data, baseVersionNo: current.versionNo };

  const person = await findPerson(trx, personId);
  if (!person) throw new AppError('NOT_FOUND');
  const membership = await findOpenMembership(trx, personId);
  const seed = {
    identity: {
      fullName: person.full_name,
      gender: person.gender,
      birthDate: person.birth_date,
      personalIdNumber: person.personal_id_number,
    },
    employment: { agencyId: membership?.agency_id ?? null, divisionId: membership?.division_id ?? null },
  };
  const parsed = recordData.safeParse(seed);
  if (parsed.success) return { data: parsed.data, baseVersionNo: null };
  // An account's name may hold characters a declared name may not (digits, say); the person fixes it in the draft.
  const fullName = person.full_name.replace(/[^\p{L}\p{M} .'-]/gu, '').trim() || 'Chưa có tên';
  return {
    data: recordData.parse({ identity: { fullName }, employment: seed.employment }),
    baseVersionNo: null,
  };
}

function auditDetail(declarant: Declarant, extra: Record<string, unknown> = {}) {
  return { personId: declarant.personId, on_behalf: declarant.onBehalf, ...extra };
}

export class DeclarationsService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async view(declarant: Declarant): Promise<{ open: Declaration | null; lastDecided: Declaration | null }> {
    const open = await findOpenDeclaration(this.#db, declarant.personId);
    const decided = await findLastDecided(this.#db, declarant.personId);
    return {
      open: open ? await toDeclarationDto(this.#db, open) : null,
      lastDecided: decided ? await toDeclarationDto(this.#db, decided) : null,
    };
  }

  /** Opens a draft, or returns the open declaration when there already is one. */
  async start(
    declarant: Declarant,
    audit: AuditContext,
  ): Promise<{ declaration: Declaration; created: boolean }> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const open = await findOpenDeclaration(trx, declarant.personId);
        if (open) return { declaration: await toDeclarationDto(trx, open), created: false };

        const { data, baseVersionNo } = await initialData(trx, declarant.personId);
        const row = await trx
          .insertInto('declarations')
          .values({
            person_id: declarant.personId,
            status: 'draft',
            data: JSON.stringify(data),
            base_version_no: baseVersionNo,
            created_by_account_id: declarant.actor.accountId,
            last_edited_by_account_id: declarant.actor.accountId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertEvent(trx, {
          declarationId: row.id,
          event: 'created',
          actorAccountId: declarant.actor.accountId,
          onBehalf: declarant.onBehalf,
        });
        await recordAudit(trx, audit, {
          action: 'declaration.create',
          entityType: 'declaration',
          entityId: row.id,
          detail: auditDetail(declarant, { baseVersionNo }),
        });
        return { declaration: await toDeclarationDto(trx, row), created: true };
      });
    } catch (error) {
      // Two starts at once: the unique index on open declarations lets one through.
      if ((error as { code?: string }).code !== '23505') throw error;
      const open = await findOpenDeclaration(this.#db, declarant.personId);
      if (!open) throw error;
      return { declaration: await toDeclarationDto(this.#db, open), created: false };
    }
  }

  /** Locks the open declaration for a change, refusing one that was submitted or decided meanwhile. */
  async #lockEditable(
    trx: Transaction<Database>,
    declarant: Declarant,
    expected: { rowVersion: number; declarationId?: number | undefined },
  ): Promise<DeclarationRow> {
    const open = await findOpenDeclaration(trx, declarant.personId, { lock: true });
    if (!open || (expected.declarationId !== undefined && expected.declarationId !== open.id)) {
      const edited = expected.declarationId
        ? await findDeclaration(trx, expected.declarationId)
        : await findLastDecided(trx, declarant.personId);
      if (edited && edited.person_id === declarant.personId)
        throw new AppError('DECLARATION_NOT_EDITABLE', { message: decidedMessage(edited) });
      throw new AppError('DECLARATION_NOT_EDITABLE', {
        message: 'Chưa có phiếu đang kê khai. Hãy mở phiếu mới trước khi lưu.',
      });
    }
    if (open.status === 'submitted') {
      throw new AppError('DECLARATION_NOT_EDITABLE', {
        message:
          'Phiếu đã nộp và đang chờ phê duyệt, không sửa được. Nếu cần sửa, hãy đề nghị người phê duyệt trả lại phiếu.',
      });
    }
    if (open.row_version !== expected.rowVersion) throw new AppError('DECLARATION_STALE');
    return open;
  }

  /** Saves the whole draft; safe to call on every change (autosave). */
  async save(
    declarant: Declarant,
    body: SaveDeclarationBody & { declarationId?: number | undefined },
    audit: AuditContext,
  ): Promise<Declaration> {
    const data = parseRecordData(body.data);
    return this.#db.transaction().execute(async (trx) => {
      const open = await this.#lockEditable(trx, declarant, body);
      const row = await trx
        .updateTable('declarations')
        .set({
          data: JSON.stringify(data),
          row_version: sql`row_version + 1`,
          last_edited_by_account_id: declarant.actor.accountId,
          updated_at: sql`now()`,
        })
        .where('id', '=', open.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: 'declaration.save',
        entityType: 'declaration',
        entityId: row.id,
        detail: auditDetail(declarant, { rowVersion: row.row_version }),
      });
      return toDeclarationDto(trx, row);
    });
  }

  /** Submits the draft after checking every rule; routes it to the approvers who will decide it. */
  async submit(
    declarant: Declarant,
    body: { rowVersion: number; declarationId?: number | undefined },
    audit: AuditContext,
  ): Promise<Declaration> {
    return this.#db.transaction().execute(async (trx) => {
      const open = await this.#lockEditable(trx, declarant, body);
      const data = readStoredRecordData(open.data);
      const problems = await findDeclarationProblems(trx, data, {
        personId: declarant.personId,
        today: todayIso(),
      });
      if (problems.length > 0) throw validationError(problems);

      const routing = await routeDeclaration(trx, declarant.personId, data.employment.agencyId!);
      const row = await trx
        .updateTable('declarations')
        .set({
          status: 'submitted',
          submitted_at: sql`now()`,
          submitted_by_account_id: declarant.actor.accountId,
          target_agency_id: routing.targetAgencyId,
          target_division_id: data.employment.divisionId ?? null,
          route: routing.route,
          is_transfer: routing.isTransfer,
          return_reason: null,
          row_version: sql`row_version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', open.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertEvent(trx, {
        declarationId: row.id,
        event: 'submitted',
        actorAccountId: declarant.actor.accountId,
        onBehalf: declarant.onBehalf,
      });
      await recordAudit(trx, audit, {
        action: 'declaration.submit',
        entityType: 'declaration',
        entityId: row.id,
        detail: auditDetail(declarant, {
          route: routing.route,
          targetAgencyId: routing.targetAgencyId,
          isTransfer: routing.isTransfer,
        }),
      });
      return toDeclarationDto(trx, row);
    });
  }

  /** Discards a draft or returned declaration; the official record stays as it is. */
  async discard(
    declarant: Declarant,
    body: { rowVersion: number; declarationId?: number | undefined },
    audit: AuditContext,
  ): Promise<Declaration> {
    return this.#db.transaction().execute(async (trx) => {
      const open = await this.#lockEditable(trx, declarant, body);
      const row = await trx
        .updateTable('declarations')
        .set({ status: 'discarded', row_version: sql`row_version + 1`, updated_at: sql`now()` })
        .where('id', '=', open.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertEvent(trx, {
        declarationId: row.id,
        event: 'discarded',
        actorAccountId: declarant.actor.accountId,
        onBehalf: declarant.onBehalf,
      });
      await recordAudit(trx, audit, {
        action: 'declaration.discard',
        entityType: 'declaration',
        entityId: row.id,
        detail: auditDetail(declarant),
      });
      return toDeclarationDto(trx, row);
    });
  }
}
