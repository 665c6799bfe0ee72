// over_asset.business: a household member runs (经营者/法定代表人) a business that is active during P.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { BUSINESS_HOLDERS } from '../../scanner/load/business-holders.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, containsAny, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

/**
 * A date as the evidence shows it: one the list gives as a month (成立日期 2015年8月, 注销日期 2026.10) as that month,
 * said to be one, as imprisoned.recipient shows a sentence's. It is read as the month's first day (a 成立日期) or last (a
 * closing): a day the list never gave.
 */
const shownDate = (date: string, raw: string) => `CASE WHEN rs_date(${raw}) IS NULL THEN strftime(${date}, '%Y-%m') || '（只写年月）'
                 ELSE strftime(${date}, '%Y-%m-%d') END`;

export default defineCheck({
  id: 'over_asset.business',
  category: 'over_asset',
  severity: 'medium',
  title: '家庭成员经营市场主体',
  description:
    '在保家庭的成员是本期内存续的个体工商户经营者或企业法定代表人：登记日期不晚于本期末日（或未填），且登记状态不是注销/吊销/撤销，或注销日期（为空的，吊销日期）不早于本期首日；只写年月的，登记日期按当月1日、注销（吊销）日期按当月最后一日，证据中照写年月并注明“只写年月”。登记状态为存续、在业等而注销日期（吊销日期）早于本期首日的，记录自相矛盾，仍列出，证据中注明需核实。名单分列法定代表人和经营者的，每一行所写的各人都计入（两人不同的，两人所在的家庭都查），证据注明本人是法定代表人还是经营者（名单只写身份证号码的不注明）。每户一条，证据列出各成员的市场主体。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'businesses'],
  params: z.object({
    // Matched as substrings of 登记状态: 已注销, 吊销，未注销 … are closed, and so is a registration 撤销 (revoked: the
    // business is as if never registered). 歇业, 停业 and 清算 are not: the business still exists.
    closedStatuses: z.array(z.string().min(1)).default(['注销', '吊销', '撤销']),
  }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    holdings AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name,
             coalesce(b.business_name, '（无名称）') || coalesce('（' || b.kind || '）', '') || coalesce('，本人为' || b.holder_role, '') ||
               '，登记状态 ' || b.status ||
               coalesce('，登记日期 ' || ${shownDate('b.registered_on', 'b.registered_on_raw')}, '') ||
               coalesce('，' || b.closed_on_from || ' ' || ${shownDate('b.closed_on', "CASE b.closed_on_from WHEN '注销日期' THEN b.closed_on_raw ELSE b.revoked_on_raw END")}, '') ||
               -- A business that counts though closed before P.start: its 登记状态 says it is not closed (存续, 在业).
               -- The registry contradicts itself; the finding stands, for staff to verify, not to stop the benefit on.
               CASE WHEN b.closed_on < period_start()
                 THEN '（早于本期首日，与登记状态「' || b.status || '」矛盾，需核实是否已' || replace(b.closed_on_from, '日期', '') || '）'
                 ELSE '' END ||
               ${nameNote('b')} || '，来源 ' || ${cite('businesses', 'b')} AS holding,
             m.id_number || ':' || coalesce(b.business_name, b.kind, '') || ':' || coalesce(b.registered_on::VARCHAR, '') AS holding_key,
             true AS triggers, b._file, b._line
      -- Every person a row names by ID holds the business: its 法定代表人 and its 经营者 where the list names both.
      FROM members m JOIN ${BUSINESS_HOLDERS} b ON b.id_number = m.id_number
      -- Active during P: registered by P.end, and either not closed or closed on or after P.start.
      WHERE (b.registered_on IS NULL OR b.registered_on <= period_end())
        AND (NOT ${containsAny('rs_to_simplified(b.status)', '$closedStatuses')} OR b.closed_on >= period_start())
    )
    ${householdFindings('businesses', holdingsFact('business'), `'本期存续的市场主体 ' || count(DISTINCT holding_key) || ' 户：'`)}`,
  remedy: '入户核查家庭经济状况及经营收入，超标的依规清退',
  deadlineDays: 30,
  factListsHoldings: true,
});
