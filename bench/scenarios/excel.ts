import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { summarize } from '../harness/latency.ts';
import { type BenchContext, failed, missingRoute, ratioOf, type ScenarioResult } from './context.ts';

// Excel export and import. The export lists the people of the unit nearest 30,000 rows through
// the background export (start, poll, download) and is compared with exceljs writing the same
// rows with its streaming writer and nothing else. The import needs a people/records import
// route, which the server may not have yet.

const EXPORT_RUNS = 3;
const IMPORT_ROWS = 10_000;

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

/** Builds a 10,000-row people sheet from the dataset and times exceljs reading it back. */
async function exceljsReadBaseline(
  context: BenchContext,
  folder: string,
): Promise<{ readSeconds: number; rows: number }> {
  const people = await context.db
    .selectFrom('people')
    .select(['full_name', 'gender', 'birth_date', 'personal_id_number', 'employee_code'])
    .orderBy('id')
    .limit(IMPORT_ROWS)
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

export async function excelImport(context: BenchContext): Promise<ScenarioResult> {
  const id = 'excel_import';
  const title = `Excel import of ${IMPORT_ROWS.toLocaleString('en-US')} rows`;
  // A records import would be a POST whose path names an import of people or records.
  const candidates = [...context.routes].filter(
    (route) => route.startsWith('POST ') && /import/i.test(route) && /people|record|person/i.test(route),
  );
  const folder = mkdtempSync(join(tmpdir(), 'hoso-bench-'));
  try {
    const baseline = await exceljsReadBaseline(context, folder);
    const metrics = {
      exceljsReadSeconds: Math.round(baseline.readSeconds * 100) / 100,
      exceljsRows: baseline.rows,
    };
    if (candidates.length === 0) {
      return {
        id,
        title,
        status: 'not_available',
        reason:
          'the running server has no people or records import route (no POST path with "import" in /api/openapi.json)',
        metrics,
      };
    }
    return {
      id,
      title,
      status: 'not_available',
      reason: `found ${candidates.join(', ')}, but the benchmark has no file builder for its layout yet`,
      metrics,
    };
  } catch (error) {
    return failed(id, title, error);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
