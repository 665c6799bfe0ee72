// The sheets where no header was found: which of them stops the scan, and the message naming what the header lacks.
import { datasetSpec, identityColumns, type DatasetName } from '../datasets/catalog.ts';
import type { InputFile } from '../discover/input-files.ts';
import { InputError } from '../errors.ts';
import { maskIdsInText } from '../mask-id.ts';
import { missingColumns, missingOnlyGivenOrInOtherUnit, otherUnitError } from './header-refusals.ts';
import { HEADER_SEARCH_ROWS, type LocatedHeader } from './header-row.ts';
import { describeStatedMonth, type StatedMonth } from './stated-month.ts';

/** A sheet where no header fits: the row that came nearest, for the message. */
export interface HeaderMiss {
  sheet: string | undefined;
  header: LocatedHeader | null;
  /** Its header fits several datasets equally: nothing is missing, the dataset is what cannot be told. */
  ambiguous: boolean;
  /** A 发放表 without 发放月份 that states several months. */
  statedMonths?: StatedMonth[];
  /** The header row sweep.json names, if it does. */
  headerRow?: number;
  /** How many rows (blank ones not counted) the header was looked for in. */
  rowsSearched: number;
}

/** The miss that came nearest to a header, for a file none of whose sheets was read. */
export function closestMiss(misses: readonly HeaderMiss[]): HeaderMiss | null {
  let closest: HeaderMiss | null = null;
  for (const miss of misses) {
    if (!closest || (miss.header && (!closest.header || miss.header.match.columnIndex.size > closest.header.match.columnIndex.size))) closest = miss;
  }
  return closest;
}

/**
 * A sheet that is, by its header, one more part of a list another sheet of the file was read as (北村 beside 南村, its
 * 救助类别 headed 保障类型): its nearest header is for that dataset, holds the ID column (a list without ID numbers,
 * whose identity columns) and more than half of the required columns. Skipped, its persons would go unchecked with no
 * more than a warning; a 说明 or an 汇总 of 户数 and 人数 holds no ID and too few columns, and is skipped as before.
 */
export function isNearMiss(miss: HeaderMiss, datasetsRead: ReadonlySet<DatasetName>): boolean {
  const match = miss.header?.match;
  if (!match || miss.ambiguous || !datasetsRead.has(match.dataset) || match.missingRequired.length === 0) return false;
  const dataset = datasetSpec(match.dataset);
  const holdsId = dataset.columns.some((c) => c.name === 'id_number')
    ? match.columnIndex.has('id_number')
    : identityColumns(dataset).some((c) => match.columnIndex.has(c.name));
  const required = dataset.columns.filter((c) => c.required).length;
  return holdsId && (required - match.missingRequired.length) * 2 > required;
}

/** The file's (or sheet's) header lacks required columns: which, with their aliases, what was found, and the fix. */
export function missingColumnsError(input: InputFile, miss: HeaderMiss | null, partOf?: DatasetName): InputError {
  const dataset = datasetSpec(miss?.header?.match.dataset ?? (input.candidates as DatasetName[])[0]!);
  if (!miss?.header) {
    if (miss?.headerRow !== undefined) {
      return new InputError(
        { file: input.name, sheet: miss.sheet, line: miss.headerRow },
        `sweep.json 指定的表头行第 ${miss.headerRow} 行是空行或不在文件中，没有表头（应为${dataset.label}）`,
        '请在 sweep.json 的 "headerRow" 中写表头所在的行号（按 Excel 或文本编辑器中显示的行号，空行也算）。',
      );
    }
    return new InputError({ file: input.name, sheet: miss?.sheet }, `文件为空，没有表头（应为${dataset.label}）`, '请确认导出是否完整。');
  }
  const { row, match } = miss.header;
  // The row taken for the header may be the first row of data (a list sent without one): an ID among its cells is masked.
  const found = row.cells.filter((c): c is string => c !== null && c.trim() !== '').map((c) => `「${maskIdsInText(c)}」`).join('、');
  const months = miss.statedMonths ?? [];
  // A header further down than the rows searched is not seen at all: the message says where it was looked for.
  const searchedTooFew = miss.headerRow === undefined && miss.rowsSearched >= HEADER_SEARCH_ROWS && !partOf;
  const more = [
    months.length > 1 ? `标题和文件名中写了不止一个月份：${months.map(describeStatedMonth).join('、')}，无法判断是哪个月的发放。` : '',
    searchedTooFew ? `表头只在前 ${HEADER_SEARCH_ROWS} 行（空行不计）中查找。` : '',
    partOf ? `同一文件的其他工作表已按${dataset.label}读取，此表未读取，其中的人员将无法核查。` : '',
  ].join('');
  // One month stated gives every row its 发放月份: what is left missing may be only columns in another unit (万元).
  const given = new Set(months.length === 1 ? ['month'] : []);
  const location = { file: input.name, sheet: miss.sheet, line: row.line };
  if (months.length === 1 && missingOnlyGivenOrInOtherUnit(match, given)) return otherUnitError(location, match.otherUnit);
  const refusal = missingColumns(dataset, match, found || '（无）', more, given);
  const onlyMonthMissing = match.missingRequired.length === 1 && match.missingRequired[0]!.name === 'month';
  const hint = refusal.unitHint ?? (onlyMonthMissing
    ? '一个月一张的发放表，请在标题或文件名中写明是哪年哪月（如「2026年10月」，只写一个月份），或加一列「发放月份」。'
    : '请把表头改成可用名称之一，或在 sweep.json 中用 "columns" 指定对应的表头。');
  return new InputError(
    { ...location, column: refusal.column },
    refusal.message,
    hint
      + (searchedTooFew ? `表头在第 ${HEADER_SEARCH_ROWS} 行以下的，请在 sweep.json 中用 "headerRow" 写明表头所在的行号。` : '')
      + (partOf ? '如该工作表不是名单，请删除它，或在 sweep.json 中用 "sheet" 指定要读的工作表。' : ''),
  );
}
