// The HTML report in Debian's headless chromium: two months of the demo township (plus a roll member with a hostile
// name and a staff note made of HTML), rendered from the `report` command's file. No console errors, no fetch but
// the file itself, the key numbers equal to what the ledger says when queried directly, the hostile text shown as
// text, and a screenshot taken.
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from '../../scanner/cli/commands/report.ts';
import { setFinding } from '../../scanner/ledger/set-finding.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { maskIdNumber } from '../../scanner/mask-id.ts';
import { scan } from '../../scanner/scan.ts';
import { BROWSER_SKIP_REASON, launchChromium, requireChromium, skipBrowserTests, watchPage, type PageWatch } from '../support/browser.ts';
import { queryLedger, SAMPLE_CONFIG, SAMPLE_INPUT } from '../support/ledger-fixture.ts';
import { validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

/** Name normalisation removes spaces, so the roll's hostile name uses `/` (which HTML also reads as a separator). */
const HOSTILE_NAME = '<img/src=x/onerror=alert(1)>';
/** Staff notes are kept as typed: the classic payload, spaces and all. */
const HOSTILE_NOTE = '<img src=x onerror=alert(1)>';
/** On two households at once: duplicate.two-households, high severity, so the name is listed on the page. */
const HOSTILE_ID = validId('371329', '19800101', '991');
const ROLL_FILE = '城市低保及特困人员花名册.csv';

const root = await tempFolder('rollsweep-report-browser-');
const ledger = join(root, 'rollsweep.duckdb');

/** The demo township with the hostile person added to the urban roll (a GB18030 file ending in a 合计 line). */
async function hostileInput(): Promise<string> {
  const input = join(root, 'input');
  await cp(SAMPLE_INPUT, input, { recursive: true });
  const rollPath = join(input, ROLL_FILE);
  const lines = iconv.decode(await readFile(rollPath), 'gb18030').split(/\r?\n/);
  const footer = lines.findIndex((line) => line.startsWith('合计'));
  lines.splice(footer, 0,
    `271,临沭县,店头镇,措庄村,371329110251,3713291102519901,${HOSTILE_NAME},${HOSTILE_ID},户主,城市低保,600,2024-01-01,在保,6217990000000099001,否`,
    `272,临沭县,店头镇,北店头社区,371329110003,3713291100039902,${HOSTILE_NAME},${HOSTILE_ID},户主,城市低保,600,2024-01-01,在保,6217990000000099002,否`);
  await writeFile(rollPath, iconv.encode(lines.join('\r\n'), 'gb18030'));
  return input;
}

async function firstFinding(where: string): Promise<string> {
  const rows = await queryLedger(ledger, `SELECT finding_id FROM ledger.findings WHERE ${where} ORDER BY finding_id LIMIT 1`);
  expect(rows, where).toHaveLength(1);
  return String(rows[0]!['finding_id']);
}

async function staffSets(edits: [string, Parameters<typeof setFinding>[2]][]): Promise<void> {
  await withLedger(ledger, async (connection) => {
    for (const [findingId, changes] of edits) await setFinding(connection, findingId, changes, 'test');
  });
}

/** The November run's ledger rows, straight from the tables (not through the report's code). */
async function expectedFigures(asOf: string): Promise<Record<string, number>> {
  const [row] = await queryLedger(ledger, `
    WITH run AS (SELECT run_id FROM ledger.runs WHERE period = '2026-11'),
    period_rows AS (
      SELECT f.*, s.tracking, s.overpayment_cents AS amount FROM ledger.run_findings s JOIN ledger.findings f USING (finding_id)
      WHERE s.run_id = (SELECT run_id FROM run) AND f.severity <> 'info'
      UNION ALL
      SELECT f.*, '自动销号', f.overpayment_cents FROM ledger.findings f WHERE f.closed_run_id = (SELECT run_id FROM run)),
    judged AS (SELECT *, status NOT IN ('已整改', '已清退', '已追回', '已备案', '误报', '自动销号') AS is_open FROM period_rows)
    SELECT count(*)::INT AS total, count(*) FILTER (is_open)::INT AS open,
           count(*) FILTER (status IN ('已整改', '已清退', '已追回', '已备案'))::INT AS closed,
           count(*) FILTER (status = '误报')::INT AS false_positive, count(*) FILTER (status = '自动销号')::INT AS auto_closed,
           count(*) FILTER (is_open AND (tracking = '逾期' OR deadline < '${asOf}'::DATE))::INT AS overdue,
           count(*) FILTER (is_open AND tracking <> '逾期' AND deadline < '${asOf}'::DATE)::INT AS overdue_by_deadline,
           coalesce(sum(amount) FILTER (status = '误报'), 0)::BIGINT AS false_positive_overpayment,
           count(*) FILTER (severity = 'high')::INT AS high, count(*) FILTER (severity = 'medium')::INT AS medium,
           count(*) FILTER (severity = 'low')::INT AS low,
           count(*) FILTER (tracking = '新发现')::INT AS new, count(*) FILTER (tracking = '整改未到位')::INT AS reopened,
           count(*) FILTER (tracking = '自动销号')::INT AS auto_closed_this_period,
           coalesce(sum(amount) FILTER (status <> '误报'), 0)::BIGINT AS to_recover, coalesce(sum(recovered_cents), 0)::BIGINT AS recovered
    FROM judged`);
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
}

/** "26,554.03" → 2655403 cents; "1,234" → 1234. */
const cents = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);
const count = (text: string) => Number(text.replace(/,/g, ''));

describe.skipIf(skipBrowserTests)(`report in headless chromium${BROWSER_SKIP_REASON}`, () => {
  let browser: Browser | undefined;
  let page: Page;
  let watch: PageWatch;
  let reportFile: string;
  let printed: string;

  beforeAll(async () => {
    requireChromium();
    const input = await hostileInput();
    await scan({ input, config: SAMPLE_CONFIG, period: '2026-10', asOf: '2026-11-05', ledger, out: join(root, 'out-2026-10') });
    const hostile = await firstFinding(`name = '${HOSTILE_NAME}' AND check_id = 'duplicate.two-households'`);
    const recoveredThenFoundAgain = await firstFinding(`check_id = 'deceased.recipient' AND overpayment_cents > 0`);
    await staffSets([
      [hostile, { status: '核实中', note: HOSTILE_NOTE }],
      [recoveredThenFoundAgain, { status: '已追回', recovered: '1,234.56' }],
    ]);
    // A false alarm with an estimated overpayment: it must not count as money to recover.
    await staffSets([[await firstFinding(`check_id = 'deceased.recipient' AND overpayment_cents > 0 AND status = '待核实'`),
      { status: '误报', note: '入户核实，死亡登记有误' }]]);
    await scan({ input, config: SAMPLE_CONFIG, period: '2026-11', asOf: '2026-12-05', ledger, out: join(root, 'out-2026-11') });
    await staffSets([[await firstFinding(`check_id = 'deceased.recipient' AND status = '待核实' AND finding_id <> '${recoveredThenFoundAgain}'`),
      { status: '已清退', recovered: '500' }]]);
    // Overdue by its deadline alone (the scan met it as 新发现), whatever day the report is made.
    await staffSets([[await firstFinding(`first_seen = '2026-11' AND status = '待核实'`), { deadline: '2020-01-01' }]]);

    const out: string[] = [];
    const code = await runReportCommand({ ledger, out: join(root, 'report'), unmask: false },
      { out: (text) => out.push(text), err: () => {}, isTerminal: false });
    expect(code).toBe(0);
    printed = out.join('');
    reportFile = join(root, 'report', 'report-2026-11.html');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    watch = watchPage(page);
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const text = (testId: string) => page.getByTestId(testId).innerText();

  it('reports the latest month by default and prints where the file is', async () => {
    expect(printed).toContain(reportFile);
    expect(await text('period')).toBe('2026-11');
  });

  it('renders with no console error, no page error and no request but the file itself', async () => {
    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([pathToFileURL(reportFile).href]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);
  });

  it('shows the ledger\'s own numbers for the month', async () => {
    const asOf = await text('as-of');
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expected = await expectedFigures(asOf);
    // The staff edits above must show up, or this test would not tell much.
    expect(expected).toMatchObject({ closed: 1, false_positive: 1, reopened: 1, recovered: 123456 + 50000 });
    expect(expected['overdue_by_deadline']).toBeGreaterThan(0);
    expect(expected['false_positive_overpayment']).toBeGreaterThan(0);
    delete expected['overdue_by_deadline'];
    delete expected['false_positive_overpayment'];
    const shown = {
      total: count(await text('total-findings')), open: count(await text('open')), closed: count(await text('closed')),
      false_positive: count(await text('false-positive')), auto_closed: count(await text('auto-closed')),
      overdue: count(await text('overdue')), high: count(await text('severity-high')), medium: count(await text('severity-medium')),
      low: count(await text('severity-low')), new: count(await text('new')), reopened: count(await text('reopened')),
      auto_closed_this_period: count(await text('auto-closed-this-period')),
      to_recover: cents(await text('to-recover')), recovered: cents(await text('recovered')),
    };
    expect(shown).toEqual(expected);
    const share = (expected['closed']! + expected['auto_closed']!) / (expected['total']! - expected['false_positive']!);
    expect(await text('closed-share')).toBe(`${(share * 100).toFixed(1)}%`);
  });

  it('shows every month of the trend as the runs recorded it', async () => {
    // A month's findings as its findings.csv: those its scan raised and those it carried unjudged; the money without
    // what was 误报 when the scan ended, as its summary.json (until 2026-12-05 it counted the scan's own findings only, 误报
    // included; until 2026-12-07 it left out what is 误报 now, so a later 误报 rewrote a past month's row). The status
    // then is the one the first change after the run replaced, else today's.
    const expected = await queryLedger(ledger, `
      SELECT r.period, count(*)::INT AS findings,
             count(*) FILTER (WHERE s.carried OR s.tracking IN ('新发现', '持续', '逾期', '整改未到位'))::INT AS open,
             count(*) FILTER (WHERE s.tracking = '新发现')::INT AS new,
             coalesce(sum(s.overpayment_cents) FILTER (WHERE coalesce((
               SELECT arg_min(c.from_value, c.change_id) FROM ledger.changes c
               WHERE c.finding_id = f.finding_id AND c.field = 'status' AND c.changed_at > r.finished_at), f.status) <> '误报'), 0)::BIGINT AS overpayment
      FROM ledger.runs r
        JOIN (SELECT run_id, finding_id, tracking, overpayment_cents, false AS carried FROM ledger.run_findings
              UNION ALL SELECT run_id, finding_id, tracking, overpayment_cents, true FROM ledger.run_carried) s USING (run_id)
        JOIN ledger.findings f USING (finding_id)
      WHERE f.severity <> 'info'
      GROUP BY r.period ORDER BY r.period`);
    const rows = page.getByTestId('trend-row');
    expect(await rows.count()).toBe(2);
    for (const [i, month] of expected.entries()) {
      const row = rows.nth(i);
      const cell = (field: string) => row.locator(`[data-field="${field}"]`).innerText();
      expect({ period: await row.getAttribute('data-period'), findings: count(await cell('findings')), open: count(await cell('open')),
        new: count(await cell('new')), overpayment: cents(await cell('overpayment')) })
        .toEqual({ period: month['period'], findings: month['findings'], open: month['open'], new: month['new'], overpayment: Number(month['overpayment']) });
    }
  });

  it('lists villages riskiest first, and their findings add up to the total', async () => {
    const rows = page.getByTestId('village-row');
    const villages: { findings: number; highOverdue: number; highOpen: number; overdue: number }[] = [];
    for (let i = 0; i < await rows.count(); i++) {
      const cell = (field: string) => rows.nth(i).locator(`[data-field="${field}"]`).innerText().then(count);
      villages.push({ findings: await cell('findings'), highOverdue: await cell('high-overdue'), highOpen: await cell('high-open'), overdue: await cell('overdue') });
    }
    expect(villages.length).toBeGreaterThan(5);
    expect(villages.reduce((sum, village) => sum + village.findings, 0)).toBe(count(await text('total-findings')));
    const riskKey = (v: (typeof villages)[number]) => [v.highOverdue, v.highOpen, v.overdue];
    for (let i = 1; i < villages.length; i++) {
      const [before, after] = [riskKey(villages[i - 1]!), riskKey(villages[i]!)];
      const firstDifference = before.findIndex((value, k) => value !== after[k]);
      if (firstDifference >= 0) expect(before[firstDifference]!, `village ${i + 1} outranks village ${i}`).toBeGreaterThan(after[firstDifference]!);
    }
    expect(await text('risk-order')).toContain('逾期的高风险问题数');
  });

  it('shows the hostile name and note as text, creating no element from them, with the ID masked', async () => {
    const hostileRows = page.getByTestId('open-high-row').filter({ has: page.locator('[data-field="name"]', { hasText: HOSTILE_NAME }) });
    expect(await hostileRows.count()).toBeGreaterThanOrEqual(1);
    const row = hostileRows.first();
    expect(await row.locator('[data-field="name"]').innerText()).toBe(HOSTILE_NAME);
    expect(await row.locator('[data-field="id-number"]').innerText()).toBe(maskIdNumber(HOSTILE_ID));
    expect(await page.locator('[data-field="note"]', { hasText: HOSTILE_NOTE }).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    const pageText = await page.locator('body').innerText();
    expect(pageText).toContain(HOSTILE_NAME);
    expect(pageText).toContain(HOSTILE_NOTE);
    expect(pageText).not.toContain(HOSTILE_ID);
  });

  it('takes a screenshot', async () => {
    const file = join(root, 'report-2026-11.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = await readFile(file);
    expect((await stat(file)).size).toBeGreaterThan(10_000);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
