import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVi, todayIso } from '../common/dates.ts';
import { demoLoginEmail } from '../server/demo/demo-logins.ts';
import { type OwnServer, startOwnServer } from './sign-in-options-server.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { firstSignIn, openMenu, watchForProblems } from './support/page-helpers.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';

// The province admin merges division 112011 of Sở Tư pháp into the Văn phòng Ủy ban nhân dân
// tỉnh (agency 110) on the "Sắp xếp tổ chức bộ máy" page. Its people stay attached to the ended
// division, so Sở Tư pháp's table shows 112011 as a blank row (code, empty name) with the same
// count, and its "Chi tiết" lists those people.
//
// The spec runs its own server with a fresh demo province: admin.spec.ts replaces the province
// admin's default password on the shared server, and the merge changes the tree other specs read.

const resultsDir = resolve(import.meta.dirname, '../test-results');
const PROVINCE_ADMIN_EMAIL = demoLoginEmail('province_admin');
const PROVINCE_ADMIN_PASSWORD = 'Sap-xep-bo-may-E2E-2026';
const MERGED_DIVISION = '112011';
const TARGET_AGENCY = '110 Văn phòng Ủy ban nhân dân tỉnh';
const DECISION_NUMBER = '15/QĐ-UBND-E2E';

interface AgencyRow {
  code: string;
  name: string;
  headcount: number;
}

let server: OwnServer;
let browser: BrowserSession;
let page: Page;
const problems: string[] = [];

function screenshotPath(name: string): string {
  return join(resultsDir, `e2e-reorganisation-${name}.png`);
}

function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`Not a count: "${text}"`);
  return Number(digits);
}

/** Opens an antd Select, types `search` and picks the first option that starts with `optionStart`. */
async function choose(select: Locator, search: string, optionStart: string): Promise<void> {
  await select.click();
  await select.fill(search);
  // Other Selects keep their closed (or closing) dropdowns in the page, so the options are looked
  // up in the dropdown that contains this Select's list box.
  const listId = await select.getAttribute('aria-controls');
  if (!listId) throw new Error('The Select has no aria-controls attribute naming its list box.');
  await page
    .locator(`.ant-select-dropdown:has([id="${listId}"]) .ant-select-item-option`, {
      hasText: new RegExp(`^${optionStart}`),
    })
    .first()
    .click();
}

/**
 * Types a dd/mm/yyyy date into an antd DatePicker and leaves the field, which keeps the date.
 * Enter would also submit the form.
 */
async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  expect(await input.inputValue()).toBe(date);
}

function tableRows(): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

/** Opens Sở Tư pháp's headcount table from the province table and returns its address. */
async function openJusticeTable(): Promise<string> {
  await openMenu(page, 'Trang chủ');
  await page.getByRole('button', { name: 'Bảng số lượng các cơ quan' }).click();
  await page.waitForURL(/\/units\/\d+\/table$/);
  await page.getByRole('columnheader', { name: 'Cơ quan, đơn vị' }).waitFor();
  await tableRows()
    .filter({ has: page.getByRole('cell', { name: 'Sở Tư pháp', exact: true }) })
    .getByRole('link', { name: 'Mở bảng' })
    .click();
  await page.getByText(/^Sở Tư pháp \(112\) — tính đến ngày/).waitFor();
  await page.getByTestId('headcount-total').waitFor();
  return page.url();
}

async function readAgencyRows(): Promise<AgencyRow[]> {
  const rows: AgencyRow[] = [];
  for (let index = 0; index < (await tableRows().count()); index++) {
    const cells = await tableRows().nth(index).locator('td').allInnerTexts();
    rows.push({ code: cells[1]!.trim(), name: cells[2]!.trim(), headcount: parseCount(cells[3]!) });
  }
  return rows;
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  // 3000 demo people put several people in 112011, more than the one a smaller province gives.
  server = await startOwnServer(
    async () => ({ DEMO_PEOPLE: '3000' }),
    join(resultsDir, 'e2e-reorganisation-server.log'),
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  traceRequests(page);
  watchForProblems(page, problems);
}, 300_000);

reportPageOnFailure('reorganisation', () => page);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reorganisation: merge a division', () => {
  const today = formatDateVi(todayIso());
  let justiceTableUrl = '';
  let before: AgencyRow | undefined;

  it('division is active before merge', async () => {
    await firstSignIn(page, server.baseUrl, PROVINCE_ADMIN_EMAIL, PROVINCE_ADMIN_PASSWORD);
    justiceTableUrl = await openJusticeTable();
    before = (await readAgencyRows()).find((row) => row.code === MERGED_DIVISION);
    expect(before?.name).toMatch(/^Phòng Kiểm soát thủ tục hành chính/);
    expect(before?.headcount).toBeGreaterThan(1);
    await page.screenshot({ path: screenshotPath('table-before'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('merge form records the merge', async () => {
    await openMenu(page, 'Sắp xếp tổ chức bộ máy');
    await page.waitForURL(/\/reorganisation/);
    await page.getByRole('tab', { name: 'Sáp nhập', selected: true }).waitFor();

    await choose(
      page.getByLabel('Các đơn vị được sáp nhập (sẽ kết thúc)'),
      MERGED_DIVISION,
      `${MERGED_DIVISION} `,
    );
    await page.keyboard.press('Escape');
    expect(await page.getByRole('radio', { name: 'Đơn vị có sẵn' }).isChecked()).toBe(true);
    await choose(page.locator('#target_unitId'), 'van phong uy ban', TARGET_AGENCY);
    await fillDate(page.getByLabel('Ngày hiệu lực'), today);
    await page.getByLabel('Số quyết định').fill(DECISION_NUMBER);
    await fillDate(page.getByLabel('Ngày quyết định'), today);
    await page.screenshot({ path: screenshotPath('merge-form'), fullPage: true });

    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/reorganisation/merge'),
      page.getByRole('button', { name: 'Sáp nhập', exact: true }).click(),
    ]);
    expect(response.status()).toBe(201);
    const result = (await response.json()) as { peopleAttached: number };
    expect(result.peopleAttached).toBe(before!.headcount);
    await page
      .locator('.ant-message-notice', {
        hasText: `Đã ghi nhận thay đổi. ${before!.headcount} người còn gắn với đơn vị đã kết thúc`,
      })
      .waitFor();
    await page.screenshot({ path: screenshotPath('merge-done'), fullPage: true });

    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const event = tableRows().filter({ hasText: DECISION_NUMBER });
    await event.waitFor();
    const eventText = await event.innerText();
    expect(eventText).toContain('Sáp nhập');
    expect(eventText).toContain(today);
    expect(eventText).toContain(`${before!.code} ${before!.name} → ${TARGET_AGENCY}`);
    await page.screenshot({ path: screenshotPath('history'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('table shows the blank row', async () => {
    expect(before).toBeDefined();
    await page.goto(justiceTableUrl);
    await page.getByTestId('headcount-total').waitFor();
    const after = (await readAgencyRows()).filter((row) => row.code === MERGED_DIVISION);
    expect(after).toHaveLength(1);
    expect(after[0]!.name).toBe('');
    expect(after[0]!.headcount).toBe(before!.headcount);
    await page.screenshot({ path: screenshotPath('table-after'), fullPage: true });

    await tableRows()
      .filter({ has: page.getByRole('cell', { name: MERGED_DIVISION, exact: true }) })
      .getByRole('link', { name: 'Chi tiết' })
      .click();
    await page.waitForURL(/\/units\/\d+\/people\?direct=true$/);
    await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
    const range = await page.locator('.ant-pagination-total-text').innerText();
    expect(range).toMatch(new RegExp(`trên ${before!.headcount.toLocaleString('vi-VN')}$`));
    expect(await tableRows().count()).toBe(Math.min(before!.headcount, 50));
    const divisionCells = await tableRows().locator('td:nth-child(6)').allInnerTexts();
    for (const cell of divisionCells) expect(cell.trim()).toMatch(/^Phòng Kiểm soát thủ tục hành chính/);
    await page.screenshot({ path: screenshotPath('blank-row-people'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
