// over_asset.payroll: a household member is on the public payroll (财政供养人员).
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { yuan } from '../shared-sql.ts';
import { gives, joinedOn, leftOn, unreadableDate } from '../../scanner/load/payroll-dates.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

/**
 * The 月工资 as read, or as written where it cannot be read (保密, 待核定, #N/A): it decides nothing, and such a row is kept
 * (normalise-datasets.ts SHOWN_ONLY). One written as none (—, /, 无) is empty.
 */
const SALARY = `CASE WHEN p.monthly_salary_cents IS NOT NULL THEN '，月工资 ' || ${yuan('p.monthly_salary_cents')} || ' 元'
  WHEN rs_text(p.monthly_salary_raw) IS NOT NULL AND NOT rs_no_value(p.monthly_salary_raw) THEN '，月工资「' || rs_text(p.monthly_salary_raw) || '」未能识别'
  ELSE '' END`;

/**
 * The 入职日期 and 离职日期 a kept row gives, each with what it says of P (payroll-dates.ts; rows they take off the
 * payroll were set aside by out-of-scope-rows.ts): a leaving on or after P's first day, paid in P; one before P beside
 * a status that says he is paid (在职), a contradiction to verify; one that cannot be read, to verify. One written as
 * none (—, 无) is not shown.
 */
const leftNote = `CASE WHEN ${unreadableDate('p.left_on', leftOn)} THEN '（无法识别，请核实本期是否仍在职）'
    WHEN ${leftOn('p.left_on')} >= period_start() THEN '（不早于本期首日，本期仍由财政供养）'
    ELSE '（早于本期首日，与人员状态不符，请核实本期是否仍在职）' END`;
/**
 * The cell as written, but an Excel date number left without a date format (42186: five digits) as the date it is read
 * as (2015-07-01): the serial means nothing to a village. Until 2026-12-08 the evidence showed 入职日期 42186.
 */
const shown = (cell: string, read: (cell: string) => string) =>
  `CASE WHEN regexp_full_match(trim(${cell}), '\\d{5}') AND (${read(cell)}) IS NOT NULL THEN strftime(${read(cell)}, '%Y-%m-%d') ELSE ${cell} END`;
const DATES = `CASE WHEN ${gives('p.joined_on')} THEN '，入职日期 ' || ${shown('p.joined_on', joinedOn)}
      || CASE WHEN ${unreadableDate('p.joined_on', joinedOn)} THEN '（无法识别，请核实本期是否已入职）' ELSE '' END ELSE '' END
    || CASE WHEN ${gives('p.left_on')} THEN '，离职日期 ' || ${shown('p.left_on', leftOn)} || ${leftNote} ELSE '' END`;

export default defineCheck({
  id: 'over_asset.payroll',
  category: 'over_asset',
  severity: 'high',
  title: '家庭成员为财政供养人员',
  description: '在保家庭的成员在财政供养人员名单上（按身份证号码匹配，同名不同人不计）。每户一条，证据列出各成员的供职单位和月工资（月工资不影响判断：无法识别的照原样列出，如「保密」，该行不拒收）。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。名单中人员状态为离职、辞退、减员等（已不由财政供养）的不计，但拟减员、待离职、离职审批中、辞职未获批准、解聘已撤销等（离职尚未发生）的仍列出；离职日期不早于本期首日的，无论人员状态如何仍列出，证据注明；人员状态为空而离职日期早于本期首日的、入职日期晚于本期末日的不计；离职日期、入职日期无法识别的仍列出，证据注明需核实；退休、调出的仍列出，由经办人核实。人员类别（或名单所写的岗位类别、岗位、用工类型）为乡村公益性岗位（护林员、保洁员等，常由低保家庭成员就业援助上岗）的不计，其工资计入家庭收入核算；人员类别只写编外、临时、合同等（未说明岗位）的，按岗位类别、岗位读取，单位为某镇（村）公益性岗位的同样不计；编外、临时、劳务派遣人员岗位不是公益性岗位的仍列出，由经办人核实。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'payroll'],
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    holdings AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name,
             '供职单位 ' || coalesce(p.employer, '未注明') || ${SALARY} ||
               coalesce('，人员类别 ' || p.staff_kind, '') || coalesce('，岗位类别 ' || p.post_class, '') || coalesce('，岗位 ' || p.post, '') ||
               coalesce('，人员状态 ' || p.staff_status, '') || ${DATES} ||
               ${nameNote('p')} || '，来源 ' || ${cite('payroll', 'p')} AS holding,
             -- The person is the fact: a new employer or salary next month is the same finding.
             m.id_number AS holding_key, true AS triggers, p._file, p._line
      FROM members m JOIN payroll p ON p.id_number = m.id_number
    )
    ${householdFindings('payroll', holdingsFact('payroll'), `'财政供养人员：'`)}`,
  remedy: '入户核查家庭经济状况及工资收入，超标的依规清退',
  deadlineDays: 15,
  factListsHoldings: true,
});
