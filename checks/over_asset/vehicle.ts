// over_asset.vehicle: a household member owns a vehicle of a counted type that was not deregistered before P.start.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, containsAny, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

export default defineCheck({
  id: 'over_asset.vehicle',
  category: 'over_asset',
  severity: 'high',
  title: '家庭成员名下有机动车',
  description:
    '在保家庭的成员名下登记有非豁免类型的机动车（摩托车、残疾人专用车、三轮汽车、低速货车（低速车、低速汽车、低速载货汽车）、拖拉机、农用车（农用运输车、农用三轮车、农用四轮车）除外），且本期首日前未注销/报废（注销日期为空的，按报废日期；强制报废期止是应报废的期限，不作报废日期）。状态为正常等而注销日期（报废日期）早于本期首日的，记录自相矛盾，仍计入，证据中注明需核实。车管代码（车辆类型 K33、号牌种类 02、机动车状态 E）按其含义读取。每户一条，证据列出各成员计入的车辆。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'vehicles'],
  params: z.object({
    // Matched as substrings of 车辆类型 (a code read as its name: M21 is 普通二轮摩托车): 普通二轮摩托车, 变型拖拉机 … are
    // exempt; 低速车 is the 号牌种类 of 三轮汽车 and 低速货车, and 农用运输车 their name before 2004 (三轮农用运输车 is no
    // substring of 农用车: an old registration of one was a false high finding until 2026-12-05). 低速汽车 (GB 7258's name
    // for 三轮汽车 and 低速货车 together), 低速载货汽车 (车船税's) and 农用三轮车/农用四轮车 (as clerks write the old names) are
    // no substring of these either: until 2026-12-06 each was a counted car, a false high finding.
    exemptTypes: z.array(z.string().min(1)).default(['摩托', '残疾人专用', '残疾人机动轮椅车', '三轮汽车', '低速货车', '低速车', '低速汽车', '低速载货汽车',
      '拖拉机', '农用车', '农用运输车', '农用三轮车', '农用四轮车']),
    // Matched exactly against each state the cell names (E, 注销(E) and E-注销 name 注销; GQ names 违法未处理 and
    // 逾期未检验): 车管 states such as 达到报废标准 or 逾期未报废 mean the vehicle is still registered.
    // 已报废注销, 报废注销登记, 灭失 … as clerks write them: until 2026-12-02 such a car still counted, a false high finding.
    deregisteredStatuses: z.array(z.string().min(1)).default(['注销', '报废', '已注销', '已报废', '强制注销', '注销登记', '已注销登记', '报废注销',
      '已报废注销', '报废注销登记', '注销报废', '已注销报废', '灭失', '已灭失', '灭失注销']),
  }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    holdings AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name,
             v.vehicle_type || coalesce(' ' || v.plate, '') || '，状态 ' || coalesce(v.status, '未注明') ||
               CASE WHEN v.status_raw <> v.status THEN '（' || v.status_raw || '）' ELSE '' END ||
               coalesce('，' || v.deregistered_on_from || ' ' || strftime(v.deregistered_on, '%Y-%m-%d'), '') ||
               -- A car that counts though its date is before P.start: its 状态 says it is registered (正常, A). The
               -- record contradicts itself; the finding stands, for staff to verify, not to stop the benefit on.
               CASE WHEN v.deregistered_on >= period_start() THEN '（不早于本期首日，仍计入）'
                    WHEN v.deregistered_on < period_start()
                      THEN '（早于本期首日，与状态「' || coalesce(v.status, v.status_raw, '') || '」矛盾，需核实是否已' || replace(v.deregistered_on_from, '日期', '') || '）'
                    ELSE '' END ||
               ${nameNote('v')} || '，来源 ' || ${cite('vehicles', 'v')} AS holding,
             -- The plate names the vehicle; a list without plates falls back to the type.
             m.id_number || ':' || coalesce(v.plate, v.vehicle_type) AS holding_key,
             -- What the count counts: one plate is one vehicle, however often the list names it (鲁A12345 and 鲁a12345
             -- alike); a row without a plate is a vehicle of its own.
             coalesce(upper(v.plate), v._file || '#' || v._line) AS vehicle,
             true AS triggers, v._file, v._line
      -- Vehicles first: written the other way round, DuckDB built its hash table on the two million vehicles left after
      -- the filters below instead of on the members (B1M profiles: 0.9–2.1 s against 0.35 s for this join, same rows).
      FROM vehicles v JOIN members m ON v.id_number = m.id_number
      WHERE NOT ${containsAny('v.vehicle_type', '$exemptTypes')}
        -- Gone: a deregistered status dated before P.start or undated; or no status at all but a date before P.start.
        AND NOT coalesce(
          CASE WHEN list_has_any(v.states, $deregisteredStatuses) THEN v.deregistered_on IS NULL OR v.deregistered_on < period_start()
               WHEN v.states IS NULL THEN v.deregistered_on < period_start() END, false)
    )
    ${householdFindings('vehicles', holdingsFact('vehicle'), `'计入的机动车 ' || count(DISTINCT vehicle) || ' 辆：'`)}`,
  remedy: '入户核查家庭经济状况及车辆实际使用情况，超标的依规清退',
  deadlineDays: 15,
  factListsHoldings: true,
});
