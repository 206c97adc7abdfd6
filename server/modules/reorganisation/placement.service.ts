import type { Kysely } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates.ts';
import type { MoveMembersBody, Placement } from '../../../common/schemas/reorganisation.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { notifyAccounts } from '../requests/notifications.repository.ts';
import * as repository from './reorganisation.repository.ts';
import { scopeUnitIds } from './reorganisation.service.ts';
import { agencyOfUnit, placementSuggestionForPerson, suggestedPlacements } from './successors.ts';

/**
 * Placement of the people of ended units: the successors of a unit, the ended units that still
 * have people ("dòng trắng"), and the one-step move of everyone after a one-to-one merger.
 */
export class PlacementService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Successors of a unit; tree structure only, no people, so any signed-in account may ask. */
  async successors(unitId: number) {
    const unit = await this.db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND');
    const ended = unit.status === 'ended';
    const placements = ended ? await suggestedPlacements(this.db, unitId) : [];
    return {
      unit: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        status: unit.status,
        validTo: unit.valid_to,
      },
      placements,
      dissolved: ended && placements.length === 0,
    };
  }

  /** Returns the signed-in person's unit, whether it has ended, and where to declare next. */
  async myPlacement(actor: Actor) {
    if (actor.personId === null) return { current: null, mustRedeclare: false, suggestions: [] };
    return placementSuggestionForPerson(this.db, actor.personId, todayIso());
  }

  /** Ended units within the actor's scope that still have people attached on `asOf`. */
  async pendingUnits(actor: Actor, asOf = todayIso()) {
    const scope = await scopeUnitIds(this.db, actor);
    const rows = await repository.endedUnitsWithPeople(this.db, asOf, scope);
    const result = [];
    for (const row of rows) {
      const { validTo, headcount, ...unit } = row;
      result.push({
        unit: { ...unit, validTo },
        agency: unit.kind === 'division' ? await agencyOfUnit(this.db, unit.id) : null,
        headcount,
        placements: await suggestedPlacements(this.db, unit.id),
      });
    }
    return result;
  }

  /**
   * Moves every person still attached to an ended unit into its only successor, without a
   * declaration each: allowed after a one-to-one merger. Each person's move is audited.
   * NOTE: the approved record (record_versions, person_records) keeps the old unit until the
   * person's next declaration; headcount, search and statistics read the memberships moved here.
   */
  async moveMembers(actor: Actor, body: MoveMembersBody, audit: AuditContext) {
    await assertCoversUnit(this.db, actor, body.fromUnitId, ['province_admin']);

    return this.db.transaction().execute(async (trx) => {
      const [from] = await repository.lockUnits(trx, [body.fromUnitId]);
      if (!from) throw new AppError('NOT_FOUND');
      if (from.status !== 'ended' || from.valid_to === null) {
        throw new AppError('REORGANISATION_INVALID', {
          message: `Đơn vị ${from.code} ${from.name} vẫn đang hoạt động; chỉ chuyển người của đơn vị đã kết thúc.`,
        });
      }

      const placements = await suggestedPlacements(trx, from.id);
      if (placements.length !== 1) {
        throw new AppError('REORGANISATION_INVALID', {
          message:
            placements.length === 0
              ? `Đơn vị ${from.code} không có đơn vị kế thừa đang hoạt động; từng người cần được giảm hoặc kê khai đơn vị mới.`
              : `Đơn vị ${from.code} có ${placements.length} đơn vị kế thừa; chỉ chuyển cả danh sách khi sáp nhập một-một. Hãy để từng người kê khai đơn vị mới.`,
        });
      }
      const placement = placements[0]!;

      const effectiveDate = body.effectiveDate ?? from.valid_to;
      if (effectiveDate < from.valid_to) {
        throw fieldError(
          'effectiveDate',
          'Ngày hiệu lực',
          `Ngày chuyển không được trước ngày ${formatDateVi(from.valid_to)} đơn vị kết thúc.`,
        );
      }

      const lastEvent = await trx
        .selectFrom('unit_lineage as l')
        .innerJoin('reorganisation_events as e', 'e.id', 'l.event_id')
        .select(['e.decision_number', 'e.decision_date'])
        .where('l.from_unit_id', '=', from.id)
        .orderBy('e.id', 'desc')
        .executeTakeFirstOrThrow();
      const eventId = await repository.insertEvent(trx, {
        kind: 'move_members',
        effectiveDate,
        decisionNumber: lastEvent.decision_number,
        decisionDate: lastEvent.decision_date,
        note: null,
        requestId: null,
        createdBy: actor.accountId,
      });
      const target = placement.division ?? placement.agency;
      await repository.insertLineage(trx, [
        { eventId, fromUnitId: from.id, toUnitId: target.id, effectiveDate },
      ]);

      const members = await trx
        .selectFrom('memberships')
        .selectAll()
        .where(from.kind === 'division' ? 'division_id' : 'agency_id', '=', from.id)
        .where('valid_to', 'is', null)
        .forUpdate()
        .execute();
      for (const member of members)
        await this.moveOne(trx, member, placement, { effectiveDate, eventId, audit });

      const personIds = members.map((member) => member.person_id);
      await notifyAccounts(trx, await repository.accountIdsOfPeople(trx, personIds), {
        kind: 'membership_moved',
        title: 'Bạn đã được chuyển sang đơn vị mới',
        body: `Sở Nội vụ đã chuyển bạn từ ${from.code} ${from.name} sang ${placementLabel(placement)} từ ngày ${formatDateVi(effectiveDate)}.`,
        link: '/declaration',
      });
      await recordAudit(trx, audit, {
        action: 'reorganisation.move_members',
        entityType: 'reorganisation_event',
        entityId: eventId,
        after: {
          fromUnitId: from.id,
          agencyId: placement.agency.id,
          divisionId: placement.division?.id ?? null,
          effectiveDate,
          people: personIds,
        },
      });
      return { eventId, movedPeople: members.length, placement };
    });
  }

  private async moveOne(
    trx: Kysely<Database>,
    member: {
      id: number;
      person_id: number;
      agency_id: number;
      division_id: number | null;
      valid_from: string;
    },
    placement: Placement,
    context: { effectiveDate: string; eventId: number; audit: AuditContext },
  ): Promise<void> {
    const divisionId = placement.division?.id ?? null;
    if (member.valid_from >= context.effectiveDate) {
      // The membership began on or after the move date, so it is corrected rather than split.
      await trx
        .updateTable('memberships')
        .set({ agency_id: placement.agency.id, division_id: divisionId })
        .where('id', '=', member.id)
        .execute();
    } else {
      await trx
        .updateTable('memberships')
        .set({ valid_to: context.effectiveDate })
        .where('id', '=', member.id)
        .execute();
      await trx
        .insertInto('memberships')
        .values({
          person_id: member.person_id,
          agency_id: placement.agency.id,
          division_id: divisionId,
          valid_from: context.effectiveDate,
          valid_to: null,
        })
        .execute();
    }
    await trx
      .updateTable('accounts')
      .set({ home_unit_id: placement.agency.id, updated_at: new Date() })
      .where('person_id', '=', member.person_id)
      .execute();
    await recordAudit(trx, context.audit, {
      action: 'membership.move',
      entityType: 'person',
      entityId: member.person_id,
      before: { agencyId: member.agency_id, divisionId: member.division_id },
      after: { agencyId: placement.agency.id, divisionId, validFrom: context.effectiveDate },
      detail: { reorganisationEventId: context.eventId },
    });
  }
}

function placementLabel(placement: Placement): string {
  const agency = `${placement.agency.code} ${placement.agency.name}`;
  return placement.division ? `${placement.division.code} ${placement.division.name} (${agency})` : agency;
}
