import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoginEmail } from '../server/demo/demo-logins.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { firstSignIn, openMenu, watchForProblems } from './support/page-helpers.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';
import { e2eEnvironment } from './support/environment.ts';

// The declaration workflow through the browser, with the demo accounts of Sở Tư pháp: the person
// (division 112011) edits two fields and a family row and submits; the approver sees exactly
// those differences and returns the declaration with a reason; the person fixes it and submits
// again; the approver approves; the record, the headcount table and the progress table show it.

const environment = e2eEnvironment();
const resultsDir = resolve(import.meta.dirname, '../test-results');
const PERSON_EMAIL = demoLoginEmail('person');
const APPROVER_EMAIL = demoLoginEmail('approver');
const PERSON_PASSWORD = 'Can-bo-E2E-ke-khai-2026';
const APPROVER_PASSWORD = 'Phe-duyet-E2E-2026';

const OLD_DIVISION = '112011';
const NEW_DIVISION = '112012';
const FIRST_PHONE = '0912 345 678';
const FIXED_PHONE = '0912 345 679';
const RELATIVE = {
  relation: 'Em trai',
  fullName: 'Trần Văn Bình',
  birthYear: '1992',
  details: 'Kỹ sư, Công ty Điện lực Quảng Trị',
};
const RETURN_REASON = 'Số điện thoại liên hệ chưa đúng; hãy kiểm tra lại rồi nộp lại phiếu.';
const EXPECTED_FIELDS = ['employment.divisionId', 'identity.phone'];

function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`Not a count: "${text}"`);
  return Number(digits);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `e2e-declarations-${name}.png`), fullPage: true });
}

/** Signs in and waits for the signed-in frame (the sign-in page may return to the last page opened). */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${environment.baseUrl}/sign-in`);
  await page.getByLabel('Thư điện tử công vụ').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('account-menu').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/sign-in$/);
}

/** Picks an option of an antd Select by typing part of its text (the search ignores accents). */
async function choose(page: Page, select: Locator, search: string, option: string): Promise<void> {
  await select.click();
  await select.fill(search);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}

async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: 'Đã lưu lúc' }).waitFor();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Reads the headcount of each division of the approver's agency, read from "Bảng số lượng". */
async function readHeadcounts(page: Page): Promise<Map<string, number>> {
  await openMenu(page, 'Bảng số lượng');
  await page.waitForURL(/\/units\/\d+\/table$/);
  await page.getByTestId('headcount-total').waitFor();
  const counts = new Map<string, number>();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  for (let index = 0; index < (await rows.count()); index++) {
    const cells = await rows.nth(index).locator('td').allInnerTexts();
    counts.set(cells[1]!.trim(), parseCount(cells[3]!));
  }
  return counts;
}

/** Reads the totals row of "Tiến độ kê khai", opened from the agency's headcount table. */
async function readProgressTotals(page: Page): Promise<Record<string, number>> {
  await openMenu(page, 'Bảng số lượng');
  await page.getByTestId('headcount-total').waitFor();
  await page.getByRole('link', { name: 'Tiến độ kê khai' }).click();
  await page.waitForURL(/\/units\/\d+\/declaration-progress$/);
  await page.getByTestId('progress-total').waitFor();
  const totals: Record<string, number> = {};
  for (const status of ['never_declared', 'draft', 'submitted', 'returned', 'approved']) {
    totals[status] = parseCount((await page.getByTestId(`progress-total-${status}`).textContent()) ?? '');
  }
  return totals;
}

/** Reads the review of the declaration: every changed field path and every row change. */
async function readDiff(
  page: Page,
): Promise<{ fields: string[]; rows: Array<{ table: string; change: string; text: string }> }> {
  await page.getByTestId('diff-summary').waitFor();
  const fields = await page
    .getByTestId('diff-field')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path') ?? ''));
  const rowLocator = page.getByTestId('diff-row');
  const rows = [];
  for (let index = 0; index < (await rowLocator.count()); index++) {
    const row = rowLocator.nth(index);
    rows.push({
      table: (await row.getAttribute('data-table')) ?? '',
      change: (await row.getAttribute('data-change')) ?? '',
      text: await row.innerText(),
    });
  }
  return { fields: fields.sort(), rows };
}

async function openInInbox(page: Page, declarationId: number): Promise<void> {
  await openMenu(page, 'Phê duyệt phiếu');
  await page.waitForURL(/\/approvals$/);
  await page.locator(`a[href="/approvals/${declarationId}"]`).first().click();
  await page.waitForURL(new RegExp(`/approvals/${declarationId}$`));
}

describe('declaration: submit, return, fix, approve', () => {
  let browser: BrowserSession;
  let page: Page;
  const problems: string[] = [];
  let declarationId = 0;
  let headcountsBefore = new Map<string, number>();
  let progressBefore: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    traceRequests(page);
    watchForProblems(page, problems);
  });

  reportPageOnFailure('declarations', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('approver notes the counts before', async () => {
    await firstSignIn(page, environment.baseUrl, APPROVER_EMAIL, APPROVER_PASSWORD);
    headcountsBefore = await readHeadcounts(page);
    expect(headcountsBefore.get(OLD_DIVISION)).toBeGreaterThan(0);
    expect(headcountsBefore.has(NEW_DIVISION)).toBe(true);
    progressBefore = await readProgressTotals(page);
    expect(progressBefore.never_declared).toBeGreaterThan(0);
    await screenshot(page, 'progress-before');
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('person edits and submits', async () => {
    await firstSignIn(page, environment.baseUrl, PERSON_EMAIL, PERSON_PASSWORD);
    await openMenu(page, 'Phiếu thông tin cá nhân');
    await page.getByRole('button', { name: 'Kê khai, cập nhật phiếu' }).click();
    await page.getByTestId('declaration-status').filter({ hasText: 'Nháp' }).waitFor();

    // A date in the future passes the form's own check but breaks a submit rule of the server,
    // whose message shows on the field and in the summary.
    const issueDate = page.getByLabel('Ngày cấp căn cước');
    const originalIssueDate = await issueDate.inputValue();
    await issueDate.fill('01/01/2099');
    await issueDate.press('Enter');
    await page.getByLabel('Số điện thoại liên hệ').fill(FIRST_PHONE);

    await openTab(page, 'Tuyển dụng, công tác');
    await choose(page, page.getByLabel('Bộ phận, phòng'), 'hanh chinh tu phap', NEW_DIVISION);

    await openTab(page, 'Gia đình, kinh tế');
    const family = page.getByTestId('table-family.ownSide');
    const rowsBefore = await family.locator('.ant-table-tbody tr.ant-table-row').count();
    await page.getByRole('button', { name: 'Thêm dòng vào bảng Quan hệ gia đình (về bản thân)' }).click();
    const row = rowsBefore + 1;
    await family.getByLabel(`Mối quan hệ, dòng ${row}`).fill(RELATIVE.relation);
    await family.getByLabel(`Họ và tên, dòng ${row}`).fill(RELATIVE.fullName);
    await family.getByLabel(`Năm sinh, dòng ${row}`).fill(RELATIVE.birthYear);
    await family
      .getByLabel(`Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở, dòng ${row}`)
      .fill(RELATIVE.details);
    await waitUntilSaved(page);
    await screenshot(page, 'family-row');

    await page.getByRole('button', { name: 'Nộp phiếu' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.filter({ hasText: 'Ngày cấp căn cước' }).waitFor();
    expect(await summary.innerText()).toContain('tương lai');
    await screenshot(page, 'submit-refused');

    // The summary opens the field's tab; the field shows the server's message too.
    await summary.getByRole('button', { name: /Ngày cấp căn cước/ }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: 'tương lai' }).waitFor();
    await issueDate.fill(originalIssueDate);
    await issueDate.press('Enter');
    await waitUntilSaved(page);

    await page.getByRole('button', { name: 'Nộp phiếu' }).click();
    await page.getByTestId('declaration-status').filter({ hasText: 'Đã nộp lúc' }).waitFor();
    await page.getByTestId('read-only-note').waitFor();
    await screenshot(page, 'submitted');

    const response = await page.request.get(`${environment.baseUrl}/api/me/declaration`);
    declarationId = ((await response.json()) as { open: { id: number; status: string } }).open.id;
    expect(declarationId).toBeGreaterThan(0);
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('approver sees the changes and returns', async () => {
    await signIn(page, APPROVER_EMAIL, APPROVER_PASSWORD);
    await openInInbox(page, declarationId);
    const diff = await readDiff(page);
    expect(diff.fields).toEqual(EXPECTED_FIELDS);
    expect(diff.rows.map((row) => `${row.table}:${row.change}`)).toEqual(['family.ownSide:added']);
    expect(diff.rows[0]!.text).toContain(RELATIVE.fullName);
    expect(diff.rows[0]!.text).toContain(RELATIVE.relation);

    const phone = page.locator('[data-testid="diff-field"][data-path="identity.phone"]');
    expect(await phone.getByTestId('diff-after').innerText()).toBe(FIRST_PHONE);
    const division = page.locator('[data-testid="diff-field"][data-path="employment.divisionId"]');
    expect(await division.getByTestId('diff-before').innerText()).toContain(OLD_DIVISION);
    expect(await division.getByTestId('diff-after').innerText()).toContain(NEW_DIVISION);
    await screenshot(page, 'review');

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: /Trả lại phiếu/ });
    // The reason is required: an empty one is refused in the dialog.
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Hãy nêu lý do trả lại phiếu.').waitFor();
    await dialog.getByLabel('Lý do trả lại').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.waitForURL(/\/approvals$/);
    await page.getByText('Đã trả lại phiếu kèm lý do').waitFor();
    expect(await page.locator(`a[href="/approvals/${declarationId}"]`).count()).toBe(0);
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('person sees the reason and resubmits', async () => {
    await signIn(page, PERSON_EMAIL, PERSON_PASSWORD);
    await openMenu(page, 'Thông báo về phiếu');
    const notice = page.locator('[data-testid="notification"][data-kind="declaration_returned"]');
    await notice.filter({ hasText: RETURN_REASON }).waitFor();
    await screenshot(page, 'notifications');

    await notice.getByRole('link', { name: 'Mở phiếu' }).click();
    await page.getByTestId('return-reason').filter({ hasText: RETURN_REASON }).waitFor();
    await screenshot(page, 'returned');
    await page.getByLabel('Số điện thoại liên hệ').fill(FIXED_PHONE);
    await waitUntilSaved(page);
    await page.getByRole('button', { name: 'Nộp lại phiếu' }).click();
    await page.getByTestId('declaration-status').filter({ hasText: 'Đã nộp lúc' }).waitFor();
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('approver approves the fixed declaration', async () => {
    await signIn(page, APPROVER_EMAIL, APPROVER_PASSWORD);
    await openInInbox(page, declarationId);
    const diff = await readDiff(page);
    expect(diff.fields).toEqual(EXPECTED_FIELDS);
    expect(diff.rows.map((row) => `${row.table}:${row.change}`)).toEqual(['family.ownSide:added']);
    const phone = page.locator('[data-testid="diff-field"][data-path="identity.phone"]');
    expect(await phone.getByTestId('diff-after').innerText()).toBe(FIXED_PHONE);

    // A second window on the same declaration, as another approver would have it open.
    const other = await browser.context.newPage();
    watchForProblems(other, problems);
    await other.goto(page.url());
    await other.getByTestId('diff-summary').waitFor();

    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Phê duyệt' }).click();
    await page.waitForURL(/\/approvals$/);
    await page.getByText('Đã phê duyệt phiếu').waitFor();

    // A decision in the second window now gets a notice that the declaration was already decided, naming the approver.
    await other.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = other.getByRole('dialog', { name: /Trả lại phiếu/ });
    await dialog.getByLabel('Lý do trả lại').fill('Quyết định muộn hơn');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    const notice = other.getByTestId('decided-elsewhere');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('đã được phê duyệt');
    expect(await notice.innerText()).toContain('Người xử lý:');
    await other.getByTestId('declaration-status').filter({ hasText: 'Đã phê duyệt' }).waitFor();
    await other.screenshot({
      path: join(resultsDir, 'e2e-declarations-decided-elsewhere.png'),
      fullPage: true,
    });
    await other.close();

    const headcountsAfter = await readHeadcounts(page);
    expect(headcountsAfter.get(OLD_DIVISION)).toBe(headcountsBefore.get(OLD_DIVISION)! - 1);
    expect(headcountsAfter.get(NEW_DIVISION)).toBe(headcountsBefore.get(NEW_DIVISION)! + 1);
    await screenshot(page, 'headcount-after');

    const progressAfter = await readProgressTotals(page);
    expect(progressAfter.never_declared).toBe(progressBefore.never_declared! - 1);
    expect(progressAfter.approved).toBe(progressBefore.approved! + 1);
    expect(progressAfter.submitted).toBe(progressBefore.submitted);
    await screenshot(page, 'progress-after');
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('record shows the approved data', async () => {
    await signIn(page, PERSON_EMAIL, PERSON_PASSWORD);
    await openMenu(page, 'Hồ sơ của tôi');
    await page.getByTestId('record-version').filter({ hasText: 'Số 2' }).waitFor();
    expect(await page.getByTestId('record-division').innerText()).toContain(NEW_DIVISION);
    const phoneCell = page
      .locator('.ant-descriptions-item-label', { hasText: 'Số điện thoại liên hệ' })
      .locator('xpath=following-sibling::td[1]');
    expect(await phoneCell.innerText()).toBe(FIXED_PHONE);
    await screenshot(page, 'record');

    await openTab(page, 'Gia đình, kinh tế');
    await page.getByRole('cell', { name: RELATIVE.fullName }).waitFor();
    expect(await page.getByTestId('version-history').getByText('Phiên bản số 2').count()).toBe(1);

    await openMenu(page, 'Thông báo về phiếu');
    await page.locator('[data-testid="notification"][data-kind="declaration_approved"]').waitFor();
    expect(problems).toEqual([]);
  });
});
