// `rollsweep ledger import FILE...`: read edited workbooks back; valid edits land, every refused cell is listed.
import { formatImportReport, importLedgerWorkbooks } from '../../ledger/import/import-ledger-workbooks.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerImportArgs {
  ledger: string;
  files: string[];
  by?: string;
}

/** Exit 0 when every edited cell was taken; 2 when some were refused or ignored (the valid ones are still applied). */
export async function runLedgerImportCommand(args: LedgerImportArgs, io: CliIo): Promise<number> {
  const report = await withLedger(args.ledger, (connection) =>
    importLedgerWorkbooks(connection, args.files, { by: args.by ?? operatorName() }));
  io.out(`${formatImportReport(report)}\n`);
  const refused = report.files.reduce((n, file) => n + file.rejected.length + file.ignored.length, 0);
  return refused > 0 ? EXIT.badInput : EXIT.ok;
}
