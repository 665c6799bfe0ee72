// The short report printed after a scan: the dataset table stays readable from a township's counts to a province's.
import { describe, expect, it } from 'vitest';
import { printScanResult } from '../../scanner/cli/commands/print-scan-result.ts';
import type { ScanSummary } from '../../scanner/export/summary.ts';

function printed(datasets: ScanSummary['datasets']): string[] {
  const summary = {
    period: '2026-10', duration_ms: 1234, ledger: '/l.duckdb', datasets, files_skipped: [], warnings: [], checks_skipped: [],
    findings: { total: 3, listings: 1, overpayment_yuan: '0.00', by_category: { deceased: 3 }, by_severity: {}, by_village: {} },
  } as unknown as ScanSummary;
  let out = '';
  printScanResult({ summary, findingsCsv: '/o/findings.csv', summaryJson: '/o/summary.json', workbooks: [], outDir: '/o' }, { out: (t) => { out += t; }, err: () => {}, isTerminal: false });
  const lines = out.split('\n');
  return lines.slice(lines.indexOf('') + 1, lines.indexOf('', lines.indexOf('') + 1));
}

/** Terminal columns: a Chinese character takes two. */
const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

describe('the dataset table after a scan', () => {
  it('keeps its layout for a township', () => {
    expect(printed({
      roll: { files: ['花名册.xlsx'], rows_read: 1500, rows_used: 1498, rows_rejected: 2 },
      payments: { files: [], rows_read: 0, rows_used: 0, rows_rejected: 0 },
    })).toEqual([
      '数据集        读取    使用    拒收  文件',
      'roll          1500    1498       2  花名册.xlsx',
    ]);
  });

  it('widens its columns for a province, so that counts never run together and stay under their headings', () => {
    const table = printed({
      roll: { files: ['roll.csv'], rows_read: 3_000_000, rows_used: 3_000_000, rows_rejected: 0 },
      payments: { files: ['payments.csv'], rows_read: 12_543_809, rows_used: 12_543_307, rows_rejected: 502 },
    });
    expect(table.slice(1).map((line) => line.split(/\s+/))).toEqual([
      ['roll', '3000000', '3000000', '0', 'roll.csv'],
      ['payments', '12543809', '12543307', '502', 'payments.csv'],
    ]);
    // Each count ends where its heading ends.
    const [header, ...rows] = table;
    const headingEnds = ['读取', '使用', '拒收'].map((heading) => displayWidth(header!.slice(0, header!.indexOf(heading) + 2)));
    for (const row of rows) {
      const countEnds = [...row.matchAll(/\d+(?= )/g)].map((m) => m.index + m[0].length);
      expect(countEnds).toEqual(headingEnds);
    }
  });
});
