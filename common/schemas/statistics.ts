import { z } from 'zod';
import { limits } from '../limits.ts';
import { isoDate } from './common.ts';
import type { ProgressStatus } from './declarations.ts';
import { personSummaryPage } from './search.ts';
import { type DimensionId, dimensionIds } from './statistics-dimensions.ts';

// Workforce quality statistics (chất lượng đội ngũ) in the dimensions of the official report
// BM02/BNV (Thông tư 11/2012/TT-BNV): grade, education, political theory, state management, IT,
// foreign languages, age, gender, ethnic minority, religion, Party membership, plus employment
// type, salary group and position. Every person falls into exactly one bucket of every
// dimension, so each dimension adds up to the total; missing data has its own bucket.

export * from './statistics-dimensions.ts';

const bucketPattern = /^[A-Za-z0-9._-]{1,60}$/;

/**
 * A drill-down filter: `dimension:bucket` pairs joined by commas, e.g.
 * `age_band:from_31_to_40,gender:female` for one bar of the age pyramid.
 */
export const bucketFilter = z
  .string()
  .trim()
  .max(400)
  .transform((value, context) => {
    const pairs: Array<{ dimension: DimensionId; bucket: string }> = [];
    for (const part of value.split(',').filter(Boolean)) {
      const [dimension, bucket, ...rest] = part.split(':');
      if (
        !dimensionIds.includes(dimension as DimensionId) ||
        !bucket ||
        rest.length > 0 ||
        !bucketPattern.test(bucket)
      ) {
        context.addIssue({
          code: 'custom',
          message: `"${part}" không phải là tiêu chí:nhóm hợp lệ, ví dụ gender:female.`,
        });
        return z.NEVER;
      }
      pairs.push({ dimension: dimension as DimensionId, bucket });
    }
    return pairs;
  });
export type BucketFilter = z.output<typeof bucketFilter>;

export const statisticsQuery = z.object({
  /** The unit whose people are counted; default: the province for its admin, else the viewer's own agency. */
  unitId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

export const drillDownFilter = statisticsQuery.extend({
  buckets: bucketFilter.optional(),
  /** A row of the report table: a child unit of `unitId`, or `unitId` itself for its direct members. */
  rowUnitId: z.coerce.number().int().positive().optional(),
});
export type DrillDownFilter = z.output<typeof drillDownFilter>;

export const drillDownQuery = drillDownFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const drillDownPage = personSummaryPage;

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() });

export const bucketCount = z.object({ id: z.string(), label: z.string(), count: z.number() });

export const dimensionCounts = z.object({
  id: z.enum(dimensionIds),
  label: z.string(),
  buckets: z.array(bucketCount),
});
export type DimensionCounts = z.infer<typeof dimensionCounts>;

/** One row of the report table: a child unit of the counted unit and its counts per bucket. */
export const reportRow = z.object({
  unitId: z.number(),
  code: z.string(),
  /** Empty for a unit that had ended by the date but still has people (dòng trắng). */
  name: z.string(),
  /** True for the people placed on the counted unit itself rather than below it. */
  direct: z.boolean(),
  total: z.number(),
  /** Count per `dimension:bucket` key, zero counts left out. */
  counts: z.record(z.string(), z.number()),
});
export type ReportRow = z.infer<typeof reportRow>;

export const qualityStatistics = z.object({
  unit: unitRef,
  asOf: z.string(),
  total: z.number(),
  dimensions: z.array(dimensionCounts),
  /** People per age band and gender, for the age pyramid. */
  ageByGender: z.array(
    z.object({
      ageBand: z.string(),
      label: z.string(),
      male: z.number(),
      female: z.number(),
      unknown: z.number(),
    }),
  ),
  rows: z.array(reportRow),
});
export type QualityStatistics = z.infer<typeof qualityStatistics>;

/**
 * Declaration progress of a unit's people, by the rule of the declarations module: the open
 * declaration's status, else approved when one was ever approved, else never declared.
 */
export const declarationProgress = z.object({
  never_declared: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  approved: z.number(),
}) satisfies z.ZodType<Record<ProgressStatus, number>>;

export const dashboardRow = z.object({
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  total: z.number(),
  /** Count per employment type: cadre, civil_servant, public_employee, unknown. */
  byEmploymentType: z.record(z.string(), z.number()),
  progress: declarationProgress,
});

export const provinceDashboard = z.object({
  unit: unitRef,
  asOf: z.string(),
  total: z.number(),
  byEmploymentType: z.record(z.string(), z.number()),
  progress: declarationProgress,
  rows: z.array(dashboardRow),
});
export type ProvinceDashboard = z.infer<typeof provinceDashboard>;
