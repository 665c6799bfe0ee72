// Roll rows whose 发放账号 was masked before the roll was sent (6228********1111): compared with no other account, and
// named in the summary's warnings so that a shared account is not missed without anyone knowing.
import type { DuckDBConnection } from '@duckdb/node-api';
import { LINES_NAMED, linesNamed } from './sheet-report.ts';
import type { SheetWarning } from './out-of-scope-rows.ts';

/**
 * Per roll file (and sheet): its rows whose account is masked, with an example and the first lines. A warning rather
 * than a data_quality finding per row: a mask comes from how the file was exported (a 公示 copy, an export that hides
 * accounts), which whoever runs the scan can undo by exporting again, not a value a village corrects; a masked export
 * read row by row would put one 整改 item per household in the ledger, as masked ID lists once did.
 */
export async function maskedAccountWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    SELECT _file, _sheet, count(*)::BIGINT AS n, arg_min(bank_account, _line) AS example,
           list(_line ORDER BY _line)[1:${LINES_NAMED}] AS lines
    FROM roll WHERE bank_account IS NOT NULL AND rs_account_masked(bank_account)
    GROUP BY _file, _sheet ORDER BY _file, _sheet`);
  return reader.getRowObjectsJson().map((row) => {
    const rows = { count: Number(row['n']), lines: (row['lines'] as unknown[]).map(Number) };
    return {
      file: String(row['_file']),
      sheet: row['_sheet'] === null ? null : String(row['_sheet']),
      message: `有 ${rows.count} 行的银行账号已打码（如「${String(row['example'])}」，${linesNamed(rows)}），看不出被遮住的数字，` +
        '未参与多户共用发放账号的核对（duplicate.shared-account），也不用于按账号对应代发明细的家庭；请导出完整账号后重新扫描',
    };
  });
}
