// over_asset.deposits: the members' balances together exceed depositMonths × the area's monthly 低保 standard × members.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { CURRENT_DEPOSITS, DOUBT_MARK, roundDoubtColumns } from '../../scanner/load/deposit-rounds.ts';
import { yuan } from '../shared-sql.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, householdFindings, nameNote } from './shared-sql.ts';

/** The household's total without the balances that may be earlier rounds of an account reported later. */
const WITHOUT_EARLIER_ROUNDS = `(any_value(total) - coalesce(sum(balance_cents) FILTER (WHERE earlier_round), 0))`;

/**
 * The finding's note on balances that may be one account's two rounds (roundDoubtColumns): still summed, but a high
 * finding must not stop a benefit on a double count unchecked, so the total with one round of each such pair is shown
 * against the limit. An account a later round of its bank no longer lists (closed?) is left out of that total too. Unnamed balances beside another date, and balances of a list that says no date or month beside
 * another list's that may be the same account (whose order is unknown: the smaller one counts).
 */
const DOUBT_NOTE = `CASE WHEN bool_or(doubtful OR undated_doubt OR absent_later) THEN '（其中 ' || concat_ws('；',
    CASE WHEN bool_or(doubtful) THEN ${yuan('sum(balance_cents) FILTER (WHERE doubtful AND unnamed)')} ||
      ' 元的余额未写金融机构或账号，与同一人另一截止日期的余额可能是同一账户的两轮核对反馈' END,
    CASE WHEN bool_or(undated_doubt) THEN ${yuan('sum(balance_cents) FILTER (WHERE undated_doubt AND undated)')} ||
      ' 元的余额没有截止日期（名单也未写明核对月份），与同一人另一份名单的余额可能是同一账户的两轮核对反馈，先后不明' END,
    -- An account a later round of its bank left out may be closed: counted, but the total without it is shown too.
    CASE WHEN bool_or(absent_later) THEN ${yuan('sum(balance_cents) FILTER (WHERE absent_later)')} ||
      ' 元的余额，同一金融机构截止日期更近的核对反馈未再列出其账号，可能已销户' END) ||
    '；如是，只计最近一轮' || CASE WHEN bool_or(undated_doubt) THEN '（先后不明的两笔只计较小的一笔）' ELSE '' END || '则合计 ' ||
    ${yuan(WITHOUT_EARLIER_ROUNDS)} || ' 元，' ||
    CASE WHEN ${WITHOUT_EARLIER_ROUNDS} > any_value(limit_cents) THEN '仍超过' ELSE '未超过' END || '限额，请先核实再处理）' ELSE '' END`;

export default defineCheck({
  id: 'over_asset.deposits',
  category: 'over_asset',
  severity: 'high',
  title: '家庭金融资产超标',
  description:
    '在保家庭成员的金融资产余额合计（同一人多家银行的余额相加）超过 depositMonths（默认 24）个月 × 所在县区城乡低保月标准 × 家庭在保人数。标准取自配置；城乡取本户在保各行中最多的一种（一样多时取农村，证据注明各行不一），与“月保障金超过标准”一致；县区取户主一行的，户主一行未写县区或救助类别的取其他成员一行的。户主一行未写救助类别的家庭也照常核查。每户一条，证据列出各成员余额和限额算式。家庭编号为空或无法识别的人不判断（不知其家庭在保人数，无从算限额）。同一人在同一金融机构（同一银行的简称、全称和各支行算同一机构，如农行与中国农业银行城关支行；名称写明同一县的农村信用社、农村合作银行和由其改制的农商银行算同一机构，如临沭县农村信用合作联社与临沭农商银行，不同县的、村镇银行不算；未写机构时同一账号）有不同截止日期的余额（如两轮核对的反馈）时，只计截止日期最近的一轮，较早的已被取代，不重复相加。未写金融机构和账号的余额与同一人另一截止日期的余额可能是同一账户的两轮反馈：照常相加，证据注明其金额，以及如是同一账户只计最近一轮的合计是否仍超过限额，请先核实再处理。名单没有截止日期列的，按其文件名、工作表名或标题写明的月份（月末）算作该轮；也未写明月份的，与同一人另一份名单中同一金融机构、同一账号或未写金融机构和账号的余额可能是同一账户的两轮反馈，先后不明：照常相加，证据注明，并给出两笔只计较小一笔的合计是否仍超过限额。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'deposits'],
  requiresConfig: ['standards'],
  params: z.object({ depositMonths: z.number().positive().default(24) }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    -- Two 核对 rounds' feedback in one folder would count a balance twice: a bank's latest round replaces its earlier ones.
    current_deposits AS (${CURRENT_DEPOSITS}),
    owned AS (SELECT m.household_id, d.balance_cents FROM members m JOIN current_deposits d ON d.id_number = m.id_number),
    totals AS (
      SELECT o.household_id, sum(balance_cents) AS total, h.area, h.area_disputed, standard_cents(h.at.county, h.area) AS standard,
             h.member_count, CAST(round($depositMonths * standard_cents(h.at.county, h.area) * h.member_count) AS BIGINT) AS limit_cents
      -- A person alone for want of a 家庭编号: his household's limit (its members) is not known, so no limit is judged.
      FROM owned o JOIN households h USING (household_id) WHERE NOT h.alone GROUP BY ALL
    ),
    -- A household without a known area has no standard: no limit, no finding (data_quality.program-unknown reports it).
    over_limit AS (SELECT * FROM totals WHERE standard IS NOT NULL AND total > limit_cents),
    -- Balances are described for the households over the limit only (the findings keep no other), and only there is it
    -- asked which may be two rounds of one account (a window over a million balances for a few households' note).
    held AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name, d.balance_cents, d._file, d._line, d.as_of,
             coalesce(d.institution || ' ', '') || coalesce('账号 ' || d.account || ' ', '') ||
               '余额 ' || ${yuan('d.balance_cents')} || ' 元' || coalesce('，截至 ' || strftime(d.as_of, '%Y-%m-%d'),
                 -- A list without 截止日期 whose name or title states its month (deposit-list-month.ts): no date of the row's own.
                 '，名单未写截止日期，按其所写 ' || strftime(d.stated_month, '%Y年%-m月') || ' 计', '') ||
               ${nameNote('d')} AS described, ${cite('deposits', 'd')} AS source, ${roundDoubtColumns('d')}
      FROM members m JOIN current_deposits d ON d.id_number = m.id_number
      WHERE m.household_id IN (SELECT household_id FROM over_limit)
      WINDOW person AS (PARTITION BY m.household_id, m.id_number)
    ),
    holdings AS (
      SELECT held.*, described || ${DOUBT_MARK} || '，来源 ' || source AS holding, t.total, t.area, t.area_disputed,
             t.standard, t.member_count AS members, t.limit_cents, 'deposits' AS holding_key, held.balance_cents > 0 AS triggers
      FROM held JOIN over_limit t USING (household_id)
    )
    ${householdFindings('deposits',
      // Balances move every month; the fact is the household being over the limit, so the id stays put.
      `'deposits|over-limit'`,
      `'家庭成员金融资产合计 ' || ${yuan('any_value(total)')} || ' 元，超过 ' || $depositMonths || ' 个月 × ' || any_value(holdings.area) || '低保标准 ' ||
        ${yuan('any_value(standard)')} || ' 元/月 × ' || any_value(members) || ' 人 = ' || ${yuan('any_value(limit_cents)')} || ' 元' ||
        -- A limit taken from rows that disagree is worth checking before the family is told it is over.
        CASE WHEN any_value(holdings.area_disputed) THEN '（花名册本户各行城市、农村不一，按' || any_value(holdings.area) || '计，请核实）' ELSE '' END ||
        -- Balances that may be two rounds of one account: the total with one round of each such pair, against the limit.
        ${DOUBT_NOTE} || '：'`)}`,
  remedy: '入户核查家庭经济状况及金融资产，超标的依规清退',
  deadlineDays: 15,
});
