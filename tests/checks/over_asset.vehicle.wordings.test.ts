// over_asset.vehicle as clerks write the lists: a deregistration in words of their own (报废已注销, 已办理注销), a type
// by its everyday name (农用三轮, 电动三轮车), and one vehicle named by two lists of different dates (正常 in 2025's,
// 注销 in September 2026's). Until 2026-12-06 each of the first two was a counted car, and the third was read by its
// 正常 row alone: a false high finding each, and a wrong finding can stop a poor family's benefit.
import { testCheck } from '../support/check-tester.ts';
import { validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19600307', '451');
const LI = validId('110101', '19580612', '232');

/** H001 in 东村: 张三 (head) and 李四 (spouse; the lower ID). */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
const car = (overrides: Record<string, string> = {}) =>
  ({ id_number: ZHANG, name: '张三', plate: '鲁A12345', vehicle_type: '小型轿车', status: '正常', ...overrides });
/** One car per value, plates 鲁A00000, 鲁A00001 …, each with the overrides. */
const cars = (column: string, values: readonly string[], overrides: Record<string, string> = {}) =>
  values.map((value, i) => car({ [column]: value, plate: `鲁A${String(i).padStart(5, '0')}`, ...overrides }));

/** Each a deregistration done, in words other than the registry's. */
const DEREGISTERED_IN_OTHER_WORDS = ['报废已注销', '已报废回收', '报废回收', '已办理注销', '注销完毕', '注销状态', '已强制报废', '已作报废处理',
  '已回收拆解', '已办理注销手续', '车辆已报废', '已报废（强制）', '注销（报废回收）', '已注销。', '達到報廢標準，已註銷', 'E（注销完毕）'];
/** Each a car still registered: the deregistration negated, pending, undone or only due. */
const NOT_DEREGISTERED = ['注销中', '待报废', '未注销', '撤销注销', '申请注销', '拟报废', '正在办理注销', '注销办理中', '逾期未报废', '达到报废标准',
  '注销（已撤销）', '报废（申请中）', '未注销（注销登记）'];

/** Types checks.md exempts, by their everyday names. */
const EXEMPT_EVERYDAY_TYPES = ['三轮车', '农用三轮', '低速三轮', '机动三轮车', '三轮载货', '三轮运输车', '四轮农用', '农用四轮', '残疾人轮椅车', '电动三轮车',
  '农用机动车', '手扶变型运输机', '低速载货车', '四轮低速货车', '農用三輪'];
/** A 号牌种类 column written in words: each names an exempt class. */
const EXEMPT_PLATE_KINDS = ['三轮汽车号牌', '低速车号牌', '摩托车号牌', '普通摩托车号牌', '轻便摩托车', '拖拉机号牌', '农用车号牌', '低速汽车号牌'];
/** checks.md's default exempt words, as a county may have copied them into its config. */
const CHECKS_MD_EXEMPT = ['摩托', '残疾人专用', '残疾人机动轮椅车', '三轮汽车', '低速货车', '拖拉机', '农用车'];

testCheck('over_asset.vehicle', {
  valid: [
    {
      name: 'deregistered in other words (报废已注销, 已报废回收, 已办理注销, 注销完毕, 注销状态, 已强制报废, 已作报废处理, 已回收拆解 …), 注销日期 2023-06-01',
      rows: { roll: couple, vehicles: cars('status', DEREGISTERED_IN_OTHER_WORDS, { deregistered_on: '2023-06-01' }) },
    },
    {
      name: 'deregistered in other words, undated',
      rows: { roll: couple, vehicles: cars('status', DEREGISTERED_IN_OTHER_WORDS) },
    },
    {
      name: 'exempt types by their everyday names (三轮车, 农用三轮, 四轮农用, 残疾人轮椅车, 电动三轮车, 四轮低速货车 …), 正常',
      rows: { roll: couple, vehicles: cars('vehicle_type', EXEMPT_EVERYDAY_TYPES) },
    },
    {
      name: 'a 号牌种类 written in words (三轮汽车号牌, 低速车号牌, 摩托车号牌, 拖拉机号牌 …)',
      rows: { roll: couple, vehicles: cars('vehicle_type', EXEMPT_PLATE_KINDS) },
    },
    {
      name: 'everyday names exempt under a config that lists checks.md\'s words alone (三轮汽车, 农用车, 残疾人机动轮椅车, 摩托)',
      config: { checks: { 'over_asset.vehicle': { params: { exemptTypes: CHECKS_MD_EXEMPT } } } },
      rows: { roll: couple, vehicles: cars('vehicle_type', EXEMPT_EVERYDAY_TYPES) },
    },
    {
      name: 'two lists, one plate: 正常 in 2025年\'s, 注销 2026-03-15 in 2026年9月\'s: the later list is read',
      rows: {
        roll: couple,
        vehicles: [
          car({ _file: '2025年机动车登记信息.csv' }),
          car({ _file: '2026年9月机动车登记信息.csv', status: '注销', deregistered_on: '2026-03-15' }),
        ],
      },
    },
    {
      name: 'two lists, one plate (鲁q12345 as the later writes it), dated by the names\' days (20250630, 2026-09-15)',
      rows: {
        roll: couple,
        vehicles: [
          car({ _file: '车管导出20250630.csv', plate: '鲁Q12345' }),
          car({ _file: '车管导出2026-09-15.csv', plate: '鲁q12345', status: '报废已注销', deregistered_on: '2026-03-15' }),
        ],
      },
    },
    {
      // A list reporting a deregistration of 2026-03-15 speaks of a time after all of 2025.
      name: 'two lists, one plate: 正常 in 2025年\'s, 注销 2026-03-15 in a list whose name states no date',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '2025年机动车登记信息.csv' }), car({ _file: '机动车注销信息.csv', status: '注销', deregistered_on: '2026-03-15' })],
      },
    },
  ],
  invalid: [
    {
      name: 'negated, pending or undone deregistrations are cars still registered: each counted, its 注销日期 before P.start noted 需核实',
      rows: { roll: couple, vehicles: cars('status', NOT_DEREGISTERED, { deregistered_on: '2023-06-01' }) },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          `计入的机动车 ${NOT_DEREGISTERED.length} 辆`,
          ...['注销中', '待报废', '未注销', '撤销注销', '申请注销', '拟报废', '正在办理注销', '注销办理中', '逾期未报废', '达到报废标准', '注销(已撤销)', '报废(申请中)',
            '未注销(注销登记)'].map((status) => `状态 ${status}，注销日期 2023-06-01（早于本期首日，与状态「${status}」矛盾，需核实是否已注销）`),
        ],
      }],
    },
    {
      name: 'a deregistration in other words dated in P is still counted, the reading beside what the list wrote',
      rows: { roll: couple, vehicles: [car({ status: '报废已注销', deregistered_on: '2026-10-05' })] },
      expected: [{ subject_id: ZHANG, evidence: ['状态 注销（报废已注销），注销日期 2026-10-05（不早于本期首日，仍计入）'] }],
    },
    {
      // checks.md exempts 低速货车, not every 低速 vehicle: a 低速电动车 is a small passenger car.
      name: 'cars whose names only look like exempt ones: 低速电动车, 小型汽车号牌, 四轮汽车',
      rows: { roll: couple, vehicles: cars('vehicle_type', ['低速电动车', '小型汽车号牌', '四轮汽车']) },
      expected: [{ subject_id: ZHANG, evidence: ['计入的机动车 3 辆', '张三：低速电动车 鲁A00000', '张三：小型汽车号牌 鲁A00001', '张三：四轮汽车 鲁A00002'] }],
    },
    {
      name: 'exemptTypes configured as an empty list: an everyday name counts, shown with its class',
      config: { checks: { 'over_asset.vehicle': { params: { exemptTypes: [] } } } },
      rows: { roll: couple, vehicles: [car({ vehicle_type: '农用三轮' })] },
      expected: [{ subject_id: ZHANG, evidence: ['张三：农用三轮（三轮汽车） 鲁A12345，状态 正常'] }],
    },
    {
      // The plate kept for a new car, or an old record: the later list says it is registered.
      name: 'two lists, one plate: 注销 2024-01-10 in 2025年\'s, 正常 in 2026年9月\'s: counted, the earlier record shown',
      rows: {
        roll: couple,
        vehicles: [
          car({ _file: '2025年机动车登记信息.csv', status: '注销', deregistered_on: '2024-01-10' }),
          car({ _file: '2026年9月机动车登记信息.csv' }),
        ],
      },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '计入的机动车 1 辆：张三：小型轿车 鲁A12345，状态 注销，注销日期 2024-01-10（较早的名单所记，较新的名单中此车仍在册，以较新的为准），来源 机动车登记信息（2025年机动车登记信息.csv 第2行）；'
            + '张三：小型轿车 鲁A12345，状态 正常，来源 机动车登记信息（2026年9月机动车登记信息.csv 第3行）',
        ],
      }],
    },
    {
      name: 'two lists whose names state no date disagree: counted, both records shown, the 注销 one noted 需核实',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '机动车登记信息.csv' }), car({ _file: '机动车登记信息（补充）.csv', status: '注销', deregistered_on: '2026-03-15' })],
      },
      expected: [{
        subject_id: ZHANG,
        evidence: [
          '计入的机动车 1 辆：',
          '张三：小型轿车 鲁A12345，状态 正常，来源 机动车登记信息（机动车登记信息.csv 第2行）',
          '张三：小型轿车 鲁A12345，状态 注销，注销日期 2026-03-15（与本车另一条记录不一，无法判断哪条在后，需核实是否已注销），来源 机动车登记信息（机动车登记信息（补充）.csv 第3行）',
        ],
      }],
    },
    {
      name: 'one list naming a plate 正常 and 报废: counted, both shown, the 报废 one noted 需核实',
      rows: { roll: couple, vehicles: [car({ status: '报废' }), car()] },
      expected: [{ subject_id: ZHANG, evidence: ['计入的机动车 1 辆：', '状态 报废（与本车另一条记录不一，无法判断哪条在后，需核实是否已报废）', '状态 正常，来源'] }],
    },
    {
      name: 'two lists whose dates overlap (2026年\'s, 2026年9月\'s) disagree: counted, noted 需核实',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '2026年机动车登记信息.csv' }), car({ _file: '2026年9月机动车登记信息.csv', status: '注销', deregistered_on: '2026-03-15' })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['无法判断哪条在后，需核实是否已注销'] }],
    },
    {
      // The list reports a 注销 of 2026: its name (2025年) is not its date, and its rows are of no known time.
      name: 'one list named 2025年 naming a plate 正常 and 注销 2026-03-15: counted, noted 需核实',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '2025年机动车登记信息.csv' }), car({ _file: '2025年机动车登记信息.csv', status: '注销', deregistered_on: '2026-03-15' })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['状态 正常，来源', '状态 注销，注销日期 2026-03-15（与本车另一条记录不一，无法判断哪条在后，需核实是否已注销）'] }],
    },
    {
      name: 'the later list\'s 注销 is dated in P: still counted',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '2025年机动车登记信息.csv' }), car({ _file: '2026年10月机动车登记信息.csv', status: '注销', deregistered_on: '2026-10-08' })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['状态 注销，注销日期 2026-10-08（不早于本期首日，仍计入）'] }],
    },
    {
      // One plate is one vehicle of one owner: another owner's 注销 of the same plate says nothing of his car.
      name: 'the same plate deregistered by a later list under another owner\'s ID: 张三\'s car still counts',
      rows: {
        roll: couple,
        vehicles: [car({ _file: '2025年机动车登记信息.csv' }), car({ _file: '2026年9月机动车登记信息.csv', id_number: LI, name: '李四', status: '注销', deregistered_on: '2026-03-15' })],
      },
      expected: [{ subject_id: ZHANG, evidence: ['计入的机动车 1 辆：张三：小型轿车 鲁A12345，状态 正常，来源 机动车登记信息（2025年机动车登记信息.csv 第2行）'] }],
    },
  ],
});
