// `rollsweep report [--period P] --out DIR [--as-of D] [--unmask]`: the period's HTML report (default: the latest month scanned).
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../../errors.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import { parsePeriod, parseScanDate } from '../../period.ts';
import { writeReport } from '../../report/write-report.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface ReportArgs {
  ledger: string;
  period?: string;
  out: string;
  /** YYYY-MM-DD overdue is counted against; default the period's scan date. */
  asOf?: string;
  unmask: boolean;
}

export async function runReportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  // A bad date is refused before the ledger is opened or anything written.
  const asOf = args.asOf === undefined ? undefined : parseScanDate(args.asOf, new Date());
  const { file, period, asOf: countedAgainst } = await withLedger(args.ledger, async (connection) => {
    const period = args.period === undefined ? await latestPeriod(connection) : parsePeriod(args.period).label;
    return { ...(await writeReport(connection, { period, outDir: args.out, unmask: args.unmask, exportedBy: operatorName(), asOf })), period };
  });
  if (args.unmask) io.err('注意：报告中的身份证号未遮挡（已记入台账），请妥善保管。\n');
  io.out(`${period} 排查整改报告（逾期按 ${countedAgainst} 计）：${file}\n`);
  return EXIT.ok;
}

async function latestPeriod(connection: DuckDBConnection): Promise<string> {
  const value = (await connection.runAndReadAll('SELECT max(period) FROM ledger.runs')).getRowsJson()[0]?.[0];
  if (value == null) throw new UsageError('台账中还没有扫描记录，无法生成报告', '先运行 rollsweep scan。');
  return String(value);
}
