import type { Kysely } from 'kysely';
import type { ProgressStatus } from '../../../common/schemas/declarations.ts';
import type { ProvinceDashboard, StatisticsQuery } from '../../../common/schemas/statistics.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/policy.ts';
import { bucketSql } from './dimension-sql.ts';
import {
  declarationProgressTable,
  groupCounts,
  progressStatusSql,
  unitsByIds,
} from './statistics.repository.ts';
import type { StatisticsService } from './statistics.service.ts';

type Progress = Record<ProgressStatus, number>;
type EmploymentTypes = Record<string, number>;

function emptyProgress(): Progress {
  return { never_declared: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
}

function emptyEmploymentTypes(): EmploymentTypes {
  return { cadre: 0, civil_servant: 0, public_employee: 0, unknown: 0 };
}

/**
 * Counts a unit's children on a date: headcount, headcount per employment type and
 * declaration progress, with the same population and rows as the quality statistics. For the
 * province admin this is the province overview, one row per agency.
 */
export function dashboard(
  db: Kysely<Database>,
  statistics: StatisticsService,
  actor: Actor,
  filter: StatisticsQuery,
): Promise<ProvinceDashboard> {
  return statistics.cached('dashboard', actor, filter, (unit) =>
    computeDashboard(db, statistics, actor, unit),
  );
}

async function computeDashboard(
  db: Kysely<Database>,
  statistics: StatisticsService,
  actor: Actor,
  filter: StatisticsQuery,
): Promise<ProvinceDashboard> {
  const counted = await statistics.population(actor, filter);
  const withProgress = counted.query.leftJoin(declarationProgressTable(db).as('dp'), 'dp.person_id', 'p.id');
  const counts = await groupCounts(db, withProgress, counted.mapping, [
    { name: 'employment_type', expression: bucketSql('employment_type', counted.asOf) },
    // Progress is the state of declarations today, whatever the date of the headcount.
    { name: 'progress', expression: progressStatusSql },
  ]);

  const rows = new Map<number, ProvinceDashboard['rows'][number]>();
  for (const child of counted.mapping.children) {
    rows.set(child.id, {
      unitId: child.id,
      code: child.code,
      name: child.name,
      total: 0,
      byEmploymentType: emptyEmploymentTypes(),
      progress: emptyProgress(),
    });
  }
  const strays = [...new Set(counts.map((item) => item.rowKey))].filter((id) => !rows.has(id));
  for (const unit of await unitsByIds(db, strays)) {
    const name = unit.id === counted.root.id ? counted.root.name : '';
    rows.set(unit.id, {
      unitId: unit.id,
      code: unit.code,
      name,
      total: 0,
      byEmploymentType: emptyEmploymentTypes(),
      progress: emptyProgress(),
    });
  }

  const totals = { total: 0, byEmploymentType: emptyEmploymentTypes(), progress: emptyProgress() };
  for (const item of counts) {
    const row = rows.get(item.rowKey)!;
    if (item.name === 'employment_type') {
      row.total += item.count;
      row.byEmploymentType[item.bucket] = (row.byEmploymentType[item.bucket] ?? 0) + item.count;
      totals.total += item.count;
      totals.byEmploymentType[item.bucket] = (totals.byEmploymentType[item.bucket] ?? 0) + item.count;
    } else {
      const status = item.bucket as ProgressStatus;
      row.progress[status] += item.count;
      totals.progress[status] += item.count;
    }
  }

  return { unit: counted.root, asOf: counted.asOf, ...totals, rows: [...rows.values()] };
}
