// Why a header row is refused, for CSV, XLSX and Parquet alike: required columns missing, two headers naming one column,
// or a column whose header names another unit than the one rollsweep reads (余额(万元): see header-notes.ts).
import { missingRequired, standInsOf, type ColumnSpec, type DatasetSpec } from '../datasets/catalog.ts';
import { unitOf } from '../datasets/header-notes.ts';
import { describeColumn, type HeaderMatch, type NotedHeader } from '../datasets/headers.ts';
import { InputError, type InputLocation } from '../errors.ts';

const OTHER_UNIT_HINT = '请把该列换算后再扫描，表头写成可用名称（可注明单位，如「发放金额(元)」）；用不到的列也可以删除。';

/** 「余额(万元)」 is 余额 in 万元: named so staff see why the column was not read as the amount it looks like. */
function otherUnitText(otherUnit: readonly NotedHeader[], name: (column: ColumnSpec) => string = (column) => `「${column.label}」`): string {
  return otherUnit
    .map(({ column, header, note }) => `列「${header}」是${name(column)}，但注明的单位是「${note}」；rollsweep 按${unitOf(column)?.name}读取，照读会算错`)
    .join('；');
}

/** A header that fits its dataset but holds a column in another unit: the file is refused (exit 2). */
export function otherUnitError(location: Omit<InputLocation, 'column'>, otherUnit: readonly NotedHeader[]): InputError {
  return new InputError(
    { ...location, column: otherUnit.map((u) => u.header).join('、') },
    `${otherUnitText(otherUnit, describeColumn)} (unit)`,
    OTHER_UNIT_HINT,
  );
}

/**
 * A header naming one column twice (身份证号码 and 公民身份号码 both): which one holds the ID cannot be told, so the file is
 * refused (exit 2). `lead` opens the message (a sheet's header: 表头重复; a block's: where the block starts), `hint`
 * says what to do. Written once here so the two refusals cannot drift apart.
 */
export function duplicatedHeaderError(
  location: Omit<InputLocation, 'column'>, duplicated: HeaderMatch['duplicated'],
  lead = '表头重复：', hint = '请删除或改名其中一列后再扫描。',
): InputError {
  const { column, headers, indexes } = duplicated[0]!;
  // Each with its place: two headers alike (姓名 under 户主信息 and under 成员信息) could not be told apart until 2026-12-07.
  return new InputError(
    { ...location, column: headers.join('、') },
    `${lead}${headers.map((h, i) => `「${h}」（第 ${indexes[i]! + 1} 列）`).join('和')}都对应 ${describeColumn(column)}，无法判断用哪一列 (duplicated header)`,
    hint,
  );
}

/**
 * The header lacks no required column but those every row is `given` (a 发放表's month stated in its title) and those
 * it names in another unit (发放金额(万元)): it is refused for the unit alone (otherUnitError), not as missing columns.
 */
export function missingOnlyGivenOrInOtherUnit(match: HeaderMatch, given: ReadonlySet<string>): boolean {
  return match.missingRequired.every((column) => given.has(column.name) || match.otherUnit.some((noted) => noted.column.name === column.name));
}

/**
 * A header without all of `dataset`'s required columns (`match`, the closest it came, if any): which are missing, with
 * their aliases, what was found, and when a missing column was there in another unit, that and its own hint. `more`: a
 * further sentence of the caller's (a 发放表 naming several months). `given`: columns every row is given (a 发放表's
 * month stated in its title), not missing however the header lacks them.
 */
export function missingColumns(
  dataset: DatasetSpec, match: HeaderMatch | undefined, found: string, more = '', given: ReadonlySet<string> = new Set(),
): { column: string; message: string; unitHint?: string } {
  const missing = missingRequired(dataset, (name) => given.has(name) || (match?.columnIndex.has(name) ?? false));
  const describe = (column: ColumnSpec) => {
    const standIns = standInsOf(dataset, column);
    return describeColumn(column) + (standIns.length > 0 ? `（或以${standIns.map(describeColumn).join('或')}代替）` : '');
  };
  const otherUnit = match?.otherUnit ?? [];
  const unit = otherUnit.length > 0 ? `${otherUnitText(otherUnit)}。` : '';
  return {
    column: missing.map((c) => c.label).join('、'),
    message: `${dataset.label}缺少必需的列 ${missing.map(describe).join('，')}。${unit}找到的列：${found}${more ? `。${more}` : ''} (missing required column)`,
    unitHint: unit ? OTHER_UNIT_HINT : undefined,
  };
}
