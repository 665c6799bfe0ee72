// A township's 机动车 lists as clerks keep them, scanned by the real CLI: deregistrations written in words of their own
// (报废已注销, 已办理注销 …), exempt vehicles by their everyday names (农用三轮, 电动三轮车 …), and last year's list beside
// September's, which deregistered a car the older one still has 正常. Until 2026-12-06 each of these was a high
// over_asset.vehicle finding (家庭成员名下有机动车) on a family that owns no counted car.
import { describe, expect, it } from 'vitest';
import { validId } from '../checks/id-numbers.ts';
import { scanInput } from '../support/scan-input.ts';

const HEADER = '乡镇,村,家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,状态';
const VEHICLE_HEADER = '身份证号码,所有人,号牌号码,车辆类型,状态,注销日期';

const DEREGISTERED_IN_OTHER_WORDS = ['报废已注销', '已报废回收', '报废回收', '已办理注销', '注销完毕', '注销状态', '已强制报废', '已作报废处理'];
const EXEMPT_EVERYDAY_TYPES = ['三轮车', '农用三轮', '低速三轮', '机动三轮车', '三轮载货', '三轮运输车', '四轮农用', '农用四轮', '残疾人轮椅车', '电动三轮车'];
const STILL_REGISTERED = ['注销中', '待报废', '未注销', '撤销注销'];

/** Person n: 车主n of household Hn, head, 农村低保 in 店头镇 东村. */
const person = (n: number) => ({ id: validId('371329', '19600101', String(100 + n)), name: `车主${n}`, household: `H${String(n).padStart(2, '0')}` });

describe('a township\'s vehicle lists as clerks keep them', () => {
  it('finds only the cars still registered: a deregistration in other words, an everyday exempt name and a later list\'s 注销 count for none', async () => {
    const deregistered = DEREGISTERED_IN_OTHER_WORDS.map((status, i) => ({ n: i, type: '小型轿车', status, on: '2023-06-01' }));
    const exempt = EXEMPT_EVERYDAY_TYPES.map((type, i) => ({ n: 10 + i, type, status: '正常', on: '' }));
    const registered = STILL_REGISTERED.map((status, i) => ({ n: 30 + i, type: '小型轿车', status, on: '2023-06-01' }));
    const plain = { n: 40, type: '小型轿车', status: '正常', on: '' };
    const owners = [...deregistered, ...exempt, ...registered, plain].map((car) => car.n).concat(50);
    const line = (n: number, type: string, status: string, on: string, plate = `鲁A1${String(n).padStart(4, '0')}`) =>
      `${person(n).id},${person(n).name},${plate},${type},${status},${on}`;

    const { findings } = await scanInput({
      '2026年10月农村低保花名册.csv': `${HEADER}\n${owners.map((n) => `店头镇,东村,${person(n).household},${person(n).name},${person(n).id},户主,农村低保,700,在保`).join('\n')}\n`,
      '机动车登记信息.csv': `${VEHICLE_HEADER}\n${[...deregistered, ...exempt, ...registered, plain].map((car) => line(car.n, car.type, car.status, car.on)).join('\n')}\n`,
      '2025年机动车登记信息.csv': `${VEHICLE_HEADER}\n${line(50, '小型轿车', '正常', '', '鲁Q12345')}\n`,
      '2026年9月机动车登记信息.csv': `${VEHICLE_HEADER}\n${line(50, '小型轿车', '注销', '2026-03-15', '鲁Q12345')}\n`,
    });

    const vehicleFindings = findings.filter((f) => f('check_id') === 'over_asset.vehicle');
    expect(vehicleFindings.map((f) => [f('household_id'), f('evidence')])).toEqual([
      ...STILL_REGISTERED.map((status, i) => [person(30 + i).household,
        `计入的机动车 1 辆：${person(30 + i).name}：小型轿车 鲁A1${String(30 + i).padStart(4, '0')}，状态 ${status}，注销日期 2023-06-01（早于本期首日，与状态「${status}」矛盾，需核实是否已注销），来源 机动车登记信息（机动车登记信息.csv 第${DEREGISTERED_IN_OTHER_WORDS.length + EXEMPT_EVERYDAY_TYPES.length + i + 2}行）`]),
      [person(40).household, `计入的机动车 1 辆：${person(40).name}：小型轿车 鲁A10040，状态 正常，来源 机动车登记信息（机动车登记信息.csv 第${DEREGISTERED_IN_OTHER_WORDS.length + EXEMPT_EVERYDAY_TYPES.length + STILL_REGISTERED.length + 2}行）`],
    ]);
    expect(findings.filter((f) => f('check_id') !== 'over_asset.vehicle').map((f) => [f('check_id'), f('evidence')])).toEqual([]);
  });
});
