import { join, resolve } from 'node:path';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../common/schemas/auth.ts';
import type { TotpEnrolment } from '../common/schemas/sign-in-options.ts';
import { DEMO_PASSWORD, demoLoginEmail } from '../server/demo/demo-logins.ts';
import {
  type LocalOidcProvider,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  startLocalOidcProvider,
} from '../server/test/local-oidc-provider.ts';
import { type LocalSmtp, startLocalSmtp } from '../server/test/local-smtp.ts';
import { type OwnServer, startOwnServer } from './sign-in-options-server.ts';
import { type BrowserSession, launchChromium } from './support/browser.ts';
import { reportPageOnFailure, traceRequests } from './support/failure-report.ts';
import { watchForProblems } from './support/page-helpers.ts';

// Password reset by e-mail, TOTP for admins, single sign-on and "Ai đã xem hồ sơ của tôi" in a
// real browser. The spec starts a HoSo server of its own, because TOTP_FOR_ADMINS would change
// the admin sign-in of every other spec, plus an SMTP capture and an OpenID Connect provider on
// 127.0.0.1. The tests run in order and share one browser page and the server's data.

const resultsDir = resolve(import.meta.dirname, '../test-results');
const PERSON_EMAIL = demoLoginEmail('person');
const UNIT_ADMIN_EMAIL = demoLoginEmail('unit_admin');
const PERSON_NEW_PASSWORD = 'Can-bo-dat-lai-E2E-2026';
const UNIT_ADMIN_NEW_PASSWORD = 'Quan-tri-tu-phap-E2E-2026';
const SAME_ANSWER_TEXT = /thuộc một tài khoản HoSo đang hoạt động, HoSo đã gửi tới đó một thư/;
const DATE_TIME_PATTERN = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;
/** How long a check waits for the page to show a message: lazy pages and translations load first. */
const UI_WAIT = { timeout: 15_000 };

let server: OwnServer;
let smtp: LocalSmtp;
let provider: LocalOidcProvider;
let browser: BrowserSession;
let page: Page;
const problems: string[] = [];
/** Every URL the browser requested, to prove the reset token never travels in one. */
const requestedUrls: string[] = [];

function screenshotPath(name: string): string {
  return join(resultsDir, `e2e-sign-in-options-${name}.png`);
}

function url(path: string): string {
  return `${server.baseUrl}${path}`;
}

/** Submits the sign-in form and returns the HTTP status of the sign-in request. */
async function signIn(email: string, password: string): Promise<number> {
  // The form's only submit button. Its accessible name is no stable handle: antd can leave the
  // loading icon (aria-label "loading") inside the button after a quick failed attempt.
  const submit = page.locator('form button[type="submit"]');
  await expect.poll(() => submit.isEnabled(), UI_WAIT).toBe(true);
  await page.getByLabel('Thư điện tử công vụ').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  const response = page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/sign-in'));
  await submit.click(UI_WAIT);
  return (await response).status();
}

async function signOut(): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/sign-in$/);
}

/** Reads the browser's session through the page, so that the request carries the page's cookie. */
async function browserSession(): Promise<SessionInfo> {
  return page.evaluate(async () => (await fetch('/api/auth/session')).json() as Promise<SessionInfo>);
}

/** Locates the antd error text under the form field with this label. */
function fieldError(label: string) {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');
}

// The enrolment page draws its QR code 200 px wide with a margin of 2 modules and level M.
const QR_WIDTH_PX = 200;
const QR_MARGIN_MODULES = 2;

/** Computes the dark (1) and light (0) modules of the QR code for `text`, row by row. */
function expectedQrModules(text: string): number[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_row, row) =>
    Array.from({ length: modules.size }, (_column, column) => (modules.get(row, column) ? 1 : 0)),
  );
}

/**
 * Reads the QR code on the page back into `size` × `size` modules by sampling the centre of each
 * module of the image, so the test proves what a phone would scan, not only that an image is there.
 */
async function qrModulesOnPage(size: number): Promise<number[][]> {
  const image = page.getByTestId('totp-qr');
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), UI_WAIT)
    .toBe(QR_WIDTH_PX);
  return image.evaluate(
    (element, { width, margin, modules }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = width;
      const context = canvas.getContext('2d')!;
      context.drawImage(element as HTMLImageElement, 0, 0);
      const pixels = context.getImageData(0, 0, width, width).data;
      // qrcode scales the code and its quiet zone to the width it is given.
      const scale = width / (modules + 2 * margin);
      return Array.from({ length: modules }, (_row, row) =>
        Array.from({ length: modules }, (_column, column) => {
          const x = Math.floor((margin + column + 0.5) * scale);
          const y = Math.floor((margin + row + 0.5) * scale);
          return pixels[(y * width + x) * 4]! < 128 ? 1 : 0;
        }),
      );
    },
    { width: QR_WIDTH_PX, margin: QR_MARGIN_MODULES, modules: size },
  );
}

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: secret.replace(/\s+/g, ''), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** Picks a 6-digit code that matches none of the steps the server accepts now (current step ± 1). */
function wrongCode(totp: TOTP): string {
  const accepted = new Set(
    [-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })),
  );
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

async function enterCode(code: string): Promise<number> {
  await page.getByLabel('Mã xác thực').fill(code);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/totp/verify')),
    page.getByRole('button', { name: 'Xác nhận' }).click(),
  ]);
  return response.status();
}

/** Waits for the next mail to `email` and returns its reset link, quoted-printable soft breaks undone. */
async function nextResetLink(email: string): Promise<string> {
  const mail = await smtp.nextMailTo(email);
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = body.match(/https?:\/\/[^\s"<>]+\/dat-lai-mat-khau#token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`The mail to ${email} contains no reset link:\n${body.slice(0, 2_000)}`);
  return link;
}

beforeAll(async () => {
  smtp = await startLocalSmtp();
  server = await startOwnServer(
    async (baseUrl) => {
      provider = await startLocalOidcProvider(
        {
          'ca-nhan': { email: PERSON_EMAIL },
          'nguoi-la': { email: 'khong.co.tai.khoan@quangtri.gov.vn' },
        },
        `${baseUrl}/api/auth/oidc/callback`,
      );
      return {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'hoso@quangtri.gov.vn',
        TOTP_FOR_ADMINS: 'true',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
      };
    },
    join(resultsDir, 'e2e-sign-in-options-server.log'),
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  traceRequests(page);
  watchForProblems(page, problems);
  page.on('request', (request) => requestedUrls.push(request.url()));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
  await smtp?.close();
});

reportPageOnFailure('sign-in-options', () => page);

afterEach(() => {
  expect(problems, 'browser or server problems').toEqual([]);
});

describe('sign-in options in the browser', () => {
  let resetLink = '';
  let personId = 0;
  let totpSecret = '';
  let unitAdminName = '';

  it('offers reset and single sign-on', async () => {
    await page.goto(url('/sign-in'));
    await expect
      .poll(() => page.getByRole('link', { name: 'Quên mật khẩu?' }).isVisible(), UI_WAIT)
      .toBe(true);
    await page.getByText('Đăng nhập bằng tài khoản công vụ (SSO)').waitFor();
    await page.screenshot({ path: screenshotPath('sign-in'), fullPage: true });
  });

  it('explains a failed single sign-on', async () => {
    provider.loginAs('nguoi-la');
    await page.getByText('Đăng nhập bằng tài khoản công vụ (SSO)').click();
    await page.waitForURL(/\/dang-nhap\?loi=INVALID_CREDENTIALS$/);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), UI_WAIT).toContain('Đăng nhập một lần (SSO) không thành công');
    expect(await alert.innerText()).toContain('chưa có trong HoSo');
    await page.screenshot({ path: screenshotPath('sso-error'), fullPage: true });

    // A code the page does not know gets the general message, never the text of the address.
    await page.goto(url('/dang-nhap?loi=Tin-gia-mao'));
    await expect.poll(() => page.getByRole('alert').innerText(), UI_WAIT).toContain('Hãy thử lại');
    expect(await page.getByRole('alert').innerText()).not.toContain('Tin-gia-mao');
  });

  it('answers every e-mail alike', async () => {
    await page.goto(url('/sign-in'));
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    // The sign-in page, with a field of the same label, stays up until the new page has loaded.
    await page.getByText('HoSo sẽ gửi tới đó một đường dẫn').waitFor();
    await page.getByLabel('Thư điện tử công vụ').fill('khong.co.tai.khoan@quangtri.gov.vn');
    await page.getByRole('button', { name: 'Gửi đường dẫn đặt lại mật khẩu' }).click();
    const unknownAnswer = await page.getByRole('status').innerText();
    expect(unknownAnswer).toMatch(SAME_ANSWER_TEXT);

    await page.reload();
    const mail = nextResetLink(PERSON_EMAIL);
    await page.getByLabel('Thư điện tử công vụ').fill(PERSON_EMAIL);
    await page.getByRole('button', { name: 'Gửi đường dẫn đặt lại mật khẩu' }).click();
    expect(await page.getByRole('status').innerText()).toBe(unknownAnswer);
    await page.screenshot({ path: screenshotPath('forgot-sent'), fullPage: true });
    const link = await mail;
    expect(link.startsWith(url('/dat-lai-mat-khau#token='))).toBe(true);
    resetLink = link;
  });

  it('sets a new password through the link', async () => {
    const token = new URL(resetLink).hash.replace('#token=', '');
    await page.goto(resetLink);
    await page.getByText('Yêu cầu đối với mật khẩu mới').waitFor();

    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PERSON_NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${PERSON_NEW_PASSWORD}x`);
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await expect.poll(() => fieldError('Nhập lại mật khẩu mới').innerText(), UI_WAIT).toContain('không khớp');

    // A common password passes the browser's checks; the server's reason appears on the field.
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('1234567890');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('1234567890');
    const [rejected] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/password-reset/complete')),
      page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click(),
    ]);
    expect(rejected.status()).toBe(400);
    await expect.poll(() => fieldError('Mật khẩu mới').innerText(), UI_WAIT).toContain('quá phổ biến');
    await page.screenshot({ path: screenshotPath('reset-policy'), fullPage: true });

    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PERSON_NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(PERSON_NEW_PASSWORD);
    const [accepted] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/password-reset/complete')),
      page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click(),
    ]);
    expect(accepted.status()).toBe(200);
    expect(accepted.request().postDataJSON()).toMatchObject({ token });
    await page.waitForURL(/\/sign-in$/);
    await page.getByText('Đã đặt mật khẩu mới.').waitFor();
    await page.screenshot({ path: screenshotPath('reset-done'), fullPage: true });

    const withToken = requestedUrls.filter(
      (requested) => requested.includes(token) && !requested.includes('#'),
    );
    expect(withToken).toEqual([]);
  });

  it('rejects the used link', async () => {
    await page.goto(resetLink);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Lan-thu-hai-E2E-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Lan-thu-hai-E2E-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), UI_WAIT).toContain('đã được dùng');
    await page.getByRole('link', { name: 'Yêu cầu đường dẫn mới' }).waitFor();
  });

  it('signs the person in with the new password', async () => {
    await page.goto(url('/sign-in'));
    expect(await signIn(PERSON_EMAIL, DEMO_PASSWORD)).toBe(401);
    // The page empties the password field after a failure; typing before that would be lost.
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(await signIn(PERSON_EMAIL, PERSON_NEW_PASSWORD)).toBe(200);
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    personId = (await browserSession()).personId ?? 0;
    expect(personId).toBeGreaterThan(0);

    // The person opens their own record, which the list of views shows as "Chính bạn".
    const [ownRecord] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/me/record'),
      page.goto(url('/record')),
    ]);
    expect(ownRecord.status()).toBe(200);
    await signOut();
  });

  it('enrols the unit admin in TOTP', async () => {
    expect(await signIn(UNIT_ADMIN_EMAIL, DEMO_PASSWORD)).toBe(200);
    await page.waitForURL(/\/second-factor$/);
    await page.getByText('Bước 1. Quét mã QR bằng ứng dụng xác thực.').waitFor();

    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    const firstSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    expect(firstSecret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: screenshotPath('totp-enrol'), fullPage: true });

    // Every other page waits for the code, as the forced password change does.
    await page.goto(url('/search'));
    await page.waitForURL(/\/second-factor$/);
    const enrolResponse = page.waitForResponse((candidate) =>
      candidate.url().endsWith('/api/auth/totp/enrol'),
    );
    await page.goto(url('/change-password'));
    await page.waitForURL(/\/second-factor$/);
    const enrolment = (await (await enrolResponse).json()) as TotpEnrolment;
    // Each visit replaces the unconfirmed secret, and the page shows the one now in force.
    totpSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    expect(totpSecret).toBe(enrolment.secret);
    expect(totpSecret).not.toBe(firstSecret);
    const expectedModules = expectedQrModules(enrolment.otpauthUri);
    expect(await qrModulesOnPage(expectedModules.length)).toEqual(expectedModules);

    const totp = totpFor(totpSecret);
    expect(await enterCode(wrongCode(totp))).toBe(400);
    await expect.poll(() => fieldError('Mã xác thực').innerText(), UI_WAIT).toContain('Mã không đúng');

    expect(await enterCode(totp.generate())).toBe(200);
    // The demo account still has its default password, which comes next.
    await page.waitForURL(/\/change-password$/);
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(UNIT_ADMIN_NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(UNIT_ADMIN_NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(url('/'));
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    unitAdminName = (await browserSession()).displayName;
  });

  it('lets the unit admin open the record', async () => {
    const [record] = await Promise.all([
      page.waitForResponse(
        (candidate) => new URL(candidate.url()).pathname === `/api/people/${personId}/record`,
      ),
      page.goto(url(`/people/${personId}/record`)),
    ]);
    expect(record.status()).toBe(200);
    await signOut();
  });

  it('asks the enrolled admin for a code', async () => {
    expect(await signIn(UNIT_ADMIN_EMAIL, UNIT_ADMIN_NEW_PASSWORD)).toBe(200);
    await page.waitForURL(/\/second-factor$/);
    await page.getByText('nhập mã 6 chữ số đang hiện cho HoSo').waitFor();
    expect(await page.getByTestId('totp-qr').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('totp-verify'), fullPage: true });

    // The enrolment used the current step, and a step is accepted once, so the code is for the next one.
    const code = totpFor(totpSecret).generate({ timestamp: Date.now() + 30_000 });
    expect(await enterCode(code)).toBe(200);
    await page.waitForURL(url('/'));
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    await signOut();
  });

  it('ends the session after five wrong codes', async () => {
    expect(await signIn(UNIT_ADMIN_EMAIL, UNIT_ADMIN_NEW_PASSWORD)).toBe(200);
    await page.waitForURL(/\/second-factor$/);
    const totp = totpFor(totpSecret);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await enterCode(wrongCode(totp))).toBe(400);
      await expect.poll(() => fieldError('Mã xác thực').innerText(), UI_WAIT).toContain('Mã không đúng');
    }
    expect(await enterCode(wrongCode(totp))).toBe(400);
    await page.waitForURL(/\/sign-in$/);
    await page.getByText('Bạn đã nhập sai mã xác thực 5 lần').waitFor();
    await page.screenshot({ path: screenshotPath('totp-locked'), fullPage: true });
  });

  it('shows the person who opened the record', async () => {
    expect(await signIn(PERSON_EMAIL, PERSON_NEW_PASSWORD)).toBe(200);
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Ai đã xem hồ sơ của tôi' }).click();
    await page.waitForURL(/\/record-reads$/);

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const cells = await Promise.all(
      (await rows.all()).map(async (row) =>
        (await row.locator('td').allInnerTexts()).map((text) => text.trim()),
      ),
    );
    const adminRow = cells.find((row) => row[2] === UNIT_ADMIN_EMAIL);
    expect(adminRow, `a row for ${UNIT_ADMIN_EMAIL} in ${JSON.stringify(cells)}`).toBeDefined();
    const [readAt = '', readerName = ''] = adminRow ?? [];
    expect(readerName).toBe(unitAdminName);
    expect(readAt).toMatch(DATE_TIME_PATTERN);
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    expect(readAt.slice(0, 10)).toBe(today);

    const ownRow = cells.find((row) => row[2] === PERSON_EMAIL);
    expect(ownRow?.[1]).toContain('Chính bạn');
    // Newest first: the admin's view came after the person's own.
    expect(cells.indexOf(adminRow!)).toBeLessThan(cells.indexOf(ownRow!));
    await page.screenshot({ path: screenshotPath('record-reads'), fullPage: true });
    await signOut();
  });

  it('signs the person in through single sign-on', async () => {
    // The provider remembers the unknown user of the earlier attempt in its own session cookie.
    await browser.context.clearCookies();
    provider.loginAs('ca-nhan');
    await page.getByText('Đăng nhập bằng tài khoản công vụ (SSO)').click();
    await page.waitForURL(url('/'));
    await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    expect((await browserSession()).email).toBe(PERSON_EMAIL);
    await signOut();
  });
});
