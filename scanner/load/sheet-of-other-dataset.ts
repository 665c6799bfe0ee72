// Whether a workbook's sheet that is none of its file name's datasets may be read as the one its header fits, and the
// warning that says so. A township's 低保核查数据.xlsx holds 死亡人员 and 发放明细 sheets beside the roll (read since
// 2026-12-06); but it also holds sheets of its own, a 家庭收入核算 headed 姓名, 身份证号码, 工资: read by its header alone
// it was a 财政供养人员名单 and every family member with a wage a high over_asset.payroll finding. A sheet is read as
// another list only where it says so: by its name, or by columns that only that list has.
import { datasetSpec, type ColumnSpec, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { nameCarriesKeyword } from '../discover/file-name-rules.ts';
import type { LocatedHeader } from './header-row.ts';

/**
 * What marks a list whose required columns are only the ID and name: a 工资 column is on a family's income sheet too,
 * a 工作单位 or 编制性质 only on a payroll; a 职务 or 任职 date only on a cadre roster.
 */
const MARKS_WHERE_ONLY_ID_AND_NAME: Partial<Record<DatasetName, readonly string[]>> = {
  payroll: ['employer', 'staff_kind'],
  cadres: ['position', 'term_start', 'term_end'],
};

/** Headers too plain to mark a list: a bare 金额 is a deposits list's 余额 and any sheet's sum of money. */
const PLAIN_HEADERS: Partial<Record<DatasetName, Readonly<Record<string, readonly string[]>>>> = {
  deposits: { balance: ['金额'] },
};

/**
 * File keywords too plain to name a sheet as that list: a roll workbook's 工资收入 or 家庭工资 sheet is a family's
 * income, not a 财政供养 payroll (a file named 财政供养人员工资.csv says so by its other words).
 */
const PLAIN_SHEET_WORDS: Partial<Record<DatasetName, readonly string[]>> = { payroll: ['工资'] };

/** The sheet's name holds a keyword of the dataset that is not too plain for a sheet. */
function sheetNamed(sheetName: string, dataset: DatasetName): boolean {
  const plain = PLAIN_SHEET_WORDS[dataset] ?? [];
  return nameCarriesKeyword(plain.reduce((name, word) => name.replaceAll(word, ' '), sheetName), dataset);
}

const isPersonColumn = (column: ColumnSpec) => column.kind === 'id' || column.kind === 'name';

/** The header cell a column (or the first of its stand-ins) is read from; undefined when the header names neither. */
function headerOf(header: LocatedHeader, column: ColumnSpec): string | undefined {
  const name = [column.name, ...(column.standIns ?? [])].find((n) => header.match.columnIndex.has(n));
  if (name === undefined) return undefined;
  return (header.row.cells[header.match.columnIndex.get(name)!] ?? '').trim();
}

/**
 * The header cells that mark the sheet as `dataset`'s: every required column beyond the ID, the name and the 家庭编号
 * (death's 死亡日期, a payment's 发放月份 and 发放金额), or for a list requiring no more one of its own columns. Empty
 * when the header does not so mark it.
 */
function markingHeaders(dataset: DatasetSpec, header: LocatedHeader): string[] {
  const plain = PLAIN_HEADERS[dataset.name] ?? {};
  const marks = MARKS_WHERE_ONLY_ID_AND_NAME[dataset.name];
  if (marks) {
    const found = dataset.columns.filter((c) => marks.includes(c.name)).map((c) => headerOf(header, c));
    return found.filter((h): h is string => h !== undefined && h !== '');
  }
  const required = dataset.columns.filter((c) => c.required && !isPersonColumn(c) && c.name !== 'household_id');
  const found = required.map((c) => ({ header: headerOf(header, c), plain: plain[c.name] ?? [] }));
  const allMarked = found.every((f) => f.header !== undefined && f.header !== '' && !f.plain.includes(f.header));
  return allMarked ? found.map((f) => f.header!) : [];
}

/** How a sheet of a workbook named for other lists is read as the one its header fits, or why it is not. */
export interface OtherDatasetReading {
  read: boolean;
  /** After 工作表「…」: 按…读取 and why (a warning), or why it is left unread (its skippedReason). */
  message: string;
}

/**
 * Whether a sheet of a workbook named for `named` is read as the dataset its header fits: where the sheet's name or its
 * header says it is that list. Otherwise it is left unread with a warning, as before 2026-12-06: its header is a whole
 * list's, no broken part of the named one, so it is not refused (unread-sheets.ts) either.
 */
export function otherDatasetReading(sheetName: string | undefined, header: LocatedHeader, named: readonly DatasetName[]): OtherDatasetReading {
  const dataset = datasetSpec(header.match.dataset);
  const namedLabels = named.map((name) => datasetSpec(name).label).join('、');
  const lead = `文件名所指的是${namedLabels}，本表的表头不是${namedLabels}的`;
  if (sheetName !== undefined && sheetNamed(sheetName, dataset.name)) {
    return { read: true, message: `按${dataset.label}读取：${lead}，工作表名写明是${dataset.label}；如不是，请改工作表名或从文件中移出` };
  }
  const marking = markingHeaders(dataset, header);
  if (marking.length > 0) {
    return { read: true, message: `按${dataset.label}读取：${lead}，而有${dataset.label}的${marking.map((h) => `「${h}」`).join('')}列；如不是，请从文件中移出` };
  }
  const keyword = dataset.fileKeywords.find((k) => /[\u4e00-\u9fff]/.test(k)) ?? dataset.label;
  return {
    read: false,
    message: `表头的列也见于${dataset.label}，但${lead}，工作表名和表头都没有写明是${dataset.label}，不按${dataset.label}读取；`
      + `如确是${dataset.label}，请把工作表名改为含「${keyword}」后再扫描`,
  };
}
