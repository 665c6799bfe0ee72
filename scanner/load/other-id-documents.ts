// A reference list's 证件类型 (身份证明名称) says which document a row's number is of. A 不动产 or 车管 list holds
// companies' houses and cars (统一社会信用代码, 组织机构代码) and foreigners' (护照, 港澳居民来往内地通行证), a payroll an
// officer's 军官证: none is a recipient's, and none is a 居民身份证 number to compare. Until 2026-12-06 each such row
// was a data_quality.id-invalid finding, with a 整改 deadline, for a company owning a house.
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { NAMES_OTHER_DOCUMENT } from './document-types.ts';
import type { OutOfScopeRule } from './out-of-scope-rows.ts';
import { ROW_NAMES_READABLE_OWNERS } from './property-co-owners.ts';
import { idField } from './value-maps.ts';

/**
 * The row's 证件类型 positively names a document other than the resident's own, and none of its numbers is a readable
 * 居民身份证 number. Where one is (a number that passes the check beside 护照), the type is read as miswritten and the row
 * stays in scope: such a number can only match the recipient whose number it is, and refused, his house would go unfound.
 * Any other 证件类型 (empty, 无, a bare code, wording not known) stays in scope: its unreadable ID is a finding.
 */
function otherDocument(dataset: DatasetName): string {
  const ids = datasetSpec(dataset).columns.filter((column) => column.kind === 'id');
  const readable = ids.map((column) => `coalesce(${idField(column, 'status')} IN ('valid', 'legacy'), false)`);
  if (dataset === 'properties') readable.push(ROW_NAMES_READABLE_OWNERS);
  return `(${NAMES_OTHER_DOCUMENT}
    AND NOT (${readable.join(' OR ')}))`;
}

/** The rule that refuses such rows of `dataset` (one with a 证件类型 column) as out of scope: listed, warned, no finding. */
export function otherIdDocumentRule(dataset: DatasetName): OutOfScopeRule {
  return {
    column: 'id_type',
    when: otherDocument(dataset),
    why: "'证件类型为「' || rs_text(id_type) || '」，不是居民身份证（单位或持其他证件的人员），未参与比对'",
    warning: (rows, values) => `证件类型不是居民身份证（统一社会信用代码、护照等）的 ${rows} 行未参与比对（${values}），已列入拒收记录`,
  };
}
