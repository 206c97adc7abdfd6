import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { PersonSummaryPage } from '../../../common/schemas/search.ts';
import {
  type DimensionCounts,
  type DimensionId,
  type DrillDownFilter,
  dimensionDefinitions,
  dimensionIds,
  type QualityStatistics,
  type ReportRow,
  type StatisticsQuery,
  UNKNOWN_BUCKET,
} from '../../../common/schemas/statistics.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, holdsRole } from '../../http/policy.ts';
import { dataChangesOf } from '../../db/data-changes.ts';
import { assertCoversUnit, grantRoots, STAFF_ROLES } from '../access/scope.ts';
import { seesFullIdNumbers, viewerScope } from '../search/people-scope.ts';
import { pageOfPeople } from '../search/person-list.ts';
import { type PopulationQuery, populationQuery } from '../search/population.ts';
import { bucketSql } from './dimension-sql.ts';
import { ResultCache } from './result-cache.ts';
import {
  type GroupCount,
  groupCounts,
  inReportRowSql,
  positionNames,
  type RootUnit,
  type RowMapping,
  rankNames,
  rowMapping,
  unitsByIds,
} from './statistics.repository.ts';

const AGE_BY_GENDER = 'age_band*gender';

/** The population of a counted unit on a date, with its report rows. */
export interface CountedPopulation {
  root: RootUnit;
  asOf: string;
  query: PopulationQuery;
  mapping: RowMapping;
}

/** The counted unit and date of a whole statistic, once the viewer's access to the unit is checked. */
export interface CountedUnit {
  unitId: number;
  asOf: string;
}

// A province has a few hundred units that someone may count; a national database a few thousand.
const CACHE_OPTIONS = { maxEntries: 500, maxAgeMs: 10 * 60_000 };

export class StatisticsService {
  readonly #db: Kysely<Database>;
  readonly #cache: ResultCache<unknown>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#cache = new ResultCache(dataChangesOf(db), CACHE_OPTIONS);
  }

  /**
   * Computes a whole statistic of the unit asked for (or the viewer's default unit) on the date,
   * or returns the same statistic computed earlier when no counted table has changed since. The
   * viewer's access to the unit is checked first, on every call.
   */
  async cached<T>(
    kind: string,
    actor: Actor,
    filter: StatisticsQuery,
    compute: (unit: CountedUnit) => Promise<T>,
  ): Promise<T> {
    const unit = { unitId: await this.#rootUnit(actor, filter.unitId), asOf: filter.asOf ?? todayIso() };
    await assertCoversUnit(this.#db, actor, unit.unitId, STAFF_ROLES);
    return this.#cache.get(`${kind}:${unit.unitId}:${unit.asOf}`, () => compute(unit)) as Promise<T>;
  }

  /**
   * Picks the counted unit: the one asked for, which a grant of the actor must cover, else the province
   * for a province admin, else the unit of the actor's first grant.
   */
  async #rootUnit(actor: Actor, unitId: number | undefined): Promise<number> {
    if (unitId !== undefined) return unitId;
    const roots = grantRoots(actor, holdsRole(actor, 'province_admin') ? ['province_admin'] : STAFF_ROLES);
    if (roots.length === 0) throw new AppError('FORBIDDEN');
    return roots[0]!;
  }

  /** Builds the people counted for the unit on the date, holding groups left out, and the report rows. */
  async population(actor: Actor, filter: StatisticsQuery): Promise<CountedPopulation> {
    const asOf = filter.asOf ?? todayIso();
    const rootId = await this.#rootUnit(actor, filter.unitId);
    const scope = await viewerScope(this.#db, actor, { unitId: rootId, asOf, excludeHolding: true });
    const root = await this.#db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind'])
      .where('id', '=', rootId)
      .executeTakeFirst();
    if (!root) throw new AppError('NOT_FOUND');
    const mapping = await rowMapping(this.#db, root, asOf);
    return { root, asOf, query: populationQuery(this.#db, scope), mapping };
  }

  async quality(actor: Actor, filter: StatisticsQuery): Promise<QualityStatistics> {
    return this.cached('quality', actor, filter, (unit) => this.#quality(actor, unit));
  }

  async #quality(actor: Actor, unit: CountedUnit): Promise<QualityStatistics> {
    const counted = await this.population(actor, unit);
    const expressions = dimensionIds.map((id) => ({ name: id, expression: bucketSql(id, counted.asOf) }));
    const counts = await groupCounts(this.#db, counted.query, counted.mapping, expressions, [
      ['age_band', 'gender'],
    ]);

    const total = counts.filter((item) => item.name === 'gender').reduce((sum, item) => sum + item.count, 0);
    return {
      unit: counted.root,
      asOf: counted.asOf,
      total,
      dimensions: await this.#dimensionCounts(counts, counted.asOf),
      ageByGender: ageByGender(counts),
      rows: await this.#reportRows(counted.mapping, counts),
    };
  }

  /** Lists the people behind one number, with the same population and the same bucket expressions. */
  async drillDown(
    actor: Actor,
    filter: DrillDownFilter & { page: number; pageSize: number },
  ): Promise<PersonSummaryPage> {
    const { query, asOf } = await this.filteredPopulation(actor, filter);
    const fullIdNumbers = seesFullIdNumbers(actor);
    const page = await pageOfPeople(query, {
      asOf,
      page: filter.page,
      pageSize: filter.pageSize,
      fullIdNumbers,
    });
    return { ...page, page: filter.page, pageSize: filter.pageSize, fullIdNumbers };
  }

  /** Narrows the population to one report row and to the buckets of a drill-down. */
  async filteredPopulation(actor: Actor, filter: DrillDownFilter) {
    const counted = await this.population(actor, filter);
    let query = counted.query;
    if (filter.rowUnitId !== undefined)
      query = query.where(inReportRowSql(counted.mapping, filter.rowUnitId));
    for (const { dimension, bucket } of filter.buckets ?? []) {
      query = query.where(bucketSql(dimension, counted.asOf), '=', bucket);
    }
    return { ...counted, query };
  }

  async #dimensionCounts(counts: GroupCount[], asOf: string): Promise<DimensionCounts[]> {
    const totals = new Map<string, Map<string, number>>();
    for (const item of counts) {
      const byBucket = totals.get(item.name) ?? new Map<string, number>();
      byBucket.set(item.bucket, (byBucket.get(item.bucket) ?? 0) + item.count);
      totals.set(item.name, byBucket);
    }

    const dynamicCodes = (dimension: DimensionId) => {
      const fixed = new Set<string>(
        dimensionDefinitions.find((item) => item.id === dimension)!.buckets.map((bucket) => bucket.id),
      );
      return [...(totals.get(dimension)?.keys() ?? [])].filter((bucket) => !fixed.has(bucket));
    };
    const rankLabels = await rankNames(this.#db, dynamicCodes('rank'), asOf);
    const positionLabels = await positionNames(this.#db, dynamicCodes('position'));

    return dimensionDefinitions.map((dimension) => {
      const byBucket = totals.get(dimension.id) ?? new Map<string, number>();
      const fixed = dimension.buckets.map((bucket) => ({
        id: bucket.id,
        label: bucket.label.vi,
        count: byBucket.get(bucket.id) ?? 0,
      }));
      if (!dimension.dynamic) return { id: dimension.id, label: dimension.label.vi, buckets: fixed };

      // Codes found in the data, largest first, before the fixed buckets (other, none, unknown).
      const labels = dimension.id === 'rank' ? rankLabels : positionLabels;
      const found = dynamicCodes(dimension.id)
        .map((code) => ({
          id: code,
          label: labels.get(code) ? `${labels.get(code)} (${code})` : code,
          count: byBucket.get(code) ?? 0,
        }))
        .sort((left, right) => right.count - left.count || left.id.localeCompare(right.id));
      return { id: dimension.id, label: dimension.label.vi, buckets: [...found, ...fixed] };
    });
  }

  async #reportRows(mapping: RowMapping, counts: GroupCount[]): Promise<ReportRow[]> {
    const byRow = new Map<number, ReportRow['counts']>();
    const totals = new Map<number, number>();
    for (const item of counts) {
      if (item.name === AGE_BY_GENDER) continue;
      const rowCounts = byRow.get(item.rowKey) ?? {};
      rowCounts[`${item.name}:${item.bucket}`] = item.count;
      byRow.set(item.rowKey, rowCounts);
      if (item.name === 'gender') totals.set(item.rowKey, (totals.get(item.rowKey) ?? 0) + item.count);
    }

    const rows: ReportRow[] = mapping.children.map((child) => ({
      unitId: child.id,
      code: child.code,
      name: child.name,
      direct: false,
      total: totals.get(child.id) ?? 0,
      counts: byRow.get(child.id) ?? {},
    }));

    // Units with people that were no child on the date: ended units (dòng trắng), then the
    // counted unit itself for the people placed directly on it.
    const childIds = new Set(mapping.children.map((child) => child.id));
    const strays = [...byRow.keys()].filter((id) => !childIds.has(id) && id !== mapping.root.id);
    const strayUnits = (await unitsByIds(this.#db, strays)).sort(
      (left, right) => left.sortOrder - right.sortOrder || left.code.localeCompare(right.code),
    );
    for (const unit of strayUnits) {
      rows.push({
        unitId: unit.id,
        code: unit.code,
        name: '',
        direct: false,
        total: totals.get(unit.id) ?? 0,
        counts: byRow.get(unit.id) ?? {},
      });
    }
    if (byRow.has(mapping.root.id)) {
      const root = mapping.root;
      rows.push({
        unitId: root.id,
        code: root.code,
        name: root.name,
        direct: true,
        total: totals.get(root.id) ?? 0,
        counts: byRow.get(root.id) ?? {},
      });
    }
    return rows;
  }
}

function ageByGender(counts: GroupCount[]): QualityStatistics['ageByGender'] {
  const ageDimension = dimensionDefinitions.find((dimension) => dimension.id === 'age_band')!;
  return ageDimension.buckets.map((band) => {
    const countOf = (gender: string) =>
      counts
        .filter((item) => item.name === AGE_BY_GENDER && item.bucket === `${band.id}:${gender}`)
        .reduce((sum, item) => sum + item.count, 0);
    return {
      ageBand: band.id,
      label: band.label.vi,
      male: countOf('male'),
      female: countOf('female'),
      unknown: countOf(UNKNOWN_BUCKET),
    };
  });
}
