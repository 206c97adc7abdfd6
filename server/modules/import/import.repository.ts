import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  ImportCounts,
  ImportDateFormatMap,
  ImportJob,
  ImportMapping,
  ImportProblem,
} from '../../../common/schemas/import.ts';
import type { Database } from '../../db/schema.ts';
import type { ImportJobsTable } from './import.tables.ts';
import type { HeaderColumn } from './import-headers.ts';

// The import_jobs rows: the uploaded file, the mapping, the progress and the report.

/** Problems a job keeps; a file with more reports the count and the first ones. */
export const MAX_STORED_PROBLEMS = 20_000;
/** Problems sent with the job's status; the rest come from GET /api/imports/:id/problems. */
const PROBLEMS_IN_STATUS = 200;

export const EMPTY_COUNTS: ImportCounts = { create: 0, update: 0, unchanged: 0, failed: 0 };

export async function insertJob(db: Kysely<Database>, values: Insertable<ImportJobsTable>): Promise<number> {
  const row = await db.insertInto('import_jobs').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateJob(
  db: Kysely<Database>,
  id: number,
  patch: Updateable<ImportJobsTable>,
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

function jobQuery(db: Kysely<Database>) {
  return db
    .selectFrom('import_jobs as j')
    .innerJoin('units as a', 'a.id', 'j.agency_id')
    .leftJoin('units as d', 'd.id', 'j.default_division_id')
    .leftJoin('accounts as c', 'c.id', 'j.created_by')
    .select([
      'j.id',
      'j.agency_id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'j.default_division_id as defaultDivisionId',
      'd.code as divisionCode',
      'd.name as divisionName',
      'j.created_by as createdBy',
      'c.display_name as createdByName',
      'j.file_name as fileName',
      'j.file_sha256 as fileSha256',
      'j.sheet_name as sheetName',
      'j.header_row as headerRow',
      'j.file_columns as fileColumns',
      'j.mapping',
      'j.date_formats as dateFormats',
      'j.phase',
      'j.checked_settings as checkedSettings',
      'j.rows_total as rowsTotal',
      'j.rows_done as rowsDone',
      'j.counts',
      'j.problems',
      'j.error',
      'j.created_at as createdAt',
      'j.finished_at as finishedAt',
    ]);
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export async function findJob(db: Kysely<Database>, id: number) {
  return jobQuery(db).where('j.id', '=', id).executeTakeFirst();
}

export async function listJobs(db: Kysely<Database>, agencyId: number) {
  return jobQuery(db)
    .where('j.agency_id', '=', agencyId)
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(50)
    .execute();
}

export async function loadFile(db: Kysely<Database>, id: number): Promise<Buffer> {
  const row = await db
    .selectFrom('import_jobs')
    .select('file_data')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.file_data);
}

/** Finds the latest finished import of the same file into the agency, other than the job itself. */
export async function previousImportOf(db: Kysely<Database>, job: JobRow) {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'finished_at as finishedAt'])
    .where('agency_id', '=', job.agencyId)
    .where('file_sha256', '=', job.fileSha256)
    .where('phase', '=', 'imported')
    .where('id', '<>', job.id)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function columnsOf(job: JobRow): HeaderColumn[] {
  return json<HeaderColumn[]>(job.fileColumns, []);
}

export function mappingOf(job: JobRow): ImportMapping {
  return json<ImportMapping>(job.mapping, {});
}

export function dateFormatsOf(job: JobRow): ImportDateFormatMap {
  return json<ImportDateFormatMap>(job.dateFormats, {});
}

export function problemsOf(job: JobRow): ImportProblem[] {
  return json<ImportProblem[]>(job.problems, []);
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The job as the API returns it. */
export function toImportJobDto(
  job: JobRow,
  extra: {
    interrupted: boolean;
    checkedCurrent: boolean;
    previousImport: { id: number; finishedAt: Date | string | null } | undefined;
  },
): ImportJob {
  const problems = problemsOf(job);
  return {
    id: job.id,
    agency: { id: job.agencyId, code: job.agencyCode, name: job.agencyName },
    defaultDivision:
      job.defaultDivisionId !== null
        ? { id: job.defaultDivisionId, code: job.divisionCode ?? '', name: job.divisionName ?? '' }
        : null,
    fileName: job.fileName,
    sheetName: job.sheetName,
    headerRow: job.headerRow,
    phase: job.phase,
    interrupted: extra.interrupted,
    fileColumns: columnsOf(job),
    mapping: mappingOf(job),
    dateFormats: dateFormatsOf(job),
    checkedCurrent: extra.checkedCurrent,
    rowsTotal: job.rowsTotal,
    rowsDone: job.rowsDone,
    counts: { ...EMPTY_COUNTS, ...json<Partial<ImportCounts>>(job.counts, {}) },
    problemCount: problems.length,
    problems: problems.slice(0, PROBLEMS_IN_STATUS),
    error: job.error,
    previousImport: extra.previousImport
      ? { id: extra.previousImport.id, finishedAt: iso(extra.previousImport.finishedAt) }
      : null,
    createdByName: job.createdByName,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: iso(job.finishedAt),
  };
}
