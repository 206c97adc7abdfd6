import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch, nameSortKey } from '../common/vietnamese.ts';
import { demoLoginEmail } from '../server/demo/demo-logins.ts';
import { type OwnServer, startOwnServer } from './sign-in-options-server.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { firstSignIn, openMenu, watchForProblems } from './support/page-helpers.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';

// Headcounts, statistics and search as the demo unit admin of Sở Tư pháp (agency 112). A
// division's "Chi tiết" lists as many people as its row shows. A statistics number opens a list
// of exactly that many people, which exports to an Excel file with one row per person. A search
// without tone marks finds names in Vietnamese name order.
//
// The spec runs its own server with a fresh demo province: it must replace the unit admin's
// default password, which smoke.spec.ts expects to find unchanged on the shared server.

const resultsDir = resolve(import.meta.dirname, '../test-results');
const UNIT_ADMIN_EMAIL = demoLoginEmail('unit_admin');
const UNIT_ADMIN_PASSWORD = 'Thong-ke-tu-phap-E2E-2026';
const SEARCH_TEXT = 'nguyen van';
/** Columns of every exported list of people, after the row number "STT". */
const EXPORT_HEADER = [
  'STT',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Mã cán bộ',
  'Số định danh cá nhân',
  'Mã số đơn vị',
  'Cơ quan, đơn vị',
  'Bộ phận, phòng',
  'Loại',
  'Mã ngạch, chức danh',
  'Ngạch, chức danh nghề nghiệp',
  'Chức vụ',
];

let server: OwnServer;
let browser: BrowserSession;
let page: Page;
const problems: string[] = [];

function screenshotPath(name: string): string {
  return join(resultsDir, `e2e-statistics-${name}.png`);
}

function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`Not a count: "${text}"`);
  return Number(digits);
}

/** Reads the total of a paged list from its "1–50 trên 123" line. */
async function readListTotal(): Promise<number> {
  const range = page.locator('.ant-pagination-total-text');
  await range.waitFor();
  const text = await range.innerText();
  const total = /trên\s+([\d.]+)/.exec(text)?.[1];
  if (!total) throw new Error(`No total in the list range "${text}"`);
  return parseCount(total);
}

/** Waits until the table has finished loading its current page. */
async function waitForTable(): Promise<void> {
  await page.locator('.ant-table-wrapper').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
}

function dataRows() {
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

/** Reads an exported list: its header row (the row starting with "STT") and how many rows follow it. */
async function readExportedList(
  path: string,
): Promise<{ header: string[]; dataRows: number; firstName: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path} has no worksheet`);

  let headerRowNumber = 0;
  sheet.eachRow((row, rowNumber) => {
    if (!headerRowNumber && row.getCell(1).text === 'STT') headerRowNumber = rowNumber;
  });
  if (!headerRowNumber) throw new Error(`${path} has no header row starting with "STT"`);

  const header = sheet.getRow(headerRowNumber);
  const headerTexts: string[] = [];
  for (let column = 1; column <= header.cellCount; column++) headerTexts.push(header.getCell(column).text);

  let count = 0;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > headerRowNumber && row.getCell(1).text !== '') count += 1;
  });
  return {
    header: headerTexts,
    dataRows: count,
    firstName: sheet.getRow(headerRowNumber + 1).getCell(2).text,
  };
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  server = await startOwnServer(
    async () => ({ DEMO_PEOPLE: '3000' }),
    join(resultsDir, 'e2e-statistics-server.log'),
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  traceRequests(page);
  watchForProblems(page, problems);
}, 300_000);

reportPageOnFailure('statistics', () => page);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('statistics: counts, drill-down, export, search', () => {
  let drillDownUrl = '';
  let drillDownTotal = 0;

  it('division details match its count', async () => {
    await firstSignIn(page, server.baseUrl, UNIT_ADMIN_EMAIL, UNIT_ADMIN_PASSWORD);
    await openMenu(page, 'Bảng số lượng');
    await page.waitForURL(/\/units\/\d+\/table$/);
    await page.getByTestId('headcount-total').waitFor();
    await page.getByText(/^Sở Tư pháp \(112\) — tính đến ngày/).waitFor();

    // The smallest division with people, so that its whole list fits on one page of 50.
    const rows = dataRows();
    const divisions: Array<{ code: string; headcount: number }> = [];
    for (let index = 0; index < (await rows.count()); index++) {
      const cells = await rows.nth(index).locator('td').allInnerTexts();
      divisions.push({ code: cells[1]!.trim(), headcount: parseCount(cells[3]!) });
    }
    const staffed = divisions.filter((division) => division.headcount > 0);
    expect(staffed.length).toBeGreaterThan(1);
    const division = staffed.reduce((best, row) => (row.headcount < best.headcount ? row : best));
    expect(division.headcount).toBeLessThanOrEqual(50);
    await page.screenshot({ path: screenshotPath('agency-table'), fullPage: true });

    await dataRows()
      .filter({ has: page.getByRole('cell', { name: division.code, exact: true }) })
      .getByRole('link', { name: 'Chi tiết' })
      .click();
    await page.waitForURL(/\/units\/\d+\/people\?direct=true$/);
    await waitForTable();
    expect(await readListTotal()).toBe(division.headcount);
    expect(await dataRows().count()).toBe(division.headcount);
    await page.screenshot({ path: screenshotPath('division-people'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('statistics number opens that many people', async () => {
    await openMenu(page, 'Thống kê chất lượng');
    await page.waitForURL(/\/statistics/);
    await page.getByText(/^Sở Tư pháp \(112\), số liệu đến ngày/).waitFor();
    await page.screenshot({ path: screenshotPath('charts'), fullPage: true });

    const women = page.locator('.ant-statistic').filter({
      has: page.locator('.ant-statistic-title', { hasText: /^Nữ$/ }),
    });
    const link = women.getByRole('link');
    const countOnChart = parseCount(await link.innerText());
    expect(countOnChart).toBeGreaterThan(0);
    await link.click();

    await page.waitForURL(/\/statistics\/people\?/);
    expect(new URL(page.url()).searchParams.get('buckets')).toBe('gender:female');
    await page.locator('.ant-tag', { hasText: 'Giới tính: Nữ' }).waitFor();
    await waitForTable();
    drillDownTotal = await readListTotal();
    expect(drillDownTotal).toBe(countOnChart);
    expect(await dataRows().count()).toBe(Math.min(countOnChart, 50));
    drillDownUrl = page.url();
    await page.screenshot({ path: screenshotPath('drill-down'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('drill-down exports to Excel', async () => {
    expect(drillDownTotal).toBeGreaterThan(0);
    expect(page.url()).toBe(drillDownUrl);
    const firstNameOnScreen = (await dataRows().first().locator('td').nth(1).innerText()).trim();

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    const dialog = page.getByRole('dialog', { name: 'Xuất tệp Excel' });
    await dialog.getByText(`Đã xuất xong ${drillDownTotal.toLocaleString('vi-VN')} dòng`).waitFor();
    expect(await dialog.locator('.ant-progress').getAttribute('class')).toContain(
      'ant-progress-status-success',
    );
    await page.screenshot({ path: screenshotPath('export-done'), fullPage: true });

    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const savedPath = join(resultsDir, `e2e-statistics-${download.suggestedFilename()}`);
    await download.saveAs(savedPath);
    const list = await readExportedList(savedPath);
    expect(list.header).toEqual(EXPORT_HEADER);
    expect(list.dataRows).toBe(drillDownTotal);
    expect(list.firstName).toBe(firstNameOnScreen);

    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });

  it('search without tone marks, name order', async () => {
    await openMenu(page, 'Tìm kiếm hồ sơ');
    await page.waitForURL(/\/search/);
    const box = page.getByLabel(/^Ví dụ: nguyen van an/);
    await box.fill(SEARCH_TEXT);
    // The table keeps the unfiltered list on screen until the search response arrives.
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => {
        const url = new URL(candidate.url());
        return url.pathname === '/api/search/people' && url.searchParams.get('q') === SEARCH_TEXT;
      }),
      box.press('Enter'),
    ]);
    expect(response.status()).toBe(200);
    const total = ((await response.json()) as { total: number }).total;
    expect(total).toBeGreaterThan(1);
    await page
      .locator('.ant-pagination-total-text', {
        hasText: new RegExp(`trên ${total.toLocaleString('vi-VN')}$`),
      })
      .waitFor();
    await waitForTable();

    const names = (await dataRows().locator('td:nth-child(2)').allInnerTexts()).map((name) => name.trim());
    expect(names.length).toBe(Math.min(total, 50));
    await page.screenshot({ path: screenshotPath('search'), fullPage: true });

    for (const name of names) expect(foldForSearch(name), name).toContain(SEARCH_TEXT);
    const keys = names.map(nameSortKey);
    for (let index = 1; index < keys.length; index++)
      expect(keys[index]! >= keys[index - 1]!, `${names[index - 1]} before ${names[index]}`).toBe(true);
    expect(problems).toEqual([]);
  });
});
