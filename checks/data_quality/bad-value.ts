// data_quality.bad-value: a roll value that could not be read; the person stays on the roll, the value is ignored
// (a 家庭编号 in scientific notation too: the person is then in no household; an account so is compared with none).
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { sqlString } from '../../scanner/sql-text.ts';
import { ROLL_LOCATION, ROLL_SOURCE, accountLostDigits, citeRow } from '../shared-sql.ts';

/**
 * A 行政区划代码 as rolls write it: the village's twelve digits (统计用区划代码); where a system exports less or more,
 * the county's six or the township's nine, or the village's twelve and its 村民小组's three, each opening with a
 * province's two. No check reads the code (a row's place is its 乡镇 and 村), so such a code costs nothing: until
 * 2026-12-06 each was a medium finding on every person of the roll. A code of another shape is still one, its text
 * asking for the village's twelve digits: the text is part of the finding's fact, its id, so rewording it would close
 * every such open finding as 自动销号 and raise it again as new.
 */
const REGION_CODE = String.raw`\d{12}|(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82)\d{4}(?:\d{3}|\d{9})?`;

export default defineCheck({
  id: 'data_quality.bad-value',
  category: 'data_quality',
  severity: 'medium',
  title: '花名册数值无法识别',
  description: '花名册中月保障金、开始享受时间、保障状态、近亲属备案、行政区划代码、家庭编号或发放账号（被 Excel 存成数字，末位已丢失）无法识别。花名册的人从不被拒收：此人仍参与比对，该值按空处理（状态无法识别时按“在保”检查）。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号)；全国低保信息系统数据规范',
  inputs: ['roll'],
  sql: `
    WITH problems AS (
      SELECT r.*, concat_ws('；',
               CASE WHEN r.monthly_amount_raw IS NOT NULL AND trim(r.monthly_amount_raw) <> '' AND r.monthly_amount_cents IS NULL
                    THEN '月保障金「' || r.monthly_amount_raw || '」' END,
               CASE WHEN r.start_date_raw IS NOT NULL AND trim(r.start_date_raw) <> '' AND r.start_date IS NULL
                    THEN '开始享受时间「' || r.start_date_raw || '」' END,
               CASE WHEN r.status_raw IS NOT NULL AND trim(r.status_raw) <> '' AND r.status IS NULL
                    THEN '保障状态「' || r.status_raw || '」（按在保处理）' END,
               CASE WHEN r.filed_raw IS NOT NULL AND trim(r.filed_raw) <> '' AND r.filed IS NULL
                    THEN '近亲属备案「' || r.filed_raw || '」（按未备案处理）' END,
               CASE WHEN r.household_id_lost IS NOT NULL
                    THEN '家庭编号「' || r.household_id_lost || '」（被 Excel 改成科学计数法，末位已丢失，无法区分家庭，按空处理）' END,
               CASE WHEN r.bank_account IS NOT NULL AND ${accountLostDigits('r.bank_account')}
                    THEN '发放账号「' || r.bank_account || '」（被 Excel 存成数字，末位已丢失，无法核对是否多户共用一个账号）' END,
               CASE WHEN r.village_code IS NOT NULL AND NOT regexp_full_match(r.village_code, ${sqlString(REGION_CODE)})
                    THEN '行政区划代码「' || r.village_code || '」（应为12位数字）' END) AS unreadable
      FROM roll r
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'bad-value|' || r.unreadable || '|' || coalesce(r.id_number, r.id_raw, '') AS fact,
           '无法识别：' || r.unreadable || '，见花名册 ' || ${citeRow('r')} AS evidence,
           ${ROLL_SOURCE}
    FROM problems r WHERE r.unreadable <> ''`,
  remedy: '更正该值后重新导出',
  deadlineDays: 15,
});
