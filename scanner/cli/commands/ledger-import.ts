// `rollsweep ledger import FILE...`: read edited workbooks back; valid edits land, every refused cell is listed.
import { editsNotApplied, formatImportReport, importLedgerWorkbooks } from '../../ledger/import/import-ledger-workbooks.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerImportArgs {
  ledger: string;
  files: string[];
  by?: string;
}

/**
 * Exit 0 when every cell staff changed in a finding's row is in the ledger (a line typed under the table, such as
 * 村委会盖章：, is listed but changes nothing); 2 when some were refused or ignored — the valid ones are still applied.
 */
export async function runLedgerImportCommand(args: LedgerImportArgs, io: CliIo): Promise<number> {
  const report = await withLedger(args.ledger, (connection) =>
    importLedgerWorkbooks(connection, args.files, { by: args.by ?? operatorName() }));
  io.out(`${formatImportReport(report)}\n`);
  return editsNotApplied(report) > 0 ? EXIT.badInput : EXIT.ok;
}
