// The note a reference-list row refused as without an ID carries when an ID cell was written as none (无, 暂无, 不详, —):
// 身份证号码为空（写作「无」）, as the roll's data_quality.missing-field says it, so that the village sees what was written.
import { sqlString } from '../sql-text.ts';

/**
 * SQL text: '（写作「无」）' for the first of the cells written as none (rs_no_value), named by its label unless it is
 * the refused column's own ('（经营者证件号码写作「—」）'), or '' when none is.
 */
export function idsWrittenAsNone(cells: readonly { raw: string; label: string }[]): string {
  const notes = cells.map(({ raw, label }) => `CASE WHEN rs_no_value(${raw}) THEN ${sqlString(label + '写作「')} || rs_text(${raw}) || '」' END`);
  return `coalesce('（' || coalesce(${notes.join(', ')}) || '）', '')`;
}
