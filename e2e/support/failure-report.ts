import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';

// When a browser test fails in CI, the run's output is often all there is to read: the
// test-results folder stays on the CI machine. This report prints what the page showed and the
// last requests it made, and keeps a screenshot for local runs.

const resultsDir = resolve(import.meta.dirname, '../../test-results');
const VISIBLE_TEXT_LIMIT = 1_500;
const RECENT_REQUEST_COUNT = 15;

/** Method, path and status of each request of a traced page, newest last. */
const traces = new WeakMap<Page, string[]>();

/** Starts recording the requests of `page` for the failure report; call it on each new page. */
export function traceRequests(page: Page): void {
  const lines: string[] = [];
  traces.set(page, lines);
  page.on('requestfinished', async (request) => {
    const response = await request.response().catch(() => null);
    lines.push(`${request.method()} ${new URL(request.url()).pathname} → ${response?.status() ?? '?'}`);
  });
  page.on('requestfailed', (request) => {
    lines.push(
      `${request.method()} ${new URL(request.url()).pathname} → failed: ${request.failure()?.errorText}`,
    );
  });
}

/**
 * Registers an afterEach hook that, when the test failed, prints the page address, its visible
 * text and the recent requests (of pages passed to traceRequests), and saves a screenshot as `e2e-<spec>-failure-<test>.png`.
 * `currentPage` is read at failure time, because specs replace their page between tests.
 */
export function reportPageOnFailure(spec: string, currentPage: () => Page | undefined): void {
  afterEach(async (context) => {
    const page = currentPage();
    if (!page || context.task.result?.state !== 'fail') return;

    const name = context.task.name.replace(/\W+/g, '-');
    await page
      .screenshot({ path: join(resultsDir, `e2e-${spec}-failure-${name}.png`), fullPage: true })
      .catch(() => undefined);
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch((error: Error) => `(no text: ${error.message})`);
    const requests = traces.get(page)?.slice(-RECENT_REQUEST_COUNT) ?? ['(requests not traced)'];
    console.log(
      [
        `── ${spec}: "${context.task.name}" failed at ${page.url()}`,
        'Visible text:',
        text.replace(/\n{2,}/g, '\n').slice(0, VISIBLE_TEXT_LIMIT),
        'Recent requests:',
        ...requests,
      ].join('\n'),
    );
  });
}
