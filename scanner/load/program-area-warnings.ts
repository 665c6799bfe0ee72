// Warnings for a roll's 低保 rows whose 救助类别 names no area (低保, 最低生活保障): read by the row's 城乡类别 column or
// by the area the list states (stated-area.ts), say so, and where; left without one because the list's places disagree,
// say what each states. Staff can then see that 371 rows were read as 农村低保 because the title says so, and correct
// it where the title is wrong.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SheetWarning } from './out-of-scope-rows.ts';

const AREAS_READ = `string_agg(area || '低保 ' || rows || ' 行', '、' ORDER BY area)`;

export async function programAreaWarnings(connection: DuckDBConnection): Promise<SheetWarning[]> {
  // By file, sheet and source: rows read by their own column are counted together whatever each wrote.
  const reader = await connection.runAndReadAll(`
    WITH read_elsewhere AS (
      SELECT _file, _sheet, area, CASE WHEN area IS NULL THEN 'conflict' WHEN starts_with(area_from, '城乡类别') THEN 'column' ELSE 'list' END AS source,
             CASE WHEN starts_with(area_from, '城乡类别') THEN NULL ELSE area_from END AS place, count(*)::BIGINT AS rows
      FROM roll WHERE area_from IS NOT NULL GROUP BY ALL
    )
    SELECT _file, _sheet, source, place, sum(rows)::BIGINT AS rows, ${AREAS_READ} AS areas, min(area) AS area
    FROM read_elsewhere GROUP BY _file, _sheet, source, place ORDER BY _file, _sheet, source, place`);
  return reader.getRowObjectsJson().map((row) => {
    const rows = Number(row['rows']);
    const sheet = row['_sheet'] === null ? null : String(row['_sheet']);
    const unnamed = `救助类别只写「低保」、未写城市或农村的 ${rows} 行`;
    const message = row['source'] === 'column'
      ? `${unnamed}按本行「城乡类别」（户籍性质）读取：${String(row['areas'])}`
      : row['source'] === 'list'
        ? `${unnamed}按${String(row['place'])}读作${String(row['area'])}低保；如有不是的，请在救助类别中写明城市低保或农村低保`
        : `${unnamed}无法判断城乡：${String(row['place'])}，互相矛盾，未采用；这些行按救助类别无法识别报告，请在救助类别中写明城市低保或农村低保`;
    return { file: String(row['_file']), sheet, message };
  });
}
