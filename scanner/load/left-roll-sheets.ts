// A workbook's sheet, or a list file, whose name says its persons left the roll (停保名单, 死亡减员, 注销人员) and whose
// header is the roll's without a 保障状态 column. Read as the roll by its header alone, each was an 在保 member (until
// 2026-12-06): a family stopped for a death in September a high deceased.recipient finding, and a 死亡减员 sheet's dead member a second household
// row of hers (duplicate findings) while her death, still paid through October, went unseen as no deaths list was read.
// Such a sheet is the roll's history: its rows are read as the roll with the status its name states (停保, else 退保),
// so they are used and checked as stopped rows are. One whose name says its persons died (死亡减员) and whose header has
// its own 死亡日期 column is a list of deaths and read as one, so a member it names who is still 在保 on the roll is
// found. A 减员名单 or 停保名单 with a 死亡日期 column also holds persons who left alive (迁出, 收入超标): read as deaths,
// each of their empty 死亡日期 was a refused row and a data_quality finding, so it is read as the roll's history and
// the warning says how to have its deaths read. Either way the warnings say how the sheet was read.
import { basename } from 'node:path';
import { DEATH_WORD, IN_PAYMENT_WORD, MOVED_OUT_WORD, STATUS_QUALIFIER_WORD, SUSPENDED_WORD, WITHDRAWN_WORD } from '../normalise/category-words.ts';
import type { DatasetName } from '../datasets/catalog.ts';
import { eitherScriptPattern } from '../normalise/traditional-to-simplified.ts';
import type { RawRow } from '../read/raw-row.ts';
import { sqlString } from '../sql-text.ts';
import { locateHeader, type LocatedHeader } from './header-row.ts';

/** Words of a sheet name saying its persons left the roll: the status words, and the words rolls' 减员 sheets use. */
const LEFT_ROLL_WORD = new RegExp(`${SUSPENDED_WORD}|${WITHDRAWN_WORD}|${MOVED_OUT_WORD}|减员|死亡|清退|除名|停止`);
/**
 * A name that also speaks of persons still paid (2026年10月花名册（含停保）, 在保及停保, 新增和减员), or only proposes or
 * questions a stop (拟停保, 待注销, 停保审核, 疑似死亡人员核查, 停止发放核对表): which rows left it does not say, so it is
 * read as before, every row 在保 and checked; so is a roll that says what it leaves out (花名册（剔除死亡）, 除去停保,
 * 已删除死亡人员, 减员后). 死亡及迁出人员 names two ways of leaving, and is read as left. Until 2026-12-06 (for an hour)
 * 疑似, 核查, 核对 and 删除 were not among these words, and a 低保名册（减员核对）.csv or a 疑似死亡人员核查 sheet had every
 * person read as stopped: no death on it was found.
 */
const MIXED_OR_QUALIFIED = new RegExp(`${IN_PAYMENT_WORD}|${STATUS_QUALIFIER_WORD}|含|包括|新增|纳入|剔除|除去|去除|排除|除外|扣除|删除|后`
  + '|核查|核对|核实|比对|复核|排查|筛查|自查|疑似');

/** How a sheet whose name says its persons left the roll is read. */
export type LeftRollReading =
  /** As the roll, every row given `status` (the roll's 保障状态 column, which its header lacks). */
  | { as: 'roll'; status: '停保' | '退保'; message: string }
  /** As the deaths list: its name says its persons died, and its header has a 死亡日期 column of its own. */
  | { as: 'deaths'; header: LocatedHeader; message: string };

/**
 * A file named for the roll itself: its name's other words (低保花名册（停保减员核对）) say what was done with it, not
 * that its persons left. Its sheets are judged by their own names only.
 */
const ROLL_FILE_WORD = /花名册/;

/**
 * The name that says whether the list's persons left the roll: the sheet's where it has such a word, else the file's
 * own; none where the sheet's name says it is the roll or speaks of persons still paid (a 在保人员 or 10月花名册（已删除
 * 死亡人员） sheet in a 停发核查.xlsx: until 2026-12-06, for an hour, the file's 停发 made its every person stopped).
 */
function listName(sheetName: string | undefined, fileName: string): { name: string; where: string } | undefined {
  if (sheetName !== undefined && (ROLL_FILE_WORD.test(sheetName) || MIXED_OR_QUALIFIED.test(sheetName))) return undefined;
  if (sheetName !== undefined && LEFT_ROLL_WORD.test(sheetName)) return { name: sheetName, where: '工作表名' };
  // The file's own name, not its folder's (a township's 停保 folder may hold its current roll too).
  const fileOwnName = basename(fileName).replace(/\.[^.]*$/, '');
  return ROLL_FILE_WORD.test(fileOwnName) ? undefined : { name: fileOwnName, where: '文件名' };
}

/**
 * The reading of a workbook sheet or CSV whose header was found to be the roll's, where its name (the sheet's, else the
 * file's) says its persons left the roll and the header gives no status; undefined for any other (read as the roll, as
 * before). A roll sheet named 「…（含停保）」 with a 保障状态 column says each row's status itself.
 */
export function leftRollReading(
  sheetName: string | undefined, fileName: string, rollHeader: LocatedHeader, leadingRows: readonly RawRow[],
  headerRow?: number, columnOverrides: Readonly<Record<string, string>> = {},
): LeftRollReading | undefined {
  if (rollHeader.match.dataset !== 'roll' || rollHeader.match.columnIndex.has('status')) return undefined;
  const named = listName(sheetName, fileName);
  if (named === undefined) return undefined;
  const { name, where } = named;
  const word = LEFT_ROLL_WORD.exec(name)?.[0];
  if (word === undefined || MIXED_OR_QUALIFIED.test(name)) return undefined;
  // Only the 死亡日期 itself marks a deaths list: a roll's 注销日期 or 停保日期 dates the stop, not a death.
  const deaths = locateHeader(leadingRows, ['deaths'], headerRow, columnOverrides, { withClosest: false });
  const deathDates = deaths.found && deaths.header.match.columnIndex.has('death_date') && deaths.header.row.line === rollHeader.row.line;
  if (deathDates && new RegExp(DEATH_WORD).test(name)) {
    return {
      as: 'deaths', header: deaths.header,
      message: `按死亡人员名单读取：表头是救助对象花名册的，但没有「保障状态」列，${where}写明是死亡人员，且有「死亡日期」列；`
        + '其中仍在花名册上在保的人按已死亡查。如不全是死亡人员，请加「保障状态」列，按花名册读取',
    };
  }
  const status = new RegExp(SUSPENDED_WORD).test(name) ? '停保' : '退保';
  const deathsUnread = deathDates
    ? `；表中的「死亡日期」列未按死亡人员名单读取（${where}没有写明全是死亡人员），如要查其中死亡人员是否仍在保，请把死亡人员另列一个名称含「死亡」的工作表或文件`
    : '';
  return {
    as: 'roll', status,
    message: `按救助对象花名册读取，每行的保障状态按「${status}」计（不在保，不作为在保人员核查）：表头没有「保障状态」列，`
      + `${where}的「${word}」说明表中人员已不在保。如其中有仍在保的人，请加「保障状态」列${deathsUnread}`,
  };
}

/** The sheet's columns, with the status its name states given to every roll row (as a 发放表's stated month is). */
export function withLeftRollStatus<T extends { columns: string[]; constants: Map<string, string> }>(sheet: T, reading: LeftRollReading | undefined): T {
  if (reading?.as !== 'roll') return sheet;
  return { ...sheet, columns: [...sheet.columns, 'status'], constants: new Map([...sheet.constants, ['status', reading.status]]) };
}

/**
 * Words of a list's name saying its rows ended, for the lists other than the roll: a payroll's 减员名单 or 离职人员 sheet
 * (not 退休: a retiree may still be paid, and over_asset.payroll counts any on the list), a 已注销机动车名单 or 报废车辆
 * sheet, a 不动产 export's 历史注销记录. Read by their header alone, each was a live list (until 2026-12-08): a person who
 * left the payroll in September, a car deregistered, a shop sold, each a high over_asset finding with no warning. Such
 * a list's rows are set aside as out of scope, by its name (out-of-scope-rows.ts). Not a 市场主体 list: its 登记状态 is
 * a required column and says each row's own status, and a later 注销企业名单 is what tells over_asset.business that a
 * business an earlier list gave as 存续 has closed.
 */
const ENDED_LIST_WORD: Partial<Record<DatasetName, string>> = {
  payroll: '减员|离职|辞职|辞退|调出|调离|注销|停发',
  vehicles: '注销|报废|转出|已过户',
  properties: '注销|灭失|历史|已转移|已过户',
};
/** Words of a live list's own name (在职人员, 在用车辆, 现势登记): a sheet so named is read as live, whatever its file says. */
const LIVE_LIST_WORD: Partial<Record<DatasetName, string>> = { payroll: '在职|在编|在岗', vehicles: '在用', properties: '现势|现状|有效' };
/**
 * Parts of a name that hold a qualifier's character without qualifying: 不动产's 不, 待遇's 待 (停发待遇人员 is no pending
 * stop). Cut before the qualifier test, else no 不动产 list could ever be named as ended.
 */
const NOT_A_QUALIFIER = '不动产|待遇';

/** The datasets whose lists are set aside by an ended list's name. */
export const ENDED_LIST_DATASETS = Object.keys(ENDED_LIST_WORD) as DatasetName[];

/**
 * SQL over a row's `_file` and `_sheet`: where the list's name says its rows ended, what says so (工作表名「减员人员」的
 * 「减员」); NULL for any other list. Judged as a roll's sheet is (listName): the sheet's name where it names the leaving
 * or a live or mixed list (在职人员, 含注销, 减员核对, 未注销), else the file's own name, not its folder's. A name that
 * also speaks of rows still held or only questions the ending (MIXED_OR_QUALIFIED) says nothing.
 */
export function endedListNameSql(dataset: DatasetName): string | undefined {
  const ended = ENDED_LIST_WORD[dataset];
  if (ended === undefined) return undefined;
  const endedWord = sqlString(eitherScriptPattern(ended));
  const liveOrMixed = sqlString(eitherScriptPattern(`${MIXED_OR_QUALIFIED.source}|${LIVE_LIST_WORD[dataset]}`));
  const sheet = '_sheet';
  const fileStem = `regexp_replace(regexp_replace(_file, '^.*[/\\\\]', ''), '\\.[^.]*$', '')`;
  const says = (name: string) => `coalesce(regexp_matches(${name}, ${endedWord}), false)`;
  const qualified = (name: string) => `coalesce(regexp_matches(regexp_replace(${name}, ${sqlString(eitherScriptPattern(NOT_A_QUALIFIER))}, '', 'g'), ${liveOrMixed}), false)`;
  const phrase = (where: string, name: string) => `'${where}「' || ${name} || '」的「' || regexp_extract(${name}, ${endedWord}) || '」'`;
  return `(CASE WHEN _sheet IS NOT NULL AND ${qualified(sheet)} THEN NULL
    WHEN _sheet IS NOT NULL AND ${says(sheet)} THEN ${phrase('工作表名', sheet)}
    WHEN NOT ${qualified(fileStem)} AND ${says(fileStem)} THEN ${phrase('文件名', fileStem)} END)`;
}
