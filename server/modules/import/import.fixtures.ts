import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ImportJob, ImportSettings } from '../../../common/schemas/import.ts';
import type { TestClient } from '../../test/harness.ts';

// Test files for the Excel import and the calls that drive an import through the API. Every
// name and number in them is generated.

const run = promisify(execFile);

/** Converts a file with LibreOffice Calc (its own profile and HOME) and returns the result. */
async function convertWithLibreOffice(
  input: Buffer | string,
  inputName: string,
  target: string,
  infilter?: string,
): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'hoso-import-lo-'));
  try {
    const inputPath = join(directory, inputName);
    await writeFile(inputPath, input);
    const filter = infilter ? [`--infilter=${infilter}`] : [];
    await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${join(directory, 'profile')}`,
        ...filter,
        '--convert-to',
        target,
        '--outdir',
        join(directory, 'out'),
        inputPath,
      ],
      { timeout: 120_000, env: { ...process.env, HOME: directory } },
    );
    const base = inputName.replace(/\.[^.]+$/, '');
    return await readFile(join(directory, 'out', `${base}.${target.split(':')[0]}`));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Converts CSV text to .xlsx with LibreOffice Calc, as a unit's spreadsheet program would save it. */
export function libreOfficeXlsx(csv: string, columnFormats: string): Promise<Buffer> {
  // Separator 44 (comma), text delimiter 34 ("), character set 76 (UTF-8), first line 1, the
  // column formats given (1 standard, 2 text, 4 DMY date), language 1066 (Vietnamese).
  return convertWithLibreOffice(csv, 'ho-so.csv', 'xlsx', `CSV:44,34,76,1,${columnFormats},1066`);
}

/** Saves the first sheet of a workbook as UTF-8 CSV with LibreOffice Calc, to prove it opens there. */
export async function libreOfficeCsv(xlsx: Buffer): Promise<string> {
  return (
    await convertWithLibreOffice(xlsx, 'mau.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76')
  ).toString('utf8');
}

/** Puts a title row, merged across the used columns, above everything in the first sheet. */
export async function withMergedTitleRow(xlsx: Buffer, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const columnCount = sheet.columnCount;
  sheet.spliceRows(1, 0, [title]);
  sheet.mergeCells(1, 1, 1, columnCount);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a file to the agency and returns the response. */
export function upload(
  client: TestClient,
  agencyId: number,
  file: Buffer,
  extra: { divisionId?: number; fileName?: string } = {},
) {
  return client.post(`/api/units/${agencyId}/imports`, {
    fileName: extra.fileName ?? 'ho-so.xlsx',
    fileBase64: file.toString('base64'),
    ...(extra.divisionId ? { divisionId: extra.divisionId } : {}),
  });
}

/** Polls the job until its check or import stops running. */
export async function waitForJob(client: TestClient, jobId: number, timeoutMs = 120_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`/api/imports/${jobId}`);
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json() as ImportJob;
    if (job.phase !== 'checking' && job.phase !== 'importing') return job;
    if (Date.now() > deadline) throw new Error(`Import ${jobId} still ${job.phase} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the dry run with the given settings and waits for its report. */
export async function check(client: TestClient, jobId: number, settings: ImportSettings): Promise<ImportJob> {
  const started = await client.post(`/api/imports/${jobId}/check`, settings);
  expect(started.statusCode, started.body).toBe(202);
  return waitForJob(client, jobId);
}

/** Runs the import and waits for it to finish. */
export async function runImport(client: TestClient, jobId: number): Promise<ImportJob> {
  const started = await client.post(`/api/imports/${jobId}/run`);
  expect(started.statusCode, started.body).toBe(202);
  return waitForJob(client, jobId);
}

/** Uploads, checks with the proposed mapping and imports; returns the upload, the check and the result. */
export async function importFile(
  client: TestClient,
  agencyId: number,
  file: Buffer,
  settings?: Partial<ImportSettings>,
) {
  const uploaded = await upload(client, agencyId, file);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const job = uploaded.json() as ImportJob;
  const checked = await check(client, job.id, {
    mapping: settings?.mapping ?? job.mapping,
    dateFormats: settings?.dateFormats ?? {},
  });
  expect(checked.phase, checked.error ?? '').toBe('checked');
  const imported = await runImport(client, job.id);
  expect(imported.phase, imported.error ?? '').toBe('imported');
  return { uploaded: job, checked, imported };
}
