import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FieldError } from '../../../common/error-codes.ts';
import {
  IMPORT_MAX_FILE_BYTES,
  type ImportJob,
  type ImportSettings,
  importFieldOf,
  importFields,
  type importUploadBody,
} from '../../../common/schemas/import.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { Actor } from '../../http/policy.ts';
import { ADMIN_ROLES, assertCoversUnit, subtreeIds } from '../access/scope.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { exportFileName } from '../exports/content-disposition.ts';
import {
  columnsOf,
  dateFormatsOf,
  EMPTY_COUNTS,
  findJob,
  insertJob,
  type JobRow,
  listJobs,
  mappingOf,
  previousImportOf,
  problemsOf,
  toImportJobDto,
  updateJob,
} from './import.repository.ts';
import { detectHeader } from './import-headers.ts';
import { loadImportLookups } from './import-lookups.ts';
import { canonicalJson } from './import-merge.ts';
import type { ImportRunner } from './import-runner.ts';
import { buildImportTemplate } from './import-template.ts';
import { checkJob, importJob } from './import-work.ts';

// The Excel import as the routes see it. Every entry point first checks that one of the caller's
// admin grants covers the agency (a unit admin their agency, Sở Nội vụ any). Otherwise it raises
// NOT_FOUND (404) before it reads a byte of the file.

type UploadBody = z.infer<typeof importUploadBody>;

const IDLE_PHASES = new Set(['uploaded', 'checked', 'failed']);

/** Fingerprint of what a dry run depends on, so that an import runs only what was checked. */
function settingsFingerprint(job: Pick<JobRow, 'mapping' | 'dateFormats' | 'defaultDivisionId'>): string {
  const value = canonicalJson({
    mapping: mappingOf(job as JobRow),
    dateFormats: dateFormatsOf(job as JobRow),
    defaultDivisionId: job.defaultDivisionId,
  });
  return createHash('sha256').update(value).digest('hex');
}

export class ImportService {
  readonly #db: Kysely<Database>;
  readonly #runner: ImportRunner;
  readonly #log: FastifyBaseLogger;

  constructor(db: Kysely<Database>, runner: ImportRunner, log: FastifyBaseLogger) {
    this.#db = db;
    this.#runner = runner;
    this.#log = log;
  }

  /** The agency an import goes into, after the scope check. Divisions and the province are not agencies. */
  async #agency(actor: Actor, unitId: number) {
    await assertCoversUnit(this.#db, actor, unitId, ADMIN_ROLES);
    const unit = await this.#db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind', 'status'])
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND');
    if (unit.kind !== 'agency') {
      throw fieldError(
        'id',
        'Cơ quan, đơn vị',
        `${unit.code} ${unit.name} không phải là cơ quan. Hãy chọn cơ quan (sở, ban, ngành, UBND cấp xã) để nhập hồ sơ.`,
      );
    }
    if (unit.status !== 'active') {
      throw fieldError(
        'id',
        'Cơ quan, đơn vị',
        `${unit.code} ${unit.name} đã kết thúc hoạt động nên không nhập hồ sơ vào được.`,
      );
    }
    return unit;
  }

  async #job(actor: Actor, jobId: number): Promise<JobRow> {
    const job = await findJob(this.#db, jobId);
    if (!job) throw new AppError('NOT_FOUND');
    await assertCoversUnit(this.#db, actor, job.agencyId, ADMIN_ROLES);
    return job;
  }

  async #dto(job: JobRow): Promise<ImportJob> {
    const running = job.phase === 'checking' || job.phase === 'importing';
    return toImportJobDto(job, {
      interrupted: running && !this.#runner.isActive(job.id),
      checkedCurrent: job.phase === 'checked' && job.checkedSettings === settingsFingerprint(job),
      previousImport: await previousImportOf(this.#db, job),
    });
  }

  async template(actor: Actor, unitId: number) {
    const agency = await this.#agency(actor, unitId);
    const buffer = await buildImportTemplate(agency, await loadImportLookups(this.#db, agency.id));
    return {
      buffer,
      fileName: exportFileName(`Mẫu nhập hồ sơ ${agency.code}`, new Date().toISOString().slice(0, 10)),
    };
  }

  async upload(actor: Actor, unitId: number, body: UploadBody, audit: AuditContext): Promise<ImportJob> {
    const agency = await this.#agency(actor, unitId);
    if (body.divisionId !== undefined) await this.#assertDivisionOf(agency, body.divisionId);

    const file = Buffer.from(body.fileBase64, 'base64');
    if (file.length > IMPORT_MAX_FILE_BYTES)
      throw new AppError('IMPORT_FILE_INVALID', { message: 'Tệp lớn hơn 20 MB; hãy chia thành nhiều tệp.' });
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('IMPORT_FILE_INVALID', {
        message: `Không đọc được tệp "${body.fileName}" như một tệp Excel .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi tải lên lại.`,
      });
    }
    const header = detectHeader(workbook);
    if (!header) {
      throw new AppError('IMPORT_FILE_INVALID', {
        message:
          'Không tìm thấy dòng tiêu đề trong 20 dòng đầu của tệp. Dòng tiêu đề cần có ít nhất hai cột của tệp mẫu, ví dụ "Số định danh cá nhân" và "Họ và tên". Hãy dùng tệp mẫu.',
      });
    }

    const id = await insertJob(this.#db, {
      agency_id: agency.id,
      default_division_id: body.divisionId ?? null,
      created_by: actor.accountId,
      file_name: body.fileName,
      file_sha256: createHash('sha256').update(file).digest('hex'),
      file_data: file,
      sheet_name: header.sheet.name,
      header_row: header.headerRow,
      file_columns: JSON.stringify(header.columns),
      mapping: JSON.stringify(header.mapping),
      date_formats: JSON.stringify({}),
      phase: 'uploaded',
      checked_settings: null,
      counts: JSON.stringify(EMPTY_COUNTS),
      problems: JSON.stringify([]),
      error: null,
      finished_at: null,
    });
    await recordAudit(this.#db, audit, {
      action: 'import.upload',
      entityType: 'import',
      entityId: id,
      detail: {
        agencyId: agency.id,
        fileName: body.fileName,
        bytes: file.length,
        sheet: header.sheet.name,
        headerRow: header.headerRow,
      },
    });
    return this.#dto((await findJob(this.#db, id))!);
  }

  async #assertDivisionOf(agency: { id: number; name: string }, divisionId: number): Promise<void> {
    const inAgency = await subtreeIds(this.#db, [agency.id]);
    const division = await this.#db
      .selectFrom('units')
      .select(['id', 'kind', 'status'])
      .where('id', '=', divisionId)
      .executeTakeFirst();
    if (division?.kind !== 'division' || division.status !== 'active' || !inAgency.includes(divisionId)) {
      throw fieldError(
        'divisionId',
        'Bộ phận mặc định',
        `không phải bộ phận đang hoạt động của ${agency.name}. Hãy chọn lại bộ phận trong danh sách.`,
      );
    }
  }

  async status(actor: Actor, jobId: number): Promise<ImportJob> {
    return this.#dto(await this.#job(actor, jobId));
  }

  async problems(actor: Actor, jobId: number) {
    const problems = problemsOf(await this.#job(actor, jobId));
    return { total: problems.length, problems };
  }

  async list(actor: Actor, unitId: number) {
    const agency = await this.#agency(actor, unitId);
    const jobs = await listJobs(this.#db, agency.id);
    return Promise.all(jobs.map((job) => this.#dto(job)));
  }

  /** Checks the mapping against the file's columns; every problem names the field to fix. */
  #validateSettings(job: JobRow, settings: ImportSettings): void {
    const columns = new Set(columnsOf(job).map((column) => column.index));
    const errors: FieldError[] = [];
    const usedBy = new Map<number, string>();
    for (const field of importFields) {
      const index = settings.mapping[field.key];
      const path = `mapping.${field.key}`;
      if (!index) {
        if ('required' in field && field.required)
          errors.push({
            field: path,
            label: field.header,
            message: `Tệp phải có cột "${field.header}". Hãy chọn cột của tệp ghi thông tin này.`,
          });
        continue;
      }
      if (!columns.has(index)) {
        errors.push({
          field: path,
          label: field.header,
          message: 'Cột đã chọn không có trong dòng tiêu đề của tệp. Hãy chọn lại.',
        });
        continue;
      }
      const other = usedBy.get(index);
      if (other)
        errors.push({
          field: path,
          label: field.header,
          message: `Cột này đã được ghép cho "${other}". Mỗi cột chỉ ghép cho một thông tin.`,
        });
      else usedBy.set(index, field.header);
    }
    for (const key of Object.keys(settings.dateFormats) as Array<keyof ImportSettings['dateFormats']>) {
      if (importFieldOf(key).kind !== 'date') {
        errors.push({
          field: `dateFormats.${key}`,
          label: importFieldOf(key).header,
          message: 'Chỉ chọn định dạng ngày cho cột ngày.',
        });
      }
    }
    if (errors.length > 0) {
      const summary = errors
        .slice(0, 3)
        .map((error) => `${error.label}: ${error.message}`)
        .join(' ');
      throw new AppError('VALIDATION_FAILED', {
        message: `Cách ghép cột chưa đúng. ${summary}`,
        fields: errors,
      });
    }
  }

  #assertIdle(job: JobRow): void {
    if (job.phase === 'imported') throw new AppError('IMPORT_DONE');
    const interrupted =
      (job.phase === 'checking' || job.phase === 'importing') && !this.#runner.isActive(job.id);
    if (!IDLE_PHASES.has(job.phase) && !interrupted) throw new AppError('IMPORT_BUSY');
  }

  async check(
    actor: Actor,
    jobId: number,
    settings: ImportSettings,
    audit: AuditContext,
  ): Promise<ImportJob> {
    const job = await this.#job(actor, jobId);
    this.#assertIdle(job);
    this.#validateSettings(job, settings);

    const slot = this.#runner.reserve(job.id);
    const fingerprint = settingsFingerprint({
      mapping: settings.mapping,
      dateFormats: settings.dateFormats,
      defaultDivisionId: job.defaultDivisionId,
    });
    try {
      await updateJob(this.#db, job.id, {
        mapping: JSON.stringify(settings.mapping),
        date_formats: JSON.stringify(settings.dateFormats),
        phase: 'checking',
        checked_settings: null,
        rows_done: 0,
        counts: JSON.stringify(EMPTY_COUNTS),
        problems: JSON.stringify([]),
        error: null,
        finished_at: null,
      });
      await recordAudit(this.#db, audit, {
        action: 'import.check',
        entityType: 'import',
        entityId: job.id,
        detail: { mapping: settings.mapping, dateFormats: settings.dateFormats },
      });
    } catch (error) {
      slot.release();
      throw error;
    }
    slot.run(() => checkJob({ db: this.#db, runner: this.#runner, log: this.#log }, job.id, fingerprint));
    return this.#dto((await findJob(this.#db, job.id))!);
  }

  async run(actor: Actor, jobId: number, audit: AuditContext): Promise<ImportJob> {
    const job = await this.#job(actor, jobId);
    this.#assertIdle(job);
    const resuming = job.phase === 'importing';
    if (!resuming && (job.phase !== 'checked' || job.checkedSettings !== settingsFingerprint(job)))
      throw new AppError('IMPORT_NOT_CHECKED');

    const slot = this.#runner.reserve(job.id);
    try {
      await updateJob(this.#db, job.id, {
        phase: 'importing',
        rows_done: 0,
        counts: JSON.stringify(EMPTY_COUNTS),
        error: null,
        finished_at: null,
      });
      await recordAudit(this.#db, audit, {
        action: 'import.start',
        entityType: 'import',
        entityId: job.id,
        detail: { agencyId: job.agencyId, fileName: job.fileName, resuming },
      });
    } catch (error) {
      slot.release();
      throw error;
    }
    slot.run(() =>
      importJob({ db: this.#db, runner: this.#runner, log: this.#log }, job.id, {
        accountId: actor.accountId,
        audit,
      }),
    );
    return this.#dto((await findJob(this.#db, job.id))!);
  }
}
