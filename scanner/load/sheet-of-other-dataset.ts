// Whether a workbook's sheet that is none of its file name's datasets may be read as the one its header fits, and the
// warning that says so. A township's 低保核查数据.xlsx holds 死亡人员 and 发放明细 sheets beside the roll (read since
// 2026-12-06); but it also holds sheets of its own, a 家庭收入核算 headed 姓名, 身份证号码, 工资: read by its header alone
// it was a 财政供养人员名单 and every family member with a wage a high over_asset.payroll finding. A sheet is read as
// another list only where it says so: by its name, or by columns that only that list has. Until 2026-12-06 (later the
// same day) a 家庭成员 sheet's 工作单位 still made it a payroll (a migrant worker at a 建材有限公司, a pupil at a 中学: high
// findings), and a 银行核对结果 sheet headed 开户银行, 账号, 金额, 截止日期 went unread for its plain 金额 (a member's
// 52,000 元 not found).
import { DATASETS, datasetSpec, type ColumnSpec, type DatasetName, type DatasetSpec } from '../datasets/catalog.ts';
import { matchHeader } from '../datasets/headers.ts';
import { nameCarriesKeyword } from '../discover/file-name-rules.ts';
import type { LocatedHeader } from './header-row.ts';

/**
 * What marks a list whose required columns are only the ID and name. A payroll's is the kind of staff a person is
 * (人员类别, 编制性质): a 工作单位 is on a family's 家庭成员 and 收入核算 sheets too (where a son works, where a daughter
 * is at school), a 工资 on its income sheet. A cadre roster's are its 职务 and term dates.
 */
const MARKS_WHERE_ONLY_ID_AND_NAME: Partial<Record<DatasetName, readonly string[]>> = {
  payroll: ['staff_kind'],
  cadres: ['position', 'term_start', 'term_end'],
};

/** Headers too plain to mark a list: a bare 金额 is a deposits list's 余额 and any sheet's sum of money. */
const PLAIN_HEADERS: Partial<Record<DatasetName, Readonly<Record<string, readonly string[]>>>> = {
  deposits: { balance: ['金额'] },
};

/**
 * The roll's columns of a household and its members (家庭编号, 与户主关系): a sheet that has one and is not marked by a
 * list's required columns is the family's own (家庭成员, 收入核算), whatever else it has, not another office's list.
 */
const HOUSEHOLD_COLUMNS = ['household_id', 'relation'];

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
 * Every required column beyond the ID, the name and the 家庭编号, none too plain (death's 死亡日期, a payment's 发放月份
 * and 发放金额); empty where the header lacks one, or where the list requires no more.
 */
function requiredMarks(dataset: DatasetSpec, header: LocatedHeader): string[] {
  const plain = PLAIN_HEADERS[dataset.name] ?? {};
  const required = dataset.columns.filter((c) => c.required && !isPersonColumn(c) && c.name !== 'household_id');
  const found = required.map((c) => ({ header: headerOf(header, c), plain: plain[c.name] ?? [] }));
  const allMarked = found.every((f) => f.header !== undefined && f.header !== '' && !f.plain.includes(f.header));
  return allMarked ? found.map((f) => f.header!) : [];
}

/** Whether another dataset of the catalog (the roll among them) reads this header text as one of its columns. */
const anotherListReads = (dataset: DatasetName, cell: string) =>
  DATASETS.some((other) => other.name !== dataset && matchHeader(other, [cell]).columnIndex.size > 0);

/**
 * The list's own columns the header has: for a payroll or cadre roster those named above; for another list any column
 * beyond the ID and name whose header no other list (nor the roll) reads, a deposits list's 开户银行 and 截止日期 beside a
 * plain 金额 (its 账号 is a roll's too).
 */
function ownColumnMarks(dataset: DatasetSpec, header: LocatedHeader): string[] {
  const named = MARKS_WHERE_ONLY_ID_AND_NAME[dataset.name];
  const columns = named ? dataset.columns.filter((c) => named.includes(c.name)) : dataset.columns.filter((c) => !isPersonColumn(c) && c.name !== 'id_type');
  const headers = columns.map((c) => headerOf(header, c)).filter((h): h is string => h !== undefined && h !== '');
  return named ? headers : headers.filter((h) => !anotherListReads(dataset.name, h));
}

/** The header's cells of the roll's household columns that the list itself does not read (家庭编号 beside a payroll's columns). */
function householdHeaders(header: LocatedHeader): string[] {
  const listCells = new Set(header.match.columnIndex.values());
  const roll = matchHeader(datasetSpec('roll'), header.row.cells);
  return HOUSEHOLD_COLUMNS.flatMap((name) => {
    const index = roll.columnIndex.get(name);
    return index === undefined || listCells.has(index) ? [] : [(header.row.cells[index] ?? '').trim()];
  });
}

/**
 * The header cells that mark the sheet as `dataset`'s: its required columns beyond the ID and name (requiredMarks), or
 * else its own columns (ownColumnMarks) where the sheet has none of the roll's household columns, or two of them. Empty
 * when the header does not so mark it.
 */
function markingHeaders(dataset: DatasetSpec, header: LocatedHeader): string[] {
  const required = requiredMarks(dataset, header);
  if (required.length > 0) return required;
  const own = ownColumnMarks(dataset, header);
  // A family's own sheet may carry one column of a list's (the bank its 低保 is paid to); two of a list's own columns
  // (开户银行 and 截止日期) are that office's answer on the family's rows. Until 2026-12-06 (for an hour) a 银行核对结果
  // sheet with the roll's 家庭编号 was skipped so, and a member's 520,000 元 went unfound. A payroll or cadre roster's
  // one mark (人员类别, 职务) is on a family's sheet too (残疾人, 村民代表): such a sheet is read only by its name.
  const byOwnColumns = MARKS_WHERE_ONLY_ID_AND_NAME[dataset.name] === undefined && own.length >= 2;
  return householdHeaders(header).length > 0 && !byOwnColumns ? [] : own;
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
  const household = householdHeaders(header);
  const family = household.length > 0 ? `，有${household.map((h) => `「${h}」`).join('')}列，是家庭自己的表` : '';
  return {
    read: false,
    message: `表头的列也见于${dataset.label}，但${lead}，工作表名和表头都没有写明是${dataset.label}${family}，不按${dataset.label}读取；`
      + `如确是${dataset.label}，请把工作表名改为含「${keyword}」后再扫描`,
  };
}
