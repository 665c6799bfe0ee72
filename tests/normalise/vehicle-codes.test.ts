// rs_vehicle_type and rs_vehicle_states: the codes a 车管 export writes (车辆类型 K33, 号牌种类 02, 机动车状态 E or GQ)
// read as their words, and the values that are not codes left as written.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_vehicle_type', connection, {
  expression: 'rs_vehicle_type(v)',
  accepted: [
    { input: 'K33', expected: '小型轿车（K33）' },
    { input: ' k33 ', expected: '小型轿车（K33）', note: 'trimmed, upper-cased' },
    { input: 'M21', expected: '普通二轮摩托车（M21）' },
    { input: 'N11', expected: '三轮汽车（N11）' },
    { input: 'H51', expected: '普通低速货车（H51）' },
    { input: 'T22', expected: '手扶拖拉机（T22）' },
    { input: 'H17', expected: '重型货车（H17）', note: 'named by its class' },
    { input: 'T23', expected: '拖拉机（T23）', note: 'named by its letter' },
    { input: '02', expected: '小型汽车（号牌种类 02）' },
    { input: '7', expected: '普通摩托车（号牌种类 07）', note: 'the zero a spreadsheet dropped' },
    { input: '13', expected: '低速车（号牌种类 13）' },
  ],
  rejected: [
    { input: '小型轿车', expected: '小型轿车', note: 'a name stays' },
    { input: 'K33小型轿车', expected: 'K33小型轿车', note: 'code and name: the name is there' },
    { input: 'Y12', expected: 'Y12', note: 'no such class' },
    { input: '99', expected: '99', note: 'no such 号牌种类' },
    { input: '123', expected: '123' },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_vehicle_states', connection, {
  expression: 'rs_vehicle_states(v)',
  accepted: [
    { input: 'E', expected: ['注销'] },
    { input: 'e', expected: ['注销'] },
    { input: 'M', expected: ['强制注销'] },
    { input: 'A', expected: ['正常'] },
    { input: 'GQ', expected: ['违法未处理', '逾期未检验'] },
    { input: 'G,Q', expected: ['违法未处理', '逾期未检验'] },
    { input: '注销(E)', expected: ['注销'], note: 'the code and its word, once' },
    { input: 'E-注销', expected: ['注销'] },
    { input: 'E注销', expected: ['注销'] },
    { input: 'P', expected: ['达到报废标准公告牌证作废'] },
    { input: '违法未处理，逾期未检验', expected: ['违法未处理', '逾期未检验'] },
  ],
  rejected: [
    { input: '正常', expected: ['正常'], note: 'words stay as written' },
    { input: '达到报废标准', expected: ['达到报废标准'] },
    { input: '报废注销', expected: ['报废注销'] },
    { input: 'EX', expected: ['EX'], note: 'X is no state: the run stays as written' },
    { input: 'F', expected: ['F'] },
    { input: '()', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ],
});
