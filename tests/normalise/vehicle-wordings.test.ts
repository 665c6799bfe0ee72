// rs_vehicle_states and rs_vehicle_type over the words clerks write: a deregistration done in a sentence of its own
// reads as the word it says (报废已注销 → 注销), one negated, pending or undone stays as written (注销中, 未注销, 撤销注销),
// and a type's everyday name gets its registry class beside it (农用三轮（三轮汽车）). Until 2026-12-06 each of the
// first and last was a counted car, a false high over_asset.vehicle finding.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_vehicle_states: deregistrations in other words', connection, {
  expression: 'rs_vehicle_states(v)',
  accepted: [
    { input: '报废已注销', expected: ['注销'] },
    { input: '已报废回收', expected: ['报废'] },
    { input: '报废回收', expected: ['报废'] },
    { input: '已办理注销', expected: ['注销'] },
    { input: '已办理注销手续', expected: ['注销'] },
    { input: '注销完毕', expected: ['注销'] },
    { input: '注销状态', expected: ['注销'] },
    { input: '已强制报废', expected: ['报废'] },
    { input: '已作报废处理', expected: ['报废'] },
    { input: '已回收拆解', expected: ['报废'], note: 'a car dismantled is scrapped' },
    { input: '车辆已报废', expected: ['报废'] },
    { input: '2023年6月注销', expected: ['注销'], note: 'a date in the cell' },
    { input: '已報廢回收', expected: ['报废'], note: 'traditional characters' },
    { input: '注销（报废回收）', expected: ['注销', '报废'] },
    { input: 'E（注销完毕）', expected: ['注销'] },
    { input: '达到报废标准，已注销', expected: ['达到报废标准', '已注销'], note: 'due, then done: 已注销 is a listed word' },
    { input: '注销(未报废)', expected: ['注销', '未报废'], note: 'deregistered, not scrapped: no contradiction' },
  ],
  rejected: [
    { input: '已注销', expected: ['已注销'], note: 'a word the lists name stays as written' },
    { input: '强制注销', expected: ['强制注销'] },
    { input: '注销中', expected: ['注销中'] },
    { input: '待报废', expected: ['待报废'] },
    { input: '未注销', expected: ['未注销'] },
    { input: '撤销注销', expected: ['撤销注销'] },
    { input: '申请注销', expected: ['申请注销'] },
    { input: '拟报废', expected: ['拟报废'] },
    { input: '正在办理注销', expected: ['正在办理注销'] },
    { input: '注销办理中', expected: ['注销办理中'] },
    { input: '不予注销', expected: ['不予注销'] },
    { input: '逾期未报废', expected: ['逾期未报废'] },
    { input: '达到报废标准', expected: ['达到报废标准'] },
    { input: '注销?', expected: ['注销?'], note: 'a question' },
    { input: '回收', expected: ['回收'], note: 'no deregistration word' },
    { input: '注销（已撤销）', expected: ['注销(已撤销)'], note: 'undone by its note: kept whole' },
    { input: '报废（申请中）', expected: ['报废(申请中)'] },
    { input: '注销(待审核)', expected: ['注销(待审核)'] },
    { input: '未注销（注销登记）', expected: ['未注销(注销登记)'], note: 'says both: kept whole' },
    { input: 'E（撤销）', expected: ['E(撤销)'] },
  ],
});

describeMacroTable('rs_vehicle_type: everyday names of exempt classes', connection, {
  expression: 'rs_vehicle_type(v)',
  accepted: [
    { input: '三轮车', expected: '三轮车（三轮汽车或三轮摩托车）' },
    { input: '电动三轮车', expected: '电动三轮车（三轮汽车或三轮摩托车）' },
    { input: '机动三轮车', expected: '机动三轮车（三轮汽车或三轮摩托车）' },
    { input: '三轮载货', expected: '三轮载货（三轮汽车或三轮摩托车）' },
    { input: '三轮运输车', expected: '三轮运输车（三轮汽车或三轮摩托车）' },
    { input: '农用三轮', expected: '农用三轮（三轮汽车）' },
    { input: '低速三轮', expected: '低速三轮（三轮汽车）' },
    { input: '農用三輪', expected: '农用三轮（三轮汽车）', note: 'traditional characters' },
    { input: '四轮农用', expected: '四轮农用（农用车）' },
    { input: '农用四轮', expected: '农用四轮（农用车）' },
    { input: '农用机动车', expected: '农用机动车（农用车）' },
    { input: '残疾人轮椅车', expected: '残疾人轮椅车（残疾人机动轮椅车）' },
    { input: '低速载货车', expected: '低速载货车（低速货车）' },
    { input: '手扶变型运输机', expected: '手扶变型运输机（拖拉机）' },
  ],
  rejected: [
    { input: '三轮汽车', expected: '三轮汽车', note: 'its class already' },
    { input: '正三轮摩托车', expected: '正三轮摩托车' },
    { input: '四轮低速货车', expected: '四轮低速货车' },
    { input: '残疾人机动轮椅车', expected: '残疾人机动轮椅车' },
    { input: '手扶拖拉机变型运输机', expected: '手扶拖拉机变型运输机' },
    { input: '低速电动车', expected: '低速电动车', note: '低速 alone names no exempt class' },
    { input: '小型汽车号牌', expected: '小型汽车号牌' },
    { input: '三轮汽车号牌', expected: '三轮汽车号牌' },
    { input: '小型轿车', expected: '小型轿车' },
  ],
});
