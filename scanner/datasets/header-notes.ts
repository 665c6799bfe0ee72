// A note in brackets after a header's name: 发放金额(元), 建筑面积（㎡）, 身份证号码(18位), 死亡日期(yyyy-mm-dd), 姓名(必填).
// Departments' exports and our own sheets write units this way. A note that says how rollsweep already reads the column
// is accepted. An amount in another unit (万元, 元/人) is refused: read as 元 it would be wrong by a factor, and skipped
// as an unknown header it would silently drop the column. Any other note leaves the header unknown, as before.
import type { ColumnSpec } from './catalog.ts';

/** The unit rollsweep reads a column in, for the columns whose unit a note may contradict. */
interface ColumnUnit {
  /** How the unit is named to staff. */
  name: string;
  /** Notes (normalised header text) that say this unit. */
  restating: readonly string[];
  /** A note in some other unit of the same measure. */
  otherUnit: RegExp;
}

const YUAN: ColumnUnit = { name: '元', restating: ['元', '元/月', '人民币元', '人民币', 'rmb', '¥', '￥', '元/户', '元/户/月', '元/户·月'], otherUnit: /元|¥|￥|rmb/ };
const SQUARE_METRES: ColumnUnit = { name: '平方米', restating: ['㎡', 'm2', 'm²', '平方米', '平米', '平方'], otherUnit: /亩|公顷|万|千|km|公里/ };

/** Form markers: whether a column must be filled in says nothing about how to read it. */
const FORM_NOTES = new Set(['必填', '选填', '必填项', '选填项']);
const ID_NOTES = new Set(['18位', '18位数字']);
/** yyyy-mm-dd, yyyymmdd, 年月日, 年-月-日 …: every such spelling is read anyway (data-contract.md). */
const DATE_FORMAT_NOTE = /^[ymd年月日\-/.]+$/;

export function unitOf(column: ColumnSpec): ColumnUnit | null {
  if (column.kind === 'amount') return YUAN;
  if (column.name === 'area_m2') return SQUARE_METRES;
  return null;
}

/** Normalised header text (normaliseHeader) split at its last bracketed note: 金额(单位:元) → 金额, 元. */
export function splitTrailingNote(key: string): { base: string; note: string } | null {
  const match = /^(.+?)[(\[【〔]([^()[\]【】〔〕]+)[)\]】〕]$/.exec(key);
  return match ? { base: match[1]!, note: match[2]!.replace(/^单位[:：]?/, '') } : null;
}

export type NoteVerdict = 'restates' | 'other-unit' | 'unknown';

/** Whether a header's note fits the column its name matched. */
export function judgeNote(column: ColumnSpec, note: string): NoteVerdict {
  if (FORM_NOTES.has(note)) return 'restates';
  const unit = unitOf(column);
  if (unit) return unit.restating.includes(note) ? 'restates' : unit.otherUnit.test(note) ? 'other-unit' : 'unknown';
  if (column.kind === 'id' && ID_NOTES.has(note)) return 'restates';
  if ((column.kind === 'date' || column.kind === 'month') && DATE_FORMAT_NOTE.test(note)) return 'restates';
  return 'unknown';
}
