import { type Kysely, sql } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { FieldError } from '../../../common/error-codes.ts';
import type { GrantedRole } from '../../../common/roles.ts';
import type { ProgressStatus } from '../../../common/schemas/declarations.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, STAFF_ROLES } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { staffCoversPerson } from '../records/person-access.ts';
import { readStoredRecordData } from '../records/record-data.ts';
import { findDeclarationProblems } from './declaration-validation.ts';
import { listNotifications, notifyPerson } from './notifications.repository.ts';
import { memberStatuses, type UnitScope } from './progress.repository.ts';

// What unit admins watch over: declarations and records that need fixing (cần sửa), declaration
// progress per division, reminders to people, and each person's notifications.

type UnitRef = { id: number; code: string; name: string; kind: string };

function problem(field: string, label: string, message: string): FieldError {
  return { field, label, message };
}

export class DeclarationOversightService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The agency (or holding group) a unit belongs to, with the division when the unit is one. */
  async #scopeOf(
    actor: Actor,
    unitId: number,
    roles: readonly GrantedRole[] = STAFF_ROLES,
  ): Promise<UnitScope & { unit: UnitRow }> {
    await assertCoversUnit(this.#db, actor, unitId, roles);
    const unit = await this.#db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND');
    if (unit.kind === 'agency' || unit.kind === 'holding_group')
      return { unit, agencyId: unit.id, divisionId: null };
    if (unit.kind === 'division') {
      const agency = await sql<{ id: number }>`
        with recursive chain (id, parent_id, kind, depth) as (
          select id, parent_id, kind, 0 from units where id = ${unit.id}
          union all
          select u.id, u.parent_id, u.kind, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 64
        )
        select id from chain where kind in ('agency', 'holding_group') order by depth limit 1
      `.execute(this.#db);
      if (!agency.rows[0]) throw new AppError('NOT_FOUND');
      return { unit, agencyId: agency.rows[0].id, divisionId: unit.id };
    }
    throw new AppError('BAD_REQUEST', { message: 'Hãy chọn một cơ quan, đơn vị hoặc một bộ phận, phòng.' });
  }

  /** Declarations and records of the unit that break a rule today, each with its reasons. */
  async needsFixing(actor: Actor, unitId: number) {
    const scope = await this.#scopeOf(actor, unitId);
    const today = todayIso();
    const members = await memberStatuses(this.#db, scope);
    const units = new Map<number, UnitRef>();
    const unitRef = async (id: number | null) => {
      if (!id) return null;
      if (!units.has(id)) {
        const row = await this.#db
          .selectFrom('units')
          .select(['id', 'code', 'name', 'kind', 'status'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        // An ended division shows as its code with an empty name, like the agency table's "dòng trắng".
        units.set(id, {
          id: row.id,
          code: row.code,
          name: row.status === 'ended' ? '' : row.name,
          kind: row.kind,
        });
      }
      return units.get(id)!;
    };

    const items = [];
    for (const member of members) {
      const problems: FieldError[] = [];
      if (member.divisionStatus === 'ended' || member.agencyStatus === 'ended') {
        problems.push(
          problem(
            'data.employment.divisionId',
            'Bộ phận, phòng',
            `Bộ phận hoặc cơ quan đang ghi trong hồ sơ (mã ${member.divisionCode ?? member.agencyCode}) đã sáp nhập hoặc giải thể; hãy kê khai cơ quan, bộ phận mới rồi nộp phiếu.`,
          ),
        );
      }
      if (member.rankCode && !member.rankValid) {
        problems.push(
          problem(
            'data.salary.rankCode',
            'Mã ngạch / chức danh nghề nghiệp',
            `Mã ${member.rankCode} không còn hiệu lực trong danh mục; hãy kê khai ngạch hoặc chức danh hiện hành.`,
          ),
        );
      }
      if (problems.length > 0) {
        items.push({
          personId: member.personId,
          personName: member.fullName,
          kind: 'record' as const,
          declarationId: null,
          status: null,
          division: await unitRef(member.divisionId),
          problems,
        });
      }
    }

    const declarations = await this.#db
      .selectFrom('declarations as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .select([
        'd.id',
        'd.person_id',
        'd.status',
        'd.data',
        'd.return_reason',
        'd.target_division_id',
        'p.full_name',
      ])
      .where('d.status', 'in', ['draft', 'submitted', 'returned'])
      .where((eb) =>
        eb.or([
          eb('d.person_id', 'in', members.length ? members.map((member) => member.personId) : [-1]),
          eb.and([eb('d.status', '=', 'submitted'), eb('d.target_agency_id', '=', scope.agencyId)]),
        ]),
      )
      .orderBy('d.id')
      .execute();

    for (const row of declarations) {
      const data = readStoredRecordData(row.data);
      let problems = await findDeclarationProblems(this.#db, data, { personId: row.person_id, today });
      // A draft is unfinished by nature; it needs fixing only when the tree no longer fits it.
      if (row.status === 'draft')
        problems = problems.filter(
          (item) =>
            item.field.startsWith('data.employment.agencyId') ||
            item.field.startsWith('data.employment.divisionId'),
        );
      if (row.status === 'returned')
        problems.unshift(problem('returnReason', 'Lý do trả lại', row.return_reason ?? ''));
      if (problems.length === 0) continue;
      items.push({
        personId: row.person_id,
        personName: row.full_name,
        kind: 'declaration' as const,
        declarationId: row.id,
        status: row.status,
        division: await unitRef(row.target_division_id ?? data.employment.divisionId ?? null),
        problems,
      });
    }
    return items;
  }

  /** Declaration progress of the unit's people, by division, with totals that add up. */
  async progress(actor: Actor, unitId: number) {
    const scope = await this.#scopeOf(actor, unitId);
    const members = await memberStatuses(this.#db, scope);
    const divisions = await this.#db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'sort_order'])
      .where('parent_id', '=', scope.agencyId)
      .where('kind', '=', 'division')
      .where('status', '=', 'active')
      .$if(scope.divisionId !== null, (query) => query.where('id', '=', scope.divisionId!))
      .orderBy('sort_order')
      .orderBy('code')
      .execute();

    const empty = () => ({ total: 0, never_declared: 0, draft: 0, submitted: 0, returned: 0, approved: 0 });
    const rows = new Map<
      number | null,
      { divisionId: number | null; code: string; name: string } & ReturnType<typeof empty>
    >();
    for (const division of divisions)
      rows.set(division.id, {
        divisionId: division.id,
        code: division.code,
        name: division.name,
        ...empty(),
      });
    const totals = empty();
    for (const member of members) {
      let row = rows.get(member.divisionId);
      if (!row) {
        // People attached directly to the agency, or to a division that has ended ("dòng trắng").
        row = {
          divisionId: member.divisionId,
          code: member.divisionCode ?? scope.unit.code,
          name: member.divisionStatus === 'active' ? (member.divisionName ?? '') : '',
          ...empty(),
        };
        rows.set(member.divisionId, row);
      }
      row.total += 1;
      row[member.status] += 1;
      totals.total += 1;
      totals[member.status] += 1;
    }
    return {
      unit: { id: scope.unit.id, code: scope.unit.code, name: scope.unit.name, kind: scope.unit.kind },
      rows: [...rows.values()],
      totals,
    };
  }

  /** The people behind one number of the progress table. */
  async progressPeople(
    actor: Actor,
    unitId: number,
    filter: { status?: ProgressStatus | undefined; divisionId?: number | undefined; direct?: boolean },
    roles: readonly GrantedRole[] = STAFF_ROLES,
  ) {
    const scope = await this.#scopeOf(actor, unitId, roles);
    const members = await memberStatuses(this.#db, scope);
    return members
      .filter((member) => !filter.status || member.status === filter.status)
      .filter((member) => filter.divisionId === undefined || member.divisionId === filter.divisionId)
      .filter((member) => !filter.direct || member.divisionId === null)
      .map((member) => ({
        personId: member.personId,
        fullName: member.fullName,
        divisionId: member.divisionId,
        status: member.status,
        declarationId: member.declarationId,
        updatedAt: member.updatedAt ? new Date(member.updatedAt).toISOString() : null,
      }));
  }

  /** Sends reminders to declare and writes one audit row naming everyone reminded. */
  async #sendReminders(
    actor: Actor,
    personIds: number[],
    message: string | undefined,
    audit: AuditContext,
    detail: Record<string, unknown>,
  ) {
    const text = message ? normalizeText(message) : '';
    const body = text || 'Quản trị viên đơn vị nhắc bạn kê khai, cập nhật và nộp phiếu thông tin cá nhân.';
    await this.#db.transaction().execute(async (trx) => {
      for (const personId of personIds) {
        await notifyPerson(trx, {
          personId,
          kind: 'declaration_reminder',
          message: body,
          declarationId: null,
          createdBy: actor.accountId,
        });
      }
      await recordAudit(trx, audit, {
        action: 'declaration.remind',
        entityType: 'person',
        entityId: personIds.length === 1 ? personIds[0]! : null,
        detail: { ...detail, personIds, message: body },
      });
    });
    return { sent: personIds.length };
  }

  /** Reminds one person within the actor's admin scope. */
  async remindPerson(
    actor: Actor,
    personId: number,
    body: { message?: string | undefined },
    audit: AuditContext,
  ) {
    if (!(await staffCoversPerson(this.#db, actor, personId, ADMIN_ROLES))) throw new AppError('NOT_FOUND');
    return this.#sendReminders(actor, [personId], body.message, audit, {});
  }

  /** Reminds everyone of the unit (or one of its divisions) whose progress has the given status. */
  async remindUnit(
    actor: Actor,
    unitId: number,
    body: { status: ProgressStatus; divisionId?: number | undefined; message?: string | undefined },
    audit: AuditContext,
  ) {
    const people = await this.progressPeople(
      actor,
      unitId,
      { status: body.status, divisionId: body.divisionId },
      ADMIN_ROLES,
    );
    return this.#sendReminders(
      actor,
      people.map((person) => person.personId),
      body.message,
      audit,
      { unitId, status: body.status, divisionId: body.divisionId ?? null },
    );
  }

  async notifications(actor: Actor, unreadOnly: boolean) {
    if (actor.personId === null) return [];
    return listNotifications(this.#db, actor.personId, unreadOnly);
  }

  async markRead(actor: Actor, notificationId: number, audit: AuditContext) {
    const updated = await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('person_notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', notificationId)
        .where('person_id', '=', actor.personId ?? -1)
        .returning('id')
        .executeTakeFirst();
      if (row)
        await recordAudit(trx, audit, {
          action: 'notification.read',
          entityType: 'notification',
          entityId: notificationId,
        });
      return row;
    });
    if (!updated) throw new AppError('NOT_FOUND');
    return { ok: true as const };
  }
}
