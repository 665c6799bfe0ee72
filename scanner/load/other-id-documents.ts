// A reference list's 证件类型 (身份证明名称) says which document a row's number is of. A 不动产 or 车管 list holds
// companies' houses and cars (统一社会信用代码, 组织机构代码) and foreigners' (护照, 港澳居民来往内地通行证), a payroll an
// officer's 军官证: none is a recipient's, and none is a 居民身份证 number to compare. Until 2026-12-06 each such row
// was a data_quality.id-invalid finding, with a 整改 deadline, for a company owning a house.
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { eitherScriptPattern } from '../normalise/traditional-to-simplified.ts';
import { sqlString } from '../sql-text.ts';
import type { OutOfScopeRule } from './out-of-scope-rows.ts';
import { ID_CELL_NAMES_CO_OWNERS } from './property-co-owners.ts';
import { blank } from './raw-rows.ts';
import { idField } from './value-maps.ts';

/** The resident's own documents: 居民身份证 (二代, 临时), 身份证, 户口簿; as written by 公安 (中华人民共和国居民身份证). */
const RESIDENT_DOCUMENT = '(?:中华人民共和国|中国)?(?:第?[一二]代|临时)?(?:居民)?身份证(?:件|号码|号)?|(?:居民)?户口(?:簿|本)';
/** One such document, or several (居民身份证/户口簿, 居民身份证（户口簿）). */
const RESIDENT_DOCUMENTS = eitherScriptPattern(`(?:${RESIDENT_DOCUMENT})(?:[/、,，或(（]+(?:${RESIDENT_DOCUMENT})[)）]?)*`);
/**
 * A code (1, 01, A, 111): systems number documents each their own way (不动产's 1 is 身份证, 车管's A is), and which is
 * meant cannot be told. It is read as saying nothing, as an empty cell.
 */
const BARE_CODE = '[0-9A-Za-z]{1,3}';

/**
 * The row's 证件类型 names a document other than the resident's own, and none of its numbers is a readable 居民身份证
 * number. Where one is (a number that passes the check beside 护照), the type is read as miswritten and the row stays
 * in scope: such a number can only match the recipient whose number it is, and refused, his house would go unfound.
 * An empty 证件类型, one written as none (—, 无) or a bare code stays in scope too.
 */
function otherDocument(dataset: DatasetName): string {
  const ids = datasetSpec(dataset).columns.filter((column) => column.kind === 'id');
  const readable = ids.map((column) => `coalesce(${idField(column, 'status')} IN ('valid', 'legacy'), false)`);
  if (dataset === 'properties') readable.push(ID_CELL_NAMES_CO_OWNERS);
  const typed = 'rs_text(id_type)';
  return `(NOT ${blank('id_type')} AND NOT rs_no_value(id_type)
    AND NOT regexp_full_match(${typed}, ${sqlString(RESIDENT_DOCUMENTS)}) AND NOT regexp_full_match(${typed}, ${sqlString(BARE_CODE)})
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
