// `rollsweep ledger export --period P --out DIR [--split village] [--unmask]`: the township (or village) workbooks.
import { resolve } from 'node:path';
import { exportLedgerWorkbooks } from '../../export/ledger-workbook/export-ledger-workbooks.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import { parsePeriod } from '../../period.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerExportArgs {
  ledger: string;
  period: string;
  out: string;
  split: 'township' | 'village';
  unmask: boolean;
}

export async function runLedgerExportCommand(args: LedgerExportArgs, io: CliIo): Promise<number> {
  const period = parsePeriod(args.period).label;
  const outDir = resolve(args.out);
  const result = await withLedger(args.ledger, (connection) =>
    exportLedgerWorkbooks(connection, { period, outDir, split: args.split, unmask: args.unmask, exportedBy: operatorName() }));
  io.out(`${period} 整改台账：${result.rows} 条问题，${result.files.length} 个工作簿${args.unmask ? '（身份证号未遮挡，已记入台账）' : ''}\n`);
  for (const file of result.files) io.out(`  ${file}\n`);
  return EXIT.ok;
}
