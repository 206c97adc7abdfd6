import { sql } from 'kysely';
import type { NewUnit } from '../db/schema.ts';
import { chunks } from './batch.ts';
import type { DemoSeedContext } from './seed-context.ts';

/** Start of the post-merger structure: the day the merged Quảng Trị and its new communes came into force. */
export const DEMO_STRUCTURE_FROM = '2025-07-01';

type PlannedRow = Omit<NewUnit, 'parent_id'> & { parentCode: string | null };

function unitRow(
  code: string,
  name: string,
  kind: NewUnit['kind'],
  parentCode: string | null,
  sortOrder: number,
): PlannedRow {
  return {
    code,
    name,
    kind,
    parentCode,
    valid_from: DEMO_STRUCTURE_FROM,
    valid_to: null,
    decision_number: null,
    decision_date: null,
    sort_order: sortOrder,
  };
}

/** Lists the plan's units by tree level, so that a parent is inserted before its children. */
function unitLevels(context: DemoSeedContext): PlannedRow[][] {
  const { province, agencies, holdingRoot, holdingGroups } = context.plan;
  return [
    [unitRow(province.code, province.name, 'province', null, 0)],
    [
      ...agencies.map((agency, index) =>
        unitRow(agency.code, agency.name, 'agency', province.code, index + 1),
      ),
      unitRow(holdingRoot.code, holdingRoot.name, 'holding_root', province.code, agencies.length + 1),
    ],
    [
      ...agencies.flatMap((agency) =>
        agency.divisions.map((division, index) =>
          unitRow(division.code, division.name, 'division', agency.code, index + 1),
        ),
      ),
      ...holdingGroups.map((group, index) =>
        unitRow(group.code, group.name, 'holding_group', holdingRoot.code, index + 1),
      ),
    ],
  ];
}

/**
 * Writes the organisation tree level by level in multi-row inserts, then one revision per unit
 * in a single INSERT … SELECT: the same rows insertUnit writes, without two round trips per unit.
 */
export async function seedOrganisation(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db, unitIds } = context;

  for (const level of unitLevels(context)) {
    for (const batch of chunks(level)) {
      const values = batch.map(({ parentCode, ...row }) => ({
        ...row,
        parent_id: parentCode === null ? null : unitIds.get(parentCode)!,
      }));
      const inserted = await db.insertInto('units').values(values).returning(['id', 'code']).execute();
      for (const row of inserted) unitIds.set(row.code, row.id);
    }
  }

  // The database was empty before this step (seedDemoProvince checks), so every unit is ours.
  const revisions = await sql`
    insert into unit_revisions (unit_id, name, parent_id, valid_from, valid_to, decision_number, decision_date)
    select id, name, parent_id, valid_from, valid_to, decision_number, decision_date from units order by id
  `.execute(db);

  return { units: unitIds.size, revisions: Number(revisions.numAffectedRows ?? 0) };
}
