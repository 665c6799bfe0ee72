// Loads a Parquet file straight into DuckDB, staged like a CSV DuckDB reads (raw-rows.ts); column names are the header.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import type { InputFile } from '../discover/input-files.ts';
import { InputError, isOutOfMemory } from '../errors.ts';
import { quoteIdentifier } from '../sql-text.ts';
import { missingColumns, otherUnitError } from './header-refusals.ts';
import { locateHeader } from './header-row.ts';
import { headerRemarks, type FileReport } from './load-file.ts';
import { dropStageTables, newStageTable, registerStage, stageCell } from './raw-rows.ts';
import { statedArea, statedAreaConstants } from './stated-area.ts';

export async function loadParquetFile(connection: DuckDBConnection, input: InputFile): Promise<FileReport> {
  const report: FileReport = { file: input.name, format: 'parquet', classifiedBy: input.classifiedBy, sheets: [] };
  let columnNames: string[];
  try {
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: input.path });
    columnNames = described.getRowObjectsJson().map((row) => String(row['column_name']));
  } catch (error) {
    throw unreadableParquet(input, error);
  }
  const search = locateHeader([{ line: 0, cells: columnNames }], input.candidates, undefined, input.options.columns);
  if (!search.found) {
    if (input.candidates !== 'any' && input.candidates.length === 1) {
      const refusal = missingColumns(datasetSpec(input.candidates[0] as DatasetName), search.closest?.match, columnNames.join('、'));
      throw new InputError({ file: input.name, column: refusal.column }, refusal.message, refusal.unitHint);
    }
    report.skippedReason = search.ambiguous.length > 1 ? `列名同时符合多个数据集（${search.ambiguous.join('、')}）` : '列名与任何数据集都不符';
    return report;
  }
  const { match } = search.header;
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
  await registerStage(connection, {
    table, dataset: match.dataset, file: input.name, firstLine: 1, cellCount: columnNames.length, columns: match.columnIndex, skippedRows: 0,
    // A roll named for its area (农村低保花名册.parquet): read where a row's 救助类别 says none (stated-area.ts).
    constants: new Map(match.dataset === 'roll' ? statedAreaConstants({ statedArea: statedArea([], undefined, input.name) }) : []),
  });
  report.sheets.push({ dataset: match.dataset, rowsRead, shapeRejected: 0, blankRows: 0, columns: [...match.columnIndex.keys()], ...headerRemarks(match) });
  return report;
}

/**
 * DuckDB's refusal to read the file, as the damaged file it names. Running out of memory is not the file's fault: it
 * stays DuckDB's error, for the scan to report as 内存不足 (and never a file --skip-bad-files would skip).
 */
function unreadableParquet(input: InputFile, error: unknown): Error {
  if (isOutOfMemory(error)) return error as Error;
  return new InputError({ file: input.name }, `Parquet 文件无法读取（文件损坏或不是 Parquet）：${(error as Error).message.split('\n')[0]}`, '请从原系统重新导出。');
}
