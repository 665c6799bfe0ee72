// Loads a Parquet file straight into its raw table in DuckDB; column names are the header.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { describeColumn } from '../datasets/headers.ts';
import type { InputFile } from '../discover/input-files.ts';
import { InputError } from '../errors.ts';
import { quoteIdentifier } from '../sql-text.ts';
import { locateHeader } from './header-row.ts';
import type { FileReport } from './load-file.ts';
import { rawTable } from './raw-tables.ts';

export async function loadParquetFile(connection: DuckDBConnection, input: InputFile): Promise<FileReport> {
  const report: FileReport = { file: input.name, format: 'parquet', classifiedBy: input.classifiedBy, sheets: [] };
  let columnNames: string[];
  try {
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: input.path });
    columnNames = described.getRowObjectsJson().map((row) => String(row['column_name']));
  } catch (error) {
    throw new InputError({ file: input.name }, `Parquet 文件无法读取（文件损坏或不是 Parquet）：${(error as Error).message.split('\n')[0]}`, '请从原系统重新导出。');
  }
  const search = locateHeader([{ line: 0, cells: columnNames }], input.candidates, undefined, input.options.columns);
  if (!search.found) {
    if (input.candidates !== 'any' && input.candidates.length === 1) {
      const dataset = datasetSpec(input.candidates[0] as DatasetName);
      const missing = dataset.columns.filter((c) => c.required && !search.closest?.match.columnIndex.has(c.name));
      throw new InputError({ file: input.name, column: missing.map((c) => c.label).join('、') },
        `${dataset.label}缺少必需的列 ${missing.map(describeColumn).join('，')}。找到的列：${columnNames.join('、')} (missing required column)`);
    }
    report.skippedReason = search.ambiguous.length > 1 ? `列名同时符合多个数据集（${search.ambiguous.join('、')}）` : '列名与任何数据集都不符';
    return report;
  }
  const { match } = search.header;
  const target = datasetSpec(match.dataset).columns.filter((c) => match.columnIndex.has(c.name));
  const selectList = target.map((c) => `CAST(${quoteIdentifier(columnNames[match.columnIndex.get(c.name)!]!)} AS VARCHAR)`).join(', ');
  const result = await connection.run(
    `INSERT INTO ${rawTable(match.dataset)} (${target.map((c) => `"${c.name}"`).join(', ')}, _file, _sheet, _line, _raw_row)
     SELECT ${selectList}, $name, NULL, CAST(file_row_number + 1 AS INTEGER),
            concat_ws(',', ${columnNames.map((name) => `coalesce(CAST(${quoteIdentifier(name)} AS VARCHAR), '')`).join(', ')})
     FROM read_parquet($path, file_row_number = true)`,
    { path: input.path, name: input.name },
  );
  report.sheets.push({ dataset: match.dataset, rowsRead: Number(result.rowsChanged), shapeRejected: 0, blankRows: 0, columns: [...match.columnIndex.keys()] });
  return report;
}
