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

/**
 * Words that name a document other than a resident's own: a company's or a body's (统一社会信用代码, 组织机构代码, 营业执照,
 * 注册号), a foreigner's or a non-mainland resident's (护照, 通行证, 居住证, 台胞证, 回乡证), a serviceman's (军官证, 士兵证,
 * 警官证). Only these refuse a row: 证件类型 is written every way (A:居民身份证, 01-居民身份证, 身份证(18位), 公民身份号码,
 * 居民身份证(A)), and until 2026-12-06 any value but a few exact spellings was "another document", so a row whose ID
 * could not be read left scope unseen: no data_quality.id-invalid finding, and a warning that listed 居民身份证 among the
 * documents that are not one.
 */
const OTHER_DOCUMENT = eitherScriptPattern(
  '信用代码|组织机构|机构代码|营业执照|注册号|法人证书|登记证书|护照|通行证|居住证|台胞证|回乡证|外国人|军官证|士兵证|警官证|文职干部证|军人');
/** Words that name the resident's own document (居民身份证, 公民身份号码, 户口簿, 二代证): such a value stays in scope. */
const RESIDENT_DOCUMENT = eitherScriptPattern('身份证|身份号码|户口|二代证');
/** A holder not of the mainland: even written 身份证 (外国人永久居留身份证, 香港身份证), no 居民身份证. */
const NOT_MAINLAND = eitherScriptPattern('外国人|外籍|港澳|香港|澳门|台湾|台胞|回乡证');

/**
 * The row's 证件类型 positively names a document other than the resident's own, and none of its numbers is a readable
 * 居民身份证 number. Where one is (a number that passes the check beside 护照), the type is read as miswritten and the row
 * stays in scope: such a number can only match the recipient whose number it is, and refused, his house would go unfound.
 * Any other 证件类型 (empty, 无, a bare code, wording not known) stays in scope: its unreadable ID is a finding.
 */
function otherDocument(dataset: DatasetName): string {
  const ids = datasetSpec(dataset).columns.filter((column) => column.kind === 'id');
  const readable = ids.map((column) => `coalesce(${idField(column, 'status')} IN ('valid', 'legacy'), false)`);
  if (dataset === 'properties') readable.push(ID_CELL_NAMES_CO_OWNERS);
  const typed = 'rs_text(id_type)';
  return `(NOT ${blank('id_type')} AND (regexp_matches(${typed}, ${sqlString(NOT_MAINLAND)})
      OR (regexp_matches(${typed}, ${sqlString(OTHER_DOCUMENT)}) AND NOT regexp_matches(${typed}, ${sqlString(RESIDENT_DOCUMENT)})))
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
