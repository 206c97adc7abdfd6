import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/demo-logins.ts';

// Steps that every browser spec takes the same way.

/**
 * Collects script errors, failed assets and server errors of `page` into `problems`. API
 * responses with a 4xx status are expected results (validation, not found) and are left out.
 */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    const isApi = new URL(response.url()).pathname.startsWith('/api/');
    if (response.status() >= 500 || (!isApi && response.status() >= 400))
      problems.push(`${response.status()} ${response.url()}`);
  });
}

/** Signs a demo account in for the first time and replaces its default password on the forced page. */
export async function firstSignIn(
  page: Page,
  baseUrl: string,
  email: string,
  newPassword: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Thư điện tử công vụ').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/change-password$/);
  await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
}

/** Opens a side menu entry by its exact label (other entries may contain the same words). */
export async function openMenu(page: Page, label: string): Promise<void> {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.locator('.ant-menu-item', { hasText: new RegExp(`^${escaped}$`) }).click();
}
