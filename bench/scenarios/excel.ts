import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { summarize } from '../harness/latency.ts';
import { type BenchContext, failed, missingRoute, ratioOf, type ScenarioResult } from './context.ts';

// Excel export and import. The export lists the people of the unit nearest 30,000 rows through
// the background export (start, poll, download) and is compared with exceljs writing the same
// rows with its streaming writer and nothing else. The import uploads 10,000 new people to one
// agency, checks and imports them, and is compared with exceljs reading a file of that size.

const EXPORT_RUNS = 3;
const IMPORT_ROWS = 10_000;
/** Rows imported on the tiny dataset, which only checks that the import works. */
const TINY_IMPORT_ROWS = 200;
const GIVEN_NAMES = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Lan', 'Minh', 'Nam', 'Thảo', 'Vân'];

type CellValue = ExcelJS.CellValue;

async function exportOnce(
  context: BenchContext,
  headers: Record<string, string>,
  unitId: number,
): Promise<{ seconds: number; file: Buffer; rows: number }> {
  const started = performance.now();
  const created = await context.client.send({
    method: 'POST',
    path: `/api/units/${unitId}/people/export`,
    headers,
    json: {},
  });
  if (created.status !== 202)
    throw new Error(
      `POST /api/units/${unitId}/people/export returned ${created.status}: ${created.body.toString('utf8', 0, 300)}`,
    );
  const job = JSON.parse(created.body.toString('utf8')) as { id: string };

  let state = 'queued';
  let rows = 0;
  while (state === 'queued' || state === 'running') {
    await sleep(50);
    const status = await context.client.send({ method: 'GET', path: `/api/exports/${job.id}`, headers });
    const body = JSON.parse(status.body.toString('utf8')) as {
      state: string;
      rowsTotal: number;
      error: string | null;
    };
    state = body.state;
    rows = body.rowsTotal;
    if (state === 'failed') throw new Error(`The export failed: ${body.error}`);
    if (performance.now() - started > 600_000)
      throw new Error('The export did not finish within 10 minutes.');
  }
  const file = await context.client.send({ method: 'GET', path: `/api/exports/${job.id}/file`, headers });
  if (file.status !== 200) throw new Error(`GET /api/exports/${job.id}/file returned ${file.status}.`);
  return { seconds: (performance.now() - started) / 1000, file: file.body, rows };
}

/** Reads every row of the first worksheet with exceljs' streaming reader. */
async function readRows(path: string): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) rows.push((row.values as CellValue[]).slice(1));
    break;
  }
  return rows;
}

/** Writes the rows with exceljs' streaming writer and nothing else. */
async function writeRows(path: string, rows: CellValue[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet('Danh sách');
  for (const values of rows) worksheet.addRow(values).commit();
  worksheet.commit();
  await workbook.commit();
}

export async function excelExport(context: BenchContext): Promise<ScenarioResult> {
  const id = 'excel_export';
  const unit = context.fixtures.exportUnit;
  const title = `Excel export of a unit's people (${unit.name}, all its agencies)`;
  const unavailable = missingRoute(context, id, title, [
    ['POST', '/api/units/:id/people/export'],
    ['GET', '/api/exports/:id'],
    ['GET', '/api/exports/:id/file'],
  ]);
  if (unavailable) return unavailable;

  const folder = mkdtempSync(join(tmpdir(), 'hoso-bench-'));
  try {
    const admin = context.fixtures.nationalAdminAccountId ?? context.fixtures.provinceAdminAccountId;
    const headers = (await context.session(admin)).headers;
    const runs: number[] = [];
    let last: { file: Buffer; rows: number } | undefined;
    for (let run = 0; run < EXPORT_RUNS; run++) {
      const result = await exportOnce(context, headers, unit.id);
      runs.push(result.seconds);
      last = result;
    }
    const exported = join(folder, 'export.xlsx');
    writeFileSync(exported, last!.file);

    const readStarted = performance.now();
    const rows = await readRows(exported);
    const readSeconds = (performance.now() - readStarted) / 1000;
    const writeStarted = performance.now();
    await writeRows(join(folder, 'baseline.xlsx'), rows);
    const writeSeconds = (performance.now() - writeStarted) / 1000;

    const seconds = summarize(runs);
    return {
      id,
      title,
      status: 'measured',
      metrics: {
        rows: last!.rows,
        runs: runs.length,
        secondsMedian: Math.round(seconds.p50 * 100) / 100,
        secondsMax: Math.round(seconds.max * 100) / 100,
        rowsPerSecond: Math.round(last!.rows / seconds.p50),
        fileBytes: statSync(exported).size,
        exceljsWriteSeconds: Math.round(writeSeconds * 100) / 100,
        exceljsReadSeconds: Math.round(readSeconds * 100) / 100,
        ratioToExceljsWrite: ratioOf(seconds.p50, writeSeconds),
      },
      notes: [
        'Time runs from the POST that starts the export to the last byte of the downloaded file; the server polls are 50 ms apart.',
      ],
    };
  } catch (error) {
    return failed(id, title, error);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Builds a people sheet of `rowCount` rows from the dataset and times exceljs reading it back. */
async function exceljsReadBaseline(
  context: BenchContext,
  folder: string,
  rowCount: number,
): Promise<{ readSeconds: number; rows: number }> {
  const people = await context.db
    .selectFrom('people')
    .select(['full_name', 'gender', 'birth_date', 'personal_id_number', 'employee_code'])
    .orderBy('id')
    .limit(rowCount)
    .execute();
  const path = join(folder, 'import.xlsx');
  await writeRows(path, [
    ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số định danh cá nhân', 'Mã cán bộ'],
    ...people.map((row) => [
      row.full_name,
      row.gender === 'female' ? 'Nữ' : 'Nam',
      row.birth_date,
      row.personal_id_number,
      row.employee_code,
    ]),
  ]);
  const started = performance.now();
  const rows = await readRows(path);
  return { readSeconds: (performance.now() - started) / 1000, rows: rows.length - 1 };
}

interface ImportJobView {
  id: number;
  phase: string;
  mapping: Record<string, number | null>;
  dateFormats: Record<string, string>;
  counts: { create: number; update: number; unchanged: number; failed: number };
  problemCount: number;
  rowsTotal: number;
  error: string | null;
}

/** Polls the import job until it leaves the phase, and returns it. */
async function waitForPhase(
  context: BenchContext,
  headers: Record<string, string>,
  jobId: number,
  busy: string,
): Promise<ImportJobView> {
  const started = performance.now();
  for (;;) {
    await sleep(100);
    const response = await context.client.send({ method: 'GET', path: `/api/imports/${jobId}`, headers });
    const job = JSON.parse(response.body.toString('utf8')) as ImportJobView;
    if (job.phase !== busy) return job;
    if (performance.now() - started > 600_000)
      throw new Error(`The import stayed in phase ${busy} for 10 minutes.`);
  }
}

/** ID numbers of imported people end in a 6-digit serial; the runs of one database share them. */
const SERIAL_LIMIT = 1_000_000;

/**
 * Returns the first serial that no earlier import run has used, so that every run imports people new to the
 * system even when it reuses the database (--skip-load).
 */
async function firstFreeSerial(context: BenchContext, rowCount: number): Promise<number> {
  const used = await context.db
    .selectFrom('people')
    .select(sql<number | null>`max(right(personal_id_number, 6)::int)`.as('serial'))
    .where('personal_id_number', 'like', '096%')
    .executeTakeFirst();
  const first = (used?.serial ?? -1) + 1;
  if (first + rowCount > SERIAL_LIMIT)
    throw new Error('Earlier runs used up the ID numbers the import scenario makes: load the dataset again.');
  return first;
}

/**
 * Writes `rowCount` people new to the system in the import's own headers: personal ID number,
 * name, gender, birth date (dd/mm/yyyy), ethnicity code, employment type and division code. The ID
 * numbers start with 096, which the dataset generator never uses, and end in serials from
 * `firstSerial` on.
 */
async function importFile(
  path: string,
  divisionCode: string,
  rowCount: number,
  firstSerial: number,
): Promise<void> {
  const rows: CellValue[][] = [
    [
      'Số định danh cá nhân',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Dân tộc',
      'Cán bộ, công chức, viên chức',
      'Mã bộ phận',
    ],
  ];
  for (let index = 0; index < rowCount; index++) {
    const serial = String(firstSerial + index).padStart(6, '0');
    const female = index % 2 === 1;
    const year = 1970 + (index % 30);
    const id = `096${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${serial}`;
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = String(1 + (index % 12)).padStart(2, '0');
    rows.push([
      id,
      `${female ? 'Trần Thị' : 'Nguyễn Văn'} ${GIVEN_NAMES[index % GIVEN_NAMES.length]}`,
      female ? 'Nữ' : 'Nam',
      `${day}/${month}/${year}`,
      '01',
      'Công chức',
      divisionCode,
    ]);
  }
  await writeRows(path, rows);
}

async function firstProblems(
  context: BenchContext,
  headers: Record<string, string>,
  jobId: number,
): Promise<string> {
  const response = await context.client.send({
    method: 'GET',
    path: `/api/imports/${jobId}/problems`,
    headers,
  });
  const body = JSON.parse(response.body.toString('utf8')) as {
    problems?: Array<{ row: number; column: string | null; message: string }>;
  };
  return (body.problems ?? [])
    .slice(0, 3)
    .map((problem) => `row ${problem.row} ${problem.column ?? ''}: ${problem.message}`)
    .join('; ');
}

export async function excelImport(context: BenchContext): Promise<ScenarioResult> {
  const id = 'excel_import';
  const rowCount = context.profile.size === 'tiny' ? TINY_IMPORT_ROWS : IMPORT_ROWS;
  const title = `Excel import of ${rowCount.toLocaleString('en-US')} rows (new people of one agency: upload, check, import)`;
  const folder = mkdtempSync(join(tmpdir(), 'hoso-bench-'));
  try {
    const baseline = await exceljsReadBaseline(context, folder, rowCount);
    const unavailable = missingRoute(context, id, title, [
      ['POST', '/api/units/:id/imports'],
      ['POST', '/api/imports/:id/check'],
      ['POST', '/api/imports/:id/run'],
      ['GET', '/api/imports/:id'],
    ]);
    if (unavailable)
      return {
        ...unavailable,
        metrics: {
          exceljsReadSeconds: Math.round(baseline.readSeconds * 100) / 100,
          exceljsRows: baseline.rows,
        },
      };

    const agency = context.fixtures.agencies[0]!;
    const division = await context.db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('parent_id', '=', agency.id)
      .where('kind', '=', 'division')
      .where('status', '=', 'active')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    const path = join(folder, 'nhap-ho-so.xlsx');
    await importFile(path, division.code, rowCount, await firstFreeSerial(context, rowCount));
    const headers = (await context.session(agency.unitAdminAccountId)).headers;

    const started = performance.now();
    const uploaded = await context.client.send({
      method: 'POST',
      path: `/api/units/${agency.id}/imports`,
      headers,
      json: { fileName: 'nhap-ho-so.xlsx', fileBase64: readFileSync(path).toString('base64') },
    });
    if (uploaded.status !== 201)
      throw new Error(
        `POST /api/units/${agency.id}/imports returned ${uploaded.status}: ${uploaded.body.toString('utf8', 0, 300)}`,
      );
    const job = JSON.parse(uploaded.body.toString('utf8')) as ImportJobView;
    const uploadSeconds = (performance.now() - started) / 1000;

    const checkStarted = performance.now();
    const check = await context.client.send({
      method: 'POST',
      path: `/api/imports/${job.id}/check`,
      headers,
      json: { mapping: job.mapping, dateFormats: { birthDate: 'dmy' } },
    });
    if (check.status !== 202)
      throw new Error(
        `POST /api/imports/${job.id}/check returned ${check.status}: ${check.body.toString('utf8', 0, 300)}`,
      );
    const checked = await waitForPhase(context, headers, job.id, 'checking');
    const checkSeconds = (performance.now() - checkStarted) / 1000;
    if (checked.phase !== 'checked')
      throw new Error(`The check ended in phase ${checked.phase}: ${checked.error ?? ''}`);

    const runStarted = performance.now();
    const run = await context.client.send({ method: 'POST', path: `/api/imports/${job.id}/run`, headers });
    if (run.status !== 202)
      throw new Error(
        `POST /api/imports/${job.id}/run returned ${run.status}: ${run.body.toString('utf8', 0, 300)}`,
      );
    const imported = await waitForPhase(context, headers, job.id, 'importing');
    const runSeconds = (performance.now() - runStarted) / 1000;
    if (imported.phase !== 'imported')
      throw new Error(`The import ended in phase ${imported.phase}: ${imported.error ?? ''}`);

    const seconds = (performance.now() - started) / 1000;
    const written = imported.counts.create + imported.counts.update + imported.counts.unchanged;
    return {
      id,
      title,
      status: written === rowCount ? 'measured' : 'failed',
      ...(written === rowCount
        ? {}
        : {
            reason: `only ${written} of ${rowCount} rows were imported; first problems: ${await firstProblems(context, headers, job.id)}`,
          }),
      metrics: {
        rows: imported.rowsTotal,
        created: imported.counts.create,
        updated: imported.counts.update,
        unchanged: imported.counts.unchanged,
        failedRows: imported.counts.failed,
        problems: imported.problemCount,
        seconds: Math.round(seconds * 100) / 100,
        uploadSeconds: Math.round(uploadSeconds * 100) / 100,
        checkSeconds: Math.round(checkSeconds * 100) / 100,
        importSeconds: Math.round(runSeconds * 100) / 100,
        exceljsReadSeconds: Math.round(baseline.readSeconds * 100) / 100,
        ratioToExceljsRead: ratioOf(seconds, baseline.readSeconds),
      },
      notes: [
        'Time runs from the upload to the end of the import; the check and the import are polled every 100 ms.',
      ],
    };
  } catch (error) {
    return failed(id, title, error);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
