import type { Kysely } from 'kysely';
import {
  type DrillDownFilter,
  dimensionDefinition,
  type StatisticsQuery,
} from '../../../common/schemas/statistics.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/policy.ts';
import { exportFileName } from '../exports/content-disposition.ts';
import type { ExportTask } from '../exports/export-jobs.ts';
import { LIST_EXPORT_BATCH_SIZE, writeListSheet } from '../exports/list-workbook.ts';
import { personColumns } from '../exports/person-columns.ts';
import { seesFullIdNumbers } from '../search/people-scope.ts';
import { batchesOfPeople, countPeople } from '../search/person-list.ts';
import { describeFilter } from '../search/search.service.ts';
import { writeStatisticsWorkbook } from './report-workbook.ts';
import type { StatisticsService } from './statistics.service.ts';

function bucketLines(filter: DrillDownFilter): string[] {
  return (filter.buckets ?? []).map(({ dimension, bucket }) => {
    const definition = dimensionDefinition(dimension);
    const label = definition.buckets.find((item) => item.id === bucket)?.label.vi ?? bucket;
    return `${definition.label.vi}: ${label}`;
  });
}

/** Builds the export of the people behind a number of the statistics. */
export async function drillDownExportTask(
  db: Kysely<Database>,
  statistics: StatisticsService,
  actor: Actor,
  filter: DrillDownFilter,
): Promise<ExportTask> {
  const { query, asOf, root } = await statistics.filteredPopulation(actor, filter);
  const fullIdNumbers = seesFullIdNumbers(actor);
  const rowUnit =
    filter.rowUnitId !== undefined
      ? await db
          .selectFrom('units')
          .select(['code', 'name'])
          .where('id', '=', filter.rowUnitId)
          .executeTakeFirst()
      : undefined;
  const extra = [
    ...(rowUnit ? [`Dòng: ${rowUnit.name || '(đơn vị đã kết thúc)'} (mã số ${rowUnit.code})`] : []),
    ...bucketLines(filter),
  ];
  const subtitles = await describeFilter(db, { unitId: root.id, asOf, fullIdNumbers, extra });
  return {
    kind: 'statistics.people',
    fileName: exportFileName(`Danh sách theo thống kê ${root.code}`, asOf),
    filter: { unitId: root.id, asOf, rowUnitId: filter.rowUnitId ?? null, buckets: filter.buckets ?? [] },
    rowsTotal: await countPeople(query),
    write: (workbook, onProgress) =>
      writeListSheet(
        workbook,
        {
          sheetName: 'Danh sách',
          title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC THEO SỐ LIỆU THỐNG KÊ',
          subtitles,
          columns: personColumns,
          batches: batchesOfPeople(query, { asOf, fullIdNumbers, batchSize: LIST_EXPORT_BATCH_SIZE }),
        },
        onProgress,
      ),
  };
}

/** Builds the export of the quality statistics in the layout of form BM02/BNV. */
export async function reportExportTask(
  statistics: StatisticsService,
  actor: Actor,
  filter: StatisticsQuery,
): Promise<ExportTask> {
  const result = await statistics.quality(actor, filter);
  return {
    kind: 'statistics.report',
    fileName: exportFileName(`Báo cáo chất lượng đội ngũ ${result.unit.code}`, result.asOf),
    filter: { unitId: result.unit.id, asOf: result.asOf },
    rowsTotal: result.rows.length,
    write: async (workbook, onProgress) => writeStatisticsWorkbook(workbook, result, onProgress),
  };
}
