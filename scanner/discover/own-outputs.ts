// rollsweep's own outputs met among the inputs. A scan run inside the data folder (`cd 数据 && rollsweep scan --input .`)
// writes out/<period>/ and the ledger there, so next month's scan walks into its own findings.csv and ledger workbooks.
// Their sheets hold every roll column (乡镇, 村(社区), 家庭编号, 姓名, 身份证号, 救助类别): read as a second roll, the flagged
// persons came back as duplicates with masked IDs (the demo went from 88 findings to 398). They are skipped by what they
// are, whatever folder they sit in or name they were given.
import { FINDINGS_CSV_COLUMNS } from '../export/findings-csv.ts';
import { SNAPSHOT_SHEET } from '../export/ledger-workbook/names.ts';
import type { Cell } from '../read/raw-row.ts';
import { SAMPLE_NOTES_SHEET } from '../sample/sample-notes-sheet.ts';
import { SPOT_CHECK_CSV_HEADER } from '../sample/spot-check-csv.ts';

const SKIPPED = '不作为输入数据读取';

/** Why a workbook is one rollsweep wrote (by the sheets only it writes), or null. */
export function ownWorkbook(sheetNames: readonly string[]): string | null {
  if (sheetNames.includes(SNAPSHOT_SHEET)) return `rollsweep 导出的整改台账工作簿（含「${SNAPSHOT_SHEET}」工作表），${SKIPPED}`;
  if (sheetNames.includes(SAMPLE_NOTES_SHEET)) return `rollsweep 生成的抽查表（含「${SAMPLE_NOTES_SHEET}」工作表），${SKIPPED}`;
  return null;
}

/** Why a CSV is one rollsweep wrote (by its header row, the first non-blank row), or null. */
export function ownCsv(header: readonly Cell[] | undefined): string | null {
  const startsWith = (columns: readonly string[]) => header !== undefined && columns.every((column, i) => header[i]?.trim() === column);
  if (startsWith(FINDINGS_CSV_COLUMNS.slice(0, 3))) return `rollsweep 导出的 findings.csv（表头 ${FINDINGS_CSV_COLUMNS.slice(0, 3).join(',')} …），${SKIPPED}`;
  if (startsWith(SPOT_CHECK_CSV_HEADER.slice(0, 2))) return `rollsweep 生成的抽查表（表头 ${SPOT_CHECK_CSV_HEADER.slice(0, 2).join(',')} …），${SKIPPED}`;
  return null;
}
