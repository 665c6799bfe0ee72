// The report's HTML as text (no browser): self-contained, every value escaped, IDs masked unless asked, owner-only;
// and the pieces it is built from (escaper, money, risk order).
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { maskIdNumber } from '../../scanner/mask-id.ts';
import { formatShare, formatYuan } from '../../scanner/report/format.ts';
import { escapeHtml, html } from '../../scanner/report/html.ts';
import { tally } from '../../scanner/report/tally.ts';
import { compareByRisk, type VillageFigures } from '../../scanner/report/village-risk.ts';
import { writeReport } from '../../scanner/report/write-report.ts';
import { scan } from '../../scanner/scan.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, validId, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const HOSTILE_VILLAGE = '"><script>alert(1)</script>';
/** Wrong check character: data_quality.id-invalid. */
const ZHAO = validId('370481', '19770707', '771');
const BROKEN_ID = ZHAO.slice(0, 17) + (ZHAO.endsWith('0') ? '1' : '0');

const root = await tempFolder('rollsweep-report-html-');
const ledger = join(root, 'rollsweep.duckdb');
let masked: string;
let unmasked: string;
let maskedFile: string;

beforeAll(async () => {
  const input = join(root, 'input');
  await mkdir(input);
  await writeSmallTownship(input, [
    // A broken ID (data_quality.id-invalid) in a village whose name is markup: the village appears in charts and tables.
    `张庄镇,"${HOSTILE_VILLAGE.replace(/"/g, '""')}",H003,赵六,${BROKEN_ID},户主,农村低保,700,在保`,
    // 王小明 on a second household: duplicate.two-households, high, listed with his ID number.
    `张庄镇,东村,H004,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
  ]);
  await scan({ input, period: '2026-10', asOf: '2026-11-05', ledger, out: join(root, 'scan-out') });
  maskedFile = (await withLedger(ledger, (connection) => writeReport(connection, { period: '2026-10', outDir: join(root, 'masked'), asOf: '2026-11-20' }))).file;
  masked = await readFile(maskedFile, 'utf8');
  const full = await withLedger(ledger, (connection) => writeReport(connection, { period: '2026-10', outDir: join(root, 'full'), unmask: true, asOf: '2026-11-20' }));
  unmasked = await readFile(full.file, 'utf8');
});

describe('the report file', () => {
  it('is one self-contained document: no script, no address to fetch, a CSP that forbids fetching', () => {
    expect(masked).toMatch(/^<!DOCTYPE html>/);
    expect(masked).toContain('<meta charset="utf-8">');
    expect(masked).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:`);
    expect(masked).not.toMatch(/https?:\/\//i);
    expect(masked).not.toMatch(/<script/i);
    expect(masked).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
    expect(masked).not.toMatch(/@import|url\(/i);
    expect(masked).toContain('@media print');
    expect(masked).toContain('size: A4');
  });

  it('escapes a village name made of markup everywhere it appears, in text and in attributes', () => {
    const escaped = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
    expect(masked).not.toContain(HOSTILE_VILLAGE);
    expect(masked).toContain(`data-village="${escaped}"`);
    expect(masked).toContain(`<td>${escaped}</td>`);
    // The bar chart's label and its tooltips carry the name too.
    expect(masked.split(escaped).length - 1).toBeGreaterThanOrEqual(4);
  });

  it('masks ID numbers by default and shows them in full with unmask', () => {
    expect(masked).not.toContain(PEOPLE.wang);
    expect(masked).toContain(maskIdNumber(PEOPLE.wang));
    expect(masked).toContain('身份证号已遮挡');
    expect(unmasked).toContain(`data-field="id-number">${PEOPLE.wang}</td>`);
    expect(unmasked).toContain('身份证号未遮挡');
  });

  it('prints no placeholder of a missing value', () => {
    for (const report of [masked, unmasked]) expect(report).not.toMatch(/undefined|NaN|Infinity|\[object /);
  });

  it('renders a month without findings: zeros, and no share of nothing', async () => {
    const input = join(root, 'clean-input');
    await mkdir(input);
    await writeSmallTownship(input);
    const cleanLedger = join(root, 'clean.duckdb');
    await scan({ input, period: '2026-10', asOf: '2026-11-05', ledger: cleanLedger, out: join(root, 'clean-out') });
    const { file } = await withLedger(cleanLedger, (connection) => writeReport(connection, { period: '2026-10', outDir: join(root, 'clean') }));
    const report = await readFile(file, 'utf8');
    expect(report).toContain('data-testid="total-findings">0</div>');
    expect(report).toContain('data-testid="closed-share">—</div>');
    expect(report).toContain('未办结的高风险问题（共 0 条）');
    expect(report).not.toMatch(/undefined|NaN|Infinity|\[object /);
  });

  it('judges overdue against the date given, and says which', () => {
    expect(masked).toContain('data-testid="as-of">2026-11-20</span>');
  });

  it('is readable by its owner only, in a folder only its owner can open', async () => {
    expect((await stat(maskedFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'masked'))).mode & 0o777).toBe(0o700);
  });
});

describe('the report command (bin/rollsweep.js)', () => {
  it('reports the latest month when none is given, prints the path, and records the export with --unmask', async () => {
    const run = await runCli(['report', '--out', join(root, 'cli'), '--unmask', '--ledger', ledger]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(join(root, 'cli', 'report-2026-10.html'));
    expect(run.stderr).toMatch(/身份证号未遮挡/);
    expect(await readdir(join(root, 'cli'))).toEqual(['report-2026-10.html']);
    const exports = await readLedgerRows(ledger, `SELECT period, split, unmasked, files_json FROM exports WHERE out_dir = '${join(root, 'cli')}'`);
    expect(exports).toEqual([{ period: '2026-10', split: 'report', unmasked: true, files_json: '["report-2026-10.html"]' }]);
  });

  it('refuses a month the ledger has not scanned, naming the months it has: exit 2, no stack trace', async () => {
    const run = await runCli(['report', '--period', '2026-09', '--out', join(root, 'none'), '--ledger', ledger]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2026-09/);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });
});

describe('escapeHtml and the html template', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes every interpolated value, including inside arrays, and keeps only its own markup', () => {
    const name = '<b onclick="x">';
    const row = html`<td title="${name}">${name}</td>`;
    expect(html`<tr>${[row, name, null, undefined, 7]}</tr>`.markup).toBe(
      '<tr><td title="&lt;b onclick=&quot;x&quot;&gt;">&lt;b onclick=&quot;x&quot;&gt;</td>&lt;b onclick=&quot;x&quot;&gt;7</tr>');
  });

  it('is the only way report code makes markup: nothing else wraps a string as SafeHtml', async () => {
    const folder = new URL('../../scanner/report/', import.meta.url);
    const offenders: string[] = [];
    for (const file of await readdir(folder)) {
      const source = await readFile(new URL(file, folder), 'utf8');
      if (/new SafeHtml\(/.test(source) && !['html.ts', 'page-style.ts'].includes(file)) offenders.push(file);
      if (/\.innerHTML|\.markup\s*\+/.test(source)) offenders.push(`${file} (concatenates markup)`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('figures', () => {
  it('writes yuan from cents exactly, with thousands separators', () => {
    expect([formatYuan(0), formatYuan(5), formatYuan(123456789), formatYuan(100000), formatYuan(-150)])
      .toEqual(['0.00', '0.05', '1,234,567.89', '1,000.00', '-1.50']);
    expect([formatShare(1, 3), formatShare(0, 0)]).toEqual(['33.3%', '—']);
  });

  const village = (name: string, counts: Partial<ReturnType<typeof tally>>): VillageFigures =>
    ({ township: '张庄镇', village: name, counts: { ...tally([], '2026-01-01'), ...counts } });

  it.each([
    { name: 'an overdue high finding outranks more open high ones', riskier: { highOverdue: 1 }, safer: { highOpen: 5, overdue: 9 } },
    { name: 'then open high findings', riskier: { highOpen: 2 }, safer: { highOpen: 1, overdue: 9, toRecoverCents: 10_000_00 } },
    { name: 'then overdue findings of any severity', riskier: { overdue: 3 }, safer: { overdue: 2, toRecoverCents: 10_000_00 } },
    { name: 'then money still to recover', riskier: { toRecoverCents: 500_00, recoveredCents: 100_00 }, safer: { toRecoverCents: 900_00, recoveredCents: 800_00, open: 9 } },
    { name: 'then open findings', riskier: { open: 2 }, safer: { open: 1 } },
  ])('risk order: $name', ({ riskier, safer }) => {
    const sorted = [village('乙村', safer), village('甲村', riskier)].sort(compareByRisk);
    expect(sorted.map((v) => v.village)).toEqual(['甲村', '乙村']);
  });
});
