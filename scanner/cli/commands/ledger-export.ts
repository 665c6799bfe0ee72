// `rollsweep ledger export --period P --out DIR [--split village] [--as-of D] [--unmask]`: the township (or village) workbooks.
import { resolve } from 'node:path';
import { exportLedgerWorkbooks } from '../../export/ledger-workbook/export-ledger-workbooks.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import { parsePeriod, parseScanDate } from '../../period.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerExportArgs {
  ledger: string;
  period: string;
  out: string;
  split: 'township' | 'village';
  /** YYYY-MM-DD overdue is counted against; default the period's scan date. */
  asOf?: string;
  unmask: boolean;
}

export async function runLedgerExportCommand(args: LedgerExportArgs, io: CliIo): Promise<number> {
  const period = parsePeriod(args.period).label;
  const outDir = resolve(args.out);
  const asOf = args.asOf === undefined ? undefined : parseScanDate(args.asOf, new Date());
  const result = await withLedger(args.ledger, (connection) =>
    exportLedgerWorkbooks(connection, { period, outDir, split: args.split, unmask: args.unmask, exportedBy: operatorName(), asOf }));
  io.out(`${period} 整改台账：${result.rows} 条问题，${result.files.length} 个工作簿，逾期按 ${result.asOf} 计${args.unmask ? '（身份证号未遮挡，已记入台账）' : ''}\n`);
  for (const file of result.files) io.out(`  ${file}\n`);
  return EXIT.ok;
}
