// deceased.recipient: an active roll person listed as dead on or before P.end, with the overpayment since the month after death.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { refusedPaymentHouseholds } from '../../scanner/load/refused-payment-households.ts';
import { BASIS_DIBAO_RULES, ROLL_LOCATION, citeRow, yuan, activePersonsAmong, notMemberRows } from '../shared-sql.ts';

/**
 * A 火化日期 or 注销日期 read in the 死亡日期's place (empty, unreadable, or later than it: a death typed 2027-09-28 for a
 * cremation on 2026-09-30) is named: the death was on it or before. One that gives only its month (注销日期 2026年9月)
 * is shown as the month, said to be one, as the 死亡日期 it overrode is (2026-11).
 */
const DEAD_BY_MONTH = `rs_date(CASE d.death_date_from WHEN '火化日期' THEN d.cremated_on_raw ELSE d.cancelled_on_raw END) IS NULL`;
const DEAD_BY_SHOWN = `CASE WHEN d.death_date_from IN ('火化日期', '注销日期') AND ${DEAD_BY_MONTH} THEN strftime(d.death_date, '%Y-%m') ELSE d.death_date::VARCHAR END`;
const STATED_SHOWN = `CASE WHEN rs_date(d.death_date_raw) IS NULL THEN strftime(d.stated_death_date, '%Y-%m') ELSE d.stated_death_date::VARCHAR END`;
/**
 * The death as the earliest record gives it, for the note on a start after it: its day, or as much of it as the list
 * wrote (2024-03, 2023年), or the 火化日期/注销日期 it was read by (按火化日期 2024-03-15 计: dead by then).
 */
const DIED_SHOWN = `CASE d.death_date_from WHEN '死亡日期' THEN d.death_date::VARCHAR WHEN '死亡月份' THEN strftime(d.death_date, '%Y-%m')
    WHEN '死亡年份' THEN strftime(d.death_date, '%Y') || '年' ELSE '按' || d.death_date_from || ' ' || ${DEAD_BY_SHOWN} || ' 计' END`;
/** A 开始享受时间 as the roll wrote it: a day, or a month (享受起始年月 2024.06, read as its first day) shown as one. */
const START_SHOWN = `CASE WHEN rs_date(r.start_date_raw) IS NULL THEN strftime(r.start_date, '%Y-%m') ELSE strftime(r.start_date, '%Y-%m-%d') END`;
/**
 * Enrolled when already dead: the roll row's 开始享受时间 after the death is the plainest sign of an identity used after
 * death (冒领), and staff recover all that was paid and report it. Said only where it is sure: the death is read as the
 * last day it may have been (a month's, a year's, the 火化日期 he was dead by) and a month's start as its first day, so
 * a death and a start in one month (死亡 2024-06-10, 开始享受 2024-06) is no note. Evidence only: the fact stays the death.
 */
const ENROLLED_AFTER_DEATH = `CASE WHEN m.died < r.start_date THEN '死亡（' || m.died_shown || '）早于开始享受时间（' || ${START_SHOWN} ||
             '）：死亡后才纳入保障，需核查冒领。' ELSE '' END`;

export default defineCheck({
  id: 'deceased.recipient',
  category: 'deceased',
  severity: 'high',
  title: '已死亡人员仍在保',
  description: '花名册在保人员的身份证号码出现在死亡人员名单（公安户籍注销、殡葬火化、卫健死亡医学证明）中，死亡日期不晚于本期末（死亡日期只写到月的，按该月末日计；只写到年的，按该年末日计，证据中注明需核实（写有火化日期或注销日期的按其计；本期末在该年之中的，如本期 2026-10 而只写 2026，无法判断是否在本期末之前死亡，晚于本期的年份（如 2027，可能是 2017 之误）也无从判断，都按无法识别拒收）；死亡日期为空或无法识别的，按火化日期、注销日期中较早者计；火化日期或注销日期早于死亡日期的，死亡日期应是误写，按其中最早者计，证据中注明需核实；火化日期、注销日期只写到月的，按该月末日计）。死亡次月起应停发：有发放明细时，按死亡次月至本期每月实发金额 ÷ 该户在保人数估算多发金额；发放明细中写有此户家庭编号或此人身份证号的行因无法识别被拒收的，未计入，证据中注明需核对（各村各自编号、多个村都有此编号的，只看写明本村的行）；死亡次月起读到的发放中没有此户的，而有这样被拒收的行，或有死亡次月起的发放其家庭编号与此户只差开头的 0（0012 写成 12）、花名册中又没有这个编号的，不估算多发金额（留空，不写 0.00），证据中注明原因。死亡名单姓名与花名册不一致的，证据中注明需核实身份。注销户籍名单中注销原因不是死亡的（迁出、参军、出国定居、重复户口等）不作为死亡记录；注销原因无法判断的（其他）按死亡读取，证据中注明需核实是否死亡。死亡早于花名册开始享受时间的（死亡后才纳入保障），证据中注明需核查冒领（死亡日期只写到月或年的按该月、该年末日计，开始享受时间只写到月的按该月1日计，同月的无法判断先后，不注明）。',
  basis: `《社会救助暂行办法》(国务院令第649号) 第十三条（停发）；${BASIS_DIBAO_RULES}`,
  // payments only refines the estimate: without it the check still runs and leaves the overpayment empty.
  inputs: ['roll', 'deaths'],
  sql: `
    WITH subjects AS (${activePersonsAmong('SELECT id_number FROM deaths WHERE death_date <= period_end()')}),
    matched AS (
      -- Several lists (公安/火化/卫健) may report one death: the earliest date is the fact, every record is evidence.
      SELECT s.id_number, s.household_id, min(d.death_date) AS died,
             arg_min(d._file, (d.death_date, d._file, d._line)) AS source_file, arg_min(d._line, (d.death_date, d._file, d._line)) AS source_line,
             arg_min(${DIED_SHOWN}, (d.death_date, d._file, d._line)) AS died_shown, any_value(s.start_date) AS started,
             string_agg(d.death_date_from || ' ' || ${DEAD_BY_SHOWN} ||
               CASE WHEN d.death_date_from = '死亡月份' THEN '（死亡日期「' || d.death_date_raw || '」只写到月，按该月末日计）'
                    -- A year alone (special-columns.ts YEAR_DECIDES): its last day, the least the list says; to be verified.
                    WHEN d.death_date_from = '死亡年份' THEN '（死亡日期「' || d.death_date_raw || '」只写到年，按该年末日计，需核实）'
                    WHEN d.death_date_from <> '死亡日期' THEN
                 '（' || CASE WHEN ${DEAD_BY_MONTH} THEN '只写年月，按该月末日计；' ELSE '' END ||
                 CASE WHEN d.stated_death_date IS NOT NULL
                        THEN '死亡日期 ' || ${STATED_SHOWN} || ' 晚于' || d.death_date_from || ' ' || ${DEAD_BY_SHOWN} || '，按' || d.death_date_from || '计，需核实）'
                      ELSE CASE WHEN d.death_date_raw IS NULL OR trim(d.death_date_raw) = '' THEN '未写死亡日期' ELSE '死亡日期「' || d.death_date_raw || CASE WHEN rs_year(d.death_date_raw) IS NOT NULL THEN '」只写到年' ELSE '」无法识别' END END ||
                        '，按' || d.death_date_from || '计，死亡在此' || CASE WHEN ${DEAD_BY_MONTH} THEN '月' ELSE '日' END || '或之前）' END
                    ELSE '' END ||
               '，来源 ' || coalesce(d.source, '未注明') ||
               -- A 注销原因 that names no death (其他) is read as one, for staff to verify: never dropped unseen.
               CASE d.reason_kind WHEN 'death' THEN '，注销原因 ' || d.reason WHEN 'unclear' THEN '，注销原因「' || d.reason || '」，需核实是否死亡' ELSE '' END ||
               '（' || ${citeRow('d')} || '）' ||
               -- A masked 王*明 that could be the roll's name is no other name (until 2026-12-06 noted 需核实身份).
               CASE WHEN NOT rs_name_could_be(d.name_key, s.name_key) THEN '，死亡名单姓名「' || d.name || '」与花名册「' || s.name || '」不一致，需核实身份' ELSE '' END,
               '；' ORDER BY d.death_date, d._file, d._line) AS records
      FROM subjects s JOIN deaths d USING (id_number)
      WHERE d.death_date IS NOT NULL GROUP BY s.id_number, s.household_id HAVING min(d.death_date) <= period_end()
    ),
    -- "Members on the roll" = the household's distinct active persons (a 停保 member is no longer paid for), less those
    -- who are no members as the over_asset checks count them (notMemberRows: a row saying as a whole that she left, 出嫁,
    -- 分户, read as 在保: until 2026-12-07 a married-out daughter halved the estimate; a note about another member,
    -- 在保（户主死亡）, is no leaving, nor the head's own 分户). The dead person is one whatever his row says (死亡, read
    -- as 在保): the household was paid for him.
    members AS (
      SELECT household_id, count(DISTINCT coalesce(id_number, _file || '#' || _line)) AS n FROM roll
      WHERE active AND household_id IN (SELECT household_id FROM matched)
        AND (rowid NOT IN (${notMemberRows('SELECT household_id FROM matched')}) OR id_number IN (SELECT id_number FROM matched))
      GROUP BY household_id
    ),
    paid AS (
      SELECT household_id, month, sum(amount_cents) AS cents FROM payments
      WHERE amount_cents IS NOT NULL AND household_id IN (SELECT household_id FROM matched) GROUP BY household_id, month
    ),
    -- A payment row refused at load (its month or amount unreadable, its columns shifted) that names the household or the
    -- person is no payment read: its money is not in the estimate, and the evidence says so (until 2026-12-03 such a
    -- finding said 死亡次月起无发放记录 and nothing of the refused row). Its own finding is data_quality.bad-row's.
    -- Each refused row's cells once, joined on equality: a few thousand refused rows against every dead recipient stay cheap.
    refused_cells AS (
      SELECT concat_ws('|', _file, _sheet, _line) AS refused_row, upper(trim(unnest(string_split(raw_row, ',')))) AS cell
      FROM load_rejects WHERE dataset = 'payments' AND kind IN ('value', 'shape')
    ),
    -- By 家庭编号, only a row whose number names his household alone: where villages number their households each
    -- (001 in 东村 and in 西村), one in his village or choosing it by its 乡镇/村 cells (until 2026-12-03 any row
    -- writing 001 was his, another village's family's too).
    refused_households AS (
      SELECT DISTINCT concat_ws('|', _file, _sheet, _line) AS refused_row, household_id FROM ${refusedPaymentHouseholds()}
    ),
    refused_payments AS (
      SELECT id_number, household_id, count(DISTINCT refused_row) AS n FROM (
        SELECT m.id_number, m.household_id, h.refused_row FROM matched m JOIN refused_households h USING (household_id)
        UNION ALL
        SELECT m.id_number, m.household_id, c.refused_row FROM matched m JOIN refused_cells c ON c.cell = m.id_number)
      GROUP BY id_number, household_id
    ),
    -- A payment read under his household's 家庭编号 but for its leading zeros (12 for 0012: Excel stored the list's
    -- column as numbers; or 0012 for a roll's 12), a number no roll household has, is matched to no one
    -- (unmatched-payments.ts warns of the file when most are). One for a month after the death may be his money: until
    -- 2026-12-06 the finding said 无发放记录，多发 0.00 元 beside 2,100 元 paid. Not summed in: another township's list
    -- numbers 12 too.
    zeros_lost AS (
      SELECT m.id_number, m.household_id, min(p.household_id) AS written, count(*) AS n,
             min(p.month) AS first_month, max(p.month) AS last_month
      FROM matched m JOIN payments p ON ltrim(p.household_id, '0') = ltrim(m.household_id, '0')
      WHERE p.household_id <> m.household_id AND p.month > date_trunc('month', m.died) AND p.month <= period_start()
        AND p.household_id NOT IN (SELECT household_id FROM roll WHERE household_id IS NOT NULL)
      GROUP BY m.id_number, m.household_id
    ),
    overpaid AS (
      -- Each share rounded half up to the cent (half away from zero, so that a reversal booked in a later month cancels
      -- its payment's share exactly), then summed: integer cents, no drift (死亡次月起停发). A month whose payment was
      -- reversed (冲正: -1400 beside 1400) is no month paid; the reversal counts in the sum all the same.
      SELECT m.id_number, m.household_id, any_value(n.n) AS members, count(*) FILTER (WHERE p.cents > 0) AS months,
             min(p.month) FILTER (WHERE p.cents > 0) AS first_month, max(p.month) FILTER (WHERE p.cents > 0) AS last_month,
             greatest(sum(sign(p.cents) * CAST(floor((2 * abs(p.cents) + n.n) / (2.0 * n.n)) AS BIGINT)), 0) AS cents
      FROM matched m JOIN paid p USING (household_id) JOIN members n USING (household_id)
      WHERE p.month > date_trunc('month', m.died) AND p.month <= period_start()
        -- Enrolled after the death (ENROLLED_AFTER_DEATH), a month paid before her own 开始享受时间 paid the others: until
        -- 2026-12-07 her share of it was counted, more than was paid for her.
        AND (m.started IS NULL OR p.month >= date_trunc('month', m.started))
      GROUP BY m.id_number, m.household_id
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'died|' || m.died::VARCHAR AS fact,
           -- 0.00 only where nothing read after the death may be his: a refused row or a 12 for 0012 may be (未估算).
           CASE WHEN (SELECT count(*) FROM payments) = 0 OR r.household_id IS NULL OR (o.cents IS NULL AND (f.n IS NOT NULL OR z.n IS NOT NULL))
                THEN NULL ELSE coalesce(o.cents, 0) END AS overpayment_cents,
           '死亡人员名单：' || m.records || '。' || ${ENROLLED_AFTER_DEATH} ||
             CASE WHEN (SELECT count(*) FROM payments) = 0 THEN
                    -- A list given whose every row was refused (amounts written 壹仟肆佰元) was given all the same: until
                    -- 2026-12-05 the finding said 未提供发放明细, beside the count of his refused rows.
                    CASE WHEN EXISTS (SELECT 1 FROM load_rejects WHERE dataset = 'payments' AND kind IN ('value', 'shape', 'id'))
                         THEN '发放明细没有一行可用（均无法识别，已被拒收），未估算多发金额' ELSE '未提供发放明细，未估算多发金额' END
                  -- Payments are listed by 家庭编号: without one (empty, or lost to scientific notation) none can be his.
                  WHEN r.household_id IS NULL THEN '花名册中此人的家庭编号为空或无法识别，无法对应发放明细，未估算多发金额'
                  -- Until 2026-12-06 无发放记录，多发 0.00 元, beside the rows refused (a 9月 with no year) that were his.
                  WHEN o.cents IS NULL AND (f.n IS NOT NULL OR z.n IS NOT NULL) THEN '死亡次月起读到的发放明细中没有此户的发放，但此户的发放可能未读到或未对应上，未估算多发金额'
                  WHEN o.cents IS NULL THEN '死亡次月起无发放记录，多发 0.00 元'
                  WHEN o.months = 0 THEN '死亡次月起的发放均已冲回，多发 0.00 元'
                  ELSE '死亡次月起仍发放 ' || o.months || ' 个月（' || strftime(o.first_month, '%Y-%m') || ' 至 ' || strftime(o.last_month, '%Y-%m') ||
                       '），按每月实发金额 ÷ 在保 ' || o.members || ' 人估算多发 ' || ${yuan('o.cents')} || ' 元' END ||
             coalesce('；发放明细另有 ' || z.n || ' 行（' || strftime(z.first_month, '%Y-%m') || ' 至 ' || strftime(z.last_month, '%Y-%m') ||
                      '）家庭编号为「' || z.written || '」，与此户「' || r.household_id || '」只差开头的 0（多半是 Excel 把家庭编号存成了数字），' ||
                      '花名册中没有「' || z.written || '」，未对应到此户，未计入多发金额，需核对', '') ||
             coalesce('；发放明细另有 ' || f.n || ' 行写有此户家庭编号或此人身份证号，因无法识别被拒收，未计入多发金额，需核对', '') AS evidence,
           'deaths' AS source_dataset, m.source_file, m.source_line
    -- IS NOT DISTINCT FROM: a dead person whose 家庭编号 is missing is still found (USING would drop him).
    FROM matched m JOIN subjects r ON r.id_number = m.id_number AND r.household_id IS NOT DISTINCT FROM m.household_id
    LEFT JOIN overpaid o ON o.id_number = m.id_number AND o.household_id = m.household_id
    LEFT JOIN refused_payments f ON f.id_number = m.id_number AND f.household_id IS NOT DISTINCT FROM m.household_id
    LEFT JOIN zeros_lost z ON z.id_number = m.id_number AND z.household_id = m.household_id`,
  remedy: '停发并核减保障人口，追回多发资金',
  deadlineDays: 15,
});
