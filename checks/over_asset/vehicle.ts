// over_asset.vehicle: a household member owns a vehicle of a counted type that was not deregistered before P.start.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { DEREGISTERED_STATES } from '../../scanner/normalise/vehicle-code-macros.ts';
import { statedListSpan } from '../../scanner/load/list-dates.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, containsAny, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

export default defineCheck({
  id: 'over_asset.vehicle',
  category: 'over_asset',
  severity: 'high',
  title: '家庭成员名下有机动车',
  description:
    '在保家庭的成员名下登记有非豁免类型的机动车（摩托车、残疾人专用车、三轮汽车、低速货车（低速车、低速汽车、低速载货汽车）、拖拉机、农用车（农用运输车、农用三轮车、农用四轮车）除外），且本期首日前未注销/报废（注销日期为空的，按报废日期；强制报废期止是应报废的期限，不作报废日期）。状态为正常等而注销日期（报废日期）早于本期首日的，记录自相矛盾，仍计入，证据中注明需核实。车管代码（车辆类型 K33、号牌种类 02、机动车状态 E）按其含义读取。三轮车、电动三轮车、农用三轮、四轮农用、残疾人轮椅车等俗称按其类别（三轮汽车或三轮摩托车、农用车、残疾人机动轮椅车）读取，同样豁免。状态写作报废已注销、已办理注销、注销完毕、已作报废处理等的，按注销/报废读取；注销中、待报废、未注销、撤销注销等不是注销。同一人同一号牌在几份名单中状态不一的，以文件名（工作表名）所示日期较晚的名单为准（报告注销的记录不早于其注销日期）；无法判断先后的仍计入，证据列出各条记录，注销的一条注明需核实。每户一条，证据列出各成员计入的车辆。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'vehicles'],
  params: z.object({
    // Matched as substrings of 车辆类型 (a code read as its name: M21 is 普通二轮摩托车; an everyday name with its class:
    // 农用三轮（三轮汽车）, rs_vehicle_type): 普通二轮摩托车, 变型拖拉机 … are exempt; 低速车 is the 号牌种类 of 三轮汽车 and
    // 低速货车, and 农用运输车 their name before 2004 (三轮农用运输车 is no substring of 农用车: an old registration of one was a
    // false high finding until 2026-12-05). 低速汽车 (GB 7258's name for 三轮汽车 and 低速货车 together), 低速载货汽车 (车船税's)
    // and 农用三轮车/农用四轮车 (as clerks write the old names) are no substring of these either: until 2026-12-06 each was a
    // counted car, a false high finding.
    exemptTypes: z.array(z.string().min(1)).default(['摩托', '残疾人专用', '残疾人机动轮椅车', '三轮汽车', '低速货车', '低速车', '低速汽车', '低速载货汽车',
      '拖拉机', '农用车', '农用运输车', '农用三轮车', '农用四轮车']),
    // Matched exactly against each state the cell names (E, 注销(E) and E-注销 name 注销; GQ names 违法未处理 and
    // 逾期未检验): 车管 states such as 达到报废标准 or 逾期未报废 mean the vehicle is still registered.
    // 已报废注销, 报废注销登记, 灭失 … as clerks write them: until 2026-12-02 such a car still counted, a false high finding.
    // Other wordings of a deregistration done (报废已注销, 已办理注销, 注销完毕, 已作报废处理) name 注销, 报废 or 灭失
    // (rs_vehicle_states); 注销中, 待报废, 未注销, 撤销注销 name nothing of these.
    deregisteredStatuses: z.array(z.string().min(1)).default([...DEREGISTERED_STATES]),
  }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    owned AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name,
             v.vehicle_type || coalesce(' ' || v.plate, '') || '，状态 ' || coalesce(v.status, '未注明') ||
               CASE WHEN v.status_raw <> v.status THEN '（' || v.status_raw || '）' ELSE '' END ||
               coalesce('，' || v.deregistered_on_from || ' ' || strftime(v.deregistered_on, '%Y-%m-%d'), '') AS described,
             ${nameNote('v')} || '，来源 ' || ${cite('vehicles', 'v')} AS cited,
             v.status, v.status_raw, v.deregistered_on, v.deregistered_on_from,
             -- The row says the vehicle left the register: a deregistered status (its date, if any, is when), or no
             -- status at all but a date.
             coalesce(list_has_any(v.states, $deregisteredStatuses) OR (v.states IS NULL AND v.deregistered_on IS NOT NULL), false) AS deregistration,
             -- Gone: deregistered before P.start or undated; or no status at all but a date before P.start.
             coalesce(CASE WHEN list_has_any(v.states, $deregisteredStatuses) THEN v.deregistered_on IS NULL OR v.deregistered_on < period_start()
                           WHEN v.states IS NULL THEN v.deregistered_on < period_start() END, false) AS gone,
             -- The plate names the vehicle; a list without plates falls back to the type.
             m.id_number || ':' || coalesce(v.plate, v.vehicle_type) AS own_key,
             -- What the count counts: one plate is one vehicle, however often the lists name it (鲁A12345 and 鲁a12345
             -- alike); a row without a plate is a vehicle of its own.
             coalesce(upper(v.plate), v._file || '#' || v._line) AS vehicle,
             v._file, v._sheet, v._line
      -- Vehicles first: written the other way round, DuckDB built its hash table on the two million vehicles left after
      -- the filter below instead of on the members (B1M profiles: 0.9–2.1 s against 0.35 s for this join, same rows).
      -- Deregistered rows are kept here: another row of the same vehicle may need them (judged below).
      FROM vehicles v JOIN members m ON v.id_number = m.id_number
      WHERE NOT ${containsAny('v.vehicle_type', '$exemptTypes')}
    ),
    -- The time each list's name states, read once per list (per row, the pattern cost 1.5 s over 300,000 rows). A
    -- list reporting a deregistration dated after that time shows its name is not its date: it states none.
    lists AS (
      SELECT _file, _sheet, CASE WHEN latest_deregistration > list.last THEN NULL ELSE list END AS list FROM (
        SELECT _file, _sheet, max(deregistered_on) FILTER (WHERE deregistration) AS latest_deregistration,
               ${statedListSpan('_file', '_sheet')} AS list
        FROM owned GROUP BY _file, _sheet)
    ),
    -- When each row speaks of: from the first day its list's name states (a deregistration it reports is no earlier
    -- than its date) to the last.
    dated AS (
      SELECT o.*, l.list.last AS known_until, greatest(l.list.first, CASE WHEN deregistration THEN deregistered_on END) AS known_from
      FROM owned o JOIN lists l ON l._file = o._file AND l._sheet IS NOT DISTINCT FROM o._sheet
    ),
    -- A member's vehicle named by several rows (one plate, in one list or in several) is read by the latest: a row is
    -- superseded where another row of it surely speaks of a later time (2026年9月's 注销 over 2025's 正常). It counts
    -- where one of the rows left says it is not gone; rows left that disagree (or that no name dates) are all shown, the
    -- 注销 ones noted 需核实, as is an earlier list's 注销 that a later 正常 overrides (a plate kept for a new car, or an
    -- old record). Until 2026-12-06 each row was read alone: 2025's 正常 counted, September's 注销 unmentioned.
    judged AS (
      SELECT *, coalesce(max(known_from) OVER vehicle_rows > known_until, false) AS superseded
      FROM dated WINDOW vehicle_rows AS (PARTITION BY member_id, vehicle)
    ),
    vehicle_reading AS (
      SELECT *, bool_or(NOT gone AND NOT superseded) OVER vehicle_rows AS counts,
             -- The key of a row that counts: a 注销 row shown beside it adds no holding to the finding's fact.
             arg_min(own_key, (gone, superseded, _file, _line)) OVER vehicle_rows AS counted_key
      FROM judged WINDOW vehicle_rows AS (PARTITION BY member_id, vehicle)
    ),
    holdings AS (
      SELECT household_id, member_id, member_name,
             described ||
               CASE WHEN gone AND superseded
                      THEN '（较早的名单所记，较新的名单中此车仍在册，以较新的为准）'
                    WHEN gone
                      THEN '（与本车另一条记录不一，无法判断哪条在后，需核实是否已' ||
                      coalesce(replace(deregistered_on_from, '日期', ''), CASE WHEN contains(status, '报废') AND NOT contains(status, '注销') THEN '报废' ELSE '注销' END) || '）'
                    -- A car that counts though its date is before P.start: its 状态 says it is registered (正常, A). The
                    -- record contradicts itself; the finding stands, for staff to verify, not to stop the benefit on.
                    WHEN deregistered_on >= period_start() THEN '（不早于本期首日，仍计入）'
                    WHEN deregistered_on < period_start()
                      THEN '（早于本期首日，与状态「' || coalesce(status, status_raw, '') || '」矛盾，需核实是否已' || replace(deregistered_on_from, '日期', '') || '）'
                    ELSE '' END || cited AS holding,
             CASE WHEN gone THEN counted_key ELSE own_key END AS holding_key,
             vehicle, NOT gone AND NOT superseded AS triggers, _file, _line
      FROM vehicle_reading WHERE counts
    )
    ${householdFindings('vehicles', holdingsFact('vehicle'), `'计入的机动车 ' || count(DISTINCT vehicle) || ' 辆：'`)}`,
  remedy: '入户核查家庭经济状况及车辆实际使用情况，超标的依规清退',
  deadlineDays: 15,
  factListsHoldings: true,
});
