// The HTML review report in a real browser: `yaodian report` of the corpus and example folders,
// opened from disk in Debian's chromium (playwright-core) with every network request refused.
// Checks what the page shows, that nothing was fetched and nothing was logged as an error, that
// the "problems only" filter (CSS only) hides the right rows, and takes the README's screenshots.
// Run by `npm run test:e2e` after the workbench suite; alone: `npx tsx test/e2e/report.ts`.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import { chromium } from 'playwright-core';
import { CHROMIUM, OUT_DIR, ROOT } from './paths';

export interface ReportCheckResult {
  code: number;
  passed: number;
  failed: number;
  lines: string[];
  seconds: number;
}

const FOLDERS = ['test/fixtures/corpus', 'test/fixtures/examples'];
export const REPORT_SCREENSHOTS = ['report.png', 'report-comparison.png', 'report-charts.png'];

export async function checkReportInBrowser(screenshotsDir: string): Promise<ReportCheckResult> {
  const started = Date.now();
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  const step = async (name: string, fn: () => Promise<void> | void): Promise<void> => {
    const t = Date.now();
    try {
      await fn();
      passed++;
      lines.push(`✔ report: ${name} (${Date.now() - t} ms)`);
    } catch (err) {
      failed++;
      lines.push(`✘ report: ${name}`);
      for (const l of String(err instanceof Error ? (err.stack ?? err.message) : err).split('\n').slice(0, 12)) lines.push(`    ${l}`);
    }
  };

  const dir = path.join(OUT_DIR, 'report');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'report.html');
  fs.rmSync(file, { force: true });
  await step(`yaodian report ${FOLDERS.join(' ')} writes the page`, () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'report', ...FOLDERS, '-o', file], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.ok(fs.statSync(file).size > 0);
  });
  const documents = FOLDERS.flatMap((f) => fs.readdirSync(path.join(ROOT, f)).filter((n) => n.endsWith('.txt')));

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const fetched: string[] = [];
    const problems: string[] = [];
    // Anything but the file itself is refused and recorded: the page must need nothing else.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `file://${file}`) return route.continue();
      fetched.push(url);
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    await step('opens from disk: nothing fetched, no console error', async () => {
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      assert.equal(await page.title(), '工作要点审阅报告 (review report)');
      assert.deepEqual(fetched, []);
      assert.deepEqual(problems, []);
    });

    await step('the summary lists every document with its kind and counts', async () => {
      const rows = page.locator('.summary-table tbody tr');
      assert.equal(await rows.count(), documents.length);
      const first = (await rows.first().locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.deepEqual(first.slice(0, 6), ['test/fixtures/corpus/000_8af76b9c2bc005bb.txt 2023年上海市普陀区政务公开工作要点', '工作要点 + 任务分解表', '121', '118', '1', '3']);
    });

    await step('corpus 000: 118 rows and the task with no row; the differing character marked', async () => {
      const doc = page.locator('#doc-0');
      assert.equal(await doc.locator('.comparison-table tr.line').count(), 119);
      assert.equal(await doc.locator('.comparison-table tr.kind-task').count(), 1);
      const row41 = doc.locator('.comparison-table tr.line', { has: page.locator('td.serial', { hasText: /^41$/ }) });
      assert.equal(await row41.locator('del').innerText(), '、');
      assert.equal(await row41.locator('ins').innerText(), ',');
      assert.equal(await doc.locator('svg.chart-units g.chart-row').count(), 30);
      assert.equal(await doc.locator('svg.chart-months g.chart-col').count(), 15);
      await doc.locator('.comparison-table').scrollIntoViewIfNeeded();
      await row41.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, -200);
      fs.mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotsDir, 'report-comparison.png') });
      await doc.locator('.charts').screenshot({ path: path.join(screenshotsDir, 'report-charts.png') });
    });

    await step('"problems only" leaves the four problem lines of corpus 000 in view', async () => {
      await page.locator('#only-problems').check();
      const visible = await page.locator('#doc-0 .comparison-table tr.line').evaluateAll((rows) => rows.filter((r) => (r as unknown as { offsetParent: unknown }).offsetParent !== null).length);
      assert.equal(visible, 4);
      await page.locator('#only-problems').uncheck();
    });

    await step('screenshot of the summary and the first document', async () => {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: path.join(screenshotsDir, 'report.png') });
      assert.deepEqual(fetched, []);
      assert.deepEqual(problems, []);
    });
    await context.close();
  } finally {
    await browser.close();
  }
  return { code: failed === 0 && passed > 0 ? 0 : 1, passed, failed, lines, seconds: (Date.now() - started) / 1000 };
}

if (require.main === module) {
  void checkReportInBrowser(path.join(OUT_DIR, 'screenshots')).then((r) => {
    for (const l of r.lines) console.log(l);
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.code);
  });
}
