// over_asset.business: a household member runs (经营者/法定代表人) a business that is active during P.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { BUSINESS_HOLDERS } from '../../scanner/load/business-holders.ts';
import { statedListSpan } from '../../scanner/load/list-dates.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, containsAny, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

/**
 * A date as the evidence shows it: one the list gives as a month (成立日期 2015年8月, 注销日期 2026.10) as that month,
 * said to be one, as imprisoned.recipient shows a sentence's. It is read as the month's first day (a 成立日期) or last (a
 * closing): a day the list never gave.
 */
const shownDate = (date: string, raw: string) => `CASE WHEN rs_date(${raw}) IS NULL THEN strftime(${date}, '%Y-%m') || '（只写年月）'
                 ELSE strftime(${date}, '%Y-%m-%d') END`;

/**
 * A 统一社会信用代码 (18 characters) or an old 注册号 (15) as the row gives it; anything else (/, 无, a cut-off number) is no
 * code, and the business is told by its name instead.
 */
const CREDIT_CODE = `CASE WHEN regexp_full_match(b.credit_code, '[0-9A-Z]{18}|[0-9]{15}') THEN b.credit_code END`;

/** What the row says closed it: its date's kind (注销, 吊销), else the word of its 登记状态. */
const CLOSED_BY = `coalesce(replace(closed_on_from, '日期', ''), nullif(regexp_extract(status_simplified, '注销|吊销|撤销'), ''), '注销')`;

export default defineCheck({
  id: 'over_asset.business',
  category: 'over_asset',
  severity: 'medium',
  title: '家庭成员经营市场主体',
  description:
    '在保家庭的成员是本期内存续的个体工商户经营者或企业法定代表人：登记日期不晚于本期末日（或未填），且登记状态不是注销/吊销/撤销，或注销日期（为空的，吊销日期）不早于本期首日；只写年月的，登记日期按当月1日、注销（吊销）日期按当月最后一日，证据中照写年月并注明“只写年月”。登记状态为存续、在业等而注销日期（吊销日期）早于本期首日的，记录自相矛盾，仍列出，证据中注明需核实。名单分列法定代表人和经营者的，每一行所写的各人都计入（两人不同的，两人所在的家庭都查），证据注明本人是法定代表人还是经营者（名单只写身份证号码的不注明）。同一人的同一市场主体（统一社会信用代码或注册号相同；未写代码的，名称相同）在几份名单中登记状态不一的，以文件名（工作表名）所示日期较晚的名单为准（报告注销、吊销的记录不早于其注销（吊销）日期）；无法判断先后的仍计入，证据列出各条记录，注销的一条注明需核实。每户一条，证据列出各成员的市场主体。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
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
    held AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name,
             coalesce(b.business_name, '（无名称）') || coalesce('（' || b.kind || '）', '') || coalesce('，本人为' || b.holder_role, '') ||
               '，登记状态 ' || b.status ||
               coalesce('，登记日期 ' || ${shownDate('b.registered_on', 'b.registered_on_raw')}, '') ||
               coalesce('，' || b.closed_on_from || ' ' || ${shownDate('b.closed_on', "CASE b.closed_on_from WHEN '注销日期' THEN b.closed_on_raw ELSE b.revoked_on_raw END")}, '') AS described,
             ${nameNote('b')} || '，来源 ' || ${cite('businesses', 'b')} AS cited,
             b.status, rs_to_simplified(b.status) AS status_simplified, b.closed_on, b.closed_on_from,
             -- The row says the business closed (its date, if any, is when); gone: closed before P.start, or undated.
             ${containsAny('rs_to_simplified(b.status)', '$closedStatuses')} AS closing,
             ${containsAny('rs_to_simplified(b.status)', '$closedStatuses')} AND NOT coalesce(b.closed_on >= period_start(), false) AS gone,
             -- The key the ledger's fact has always held for a business (changing it re-keys open findings).
             m.id_number || ':' || coalesce(b.business_name, b.kind, '') || ':' || coalesce(b.registered_on::VARCHAR, '') AS own_key,
             ${CREDIT_CODE} AS code, rs_to_simplified(b.business_name) AS name_key,
             b._file, b._sheet, b._line
      -- Every person a row names by ID holds the business: its 法定代表人 and its 经营者 where the list names both. Rows of
      -- closed businesses are kept: another row of the same business may need them (judged below).
      FROM members m JOIN ${BUSINESS_HOLDERS} b ON b.id_number = m.id_number
      WHERE b.registered_on IS NULL OR b.registered_on <= period_end()
    ),
    -- Which business a row is: its code; without one, the code the member's other rows of that name give (where they
    -- give one alone), else its name; a row with neither is a business of its own. Two codes are two businesses.
    owned AS (
      SELECT *, CASE WHEN code IS NOT NULL THEN 'code:' || code
                     WHEN name_codes = 1 THEN 'code:' || name_code
                     WHEN name_key IS NOT NULL THEN 'name:' || name_key
                     ELSE 'row:' || _file || '#' || coalesce(_sheet, '') || '#' || _line END AS business
      FROM (SELECT *, count(DISTINCT code) OVER same_name AS name_codes, max(code) OVER same_name AS name_code
            FROM held WINDOW same_name AS (PARTITION BY member_id, name_key))
    ),
    -- The time each list's name states, read once per list. A list reporting a closing dated after that time shows its
    -- name is not its date: it states none.
    lists AS (
      SELECT _file, _sheet, CASE WHEN latest_closing > list.last THEN NULL ELSE list END AS list FROM (
        SELECT _file, _sheet, max(closed_on) FILTER (WHERE closing) AS latest_closing, ${statedListSpan('_file', '_sheet')} AS list
        FROM owned GROUP BY _file, _sheet)
    ),
    -- When each row speaks of: from the first day its list's name states (a closing it reports is no earlier than its
    -- date) to the last.
    dated AS (
      SELECT o.*, l.list.last AS known_until, greatest(l.list.first, CASE WHEN closing THEN closed_on END) AS known_from
      FROM owned o JOIN lists l ON l._file = o._file AND l._sheet IS NOT DISTINCT FROM o._sheet
    ),
    -- A member's business named by several rows is read by the latest, as over_asset.vehicle reads a plate: a row is
    -- superseded where another surely speaks of a later time (2026年9月's 注销 over 2025年's 存续). It counts where a row
    -- left says it is active in P; rows left that disagree (or that no name dates) are all shown, the closed ones noted
    -- 需核实. Until 2026-12-06 each row was read alone: 2025年's 存续 counted, September's 注销 unmentioned.
    judged AS (
      SELECT *, coalesce(max(known_from) OVER business_rows > known_until, false) AS superseded
      FROM dated WINDOW business_rows AS (PARTITION BY member_id, business)
    ),
    business_reading AS (
      SELECT *, NOT gone AND NOT superseded AS triggers, bool_or(NOT gone AND NOT superseded) OVER business_rows AS counts,
             -- The key of a row that counts: a row shown beside it adds no holding to the finding's fact.
             arg_min(own_key, (gone OR superseded, _file, _line)) OVER business_rows AS counted_key
      FROM judged WINDOW business_rows AS (PARTITION BY member_id, business)
    ),
    holdings AS (
      SELECT household_id, member_id, member_name,
             described ||
               CASE WHEN gone AND superseded
                      THEN '（较早的名单所记；较新的名单中本期仍存续，以较新的为准，需核实）'
                    WHEN gone
                      THEN '（与本市场主体另一条记录不一，无法判断哪条在后，需核实是否已' || ${CLOSED_BY} || '）'
                    -- Counted though closed before P.start by its date: its 登记状态 says it is not closed (存续, 在业).
                    -- The registry contradicts itself; the finding stands, for staff to verify, not to stop the benefit on.
                    WHEN NOT closing AND closed_on < period_start()
                      THEN '（早于本期首日，与登记状态「' || status || '」矛盾，需核实是否已' || replace(closed_on_from, '日期', '') || '）'
                    ELSE '' END || cited AS holding,
             CASE WHEN triggers THEN own_key ELSE counted_key END AS holding_key,
             member_id || ':' || business AS business, triggers, _file, _line
      FROM business_reading WHERE counts
    )
    ${householdFindings('businesses', holdingsFact('business'), `'本期存续的市场主体 ' || count(DISTINCT business) || ' 户：'`)}`,
  remedy: '入户核查家庭经济状况及经营收入，超标的依规清退',
  deadlineDays: 30,
  factListsHoldings: true,
});
