#!/usr/bin/env node
// Loads the demo in a fresh headless Chromium profile (so this is the demo's first start: the sample movies are
// downloaded and indexed) and waits until search hits are shown. Fails, with what the page said, if the demo shows
// its start-up error, a script error escapes in the page, or no hits appear before the deadline.
// The server may still be starting: the page is retried until the deadline.
//
//   node scripts/checkDemoStarts.mjs [url] [--timeout=<seconds>]     (default http://localhost:5173/, 240 s)
//   CHROMIUM_PATH=/path/to/chromium overrides /usr/bin/chromium.
import { chromium } from 'playwright';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--')) ?? 'http://localhost:5173/';
const timeoutSeconds = Number(args.find((a) => a.startsWith('--timeout='))?.slice('--timeout='.length) ?? 240);
const started = Date.now();
const deadline = started + timeoutSeconds * 1000;
// Never 0: Playwright reads a timeout of 0 as "no timeout".
const left = () => Math.max(1, deadline - Date.now());
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

function fail(message) {
  console.error(`checkDemoStarts: FAILED after ${seconds()} s at ${url}: ${message}`);
  process.exitCode = 1;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  page console: ${m.text()}`);
  });

  // The dev server may not listen yet: retry the navigation (connection refused) until the deadline.
  let lastError = '';
  for (;;) {
    if (Date.now() >= deadline) throw new Error(`the page never loaded (${lastError || 'no answer'})`);
    try {
      await page.goto(url, { timeout: left() });
      break;
    } catch (e) {
      const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
      // A navigation cut by the deadline says less than the refusal before it (e.g. ERR_CONNECTION_REFUSED).
      if (!lastError || !/Timeout/.test(message)) lastError = message;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  // Either the first hits, or the demo's own start-up error (body[data-ready="error"] with a message).
  const outcome = await page
    .waitForFunction(
      () => {
        if (document.body.dataset.ready === 'error') return 'error';
        return document.body.dataset.ready === 'true' && document.querySelectorAll('#hits .hit').length > 0 ? 'hits' : false;
      },
      undefined,
      { timeout: left(), polling: 200 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timeout');

  // The deadline has passed (or nearly): read what the page says without waiting for it.
  const bootMessage = async () => (await page.locator('#boot-message').textContent({ timeout: 1000 }).catch(() => ''))?.trim();
  if (pageErrors.length) fail(`an error escaped in the page: ${pageErrors.join(' | ')}`);
  else if (outcome === 'error') fail(`the demo showed: ${await bootMessage()}`);
  else if (outcome === 'timeout') {
    const message = await bootMessage();
    fail(`no hits within ${timeoutSeconds} s${message ? ` (the page says: ${message})` : ''}`);
  } else {
    const hits = await page.locator('#hits .hit').count();
    const stats = (await page.locator('#search-stats').textContent())?.trim();
    const first = (await page.locator('#hits .hit-title').first().textContent())?.trim();
    console.log(`checkDemoStarts: OK in ${seconds()} s: ${hits} hits shown (${stats}), first "${first}"`);
  }
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
} finally {
  await browser.close();
}
