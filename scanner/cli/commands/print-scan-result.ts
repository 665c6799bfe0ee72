// The short human report after a scan: rows per dataset, skipped files and checks, findings, output paths.
import { extname, join } from 'node:path';
import { fileFormatOf } from '../../discover/input-files.ts';
import type { ScanSummary } from '../../export/summary.ts';
import { maskIdsUnless } from '../../mask-id.ts';
import type { ScanResult } from '../../scan.ts';
import type { CliIo } from '../main.ts';

/**
 * `unmask` (scan --unmask): a warning's example quoted whole. Otherwise an ID in it is masked, as in every output a person
 * reads: the 家庭编号 a warning quotes (如「…」) may be the head's ID, and was printed whole until 2026-12-06. So are the
 * names of files and folders: a folder of 申请材料 holds 371329198001010017张三身份证.jpg, skipped and listed by name,
 * and a roll may be saved as 371329…的花名册.xlsx (printed whole until 2026-12-06). summary.json, the machine output,
 * keeps every name whole, as findings.csv keeps the IDs: a program reading it must find the files.
 */
export function printScanResult({ summary, findingsCsv, summaryJson, workbooks, outDir }: ScanResult, io: CliIo, options: { unmask?: boolean } = {}): void {
  const shown = (text: string) => maskIdsUnless(text, options.unmask ?? false);
  const lines: string[] = [`rollsweep ${summary.period} 扫描完成（${(summary.duration_ms / 1000).toFixed(1)} 秒）`, '', ...datasetTable(summary.datasets, shown)];
  lines.push(...skippedFileLines(summary.files_skipped, shown));
  for (const warning of summary.warnings) lines.push(`注意 ${shown(warning.file)}：${shown(warning.message)}`);
  // A custom check's reason may quote its SQL, and a literal ID in it.
  for (const check of summary.checks_skipped) lines.push(`未运行 ${check.id}：${shown(check.reason)}`);
  const f = summary.findings;
  lines.push('', `问题 ${f.total} 条，另有备案/清单类 ${f.listings} 条；估算多发金额 ${f.overpayment_yuan} 元`);
  for (const [category, n] of Object.entries(f.by_category)) lines.push(`  ${category.padEnd(16)}${n}`);
  lines.push(...carryOverLines(f));
  lines.push('', `findings.csv  ${shown(findingsCsv)}`, `summary.json  ${shown(summaryJson)}`,
    `台账工作簿    ${workbooks.length} 个，在 ${shown(join(outDir, 'ledger'))}`, `台账          ${shown(summary.ledger)}`);
  io.out(`${lines.join('\n')}\n`);
}

/** Beyond this many, files that are no data (scans, photos, documents beside the lists) are counted, not listed. */
const MAX_LISTED_OTHER_FILES = 10;

/**
 * One line per skipped file, but a folder with thousands of scanned 申请材料 in it would bury the lines that matter (a
 * file that could not be read, rollsweep's own outputs): past MAX_LISTED_OTHER_FILES, files that are no data format
 * are counted by extension in one line. summary.json lists every one.
 */
function skippedFileLines(skipped: ScanSummary['files_skipped'], shown: (text: string) => string): string[] {
  const [data, others]: ScanSummary['files_skipped'][] = [[], []];
  for (const file of skipped) (fileFormatOf(file.file) === undefined ? others : data).push(file);
  const grouped = others.length > MAX_LISTED_OTHER_FILES;
  const lines = (grouped ? data : skipped).map((s) => `跳过文件 ${shown(s.file)}：${shown(s.reason)}`);
  if (grouped) {
    const byExtension = new Map<string, number>();
    for (const { file } of others) {
      const extension = extname(file).toLowerCase() || '无扩展名';
      byExtension.set(extension, (byExtension.get(extension) ?? 0) + 1);
    }
    const counts = [...byExtension].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([extension, n]) => `${extension} ${n} 个`).join('、');
    lines.push(`跳过 ${others.length} 个不是数据格式的文件（${counts}；支持 CSV、XLSX、Parquet），逐个列在 summary.json 的 files_skipped 中`);
  }
  return lines;
}

type DatasetRows = ScanSummary['datasets'][string];

const COUNT_COLUMNS: { heading: string; least: number; count: (d: DatasetRows) => number }[] = [
  { heading: '读取', least: 6, count: (d) => d.rows_read },
  { heading: '使用', least: 8, count: (d) => d.rows_used },
  { heading: '拒收', least: 8, count: (d) => d.rows_rejected },
];

/**
 * Rows read, used and rejected per dataset, right-aligned under their headings. A column widens for a province's
 * counts (a payments list of 12,543,809 rows) so that two numbers never run together.
 */
function datasetTable(datasets: ScanSummary['datasets'], masked: (text: string) => string): string[] {
  const shown = Object.entries(datasets).filter(([, d]) => d.files.length > 0);
  const columns = COUNT_COLUMNS.map((column) => ({
    ...column, width: Math.max(column.least, ...shown.map(([, d]) => String(column.count(d)).length + 2)),
  }));
  // A heading of two Chinese characters takes four columns on a terminal, 数据集 six.
  const header = `数据集${' '.repeat(6)}${columns.map((c) => `${' '.repeat(c.width - 4)}${c.heading}`).join('')}  文件`;
  const rows = shown.map(([name, d]) => `${name.padEnd(12)}${columns.map((c) => String(c.count(d)).padStart(c.width)).join('')}  ${masked(d.files.join('、'))}`);
  return [header, ...rows];
}

function carryOverLines(f: ScanSummary['findings']): string[] {
  if (f.backfill) return ['', `补扫较早月份：只记录发现情况，不改变任何整改状态；本次发现的问题中台账现仍未办结 ${f.open ?? 0}。`];
  const against = f.previous_period ? `与上期 ${f.previous_period} 相比` : '首次扫描';
  return [
    '',
    `${against}：新发现 ${f.new ?? 0}，未办结 ${f.open ?? 0}（其中逾期 ${f.overdue ?? 0}，整改未到位重新打开 ${f.reopened ?? 0}` +
      `${f.carried ? `，本月未能复查 ${f.carried}` : ''}），` +
      `误报 ${f.false_positive ?? 0}，自动销号 ${f.auto_closed ?? 0}`,
  ];
}
