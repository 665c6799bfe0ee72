// Loads a Parquet file straight into DuckDB, staged like a CSV DuckDB reads (raw-rows.ts); column names are the header.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import type { InputFile } from '../discover/input-files.ts';
import { InputError, isOutOfMemory } from '../errors.ts';
import { quoteIdentifier } from '../sql-text.ts';
import { missingColumns, otherUnitError } from './header-refusals.ts';
import { locateHeader, type HeaderSearch } from './header-row.ts';
import { withDepositListMonth } from './deposit-list-month.ts';
import { sheetColumns, type FileReport } from './load-file.ts';
import { headerRemarks } from './sheet-report.ts';
import { dropStageTables, newStageTable, registerStage, stageCell } from './raw-rows.ts';
import { withStatedArea } from './stated-area.ts';
import { describeStatedMonth, withStatedMonth } from './stated-month.ts';

export async function loadParquetFile(connection: DuckDBConnection, input: InputFile): Promise<FileReport> {
  const report: FileReport = { file: input.name, format: 'parquet', classifiedBy: input.classifiedBy, sheets: [] };
  let columnNames: string[];
  try {
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: input.path });
    columnNames = described.getRowObjectsJson().map((row) => String(row['column_name']));
  } catch (error) {
    throw unreadableParquet(input, error);
  }
  const search = withStatedNames(input, locateHeader([{ line: 0, cells: columnNames }], input.candidates, undefined, input.options.columns));
  if (!search.found) {
    if (input.candidates !== 'any' && input.candidates.length === 1) {
      const months = search.statedMonths ?? [];
      const more = months.length > 1 ? `文件名中写了不止一个月份：${months.map(describeStatedMonth).join('、')}，无法判断是哪个月的发放。` : '';
      const refusal = missingColumns(datasetSpec(input.candidates[0] as DatasetName), search.closest?.match, columnNames.join('、'), more);
      const onlyMonthMissing = search.closest?.match.missingRequired.map((column) => column.name).join() === 'month';
      const monthHint = onlyMonthMissing ? '一个月一张的发放表，请在文件名中写明是哪年哪月（如「2026年10月」，只写一个月份），或加一列「发放月份」。' : undefined;
      throw new InputError({ file: input.name, column: refusal.column }, refusal.message, refusal.unitHint ?? monthHint);
    }
    report.skippedReason = search.ambiguous.length > 1 ? `列名同时符合多个数据集（${search.ambiguous.join('、')}）` : '列名与任何数据集都不符';
    return report;
  }
  const { match, statedMonth } = search.header;
  if (match.otherUnit.length > 0) throw otherUnitError({ file: input.name }, match.otherUnit);
  // Staged whole as text cells (c0 …), in file order, and typed through raw_rows_<dataset> like a staged CSV: rowid 0 is line 1.
  const table = await newStageTable(connection);
  let rowsRead: number;
  try {
    await connection.run(
      `CREATE TABLE ${table} AS SELECT ${columnNames.map((name, i) => `CAST(${quoteIdentifier(name)} AS VARCHAR) AS ${stageCell(i)}`).join(', ')} FROM read_parquet($path)`,
      { path: input.path },
    );
    rowsRead = Number((await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM ${table}`)).getRows()[0]![0]);
  } catch (error) {
    await dropStageTables(connection, table);
    throw unreadableParquet(input, error);
  }
  const { columns, constants } = sheetColumns(search.header);
  await registerStage(connection, {
    table, dataset: match.dataset, file: input.name, firstLine: 1, cellCount: columnNames.length, columns: match.columnIndex, skippedRows: 0, constants,
  });
  report.sheets.push({
    dataset: match.dataset, rowsRead, shapeRejected: 0, blankRows: 0, columns, ...headerRemarks(match), ...(statedMonth ? { statedMonth } : {}),
  });
  return report;
}

/**
 * What a Parquet file's name states of its rows, read as a CSV's or a workbook's is (it has no title or sheet): a 发放表's
 * month without 发放月份 (stated-month.ts), an undated deposits list's round (deposit-list-month.ts), a roll's area
 * (stated-area.ts). Only the area was read until 2026-12-06: 2026年9月金融资产核对反馈.parquet was a round of unknown date
 * while the same list as CSV was September's, and 低保资金发放明细202609.parquet was refused as lacking 发放月份.
 */
function withStatedNames(input: InputFile, search: HeaderSearch): HeaderSearch {
  const statedMonth = withStatedMonth(search, input.candidates, [], undefined, input.name);
  return withStatedArea(withDepositListMonth(statedMonth, [], undefined, input.name), [], undefined, input.name);
}

/**
 * DuckDB's refusal to read the file, as the damaged file it names. Running out of memory is not the file's fault: it
 * stays DuckDB's error, for the scan to report as 内存不足 (and never a file --skip-bad-files would skip).
 */
function unreadableParquet(input: InputFile, error: unknown): Error {
  if (isOutOfMemory(error)) return error as Error;
  return new InputError({ file: input.name }, `Parquet 文件无法读取（文件损坏或不是 Parquet）：${(error as Error).message.split('\n')[0]}`, '请从原系统重新导出。');
}
