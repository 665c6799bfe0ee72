// End to end: the real CLI on the committed sample township, checked against the generator's answer key.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareFindings, readLedgerFindings, type LedgerFinding } from '../../bench/answer-key.ts';
import type { ExpectedEntry } from '../../sample-data/generator/answer-key.ts';
import { builtInChecks } from '../../scanner/engine/registry.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const SAMPLE = fileURLToPath(new URL('../../sample-data/', import.meta.url));
const INPUT = join(SAMPLE, 'demo-township');
const key = JSON.parse(await readFile(join(SAMPLE, 'demo-township.answer-key.json'), 'utf8'));

const root = await tempFolder();
const out = join(root, 'out');
const ledger = join(root, 'ledger.duckdb');
const run = await runCli(['scan', '--input', INPUT, '--period', key.period, '--config', join(SAMPLE, 'rollsweep.config.json'),
  '--ledger', ledger, '--out', out, '--quiet']);
const summary = run.code === 0 ? JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) : null;
const findings = run.code === 0 ? parseCsv(await readFile(join(out, 'findings.csv'), 'utf8')) : [];
// The ledger holds every finding, the info listings (legacy IDs, filed cadre relatives) included.
const recorded = run.code === 0 ? await readLedgerFindings(ledger) : [];
const expected: ExpectedEntry[] = key.expected;
const infoChecks = new Set(builtInChecks().filter((check) => check.severity === 'info').map((check) => check.id));

/** What a finding says, in the same words from the ledger and from findings.csv (empty cells are absent values). */
const recordedText = (f: LedgerFinding) => [f.check_id, f.id_number, f.household_id, f.file, f.line, f.overpayment_cents].map((v) => v ?? '').join('|');
const csvText = (f: Record<string, string>) => [f['check_id'], f['id_number'], f['household_id'], f['source_file'], f['source_line'],
  f['overpayment_yuan'] ? Math.round(Number(f['overpayment_yuan']) * 100) : ''].join('|');

describe('rollsweep scan on sample-data/demo-township', () => {
  it('exits 0', () => expect(run.code, run.stderr).toBe(0));

  it('recognises every file as the dataset the generator wrote it as', () => {
    const recognised = Object.fromEntries(summary.files.map((f: { file: string; sheets: { dataset: string }[] }) => [f.file, f.sheets.map((s) => s.dataset)]));
    for (const file of key.files) expect(recognised[file.file], file.file).toEqual([file.dataset]);
    expect(summary.files_skipped).toEqual([]);
  });

  it('accounts for every row: read = used + rejected, and read = rows written (plus footer rows)', () => {
    for (const [name, counts] of Object.entries(summary.datasets) as [string, { rows_read: number; rows_used: number; rows_rejected: number }][]) {
      expect(counts.rows_read, name).toBe(counts.rows_used + counts.rows_rejected);
      const written = key.files.filter((f: { dataset: string }) => f.dataset === name).reduce((n: number, f: { rows: number }) => n + f.rows, 0);
      const footers = key.non_data_rows.filter((r: { file: string }) => key.files.some((f: { file: string; dataset: string }) => f.file === r.file && f.dataset === name)).length;
      expect(counts.rows_read, name).toBe(written + footers);
    }
  });

  // Every registered check, listings included, is compared with the key exactly as the benchmark compares its runs
  // (bench/answer-key.ts): a new check is verified as soon as it is registered.
  it.each(builtInChecks().map((check) => check.id))('%s: exactly the findings of the answer key', (checkId) => {
    const result = compareFindings(expected.filter((e) => e.check_id === checkId), recorded.filter((f) => f.check_id === checkId));
    expect(result.examples).toEqual([]);
    expect(result).toMatchObject({ missing: 0, extra: 0, overpayments_off: 0 });
  });

  it('writes to findings.csv every finding of the ledger above info, as the ledger has it, and nothing else', () => {
    const aboveInfo = recorded.filter((f) => !infoChecks.has(f.check_id));
    expect(aboveInfo.length).toBeGreaterThan(50);
    expect(findings.map(csvText).sort()).toEqual(aboveInfo.map(recordedText).sort());
  });

  it('lists the legacy IDs as info, outside findings.csv', () => {
    expect(findings.some((f) => f['severity'] === 'info')).toBe(false);
    expect(summary.findings.listings).toBe(recorded.filter((f) => infoChecks.has(f.check_id)).length);
  });

  it('refuses the footer rows as non-data rows, without a finding', () => {
    for (const footer of key.non_data_rows) {
      expect(findings.some((f) => f['source_file'] === footer.file && f['source_line'] === String(footer.line)), JSON.stringify(footer)).toBe(false);
    }
    const rejected = Object.values(summary.datasets).reduce((n: number, d) => n + (d as { rows_rejected: number }).rows_rejected, 0);
    expect(rejected).toBeGreaterThanOrEqual(key.non_data_rows.length);
  });

  it('writes findings.csv with the columns of ledger.md, full IDs and no corrupted characters', async () => {
    const header = (await readFile(join(out, 'findings.csv'), 'utf8')).split('\n')[0];
    expect(header).toBe('finding_id,period,check_id,category,severity,county,township,village,household_id,id_number,name,program,evidence,overpayment_yuan,status,first_seen,source_dataset,source_file,source_line,deadline,tracking');
    expect(findings.every((f) => /^RS[0-9A-F]{16}$/.test(f['finding_id']!))).toBe(true);
    expect(findings.filter((f) => f['id_number']).every((f) => /^\d{17}[\dX]$/.test(f['id_number']!))).toBe(true);
    expect(findings.some((f) => Object.values(f).some((v) => v.includes('\ufffd')))).toBe(false);
    expect(summary.checks_skipped).toEqual([]);
  });

  it('times every phase in summary.json', () => {
    expect(Object.keys(summary.phases_ms)).toEqual(['read', 'normalise', 'checks', 'ledger', 'exports']);
    for (const ms of Object.values(summary.phases_ms)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(summary.phases_ms.read + summary.phases_ms.normalise).toBeLessThanOrEqual(summary.duration_ms);
    // The exports phase's parts, from which the benchmark takes the scan without the workbooks.
    const parts = summary.export_parts_ms;
    expect(Object.keys(parts)).toEqual(['findings_csv', 'workbooks', 'ledger_checkpoint']);
    expect(parts.workbooks).toBeGreaterThan(0);
    // Each is rounded to the millisecond on its own: two rounded parts may add up to 1 ms more than the rounded whole.
    expect(parts.findings_csv + parts.workbooks).toBeLessThanOrEqual(summary.phases_ms.exports + 1);
    expect(parts.ledger_checkpoint).toBeLessThanOrEqual(summary.phases_ms.exports + 1);
  });
});

describe('rollsweep checks and demo', () => {
  it('lists every check and shows one with its SQL', async () => {
    const list = await runCli(['checks']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('data_quality.id-invalid');
    const show = await runCli(['checks', 'show', 'data_quality.amount-over-standard']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/tekunFactor.*1\.3/);
    expect(show.stdout).toContain('SELECT');
    const unknown = await runCli(['checks', 'show', 'no.such-check']);
    expect(unknown.code).toBe(2);
  });

  it('demo scans the sample into a temporary folder and says where the outputs are', async () => {
    const demo = await runCli(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    const folder = /示例输出都在 (\S+)/.exec(demo.stdout)?.[1];
    expect(folder).toBeDefined();
    const demoSummary = JSON.parse(await readFile(join(folder!, 'out', '2026-10', 'summary.json'), 'utf8'));
    expect(demoSummary.findings.total).toBe(summary.findings.total);
  });
});
