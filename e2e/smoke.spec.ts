import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVi, todayIso } from '../common/dates.ts';
import { DEMO_PASSWORD, demoLoginEmail } from '../server/demo/demo-logins.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { watchForProblems } from './support/page-helpers.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';
import { readServerDatabase } from './support/database.ts';
import { e2eEnvironment } from './support/environment.ts';

const environment = e2eEnvironment();
const resultsDir = resolve(import.meta.dirname, '../test-results');
const UNIT_ADMIN_EMAIL = demoLoginEmail('unit_admin');
const NEW_PASSWORD = 'Tu-phap-E2E-moi-2026';

interface ScreenRow {
  code: string;
  name: string;
  headcount: number;
}

function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`Not a count: "${text}"`);
  return Number(digits);
}

async function readAgencyRows(page: Page): Promise<ScreenRow[]> {
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const rowCount = await rows.count();
  const result: ScreenRow[] = [];
  for (let index = 0; index < rowCount; index++) {
    const cells = await rows.nth(index).locator('td').allInnerTexts();
    result.push({ code: cells[1]!.trim(), name: cells[2]!.trim(), headcount: parseCount(cells[3]!) });
  }
  return result;
}

/** Submits the sign-in form and returns the HTTP status of the sign-in request. */
async function signIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('Thư điện tử công vụ').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/sign-in')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  return response.status();
}

/** Changes the default password on the forced password page and waits for the home page. */
async function changeDefaultPassword(page: Page, newPassword: string): Promise<void> {
  await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL(`${environment.baseUrl}/`);
  await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
}

// The tests run in order and share the server: the last one stops it when it runs on PGlite.
describe('smoke: sign-in, headcount tables, idle expiry', () => {
  let browser: BrowserSession;
  let page: Page;
  const problems: string[] = [];
  let rows: ScreenRow[] = [];
  let total = 0;

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    traceRequests(page);
    watchForProblems(page, problems);
  });

  reportPageOnFailure('smoke', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('first sign-in reaches agency table', async () => {
    await page.goto(environment.baseUrl);
    await page.waitForURL(/\/sign-in$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    // Unknown accounts and wrong passwords get one and the same message.
    const failure = page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(await signIn(page, 'khong.ton.tai@quangtri.gov.vn', DEMO_PASSWORD)).toBe(401);
    await failure.waitFor();
    expect(await signIn(page, UNIT_ADMIN_EMAIL, 'mat-khau-sai-2026')).toBe(401);
    await failure.waitFor();

    expect(await signIn(page, UNIT_ADMIN_EMAIL, DEMO_PASSWORD)).toBe(200);
    await page.waitForURL(/\/change-password$/);
    await page.getByText('Bạn đang dùng mật khẩu mặc định').waitFor();
    await page.getByText('Có ít nhất 10 ký tự.').waitFor();

    // Other pages send the account back until the default password is changed.
    await page.goto(`${environment.baseUrl}/units/tree`);
    await page.waitForURL(/\/change-password$/);

    // A common password passes the browser's checks; the server's field error shows under the field.
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('1234567890');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('1234567890');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: 'Mật khẩu này quá phổ biến' }).waitFor();

    await changeDefaultPassword(page, NEW_PASSWORD);
    await page.getByText('Đã đổi mật khẩu.').waitFor();

    await page.getByRole('menuitem', { name: 'Bảng số lượng' }).click();
    await page.waitForURL(/\/units\/\d+\/table$/);
    await page.getByTestId('headcount-total').waitFor();
    await page.getByText(`Sở Tư pháp (112) — tính đến ngày ${formatDateVi(todayIso())}`).waitFor();
    await page.getByRole('columnheader', { name: 'Bộ phận' }).waitFor();
    await page.getByRole('columnheader', { name: 'Số lượng' }).waitFor();

    rows = await readAgencyRows(page);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.find((row) => row.code === '112001')?.name).toBe('Ban Giám đốc');
    total = parseCount((await page.getByTestId('headcount-total').textContent()) ?? '');
    expect(total).toBe(rows.reduce((sum, row) => sum + row.headcount, 0));
    await page.screenshot({ path: join(resultsDir, 'e2e-agency-table.png'), fullPage: true });

    // "Chi tiết" of the largest division lists exactly that many people.
    const largest = rows.reduce((best, row) => (row.headcount > best.headcount ? row : best));
    await page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: largest.code })
      .getByRole('link', { name: 'Chi tiết' })
      .click();
    await page.waitForURL(/\/units\/\d+\/people\?direct=true$/);
    await page.getByText(`trên ${largest.headcount.toLocaleString('vi-VN')}`).waitFor();
    await page.screenshot({ path: join(resultsDir, 'e2e-division-people.png'), fullPage: true });
    await page.goBack();
    await page.getByTestId('headcount-total').waitFor();

    // English is one click away, and the table keeps its numbers.
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).click();
    await page.getByRole('columnheader', { name: 'Division' }).waitFor();
    expect(parseCount((await page.getByTestId('headcount-total').textContent()) ?? '')).toBe(total);
    await page.locator('.ant-segmented-item', { hasText: 'VI' }).click();
    await page.getByRole('columnheader', { name: 'Bộ phận' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('province admin opens agencies and tree', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/sign-in$/);

    expect(await signIn(page, demoLoginEmail('province_admin'), DEMO_PASSWORD)).toBe(200);
    await page.waitForURL(/\/change-password$/);
    await changeDefaultPassword(page, 'So-noi-vu-E2E-moi-2026');

    await page.getByRole('button', { name: 'Bảng số lượng các cơ quan' }).click();
    await page.waitForURL(/\/units\/\d+\/table$/);
    await page.getByRole('columnheader', { name: 'Cơ quan, đơn vị' }).waitFor();
    const agencies = await readAgencyRows(page);
    expect(agencies.length).toBeGreaterThan(10);
    const justice = agencies.find((row) => row.code === '112');
    expect(justice?.name).toBe('Sở Tư pháp');
    expect(justice?.headcount).toBe(total);
    await page.screenshot({ path: join(resultsDir, 'e2e-province-table.png'), fullPage: true });

    await page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Sở Tư pháp' })
      .getByRole('link', { name: 'Mở bảng' })
      .click();
    await page.waitForURL(/\/units\/\d+\/table$/);
    await page.getByRole('columnheader', { name: 'Bộ phận' }).waitFor();
    expect(parseCount((await page.getByTestId('headcount-total').textContent()) ?? '')).toBe(total);

    // The accessible name starts with the icon's label; "Sắp xếp tổ chức bộ máy" must not match.
    await page.getByRole('menuitem', { name: /^\S+ Tổ chức bộ máy$/ }).click();
    await page.waitForURL(/\/units\/tree$/);
    await page.getByPlaceholder('Tìm theo mã số hoặc tên đơn vị').fill('so tu phap');
    const justiceNode = page.locator('.ant-tree-treenode', { hasText: '112 — Sở Tư pháp' });
    await justiceNode.waitFor();
    await page.screenshot({ path: join(resultsDir, 'e2e-org-tree.png'), fullPage: true });
    await justiceNode.locator('.ant-tree-node-content-wrapper').click();
    await page.waitForURL(/\/units\/\d+\/table$/);
    await page.getByTestId('headcount-total').waitFor();
    expect(problems).toEqual([]);
  });

  it('idle session warns, then signs out', async () => {
    // A separate browser whose clock the test moves; the server keeps real time.
    const idleBrowser = await launchChromium();
    try {
      const idlePage = await idleBrowser.context.newPage();
      watchForProblems(idlePage, problems);
      await idlePage.clock.install();
      await idlePage.goto(environment.baseUrl);
      await idlePage.waitForURL(/\/sign-in$/);
      expect(await signIn(idlePage, UNIT_ADMIN_EMAIL, NEW_PASSWORD)).toBe(200);
      await idlePage.getByRole('heading', { name: /^Xin chào/ }).waitFor();

      // The server ends a session after 30 idle minutes; the client warns 2 minutes before.
      await idlePage.clock.fastForward('27:50');
      const warning = idlePage.getByRole('dialog', { name: 'Phiên làm việc sắp hết hạn' });
      await warning.waitFor();
      await Promise.all([
        idlePage.waitForResponse(
          (response) => response.url().endsWith('/api/auth/session') && response.status() === 200,
        ),
        warning.getByRole('button', { name: 'Tiếp tục làm việc' }).click(),
      ]);
      await warning.waitFor({ state: 'detached' });

      await idlePage.clock.fastForward('30:00');
      await idlePage.waitForURL(/\/sign-in$/);
      await idlePage.getByText('Phiên làm việc đã hết hạn do không thao tác.').waitFor();
      const session = await idlePage.request.get(`${environment.baseUrl}/api/auth/session`);
      expect(session.status()).toBe(401);
    } finally {
      await idleBrowser.close();
    }
    expect(problems).toEqual([]);
  });

  it('screen counts equal SQL counts', async () => {
    expect(rows.length).toBeGreaterThan(0);
    const asOf = todayIso();
    const fromDatabase = await readServerDatabase(environment, async (db) => {
      const agency = await db
        .selectFrom('role_grants')
        .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
        .innerJoin('units', 'units.id', 'role_grants.unit_id')
        .select(['units.id', 'units.code'])
        .where('accounts.email', '=', UNIT_ADMIN_EMAIL)
        .where('role_grants.role', '=', 'unit_admin')
        .executeTakeFirstOrThrow();
      // People attached to the agency itself have no division; the table shows them under its code.
      const counts = await sql<{ code: string | null; headcount: number }>`
        select d.code, count(*)::int as headcount
        from memberships m left join units d on d.id = m.division_id
        where m.agency_id = ${agency.id} and m.valid_from <= ${asOf} and (m.valid_to is null or m.valid_to > ${asOf})
        group by d.code
      `.execute(db);
      return new Map(counts.rows.map((row) => [row.code ?? agency.code, row.headcount]));
    });

    const onScreen = new Map(rows.map((row) => [row.code, row.headcount]));
    const expected = new Map([...onScreen.keys()].map((code) => [code, fromDatabase.get(code) ?? 0]));
    expect(onScreen).toEqual(expected);
    for (const [code, headcount] of fromDatabase)
      expect(onScreen.get(code), `division ${code}`).toBe(headcount);
    expect(total).toBe([...fromDatabase.values()].reduce((sum, count) => sum + count, 0));

    expect(problems).toEqual([]);
  });
});
