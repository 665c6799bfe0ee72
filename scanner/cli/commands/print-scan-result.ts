// The short human report after a scan: rows per dataset, skipped files and checks, findings, output paths.
import { join } from 'node:path';
import type { ScanSummary } from '../../export/summary.ts';
import type { ScanResult } from '../../scan.ts';
import type { CliIo } from '../main.ts';

export function printScanResult({ summary, findingsCsv, summaryJson, workbooks, outDir }: ScanResult, io: CliIo): void {
  const lines: string[] = [`rollsweep ${summary.period} 扫描完成（${(summary.duration_ms / 1000).toFixed(1)} 秒）`, '', '数据集        读取    使用    拒收  文件'];
  for (const [name, d] of Object.entries(summary.datasets)) {
    if (d.files.length === 0) continue;
    lines.push(`${name.padEnd(12)}${String(d.rows_read).padStart(6)}${String(d.rows_used).padStart(8)}${String(d.rows_rejected).padStart(8)}  ${d.files.join('、')}`);
  }
  for (const skipped of summary.files_skipped) lines.push(`跳过文件 ${skipped.file}：${skipped.reason}`);
  for (const warning of summary.warnings) lines.push(`注意 ${warning.file}：${warning.message}`);
  for (const check of summary.checks_skipped) lines.push(`未运行 ${check.id}：${check.reason}`);
  const f = summary.findings;
  lines.push('', `问题 ${f.total} 条，另有备案/清单类 ${f.listings} 条；估算多发金额 ${f.overpayment_yuan} 元`);
  for (const [category, n] of Object.entries(f.by_category)) lines.push(`  ${category.padEnd(16)}${n}`);
  lines.push(...carryOverLines(f));
  lines.push('', `findings.csv  ${findingsCsv}`, `summary.json  ${summaryJson}`, `台账工作簿    ${workbooks.length} 个，在 ${join(outDir, 'ledger')}`, `台账          ${summary.ledger}`);
  io.out(`${lines.join('\n')}\n`);
}

function carryOverLines(f: ScanSummary['findings']): string[] {
  if (f.backfill) return ['', '补扫较早月份：只记录发现情况，不改变任何整改状态。'];
  const against = f.previous_period ? `与上期 ${f.previous_period} 相比` : '首次扫描';
  return [
    '',
    `${against}：新发现 ${f.new ?? 0}，未办结 ${f.open ?? 0}（其中逾期 ${f.overdue ?? 0}，整改未到位重新打开 ${f.reopened ?? 0}），` +
      `误报 ${f.false_positive ?? 0}，自动销号 ${f.auto_closed ?? 0}`,
  ];
}
