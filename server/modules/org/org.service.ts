import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { AgencyTable, CreateUnitBody, MoveUnitBody, RenameUnitBody, UnitTreeNode } from '../../../common/schemas/org.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit, grantRoots, STAFF_ROLES, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import * as repository from './org.repository.ts';

// Parent kinds allowed for each kind of unit.
const ALLOWED_PARENTS: Record<CreateUnitBody['kind'], readonly UnitRow['kind'][]> = {
  agency: ['province', 'agency'],
  division: ['agency', 'division'],
  holding_group: ['holding_root'],
};

export function toUnitDto(row: UnitRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    rowVersion: row.row_version,
  };
}

function assertCodeFitsParent(code: string, kind: UnitRow['kind'], parent: UnitRow): void {
  // A division's code extends its agency's code (agency 112, division 112011).
  if (kind === 'division' && !code.startsWith(parent.code)) {
    throw new AppError('UNIT_CODE_PREFIX', {
      message: `Mã số đơn vị con phải bắt đầu bằng mã số ${parent.code} của đơn vị cấp trên.`,
      fields: [{ field: 'code', label: 'Mã số đơn vị', message: `Hãy dùng mã bắt đầu bằng ${parent.code}.` }],
    });
  }
  if (code === parent.code) throw fieldError('code', 'Mã số đơn vị', 'Mã số đơn vị con phải dài hơn mã của đơn vị cấp trên.');
}

export class OrgService {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async getUnit(actor: Actor, unitId: number) {
    await assertCoversUnit(this.db, actor, unitId, STAFF_ROLES);
    const unit = await repository.findUnit(this.db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { ...toUnitDto(unit), path: await repository.pathOf(this.db, unitId) };
  }

  /** Returns the tree under `rootId` (default: every unit the actor's staff grants cover) as of a date, as nested nodes. */
  async tree(actor: Actor, rootId: number | undefined, asOf = todayIso()): Promise<UnitTreeNode[]> {
    const roots = rootId ? [rootId] : grantRoots(actor, STAFF_ROLES);
    const nodes: UnitTreeNode[] = [];
    for (const root of [...new Set(roots)]) {
      await assertCoversUnit(this.db, actor, root, STAFF_ROLES);
      const rows = await repository.subtreeAsOf(this.db, root, asOf);
      const byId = new Map<number, UnitTreeNode>();
      for (const row of rows) byId.set(row.id, { id: row.id, code: row.code, name: row.name, kind: row.kind, status: row.status, children: [] });
      for (const row of rows) {
        const node = byId.get(row.id)!;
        const parent = row.parentId === null ? undefined : byId.get(row.parentId);
        if (parent) parent.children.push(node);
        else if (row.id === root) nodes.push(node);
      }
    }
    return nodes;
  }

  async agencyTable(actor: Actor, unitId: number, asOf = todayIso()): Promise<AgencyTable> {
    await assertCoversUnit(this.db, actor, unitId, STAFF_ROLES);
    const unit = await repository.findUnit(this.db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');

    const employs = unit.kind === 'agency' || unit.kind === 'holding_group';
    if (employs) {
      const { rows, direct } = await repository.agencyHeadcount(this.db, unitId, asOf);
      const total = direct + rows.reduce((sum, row) => sum + row.headcount, 0);
      return { unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }, asOf, total, directHeadcount: direct, rows };
    }

    const rows = await repository.childrenHeadcount(this.db, unitId, asOf);
    const total = rows.reduce((sum, row) => sum + row.headcount, 0);
    return { unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }, asOf, total, directHeadcount: 0, rows };
  }

  async people(actor: Actor, unitId: number, options: { asOf?: string | undefined; direct: boolean; page: number; pageSize: number }) {
    await assertCoversUnit(this.db, actor, unitId, STAFF_ROLES);
    const unit = await repository.findUnit(this.db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    const subtree = unit.kind === 'province' || unit.kind === 'holding_root' ? await subtreeIds(this.db, [unitId]) : [];
    const result = await repository.listPeople(
      this.db,
      { unitId, kind: unit.kind, direct: options.direct, asOf: options.asOf ?? todayIso(), subtree },
      options.page,
      options.pageSize,
    );
    return { ...result, page: options.page, pageSize: options.pageSize };
  }

  /**
   * Lists active agencies and divisions, or holding groups on request, for the pickers of a
   * declaration. A person whose record SNV kept in a holding group declares that group as agency.
   * Structure only, no people.
   */
  async options(filter: { kind?: 'agency' | 'division' | 'holding_group' | undefined; parentId?: number | undefined }) {
    let query = this.db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind', 'parent_id as parentId'])
      .where('status', '=', 'active')
      .where('kind', 'in', filter.kind ? [filter.kind] : ['agency', 'division']);
    if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
    return query.orderBy('sort_order').orderBy('code').limit(5_000).execute();
  }

  async createUnit(body: CreateUnitBody, audit: AuditContext) {
    const name = normalizeText(body.name);
    return this.db.transaction().execute(async (trx) => {
      const parent = await repository.findUnit(trx, body.parentId);
      if (!parent) throw fieldError('parentId', 'Đơn vị cấp trên', 'Không tìm thấy đơn vị cấp trên đã chọn.');
      if (parent.status !== 'active') throw new AppError('UNIT_ENDED', { message: 'Đơn vị cấp trên đã kết thúc hoạt động.' });
      if (!ALLOWED_PARENTS[body.kind].includes(parent.kind)) throw new AppError('UNIT_PARENT_INVALID');
      assertCodeFitsParent(body.code, body.kind, parent);
      await this.assertCodeFree(trx, body.code);

      const validFrom = body.validFrom ?? todayIso();
      const unit = await repository.insertUnit(trx, {
        code: body.code,
        name,
        kind: body.kind,
        parent_id: parent.id,
        valid_from: validFrom,
        valid_to: null,
        decision_number: body.decisionNumber ?? null,
        decision_date: body.decisionDate ?? null,
      });
      await recordAudit(trx, audit, { action: 'unit.create', entityType: 'unit', entityId: unit.id, after: toUnitDto(unit) });
      return toUnitDto(unit);
    });
  }

  async renameUnit(unitId: number, body: RenameUnitBody, audit: AuditContext) {
    return this.db.transaction().execute(async (trx) => {
      const unit = await this.lockForChange(trx, unitId, body.rowVersion);
      const effectiveDate = await this.checkEffectiveDate(trx, unitId, body.effectiveDate);
      const name = normalizeText(body.name);
      await repository.reviseUnit(trx, unitId, {
        name,
        parentId: unit.parent_id,
        effectiveDate,
        decisionNumber: body.decisionNumber ?? null,
        decisionDate: body.decisionDate ?? null,
      });
      const updated = await trx
        .updateTable('units')
        .set({ name, updated_at: new Date(), row_version: unit.row_version + 1 })
        .where('id', '=', unitId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: 'unit.rename',
        entityType: 'unit',
        entityId: unitId,
        before: { name: unit.name },
        after: { name, effectiveDate, decisionNumber: body.decisionNumber ?? null },
      });
      return toUnitDto(updated);
    });
  }

  async moveUnit(unitId: number, body: MoveUnitBody, audit: AuditContext) {
    return this.db.transaction().execute(async (trx) => {
      const unit = await this.lockForChange(trx, unitId, body.rowVersion);
      const parent = await repository.findUnit(trx, body.parentId);
      if (!parent) throw fieldError('parentId', 'Đơn vị cấp trên', 'Không tìm thấy đơn vị cấp trên đã chọn.');
      if (parent.status !== 'active') throw new AppError('UNIT_ENDED', { message: 'Đơn vị cấp trên mới đã kết thúc hoạt động.' });

      const parentChain = (await repository.pathOf(trx, parent.id)).map((node) => node.id);
      if (parentChain.includes(unitId)) {
        throw new AppError('UNIT_CYCLE', { fields: [{ field: 'parentId', label: 'Đơn vị cấp trên', message: 'Hãy chọn một đơn vị không nằm dưới đơn vị này.' }] });
      }
      if (unit.kind === 'province' || unit.kind === 'holding_root') throw new AppError('UNIT_PARENT_INVALID');
      if (!ALLOWED_PARENTS[unit.kind].includes(parent.kind)) throw new AppError('UNIT_PARENT_INVALID');

      const code = body.code ?? unit.code;
      assertCodeFitsParent(code, unit.kind, parent);
      if (code !== unit.code) await this.assertCodeFree(trx, code);

      const effectiveDate = await this.checkEffectiveDate(trx, unitId, body.effectiveDate);
      await repository.reviseUnit(trx, unitId, {
        name: unit.name,
        parentId: parent.id,
        effectiveDate,
        decisionNumber: body.decisionNumber ?? null,
        decisionDate: body.decisionDate ?? null,
      });
      const updated = await trx
        .updateTable('units')
        .set({ parent_id: parent.id, code, updated_at: new Date(), row_version: unit.row_version + 1 })
        .where('id', '=', unitId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, audit, {
        action: 'unit.move',
        entityType: 'unit',
        entityId: unitId,
        before: { parentId: unit.parent_id, code: unit.code },
        after: { parentId: parent.id, code, effectiveDate, decisionNumber: body.decisionNumber ?? null },
      });
      return toUnitDto(updated);
    });
  }

  private async assertCodeFree(db: Kysely<Database>, code: string): Promise<void> {
    const taken = await repository.findActiveUnitByCode(db, code);
    if (taken) {
      throw new AppError('UNIT_CODE_TAKEN', {
        message: `Mã số đơn vị ${code} đã được đơn vị "${taken.name}" sử dụng.`,
        fields: [{ field: 'code', label: 'Mã số đơn vị', message: `Mã ${code} đã có đơn vị đang hoạt động dùng; hãy chọn mã khác.` }],
      });
    }
  }

  private async lockForChange(db: Kysely<Database>, unitId: number, rowVersion: number): Promise<UnitRow> {
    const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).forUpdate().executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND');
    if (unit.status !== 'active') throw new AppError('UNIT_ENDED');
    if (unit.row_version !== rowVersion) throw new AppError('CONFLICT');
    return unit;
  }

  private async checkEffectiveDate(db: Kysely<Database>, unitId: number, requested: string | undefined): Promise<string> {
    const effectiveDate = requested ?? todayIso();
    const openSince = await repository.openRevisionStart(db, unitId);
    if (openSince && effectiveDate < openSince) {
      throw fieldError('effectiveDate', 'Ngày hiệu lực', `Ngày hiệu lực không được trước ngày ${openSince.split('-').reverse().join('/')} của lần thay đổi gần nhất.`);
    }
    return effectiveDate;
  }
}
