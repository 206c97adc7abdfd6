import type { Kysely } from 'kysely';
import type {
  DissolveBody,
  MergeBody,
  ReorganisationResult,
  SplitBody,
} from '../../../common/schemas/reorganisation.ts';
import type { Database } from '../../db/schema.ts';
import { fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit, grantRoots, STAFF_ROLES, subtreeIds } from '../access/scope.ts';
import type { AuditContext } from '../audit/audit.ts';
import { applyChange, type ChangePlan } from './apply-change.ts';
import { eventDtos } from './event-dtos.ts';
import * as repository from './reorganisation.repository.ts';

const PROVINCE_ADMIN_ROLES = ['province_admin'] as const;

/** Returns whether the actor administers the whole province, which covers every unit's history. */
export function isProvinceAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'province_admin');
}

/** Unit ids the actor's staff grants cover, or null for the province admin (everything). */
export async function scopeUnitIds(db: Kysely<Database>, actor: Actor): Promise<number[] | null> {
  if (isProvinceAdmin(actor)) return null;
  return subtreeIds(db, grantRoots(actor, STAFF_ROLES));
}

export class ReorganisationService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  merge(actor: Actor, body: MergeBody, audit: AuditContext): Promise<ReorganisationResult> {
    return this.apply(
      actor,
      { kind: 'merge', sourceIds: body.sourceUnitIds, successors: [body.target], basis: body },
      audit,
    );
  }

  split(actor: Actor, body: SplitBody, audit: AuditContext): Promise<ReorganisationResult> {
    return this.apply(
      actor,
      { kind: 'split', sourceIds: [body.sourceUnitId], successors: body.targets, basis: body },
      audit,
    );
  }

  dissolve(actor: Actor, body: DissolveBody, audit: AuditContext): Promise<ReorganisationResult> {
    return this.apply(
      actor,
      { kind: 'dissolve', sourceIds: [body.unitId], successors: [], basis: body },
      audit,
    );
  }

  /** Lists reorganisation events touching the actor's units (all of them for the province admin). */
  async events(actor: Actor, query: { unitId?: number | undefined; page: number; pageSize: number }) {
    if (query.unitId !== undefined) await assertCoversUnit(this.db, actor, query.unitId, STAFF_ROLES);
    const unitIds = await scopeUnitIds(this.db, actor);
    const { total, events } = await repository.listEvents(
      this.db,
      { unitIds, touching: query.unitId },
      query.page,
      query.pageSize,
    );
    const items = await eventDtos(this.db, events);
    return { total, page: query.page, pageSize: query.pageSize, items };
  }

  /** Checks the actor's scope over every source, then applies the change in one transaction. */
  private async apply(actor: Actor, plan: ChangePlan, audit: AuditContext): Promise<ReorganisationResult> {
    const sourceIds = [...new Set(plan.sourceIds)];
    if (sourceIds.length !== plan.sourceIds.length) {
      throw fieldError('sourceUnitIds', 'Đơn vị được sáp nhập', 'Mỗi đơn vị chỉ được chọn một lần.');
    }
    for (const id of sourceIds) await assertCoversUnit(this.db, actor, id, PROVINCE_ADMIN_ROLES);
    return this.db
      .transaction()
      .execute((trx) => applyChange(trx, plan, { actorAccountId: actor.accountId, audit }));
  }
}
