// The short human report after a scan: rows per dataset, skipped files and checks, findings, output paths.
import type { ScanResult } from '../../scan.ts';
import type { CliIo } from '../main.ts';

export function printScanResult({ summary, findingsCsv, summaryJson }: ScanResult, io: CliIo): void {
  const lines: string[] = [`rollsweep ${summary.period} 扫描完成（${(summary.duration_ms / 1000).toFixed(1)} 秒）`, '', '数据集        读取    使用    拒收  文件'];
  for (const [name, d] of Object.entries(summary.datasets)) {
    if (d.files.length === 0) continue;
    lines.push(`${name.padEnd(12)}${String(d.rows_read).padStart(6)}${String(d.rows_used).padStart(8)}${String(d.rows_rejected).padStart(8)}  ${d.files.join('、')}`);
  }
  for (const skipped of summary.files_skipped) lines.push(`跳过文件 ${skipped.file}：${skipped.reason}`);
  for (const warning of summary.warnings) lines.push(`注意 ${warning.file}：${warning.message}`);
  for (const check of summary.checks_skipped) lines.push(`未运行 ${check.id}：${check.reason}`);
  const f = summary.findings;
  lines.push('', `问题 ${f.total} 条（新发现 ${f.new}），另有备案/清单类 ${f.listings} 条；估算多发金额 ${f.overpayment_yuan} 元`);
  for (const [category, n] of Object.entries(f.by_category)) lines.push(`  ${category.padEnd(16)}${n}`);
  lines.push('', `findings.csv  ${findingsCsv}`, `summary.json  ${summaryJson}`, `台账          ${summary.ledger}`);
  io.out(`${lines.join('\n')}\n`);
}
