// The short report printed after a scan: the dataset table stays readable from a township's counts to a province's.
import { describe, expect, it } from 'vitest';
import { printScanResult } from '../../scanner/cli/commands/print-scan-result.ts';
import type { ScanSummary } from '../../scanner/export/summary.ts';

/** Every line printed after a scan with these datasets and skipped files. */
function printedLines(datasets: ScanSummary['datasets'], skipped: ScanSummary['files_skipped'] = []): string[] {
  const summary = {
    period: '2026-10', duration_ms: 1234, ledger: '/l.duckdb', datasets, files_skipped: skipped, warnings: [], checks_skipped: [],
    findings: { total: 3, listings: 1, overpayment_yuan: '0.00', by_category: { deceased: 3 }, by_severity: {}, by_village: {} },
  } as unknown as ScanSummary;
  let out = '';
  printScanResult({ summary, findingsCsv: '/o/findings.csv', summaryJson: '/o/summary.json', workbooks: [], outDir: '/o' }, { out: (t) => { out += t; }, err: () => {}, isTerminal: false });
  return out.split('\n');
}

/** The dataset table. */
function printed(datasets: ScanSummary['datasets']): string[] {
  const lines = printedLines(datasets);
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

describe('skipped files after a scan', () => {
  const roll = { roll: { files: ['花名册.xlsx'], rows_read: 3, rows_used: 3, rows_rejected: 0 } };
  const notData = (name: string) => ({ file: name, reason: `不是可读取的数据文件格式（${name.slice(name.lastIndexOf('.'))}）；支持 CSV、XLSX、Parquet` });
  const ownOutput = { file: 'out/2026-09/findings.csv', reason: 'rollsweep 导出的 findings.csv（表头 finding_id,period,check_id …），不作为输入数据读取' };

  it('lists each one while there are few', () => {
    const skipped = [notData('说明.docx'), ownOutput];
    expect(printedLines(roll, skipped).filter((line) => line.startsWith('跳过'))).toEqual(skipped.map((s) => `跳过文件 ${s.file}：${s.reason}`));
  });

  it('counts a folder of scans by extension, and still lists every file that is data', () => {
    const scans = [...Array.from({ length: 12 }, (_, i) => notData(`材料/申请书${i}.PDF`)), ...['a.jpg', 'b.jpg', 'c.jpg'].map(notData), { file: 'README', reason: '不是可读取的数据文件格式（无扩展名）' }];
    expect(printedLines(roll, [...scans, ownOutput]).filter((line) => line.startsWith('跳过'))).toEqual([
      `跳过文件 ${ownOutput.file}：${ownOutput.reason}`,
      '跳过 16 个不是数据格式的文件（.pdf 12 个、.jpg 3 个、无扩展名 1 个；支持 CSV、XLSX、Parquet），逐个列在 summary.json 的 files_skipped 中',
    ]);
  });
});
