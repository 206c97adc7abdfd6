import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVi, todayIso } from '../common/dates.ts';
import type { Account, AccountsPage } from '../common/schemas/accounts.ts';
import { DEMO_PASSWORD, demoLoginEmail } from '../server/demo/demo-logins.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { openMenu, watchForProblems } from './support/page-helpers.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';
import { e2eEnvironment } from './support/environment.ts';

// The administration screens as SNV and a unit admin use them: accounts with their one-time
// passwords and roles, the default-password report, catalog entries and new divisions. The
// tests run in order and share one browser page and the server's data.

const environment = e2eEnvironment();
const resultsDir = resolve(import.meta.dirname, '../test-results');
const PROVINCE_ADMIN_EMAIL = demoLoginEmail('province_admin');
const PROVINCE_ADMIN_PASSWORD = 'So-noi-vu-quan-tri-E2E-2026';
const UNIT_ADMIN_PASSWORD = 'Noi-vu-don-vi-E2E-2026';
/** Sở Nội vụ, the agency whose accounts the test changes. */
const AGENCY_CODE = '111';
const AGENCY_TITLE = '111 — Sở Nội vụ';
const INITIAL_PASSWORD_PATTERN = /^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/;
const runId = Date.now().toString(36);

function screenshotPath(name: string): string {
  return join(resultsDir, `e2e-admin-${name}.png`);
}

/** Takes a screenshot once the opening and closing animations of dialogs, drawers and trees are over. */
async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  await page.screenshot({ path: screenshotPath(name), fullPage });
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

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/sign-in$/);
}

/** Replaces a default password on the forced password page and waits for the home page. */
async function changeDefaultPassword(
  page: Page,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  await page.waitForURL(/\/change-password$/);
  await page.getByLabel('Mật khẩu hiện tại').fill(currentPassword);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL(`${environment.baseUrl}/`);
  await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
}

/** Opens a unit picker (antd TreeSelect), types the code and chooses the unit titled `title`. */
async function chooseUnit(page: Page, picker: Locator, code: string, title: string): Promise<void> {
  const field = picker.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]');
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // A click on a tree node that the search is still redrawing can be lost, so the choice is
  // checked in the picker and made again if it did not take.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await picker.click();
    await picker.fill(code);
    await page.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
    // The tree dropdown can stay open after the choice and cover the dialog's buttons.
    if (await dropdown.isVisible()) {
      await page.keyboard.press('Escape');
      await dropdown.waitFor({ state: 'hidden' });
    }
    // The form item shows the chosen unit's title once the choice took.
    if ((await field.innerText()).includes(title)) return;
  }
  throw new Error(`The unit picker did not take "${title}" after three attempts.`);
}

/** Opens an antd Select, types part of the option if given and chooses the option titled `title`. */
async function chooseOption(page: Page, select: Locator, typed: string, title: string): Promise<void> {
  await select.click();
  if (typed) await select.fill(typed);
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
}

/**
 * Types a dd/mm/yyyy date into an antd DatePicker and leaves the field with Tab, which keeps the
 * date. Enter would keep it too but also submit the form.
 */
async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
}

/** Reads accounts through the API with the page's session, to find the people the test acts on. */
async function accountsOfAgency(page: Page, agencyId: number): Promise<Account[]> {
  const response = await page.request.get(`${environment.baseUrl}/api/accounts`, {
    params: { unitId: agencyId, pageSize: 500 },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as AccountsPage).items;
}

function holdsGrant(account: Account, role: string, unitCode: string): boolean {
  return account.grants.some((grant) => grant.role === role && grant.unitCode === unitCode);
}

/** Searches the account list for an e-mail and opens the account. */
async function openAccount(page: Page, email: string): Promise<void> {
  await page.goto(`${environment.baseUrl}/accounts`);
  await page.getByPlaceholder('Tìm theo họ tên hoặc thư điện tử').fill(email);
  await page.getByRole('button', { name: 'Tìm' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: email });
  await row.waitFor();
  await row.getByRole('link').click();
  await page.waitForURL(/\/accounts\/\d+$/);
  await page.getByText(email).first().waitFor();
}

/** Returns the row of the grant table for a role on a unit. */
function grantRow(page: Page, roleLabel: string, unitTitle: string): Locator {
  return page
    .locator('.ant-table-tbody tr.ant-table-row', { hasText: unitTitle })
    .filter({ hasText: roleLabel });
}

async function confirmPopover(page: Page, buttonName: string): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: buttonName }).click();
}

describe('admin screens: accounts, catalogs, units', () => {
  let browser: BrowserSession;
  let page: Page;
  const problems: string[] = [];
  const newAccountEmail = `e2e.taikhoan.${runId}@quangtri.gov.vn`;
  const newAccountName = 'Lê Thị Kiểm Thử';
  const editedAccountName = 'Lê Thị Kiểm Thử Hai';
  let agencyId = 0;
  let provinceReportTotal = 0;

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    traceRequests(page);
    watchForProblems(page, problems);
  });

  reportPageOnFailure('admin', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('account created, password shown once', async () => {
    await page.goto(environment.baseUrl);
    await page.waitForURL(/\/sign-in$/);
    expect(
      await signIn(page, PROVINCE_ADMIN_EMAIL, DEMO_PASSWORD),
      'the demo province admin still has the default password; run this spec on a fresh server',
    ).toBe(200);
    await changeDefaultPassword(page, DEMO_PASSWORD, PROVINCE_ADMIN_PASSWORD);

    await openMenu(page, 'Tài khoản');
    await page.waitForURL(/\/accounts$/);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = page.getByRole('dialog', { name: 'Tạo tài khoản' });
    await form.getByLabel('Thư điện tử công vụ').fill(newAccountEmail);
    await form.getByLabel('Họ và tên').fill(newAccountName);
    await chooseUnit(page, form.getByLabel('Đơn vị'), AGENCY_CODE, AGENCY_TITLE);
    const [created] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/accounts') && response.request().method() === 'POST',
      ),
      form.getByRole('button', { name: 'Tạo tài khoản' }).click(),
    ]);
    expect(created.status()).toBe(201);

    const passwordDialog = page.getByRole('dialog', { name: 'Đã tạo tài khoản' });
    await passwordDialog.getByText('Mật khẩu này chỉ hiển thị một lần duy nhất').waitFor();
    await passwordDialog.getByText('HoSo không hiển thị lại mật khẩu này').waitFor();
    await passwordDialog.getByRole('button', { name: 'Sao chép mật khẩu' }).waitFor();
    const initialPassword = (
      (await passwordDialog.getByTestId('one-time-password').textContent()) ?? ''
    ).trim();
    expect(initialPassword).toMatch(INITIAL_PASSWORD_PATTERN);
    await screenshot(page, 'one-time-password', false);

    // The shown password signs the new account in, which must then replace it.
    const api = await request.newContext({ baseURL: environment.baseUrl });
    try {
      const session = await api.post('/api/auth/sign-in', {
        data: { email: newAccountEmail, password: initialPassword },
      });
      expect(session.status()).toBe(200);
      expect(((await session.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    } finally {
      await api.dispose();
    }

    await passwordDialog.getByRole('button', { name: 'Tôi đã lưu mật khẩu, đóng' }).click();
    await passwordDialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/accounts\/\d+$/);
    await page.getByRole('heading', { name: newAccountName }).waitFor();
    await page.getByText(newAccountEmail).waitFor();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    expect(await page.getByText(initialPassword).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('account edited, disabled, enabled', async () => {
    // Every demo person has an account already, so linking one is rejected under the field.
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const form = page.getByRole('dialog', { name: 'Sửa thông tin tài khoản' });
    const personPicker = form.getByLabel('Hồ sơ cán bộ');
    await personPicker.click();
    await personPicker.fill('nguyen');
    await page.locator('.ant-select-item-option').first().click();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form
      .locator('.ant-form-item-explain-error', {
        hasText: 'Hãy chọn hồ sơ khác hoặc bỏ liên kết ở tài khoản kia trước.',
      })
      .waitFor();

    const personItem = form.locator('.ant-form-item').filter({ hasText: 'Hồ sơ cán bộ' });
    await personItem.hover();
    await personItem.locator('.ant-select-clear').click();
    await form.getByLabel('Họ và tên').fill(editedAccountName);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin tài khoản.').waitFor();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: editedAccountName }).waitFor();

    await page.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await confirmPopover(page, 'Vô hiệu hóa');
    await page.getByText('Đã vô hiệu hóa tài khoản.').waitFor();
    await page.locator('.ant-descriptions').getByText('Đã vô hiệu hóa', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mở lại tài khoản' }).click();
    await confirmPopover(page, 'Mở lại tài khoản');
    await page.getByText('Đã mở lại tài khoản.').waitFor();
    await page.locator('.ant-descriptions').getByText('Đang hoạt động').waitFor();
    expect(problems).toEqual([]);
  });

  it('approver granted, last approver kept', async () => {
    await page.getByRole('button', { name: 'Cấp vai trò' }).click();
    const form = page.getByRole('dialog', { name: `Cấp vai trò cho ${editedAccountName}` });
    await chooseUnit(page, form.getByLabel('Trên đơn vị'), AGENCY_CODE, AGENCY_TITLE);
    await form.getByRole('button', { name: 'Cấp vai trò' }).click();
    await form.waitFor({ state: 'hidden' });
    const newGrant = grantRow(page, 'Người phê duyệt phiếu', AGENCY_TITLE);
    await newGrant.waitFor();

    const options = await page.request.get(`${environment.baseUrl}/api/units/options`, {
      params: { kind: 'agency' },
    });
    agencyId = ((await options.json()) as Array<{ id: number; code: string }>).find(
      (unit) => unit.code === AGENCY_CODE,
    )!.id;
    const approvers = (await accountsOfAgency(page, agencyId)).filter(
      (account) => account.email !== newAccountEmail && holdsGrant(account, 'approver', AGENCY_CODE),
    );
    expect(approvers.map((account) => account.email)).toHaveLength(1);
    const onlyApprover = approvers[0]!;

    // With two approvers, the new one's grant may go.
    await newGrant.getByRole('button', { name: 'Thu hồi' }).click();
    await confirmPopover(page, 'Thu hồi');
    await page.getByText('Đã thu hồi vai trò.').waitFor();
    await newGrant.waitFor({ state: 'detached' });

    // The agency's only approver stays, and the page explains why in Vietnamese.
    await openAccount(page, onlyApprover.email);
    const lastGrant = grantRow(page, 'Người phê duyệt phiếu', AGENCY_TITLE);
    await lastGrant.getByRole('button', { name: 'Thu hồi' }).click();
    await confirmPopover(page, 'Thu hồi');
    const rejection = page.getByTestId('account-action-failure');
    await rejection.getByText('Không thu hồi được vai trò').waitFor();
    await rejection
      .getByText(`Cơ quan Sở Nội vụ (mã số ${AGENCY_CODE}) sẽ không còn người phê duyệt phiếu.`)
      .waitFor();
    await rejection.getByText('Hãy cấp vai trò người phê duyệt phiếu cho người thay thế trước.').waitFor();
    await rejection.getByText('Mở tài khoản của người thay thế, chọn Cấp vai trò').waitFor();
    await screenshot(page, 'last-approver');

    await page.reload();
    await grantRow(page, 'Người phê duyệt phiếu', AGENCY_TITLE).waitFor();
    expect(problems).toEqual([]);
  });

  it('unit admin report lists own agency only', async () => {
    await openMenu(page, 'Mật khẩu mặc định');
    await page.waitForURL(/\/accounts\/default-passwords$/);
    const totalAlert = page.getByTestId('default-password-total');
    provinceReportTotal = Number(((await totalAlert.textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(provinceReportTotal).toBeGreaterThan(0);

    // SNV resets the agency admin's password and hands over the one-time password.
    const unitAdmin = (await accountsOfAgency(page, agencyId)).find((account) =>
      holdsGrant(account, 'unit_admin', AGENCY_CODE),
    );
    expect(unitAdmin).toBeDefined();
    await openAccount(page, unitAdmin!.email);
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await confirmPopover(page, 'Đặt lại mật khẩu');
    const passwordDialog = page.getByRole('dialog', { name: 'Đã đặt lại mật khẩu' });
    await passwordDialog.getByText('Mật khẩu này chỉ hiển thị một lần duy nhất').waitFor();
    const resetPassword = (
      (await passwordDialog.getByTestId('one-time-password').textContent()) ?? ''
    ).trim();
    expect(resetPassword).toMatch(INITIAL_PASSWORD_PATTERN);
    await passwordDialog.getByRole('button', { name: 'Tôi đã lưu mật khẩu, đóng' }).click();
    // The closing dialog keeps covering the page until its animation ends.
    await passwordDialog.waitFor({ state: 'hidden' });
    await signOut(page);

    expect(await signIn(page, unitAdmin!.email, resetPassword)).toBe(200);
    await changeDefaultPassword(page, resetPassword, UNIT_ADMIN_PASSWORD);
    await openMenu(page, 'Mật khẩu mặc định');
    await page.waitForURL(/\/accounts\/default-passwords$/);
    await page.goto(`${environment.baseUrl}/accounts/default-passwords?pageSize=500`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'default-password-report');

    const unitCodes = await page
      .locator('.ant-table-tbody [data-unit-code]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-unit-code') ?? ''));
    const unitTotal = Number(
      ((await page.getByTestId('default-password-total').textContent()) ?? '').replace(/[^\d]/g, ''),
    );
    expect(unitCodes.length).toBe(unitTotal);
    expect(unitTotal).toBeLessThan(provinceReportTotal);
    for (const code of unitCodes) expect(code.startsWith(AGENCY_CODE), `home unit ${code}`).toBe(true);

    // The report is in English too, with the same count.
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).click();
    await page.getByText('Accounts still on the default password').waitFor();
    await page.getByText(`${unitTotal} accounts have not changed their default password.`).waitFor();
    await page.locator('.ant-segmented-item', { hasText: 'VI' }).click();
    await page.getByText('Tài khoản còn dùng mật khẩu mặc định').waitFor();
    // The account created above belongs to the agency and has not replaced its password yet.
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: newAccountEmail }).waitFor();

    // A unit admin reads accounts but does not create them.
    await openMenu(page, 'Tài khoản');
    await page.waitForURL(/\/accounts$/);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: 'Tạo tài khoản' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('catalog request filed, then rejected', async () => {
    const proposedValue = `Kiểm soát viên thử nghiệm ${runId}`;
    await openMenu(page, 'Bổ sung danh mục');
    await page.waitForURL(/\/catalogs\/requests$/);
    await page.getByRole('button', { name: 'Đề nghị bổ sung danh mục' }).click();
    const form = page.getByRole('dialog', { name: 'Đề nghị bổ sung danh mục' });
    await chooseOption(page, form.getByLabel('Danh mục'), 'ngach', 'Ngạch công chức');
    await form.getByLabel('Trường cần bổ sung').fill('Ngạch công chức');
    await form.getByLabel('Giá trị đề nghị').fill(proposedValue);
    await form.getByLabel('Số văn bản').fill('01/2026/TT-BNV');
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await form
      .locator('.ant-form-item-explain-error', { hasText: 'Hãy chọn ngày ban hành văn bản.' })
      .waitFor();
    await fillDate(form.getByLabel('Ngày ban hành văn bản'), '15/01/2026');
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị bổ sung danh mục đến Sở Nội vụ.').waitFor();
    await form.waitFor({ state: 'hidden' });
    const request = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: proposedValue });
    await request.getByText('Mới', { exact: true }).waitFor();
    await request.getByText('01/2026/TT-BNV ngày 15/01/2026').waitFor();
    await request.getByText(AGENCY_TITLE).waitFor();

    // SNV finds the request in its queue and rejects it, which needs a reason.
    await signOut(page);
    expect(await signIn(page, PROVINCE_ADMIN_EMAIL, PROVINCE_ADMIN_PASSWORD)).toBe(200);
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await openMenu(page, 'Bổ sung danh mục');
    await page.waitForURL(/\/catalogs\/requests$/);
    await request.getByRole('button', { name: 'Xử lý' }).click();
    const handling = page.getByRole('dialog', { name: 'Xử lý đề nghị bổ sung danh mục' });
    await chooseOption(page, handling.getByLabel('Tình trạng'), '', 'Từ chối');
    await handling.getByRole('button', { name: 'Lưu' }).click();
    await handling
      .locator('.ant-form-item-explain-error', { hasText: 'Hãy nêu lý do từ chối đề nghị.' })
      .waitFor();
    await handling.getByLabel('Ý kiến xử lý').fill('Ngạch này đã có trong danh mục với mã 01.003.');
    await handling.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã chuyển đề nghị sang trạng thái Từ chối.').waitFor();
    await handling.waitFor({ state: 'hidden' });
    await request.getByText('Từ chối', { exact: true }).waitFor();
    await request.getByText('Ngạch này đã có trong danh mục').waitFor();
    // A rejected request is closed, so it offers no further handling.
    expect(await request.getByRole('button', { name: 'Xử lý' }).count()).toBe(0);
    await screenshot(page, 'catalog-request-rejected');
    expect(problems).toEqual([]);
  });

  it('catalog entry added, then ended', async () => {
    await openMenu(page, 'Danh mục');
    await page.waitForURL(/\/catalogs$/);
    await page.getByRole('link', { name: 'Trình độ quản lý nhà nước' }).click();
    await page.waitForURL(/\/catalogs\/state_management$/);

    const code = `E2E-${runId}`.toUpperCase();
    const name = `Chuyên viên thử nghiệm ${runId}`;
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm mục danh mục' });
    await form.getByLabel('Mã', { exact: true }).fill(code);
    await form.getByLabel('Tên', { exact: true }).fill(name);
    await fillDate(form.getByLabel('Hiệu lực từ ngày', { exact: true }), '01/01/2025');
    await form.getByLabel('Số văn bản').fill('15/2024/TT-BNV');
    await fillDate(form.getByLabel('Ngày ban hành văn bản'), '15/12/2024');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`Đã lưu mục ${code}.`).waitFor();
    // The closing dialog gives the focus back to its button, so the next keys wait until it is gone.
    await form.waitFor({ state: 'hidden' });

    await page.getByPlaceholder('Tìm theo mã hoặc tên').fill(code);
    await page.getByPlaceholder('Tìm theo mã hoặc tên').press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: code });
    await row.getByText('Đang hiệu lực').waitFor();
    await row.getByText('15/2024/TT-BNV ngày 15/12/2024').waitFor();

    const today = formatDateVi(todayIso());
    await row.getByRole('button', { name: 'Kết thúc hiệu lực' }).click();
    const endForm = page.getByRole('dialog', { name: `Kết thúc hiệu lực mục ${code}` });
    await fillDate(endForm.getByLabel('Hết hiệu lực từ ngày'), today);
    await endForm.getByLabel('Số văn bản').fill('20/2026/TT-BNV');
    await fillDate(endForm.getByLabel('Ngày ban hành văn bản'), today);
    await endForm.getByRole('button', { name: 'Kết thúc hiệu lực' }).click();
    await page.getByText(`Mục ${code} hết hiệu lực từ ngày ${today}.`).waitFor();
    await endForm.waitFor({ state: 'hidden' });

    // Ended today, the entry is no longer in force today and shows only with the ended ones.
    await row.waitFor({ state: 'detached' });
    await page.getByText('Hiện cả mục đã hết hiệu lực').click();
    await row.getByText('Đã hết hiệu lực').waitFor();
    await row.getByText(today).waitFor();
    await screenshot(page, 'catalog-entry-ended');
    expect(problems).toEqual([]);
  });

  it('division code must extend agency code', async () => {
    await openMenu(page, 'Tổ chức bộ máy');
    await page.waitForURL(/\/units\/tree$/);
    await page.getByPlaceholder('Tìm theo mã số hoặc tên đơn vị').fill('so tu phap');
    const justice = page.locator('.ant-tree-treenode', { hasText: '112 — Sở Tư pháp' });
    await justice.getByRole('button', { name: 'Quản lý đơn vị 112' }).click();

    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('112 — Sở Tư pháp').first().waitFor();
    await drawer.getByRole('tab', { name: 'Tạo đơn vị trực thuộc' }).waitFor();
    await drawer.getByText('phải bắt đầu bằng mã số 112 của đơn vị cấp trên').waitFor();
    const divisionName = `Phòng Thử nghiệm ${runId}`;
    await drawer.getByLabel('Mã số đơn vị').fill('113987');
    await drawer.getByLabel('Tên đơn vị').fill(divisionName);
    await drawer.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await drawer
      .locator('.ant-form-item-explain-error', { hasText: 'Hãy dùng mã bắt đầu bằng 112.' })
      .waitFor();
    await drawer.getByRole('alert').getByText('phải bắt đầu bằng mã số 112').waitFor();
    await screenshot(page, 'division-code-error');

    await drawer.getByLabel('Mã số đơn vị').fill('112987');
    await drawer.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await page.getByText(`Đã tạo đơn vị 112987 — ${divisionName}.`).waitFor();

    // The same code again is taken.
    await drawer.getByLabel('Mã số đơn vị').fill('112987');
    await drawer.getByLabel('Tên đơn vị').fill(`${divisionName} (trùng mã)`);
    await drawer.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await drawer
      .locator('.ant-form-item-explain-error', { hasText: 'Mã 112987 đã có đơn vị đang hoạt động dùng' })
      .waitFor();
    await page.locator('.ant-drawer-close').click();

    await page.getByPlaceholder('Tìm theo mã số hoặc tên đơn vị').fill('112987');
    const created = page.locator('.ant-tree-treenode', { hasText: `112987 — ${divisionName}` });
    await created.waitFor();
    await screenshot(page, 'division-created');
    expect(problems).toEqual([]);
  });

  it('division renamed, then moved', async () => {
    const divisionName = `Phòng Thử nghiệm ${runId}`;
    const newName = `Phòng Kiểm thử ${runId}`;
    const today = formatDateVi(todayIso());
    await page
      .locator('.ant-tree-treenode', { hasText: `112987 — ${divisionName}` })
      .getByRole('button')
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(`112987 — ${divisionName}`).first().waitFor();

    // The tabs keep their forms, so the fields are looked up in the open tab only.
    const openTab = drawer.getByRole('tabpanel');
    await drawer.getByRole('tab', { name: 'Đổi tên' }).click();
    await openTab.getByLabel('Tên mới').fill(newName);
    await fillDate(openTab.getByLabel('Ngày hiệu lực'), today);
    await openTab.getByLabel('Số quyết định').fill('45/QĐ-UBND');
    await fillDate(openTab.getByLabel('Ngày quyết định'), today);
    await openTab.getByRole('button', { name: 'Đổi tên' }).click();
    await page.getByText(`Đã đổi tên đơn vị 112987 thành ${newName}.`).waitFor();
    await drawer.getByText(`112987 — ${newName}`).first().waitFor();

    // A unit cannot move under itself; the error shows under the parent field.
    await drawer.getByRole('tab', { name: 'Chuyển đơn vị' }).click();
    const parentPicker = openTab.getByLabel('Đơn vị cấp trên mới');
    await chooseUnit(page, parentPicker, '112987', `112987 — ${newName}`);
    await openTab.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await openTab
      .locator('.ant-form-item-explain-error', { hasText: 'Hãy chọn một đơn vị không nằm dưới đơn vị này.' })
      .waitFor();

    // Under Sở Nội vụ the division needs a code that starts with 111.
    await chooseUnit(page, parentPicker, AGENCY_CODE, AGENCY_TITLE);
    await openTab.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await openTab
      .locator('.ant-form-item-explain-error', { hasText: 'Hãy dùng mã bắt đầu bằng 111.' })
      .waitFor();
    await screenshot(page, 'division-move-error');
    await openTab.getByLabel('Mã số mới').fill('111987');
    await openTab.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await page.getByText(`Đã chuyển đơn vị 111987 — ${newName}.`).waitFor();
    await page.locator('.ant-drawer-close').click();

    await page.getByPlaceholder('Tìm theo mã số hoặc tên đơn vị').fill('111987');
    await page.locator('.ant-tree-treenode', { hasText: '111 — Sở Nội vụ' }).waitFor();
    await page.locator('.ant-tree-treenode', { hasText: `111987 — ${newName}` }).waitFor();
    expect(await page.locator('.ant-tree-treenode', { hasText: '112 — Sở Tư pháp' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
