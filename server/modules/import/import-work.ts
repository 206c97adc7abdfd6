import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { ImportCounts, ImportProblem } from '../../../common/schemas/import.ts';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import {
  columnsOf,
  dateFormatsOf,
  EMPTY_COUNTS,
  findJob,
  type JobRow,
  loadFile,
  MAX_STORED_PROBLEMS,
  mappingOf,
  updateJob,
} from './import.repository.ts';
import { loadImportLookups } from './import-lookups.ts';
import { batchLookups, type ImportTarget, planRow } from './import-plan.ts';
import { readSheetRows, type SheetRows } from './import-rows.ts';
import type { ImportRunner } from './import-runner.ts';
import { type ImportActor, importBatch, RowConflict } from './import-write.ts';

// The dry run and the import of one job, as background tasks. Both read the stored file again,
// parse every row with the job's mapping and walk the rows in batches. Each batch is one short
// transaction that also writes the job's progress, so the counts on the job always match the rows
// committed. Between batches other requests get a turn, because PGlite serves one query at a time.
// A commit per row cost about 3 ms of the 4.4 ms a row took at 10,000 rows (docs/benchmarks.md).

const BATCH_SIZE = 50;

const FAILED_MESSAGE =
  'Xử lý tệp không thành công do lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên kèm tên tệp.';

export interface WorkContext {
  db: Kysely<Database>;
  runner: ImportRunner;
  log: FastifyBaseLogger;
}

async function readJobRows(
  db: Kysely<Database>,
  job: JobRow,
): Promise<{ target: ImportTarget; sheet: SheetRows }> {
  // NOTE: exceljs keeps the whole workbook in memory, about 450 MB of heap for 20,000 rows of 40
  // columns. Its streaming reader would not, but it drops merged cells, which the rows may use.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await loadFile(db, job.id)) as unknown as ArrayBuffer);
  const worksheet = workbook.getWorksheet(job.sheetName);
  if (!worksheet) throw new Error(`Worksheet ${job.sheetName} of import ${job.id} is missing`);

  const target: ImportTarget = {
    agency: { id: job.agencyId, code: job.agencyCode, name: job.agencyName },
    defaultDivisionId: job.defaultDivisionId,
    columns: columnsOf(job),
    mapping: mappingOf(job),
  };
  const lookups = await loadImportLookups(db, job.agencyId);
  return {
    target,
    sheet: readSheetRows(
      worksheet,
      job.headerRow,
      target.columns,
      target.mapping,
      dateFormatsOf(job),
      lookups,
    ),
  };
}

function storedProblems(problems: ImportProblem[]): string {
  if (problems.length <= MAX_STORED_PROBLEMS) return JSON.stringify(problems);
  const rest = problems.length - MAX_STORED_PROBLEMS;
  const note: ImportProblem = {
    row: 0,
    column: null,
    header: null,
    level: 'error',
    message: `Còn ${rest.toLocaleString('vi-VN')} vấn đề khác không liệt kê. Hãy sửa các vấn đề trên rồi kiểm tra lại.`,
  };
  return JSON.stringify([...problems.slice(0, MAX_STORED_PROBLEMS), note]);
}

type RowResult = { outcome: keyof ImportCounts | 'error'; problems: ImportProblem[] };

type BatchStep = (
  trx: Transaction<Database>,
  rows: SheetRows['rows'],
  seenIds: Map<string, number>,
) => Promise<RowResult[]>;

/** Returns the counts after `results` are added to `counts`. */
function countsAfter(counts: ImportCounts, results: RowResult[]): ImportCounts {
  const next = { ...counts };
  for (const result of results) next[result.outcome === 'error' ? 'failed' : result.outcome] += 1;
  return next;
}

/**
 * Runs one batch of rows in one transaction with the progress update. When a row meets a
 * conflict that a fresh transaction would settle (another import created the same person in
 * the meantime), the batch is rolled back and run again one row per transaction, so that only
 * that row fails.
 */
async function runBatch(
  context: WorkContext,
  rows: SheetRows['rows'],
  seenIds: Map<string, number>,
  step: BatchStep,
  saveProgress: (trx: Transaction<Database>, results: RowResult[]) => Promise<void>,
): Promise<RowResult[]> {
  const seenBefore = new Map(seenIds);
  try {
    return await context.db.transaction().execute(async (trx) => {
      const results = await step(trx, rows, seenIds);
      await saveProgress(trx, results);
      return results;
    });
  } catch (error) {
    if (!(error instanceof RowConflict)) throw error;
    seenIds.clear();
    for (const [id, rowNumber] of seenBefore) seenIds.set(id, rowNumber);
  }

  const results: RowResult[] = [];
  for (const row of rows) {
    const [result] = await context.db
      .transaction()
      .execute((trx) => step(trx, [row], seenIds))
      .catch((error: unknown) => {
        if (error instanceof RowConflict && error.result) return [error.result];
        throw error;
      });
    results.push(result!);
  }
  await context.db.transaction().execute((trx) => saveProgress(trx, results));
  return results;
}

/**
 * Walks the rows with `step`, recording counts, problems and progress. Returns false when the app
 * began closing before the last row, leaving the job for a later restart.
 */
async function walkRows(
  context: WorkContext,
  job: JobRow,
  sheet: SheetRows,
  step: BatchStep,
): Promise<{ finished: boolean; counts: ImportCounts; problems: ImportProblem[] }> {
  const counts: ImportCounts = { ...EMPTY_COUNTS };
  const problems: ImportProblem[] = [...sheet.fileProblems];
  const seenIds = new Map<string, number>();
  await updateJob(context.db, job.id, {
    rows_total: sheet.rows.length,
    rows_done: 0,
    counts: JSON.stringify(counts),
  });

  for (let start = 0; start < sheet.rows.length; start += BATCH_SIZE) {
    if (context.runner.closing) return { finished: false, counts, problems };
    const done = Math.min(start + BATCH_SIZE, sheet.rows.length);
    const results = await runBatch(context, sheet.rows.slice(start, done), seenIds, step, (trx, batch) =>
      updateJob(trx, job.id, { rows_done: done, counts: JSON.stringify(countsAfter(counts, batch)) }),
    );
    // Counted only once the batch has committed: a rolled-back attempt leaves no trace.
    Object.assign(counts, countsAfter(counts, results));
    for (const result of results) problems.push(...result.problems);
    await nextTurn();
  }
  return { finished: true, counts, problems };
}

async function failJob(context: WorkContext, jobId: number, error: unknown, what: string): Promise<void> {
  context.log.error({ err: error, importId: jobId }, `import ${what} failed`);
  await updateJob(context.db, jobId, {
    phase: 'failed',
    error: FAILED_MESSAGE,
    finished_at: new Date(),
  }).catch((updateError: unknown) =>
    context.log.error({ err: updateError, importId: jobId }, 'import failure not recorded'),
  );
}

/** Runs the dry run: plans every row without writing and stores the report. */
export async function checkJob(context: WorkContext, jobId: number, settings: string): Promise<void> {
  try {
    const job = (await findJob(context.db, jobId))!;
    const { target, sheet } = await readJobRows(context.db, job);
    const today = todayIso();
    const walk = await walkRows(context, job, sheet, async (trx, rows, seenIds) => {
      const lookups = await batchLookups(trx, rows);
      const plans: RowResult[] = [];
      for (const row of rows) plans.push(await planRow(trx, target, row, today, seenIds, lookups));
      return plans;
    });
    if (!walk.finished) return;

    if (sheet.rows.length === 0) {
      await updateJob(context.db, jobId, {
        phase: 'failed',
        error: `Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${job.headerRow}) ở các cột đã ghép. Hãy kiểm tra lại tệp hoặc cách ghép cột.`,
        problems: storedProblems(walk.problems),
        finished_at: new Date(),
      });
      return;
    }
    await updateJob(context.db, jobId, {
      phase: 'checked',
      checked_settings: settings,
      counts: JSON.stringify(walk.counts),
      problems: storedProblems(walk.problems),
      finished_at: new Date(),
    });
  } catch (error) {
    await failJob(context, jobId, error, 'check');
  }
}

/** Runs the import: writes every good row as an approved version and stores the report. */
export async function importJob(context: WorkContext, jobId: number, actor: ImportActor): Promise<void> {
  try {
    const job = (await findJob(context.db, jobId))!;
    const { target, sheet } = await readJobRows(context.db, job);
    const today = todayIso();
    const writeTarget = { ...target, importId: job.id, fileName: job.fileName };
    const walk = await walkRows(context, job, sheet, (trx, rows, seenIds) =>
      importBatch(trx, writeTarget, rows, actor, today, seenIds),
    );
    if (!walk.finished) return;

    await updateJob(context.db, jobId, {
      phase: 'imported',
      counts: JSON.stringify(walk.counts),
      problems: storedProblems(walk.problems),
      finished_at: new Date(),
    });
    await recordAudit(context.db, actor.audit, {
      action: 'import.finish',
      entityType: 'import',
      entityId: jobId,
      detail: { agencyId: job.agencyId, fileName: job.fileName, counts: walk.counts },
    });
  } catch (error) {
    await failJob(context, jobId, error, 'run');
  }
}
