import type { Kysely } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates.ts';
import type { PersonSummaryPage, SearchFilter, SearchQuery } from '../../../common/schemas/search.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/policy.ts';
import { exportFileName } from '../exports/content-disposition.ts';
import type { ExportTask } from '../exports/export-jobs.ts';
import { writeListSheet } from '../exports/list-workbook.ts';
import { personColumns } from '../exports/person-columns.ts';
import { seesFullIdNumbers, viewerScope } from './people-scope.ts';
import { batchesOfPeople, countPeople, pageOfPeople } from './person-list.ts';
import { populationQuery } from './population.ts';
import { searchCondition } from './search-condition.ts';

/** Lines under an exported list's title that say which people it holds. */
export async function describeFilter(
  db: Kysely<Database>,
  parts: { unitId?: number | undefined; asOf: string; fullIdNumbers: boolean; extra?: string[] },
) {
  const lines: string[] = [];
  if (parts.unitId !== undefined) {
    const unit = await db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('id', '=', parts.unitId)
      .executeTakeFirst();
    if (unit) lines.push(`Đơn vị: ${unit.name} (mã số ${unit.code})`);
  }
  lines.push(...(parts.extra ?? []));
  lines.push(`Số liệu đến ngày ${formatDateVi(parts.asOf)}`);
  if (!parts.fullIdNumbers) lines.push('Số định danh cá nhân chỉ hiện 4 chữ số cuối.');
  return lines;
}

export class SearchService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** People the actor may open that match the filter, as of today. */
  async #matching(actor: Actor, filter: SearchFilter) {
    const asOf = todayIso();
    const scope = await viewerScope(this.#db, actor, { unitId: filter.unitId, asOf, excludeHolding: false });
    let query = populationQuery(this.#db, scope);
    const condition = searchCondition(filter.q);
    if (condition) query = query.where(condition);
    if (filter.rankCode) query = query.where('r.rank_code', '=', filter.rankCode);
    return { query, asOf };
  }

  async search(actor: Actor, request: SearchQuery): Promise<PersonSummaryPage> {
    const { query, asOf } = await this.#matching(actor, request);
    const fullIdNumbers = seesFullIdNumbers(actor);
    const page = await pageOfPeople(query, {
      asOf,
      page: request.page,
      pageSize: request.pageSize,
      fullIdNumbers,
    });
    return { ...page, page: request.page, pageSize: request.pageSize, fullIdNumbers };
  }

  async exportTask(actor: Actor, filter: SearchFilter): Promise<ExportTask> {
    const { query, asOf } = await this.#matching(actor, filter);
    const fullIdNumbers = seesFullIdNumbers(actor);
    const extra = [
      ...(filter.q ? [`Từ khóa tìm kiếm: ${filter.q}`] : []),
      ...(filter.rankCode ? [`Mã ngạch, chức danh: ${filter.rankCode}`] : []),
    ];
    const subtitles = await describeFilter(this.#db, { unitId: filter.unitId, asOf, fullIdNumbers, extra });
    return {
      kind: 'search',
      fileName: exportFileName('Kết quả tìm kiếm hồ sơ', asOf),
      filter: { ...filter },
      rowsTotal: await countPeople(query),
      write: (workbook, onProgress) =>
        writeListSheet(
          workbook,
          {
            sheetName: 'Kết quả tìm kiếm',
            title: 'DANH SÁCH KẾT QUẢ TÌM KIẾM HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC',
            subtitles,
            columns: personColumns,
            batches: batchesOfPeople(query, { asOf, fullIdNumbers }),
          },
          onProgress,
        ),
    };
  }
}
