// What a row's 证件类型 (身份证明名称) says its number is: a resident's 居民身份证, or another document. Read by
// other-id-documents.ts (such rows are out of scope) and property-co-owners.ts (a company's or a foreigner's number
// beside a recipient co-owner is no unreadable ID to correct): one list, so the two cannot drift apart.
import { eitherScriptPattern } from '../normalise/traditional-to-simplified.ts';
import { sqlString } from '../sql-text.ts';
import { blank } from './raw-rows.ts';

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

/** The row's 证件类型 (column id_type) positively names a document other than the resident's own. */
export const NAMES_OTHER_DOCUMENT = `(NOT ${blank('id_type')} AND (regexp_matches(rs_text(id_type), ${sqlString(NOT_MAINLAND)})
      OR (regexp_matches(rs_text(id_type), ${sqlString(OTHER_DOCUMENT)}) AND NOT regexp_matches(rs_text(id_type), ${sqlString(RESIDENT_DOCUMENT)}))))`;
