// Debian's chromium driven by playwright-core, for tests that must see a page the way a person's browser does.
// playwright-core never downloads a browser of its own; .ci/run installs chromium (scripts/install-chromium.sh).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumInstalled = existsSync(CHROMIUM_PATH);

/**
 * On a developer's machine without chromium the browser tests are skipped (with this reason in their title);
 * in CI they run, and fail with `requireChromium`'s message, so a missing browser is never a silent pass.
 */
export const skipBrowserTests = !chromiumInstalled && !process.env['CI'];
export const BROWSER_SKIP_REASON = skipBrowserTests
  ? `（已跳过：未安装 ${CHROMIUM_PATH}；运行 bash scripts/install-chromium.sh 后可执行）`
  : '';

export function requireChromium(): void {
  if (!chromiumInstalled) {
    throw new Error(`${CHROMIUM_PATH} is missing: .ci/run must install chromium (bash scripts/install-chromium.sh) before npm test`);
  }
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface PageWatch {
  /** Console errors, uncaught page errors and failed requests, as readable lines. */
  problems: string[];
  /** Every URL the page asked for, the document included. */
  requests: string[];
}

/** Starts recording what a page complains about and fetches; attach before `goto`. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => watch.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('request', (request) => watch.requests.push(request.url()));
  return watch;
}
