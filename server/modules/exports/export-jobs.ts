import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ExportJob, ExportJobState } from '../../../common/schemas/exports.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { ProgressListener } from './list-workbook.ts';

interface ExportTaskBase {
  /** Name of the list or report in the audit log, e.g. 'search' or 'statistics.report'. */
  kind: string;
  /** Download name, Vietnamese allowed, ending in the file's extension. */
  fileName: string;
  /** The filter as the caller sent it, for the audit log. */
  filter: Record<string, unknown>;
  /** Rows (or files) the export will write, counted before it starts; the progress bar's 100 %. */
  rowsTotal: number;
}

/** An Excel export: the runner opens a streaming workbook and the task writes its sheets. */
export interface WorkbookExportTask extends ExportTaskBase {
  /** Writes the workbook's sheets and returns the number of data rows written. */
  write(workbook: ExcelJS.stream.xlsx.WorkbookWriter, onProgress: ProgressListener): Promise<number>;
}

/** Any other file, such as a .zip of Word documents, which the task writes to `path` itself. */
export interface FileExportTask extends ExportTaskBase {
  /** Extension of the stored file, without the dot, e.g. 'zip'. */
  extension: string;
  /** Content-Type of the download. */
  contentType: string;
  /** Writes the file at `path` and returns the number of rows or entries written. */
  writeFile(path: string, onProgress: ProgressListener): Promise<number>;
}

/** One export's content, built by a module after it has checked the caller's scope. */
export type ExportTask = WorkbookExportTask | FileExportTask;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportJobsOptions {
  db: Kysely<Database>;
  log: FastifyBaseLogger;
  /** Exports written at the same time; others wait in a queue. */
  maxRunning?: number;
  /** Exports one account may have queued or running at once. */
  maxActivePerAccount?: number;
  /** Largest list one export may hold. */
  maxRows?: number;
  /** How long a finished file stays available for download, in minutes. */
  keepMinutes?: number;
}

interface Job {
  id: string;
  accountId: number;
  audit: AuditContext;
  task: ExportTask;
  state: ExportJobState;
  rowsDone: number;
  error: string | null;
  path: string;
  createdAt: Date;
  finishedAt: Date | null;
}

const FAILED_MESSAGE =
  'Xuất tệp Excel không thành công do lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.';

/**
 * Runs Excel exports in the background of the server process. The client starts one, polls its
 * progress and downloads the file when it is done. Jobs and files live in this process only: a
 * restart drops them, and the user starts the export again.
 */
export class ExportJobs {
  readonly #db: Kysely<Database>;
  readonly #log: FastifyBaseLogger;
  readonly #maxRunning: number;
  readonly #maxActivePerAccount: number;
  readonly #maxRows: number;
  readonly #keepMs: number;
  readonly #jobs = new Map<string, Job>();
  readonly #queue: Job[] = [];
  readonly #sweeper: NodeJS.Timeout;
  #running = 0;
  #directory: Promise<string> | undefined;
  #closed = false;

  constructor(options: ExportJobsOptions) {
    this.#db = options.db;
    this.#log = options.log;
    this.#maxRunning = options.maxRunning ?? 2;
    this.#maxActivePerAccount = options.maxActivePerAccount ?? 3;
    this.#maxRows = options.maxRows ?? 100_000;
    this.#keepMs = (options.keepMinutes ?? 30) * 60_000;
    this.#sweeper = setInterval(() => void this.#sweep(), 60_000);
    this.#sweeper.unref();
  }

  get maxRows(): number {
    return this.#maxRows;
  }

  /** Queues an export for the actor and returns its first status. */
  start(actor: Actor, audit: AuditContext, task: ExportTask): ExportJob {
    if (this.#closed) throw new AppError('DATABASE_UNAVAILABLE');
    if (task.rowsTotal > this.#maxRows) {
      throw new AppError('EXPORT_TOO_LARGE', {
        message: `Danh sách có ${task.rowsTotal.toLocaleString('vi-VN')} dòng, vượt giới hạn ${this.#maxRows.toLocaleString('vi-VN')} dòng mỗi lần xuất. Hãy chọn một đơn vị nhỏ hơn hoặc thêm điều kiện lọc.`,
      });
    }
    const active = [...this.#jobs.values()].filter(
      (job) => job.accountId === actor.accountId && (job.state === 'queued' || job.state === 'running'),
    );
    if (active.length >= this.#maxActivePerAccount) throw new AppError('EXPORT_BUSY');

    const id = randomUUID();
    const job: Job = {
      id,
      accountId: actor.accountId,
      audit,
      task,
      state: 'queued',
      rowsDone: 0,
      error: null,
      path: '',
      createdAt: new Date(),
      finishedAt: null,
    };
    this.#jobs.set(id, job);
    this.#queue.push(job);
    this.#pump();
    return this.#view(job);
  }

  /** Returns the status of one of the actor's exports. Another account's export is reported as missing. */
  status(actor: Actor, id: string): ExportJob {
    return this.#view(this.#ownJob(actor, id));
  }

  /** Returns the finished file of one of the actor's exports. */
  async file(
    actor: Actor,
    id: string,
  ): Promise<{ path: string; fileName: string; contentType: string; size: number }> {
    const job = this.#ownJob(actor, id);
    if (job.state === 'failed') throw new AppError('EXPORT_FAILED', { message: job.error ?? FAILED_MESSAGE });
    if (job.state !== 'done') throw new AppError('EXPORT_NOT_READY');
    const info = await stat(job.path).catch(() => null);
    if (!info) throw new AppError('NOT_FOUND', { message: 'Tệp đã hết hạn lưu. Hãy xuất lại.' });
    const contentType = 'writeFile' in job.task ? job.task.contentType : XLSX_TYPE;
    return { path: job.path, fileName: job.task.fileName, contentType, size: info.size };
  }

  /** Waits for running exports to stop, then deletes every file. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#queue.length = 0;
    while (this.#running > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.#directory) await rm(await this.#directory, { recursive: true, force: true });
  }

  #ownJob(actor: Actor, id: string): Job {
    const job = this.#jobs.get(id);
    if (!job || job.accountId !== actor.accountId)
      throw new AppError('NOT_FOUND', {
        message: 'Không tìm thấy yêu cầu xuất tệp, hoặc tệp đã hết hạn lưu.',
      });
    return job;
  }

  #view(job: Job): ExportJob {
    return {
      id: job.id,
      state: job.state,
      fileName: job.task.fileName,
      rowsDone: job.rowsDone,
      rowsTotal: job.task.rowsTotal,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
    };
  }

  #pump(): void {
    while (!this.#closed && this.#running < this.#maxRunning && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#running += 1;
      void this.#run(job).finally(() => {
        this.#running -= 1;
        this.#pump();
      });
    }
  }

  async #run(job: Job): Promise<void> {
    job.state = 'running';
    try {
      this.#directory ??= mkdtemp(join(tmpdir(), 'hoso-exports-'));
      const onProgress: ProgressListener = (rowsDone) => {
        job.rowsDone = rowsDone;
      };
      const rowCount = await this.#write(job, await this.#directory, onProgress);
      job.rowsDone = rowCount;

      await recordAudit(this.#db, job.audit, {
        action: 'export.create',
        entityType: 'export',
        entityId: job.id,
        detail: { kind: job.task.kind, filter: job.task.filter, rowCount, fileName: job.task.fileName },
      });
      job.state = 'done';
    } catch (error) {
      this.#log.error({ err: error, exportId: job.id, kind: job.task.kind }, 'export failed');
      job.state = 'failed';
      job.error = error instanceof AppError ? error.message : FAILED_MESSAGE;
      await recordAudit(this.#db, job.audit, {
        action: 'export.fail',
        entityType: 'export',
        entityId: job.id,
        detail: { kind: job.task.kind, filter: job.task.filter, rowsDone: job.rowsDone },
      }).catch((auditError: unknown) =>
        this.#log.error({ err: auditError, exportId: job.id }, 'export failure not audited'),
      );
      if (job.path) await rm(job.path, { force: true });
    } finally {
      job.finishedAt = new Date();
    }
  }

  async #write(job: Job, directory: string, onProgress: ProgressListener): Promise<number> {
    const task = job.task;
    if ('writeFile' in task) {
      job.path = join(directory, `${job.id}.${task.extension}`);
      return task.writeFile(job.path, onProgress);
    }

    job.path = join(directory, `${job.id}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: job.path,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'HoSo';
    const rowCount = await task.write(workbook, onProgress);
    await workbook.commit();
    return rowCount;
  }

  async #sweep(): Promise<void> {
    const now = Date.now();
    for (const job of this.#jobs.values()) {
      if (!job.finishedAt || now - job.finishedAt.getTime() < this.#keepMs) continue;
      this.#jobs.delete(job.id);
      if (job.path) await rm(job.path, { force: true }).catch(() => undefined);
    }
  }
}
