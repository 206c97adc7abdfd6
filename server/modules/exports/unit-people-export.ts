import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { assertCoversUnit, STAFF_ROLES, subtreeIds } from '../access/scope.ts';
import type { PeopleScope } from '../search/people-scope.ts';
import { seesFullIdNumbers } from '../search/people-scope.ts';
import { batchesOfPeople, countPeople } from '../search/person-list.ts';
import { populationQuery } from '../search/population.ts';
import { describeFilter } from '../search/search.service.ts';
import { exportFileName } from './content-disposition.ts';
import type { ExportTask } from './export-jobs.ts';
import { LIST_EXPORT_BATCH_SIZE, writeListSheet } from './list-workbook.ts';
import { personColumns } from './person-columns.ts';

export interface UnitPeopleFilter {
  asOf?: string | undefined;
  /** Only the people attached to the unit itself ("Chi tiết" of the agency's own row). */
  direct?: boolean | undefined;
}

/**
 * Builds the export of an agency table's lists ("Chi tiết" of a division, "Xem" of an agency) with
 * the same rows as GET /api/units/:id/people. A division lists its members, and an agency or
 * holding group the members whose agency it is. A province or the holding root lists every member
 * of an agency below it.
 */
export async function unitPeopleExportTask(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  filter: UnitPeopleFilter,
): Promise<ExportTask> {
  await assertCoversUnit(db, actor, unitId, STAFF_ROLES);
  const unit = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');

  const asOf = filter.asOf ?? todayIso();
  let scope: PeopleScope;
  if (unit.kind === 'division')
    scope = { kind: 'units', asOf, agencyUnitIds: [], divisionUnitIds: [unit.id] };
  else if (unit.kind === 'agency' || unit.kind === 'holding_group')
    scope = { kind: 'units', asOf, agencyUnitIds: [unit.id], divisionUnitIds: [] };
  else scope = { kind: 'units', asOf, agencyUnitIds: await subtreeIds(db, [unit.id]), divisionUnitIds: [] };

  let query = populationQuery(db, scope);
  const direct = filter.direct === true && (unit.kind === 'agency' || unit.kind === 'holding_group');
  if (direct) query = query.where('m.division_id', 'is', null);

  const fullIdNumbers = seesFullIdNumbers(actor);
  const extra = direct ? ['Chỉ những người thuộc trực tiếp cơ quan (không thuộc bộ phận nào)'] : [];
  const subtitles = await describeFilter(db, { unitId: unit.id, asOf, fullIdNumbers, extra });
  return {
    kind: 'unit.people',
    fileName: exportFileName(`Danh sách ${unit.code} ${unit.name}`, asOf),
    filter: { unitId: unit.id, asOf, direct },
    rowsTotal: await countPeople(query),
    write: (workbook, onProgress) =>
      writeListSheet(
        workbook,
        {
          sheetName: 'Danh sách',
          title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC',
          subtitles,
          columns: personColumns,
          batches: batchesOfPeople(query, { asOf, fullIdNumbers, batchSize: LIST_EXPORT_BATCH_SIZE }),
        },
        onProgress,
      ),
  };
}
