// A list whose key column cannot be compared with anything: its ID numbers masked before it was sent
// (370481********123X), as 公示 copies and many departments' exports are, or the list opened in Excel, WPS or LibreOffice
// and saved again, which stored every ID as a number and dropped its last digits (3.71329201801298e+17), and every
// 家庭编号 of a 发放明细 likewise (3.71329110251005e+15). Such a file is refused rather than reported row by row.
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetSpec } from '../datasets/catalog.ts';
import { InputError, UserFacingError } from '../errors.ts';
import { maskIdNumber, maskIdsInText } from '../mask-id.ts';
import { ID_PROBLEMS } from '../normalise/index.ts';
import { sqlString } from '../sql-text.ts';
import type { SkippedFile } from '../discover/input-files.ts';
import type { FileReport } from './load-file.ts';
import { CODE_LOST_DIGITS } from './normalise-datasets.ts';
import { bySheet, refuseFiles, refusedSheetOf, rowsReadBySheet } from './refuse-files.ts';

/** What happened to a list's key: masked IDs, IDs saved as numbers, a payment's 家庭编号 saved as a number. */
type Damage = 'masked' | 'saved' | 'household';

/** The problems (ID_PROBLEMS) that say an ID was masked, or saved as a number. */
const MASKED = [ID_PROBLEMS.masked];
const SAVED_AS_NUMBERS = [ID_PROBLEMS.scientificNotation, ID_PROBLEMS.checkCharacterLostDigits];
const HOUSEHOLD_LABEL = datasetSpec('payments').columns.find((column) => column.name === 'household_id')!.label;

interface UnusableFile {
  file: string;
  sheet: string | null;
  /** Rows with such a key, whatever happened to it. */
  lines: number;
  /** The damage most of them share, how many rows it took, and the first such row and value (an ID masked again). */
  damage: Damage;
  count: number;
  example: string;
}

const any = (problem: string, texts: readonly string[]) => texts.map((text) => `contains(${problem}, ${sqlString(text)})`).join(' OR ');

/**
 * The files (and sheets) more than half of whose rows have such a key: each would otherwise be one data_quality finding
 * per row, thousands for a 公安 list, with a 整改 deadline each, and not one comparison made (until 2026-12-05 so for a
 * list saved as numbers: the scan went on, exit 0, and found no death in it, or counted no payment).
 */
async function filesWithUnusableKeys(connection: DuckDBConnection, reports: readonly FileReport[]): Promise<UnusableFile[]> {
  const idDamage = (problem: string) => `CASE WHEN ${any(problem, MASKED)} THEN 'masked' WHEN ${any(problem, SAVED_AS_NUMBERS)} THEN 'saved' END`;
  // Reference lists' rows with such an ID are refused (load_rejects); the roll's are kept, with the problem, and so are
  // 不动产 rows kept for readable co-owners beside such a 权利人 (property-co-owners.ts): a masked 不动产 list is one
  // however many of its rows name a co-owner readably.
  const reader = await connection.runAndReadAll(`
    WITH damaged AS (
      SELECT * FROM (
        SELECT _file, _sheet, _line, raw_value AS raw, ${idDamage('reason')} AS damage FROM load_rejects WHERE kind = 'id'
        UNION ALL
        SELECT _file, _sheet, _line, id_raw, ${idDamage('id_problem')} FROM roll WHERE id_problem IS NOT NULL
        UNION ALL
        SELECT _file, _sheet, _line, id_raw, ${idDamage('id_problem')} FROM properties WHERE id_status = 'invalid'
      ) WHERE damage IS NOT NULL
      UNION ALL
      SELECT _file, _sheet, _line, raw_value, 'household' FROM load_rejects
      WHERE dataset = 'payments' AND kind = 'value' AND column_name = ${sqlString(HOUSEHOLD_LABEL)} AND contains(reason, ${sqlString(CODE_LOST_DIGITS)})
    ),
    -- A row is counted once however many of its keys are damaged (a kinship row's two IDs).
    per_file AS (SELECT _file, _sheet, count(DISTINCT _line) AS lines FROM damaged GROUP BY ALL),
    per_damage AS (
      SELECT _file, _sheet, damage, count(DISTINCT _line) AS n, arg_min(raw, _line) AS raw, min(_line) AS line FROM damaged GROUP BY ALL
    )
    SELECT d._file, d._sheet, any_value(f.lines)::BIGINT AS lines, arg_max(damage, (n, damage)) AS damage, max(n)::BIGINT AS count,
           arg_max(raw, (n, damage)) AS raw, arg_max(line, (n, damage)) AS line
    FROM per_damage d JOIN per_file f ON f._file = d._file AND f._sheet IS NOT DISTINCT FROM d._sheet GROUP BY d._file, d._sheet`);
  const rowsRead = rowsReadBySheet(reports);
  return reader.getRowObjectsJson()
    .map((row) => {
      const damage = String(row['damage']) as Damage;
      const raw = String(row['raw'] ?? '').trim();
      const shown = damage === 'masked' ? maskIdNumber(raw) : damage === 'saved' ? maskIdsInText(raw) : raw;
      return {
        ...refusedSheetOf(row), lines: Number(row['lines']),
        damage, count: Number(row['count']), example: `第 ${row['line']} 行「${shown}」`,
      };
    })
    .filter((found) => 2 * found.lines > rowsRead(found))
    .sort(bySheet);
}

/**
 * Stops the scan at the first such file; with --skip-bad-files, forgets each (every sheet of it) and lists it as
 * skipped, before the rows are counted. Returns the reports of the files kept.
 */
export async function refuseUnusableIdFiles(connection: DuckDBConnection, reports: FileReport[], skipBadFiles: boolean, skipped: SkippedFile[]): Promise<FileReport[]> {
  return refuseFiles(connection, reports, await filesWithUnusableKeys(connection, reports), unusableKeysError, skipBadFiles, skipped);
}

const SAVED_AGAIN = '这份名单多半用 Excel 或 WPS 打开后又保存过';
const wayOut = (column: string) => `请使用提供部门的原始导出文件；如需在表格软件中整理，先把${column}列设为「文本」再导入。或在 sweep.json 的 "ignore" 中列出该文件。`;

function unusableKeysError(found: UnusableFile): UserFacingError {
  const where = { file: found.file, ...(found.sheet ? { sheet: found.sheet } : {}) };
  const counted = `（${found.count} 行，如${found.example}）`;
  switch (found.damage) {
    case 'masked':
      return new InputError({ ...where, column: '身份证号码' }, `身份证号码已脱敏${counted}，无法与其他名单比对 (ID numbers masked)`,
        '请向提供部门索取未脱敏的名单（比对在本机进行）；公示用的花名册请换成系统导出的原表。或在 sweep.json 的 "ignore" 中列出该文件。');
    case 'saved':
      return new InputError({ ...where, column: '身份证号码' }, `身份证号码被存成了数字，末几位已丢失${counted}，无法与其他名单比对 (ID numbers saved as numbers)`,
        `${SAVED_AGAIN}：18 位身份证号码被当成数字，只留下前 15 位。${wayOut('身份证号码')}`);
    case 'household':
      return new InputError({ ...where, column: HOUSEHOLD_LABEL }, `${HOUSEHOLD_LABEL}被存成了数字，末几位已丢失${counted}，无法对应家庭 (household ids saved as numbers)`,
        `${SAVED_AGAIN}：16 位以上的家庭编号被当成数字，只留下前 15 位。${wayOut(HOUSEHOLD_LABEL)}`);
  }
}
