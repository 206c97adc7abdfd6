import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ExportJob } from '../../../common/schemas/exports.ts';
import type { TestClient } from '../../test/harness.ts';

/**
 * Polls an export started by `started` until it finishes, downloads the file and opens it with
 * exceljs, as a user's spreadsheet program would. Fails on a failed export or after `timeoutMs`.
 */
export async function downloadExport(
  client: TestClient,
  started: LightMyRequestResponse,
  timeoutMs = 30_000,
) {
  if (started.statusCode !== 202)
    throw new Error(`Export did not start: ${started.statusCode} ${started.body}`);
  const job = started.json() as ExportJob;
  const deadline = Date.now() + timeoutMs;
  const states: ExportJob[] = [job];

  let status = job;
  while (status.state === 'queued' || status.state === 'running') {
    if (Date.now() > deadline) throw new Error(`Export ${job.id} did not finish in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = (await client.get(`/api/exports/${job.id}`)).json() as ExportJob;
    states.push(status);
  }
  if (status.state !== 'done') throw new Error(`Export ${job.id} ended ${status.state}: ${status.error}`);

  const file = await client.get(`/api/exports/${job.id}/file`);
  if (file.statusCode !== 200) throw new Error(`Download failed: ${file.statusCode} ${file.body}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  return { workbook, job: status, states, file };
}

/** Returns the data rows of a list sheet written by writeListSheet (STT in the first cell). */
export function listRows(worksheet: ExcelJS.Worksheet, headerText = 'STT'): ExcelJS.Row[] {
  let headerRow = 0;
  worksheet.eachRow((row, number) => {
    if (headerRow === 0 && row.getCell(1).value === headerText) headerRow = number;
  });
  if (headerRow === 0) throw new Error(`No header row starting with ${headerText}`);
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow((row, number) => {
    if (number > headerRow) rows.push(row);
  });
  return rows;
}
