// rs_program, rs_roll_status, rs_yes and rs_is_head: the coded roll values and their near-misses.
import { describe, expect, it } from 'vitest';
import { describeMacroTable, queryOneRow, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

const program = (family: string | null, area: string | null) => ({ family, area });
const unknown = program(null, null);

describeMacroTable('rs_program', connection, {
  expression: 'rs_program(v)',
  accepted: [
    { input: '农村低保', expected: program('低保', '农村') },
    { input: '农村最低生活保障', expected: program('低保', '农村') },
    { input: '农村居民最低生活保障', expected: program('低保', '农村') },
    { input: '农村低保户', expected: program('低保', '农村') },
    { input: '城市低保', expected: program('低保', '城市') },
    { input: '城镇低保', expected: program('低保', '城市') },
    { input: '城市最低生活保障', expected: program('低保', '城市') },
    { input: '城市居民最低生活保障对象', expected: program('低保', '城市') },
    { input: '城镇最低生活保障', expected: program('低保', '城市') },
    { input: ' 城市 低保 ', expected: program('低保', '城市') },
    { input: '低保', expected: program('低保', null), note: 'area unknown: the caller reports it' },
    { input: '低保对象', expected: program('低保', null) },
    { input: '城乡低保', expected: program('低保', null), note: 'both areas named' },
    { input: '农村特困', expected: program('特困', '农村') },
    { input: '特困供养', expected: program('特困', '农村') },
    { input: '分散供养特困', expected: program('特困', '农村') },
    { input: '集中供养特困', expected: program('特困', '农村') },
    { input: '集中供养特困人员', expected: program('特困', '农村') },
    { input: '特困供养(分散)', expected: program('特困', '农村') },
    { input: '特困供养（集中）', expected: program('特困', '农村') },
    { input: '五保', expected: program('特困', '农村') },
    { input: '五保户', expected: program('特困', '农村') },
    { input: '农村五保供养', expected: program('特困', '农村') },
    { input: '特困', expected: program('特困', '农村') },
    { input: '特困人员', expected: program('特困', '农村') },
    { input: '特困人员救助供养', expected: program('特困', '农村') },
    { input: '农村特困供养', expected: program('特困', '农村') },
    { input: '城市特困', expected: program('特困', '城市') },
    { input: '城镇特困人员', expected: program('特困', '城市') },
    { input: '城市特困供养人员', expected: program('特困', '城市') },
    { input: '三无', expected: program('特困', '城市') },
    { input: '三无人员', expected: program('特困', '城市') },
    { input: '城市三无人员', expected: program('特困', '城市') },
    // 分类施保: the class a province files a 低保 household under, and a 特困 person's care level.
    { input: '农村低保一类', expected: program('低保', '农村') },
    { input: '农村低保A类', expected: program('低保', '农村') },
    { input: '城市低保B类', expected: program('低保', '城市') },
    { input: '城市低保（二档）', expected: program('低保', '城市') },
    { input: '农村低保二类户', expected: program('低保', '农村') },
    { input: '农村一类低保', expected: program('低保', '农村') },
    { input: '农村低保 (全额)', expected: program('低保', '农村') },
    { input: '农村低保-重点保障', expected: program('低保', '农村') },
    { input: '农村低保（单人保）', expected: program('低保', '农村') },
    { input: '农村低保（单人施保）', expected: program('低保', '农村'), note: 'a member taken in alone' },
    { input: '城市低保重残单列', expected: program('低保', '城市') },
    { input: '农村低保（兜底保障）', expected: program('低保', '农村') },
    { input: '农村低保-重度残疾', expected: program('低保', '农村') },
    { input: 'A类低保', expected: program('低保', null) },
    { input: '特困供养（全自理）', expected: program('特困', '农村') },
    { input: '分散供养特困(半护理)', expected: program('特困', '农村') },
    { input: '城市特困人员（全护理）', expected: program('特困', '城市') },
    // A roll kept in traditional characters.
    { input: '農村低保', expected: program('低保', '农村') },
    { input: '城市最低生活保障（單人施保）', expected: program('低保', '城市') },
    { input: '特困供養（分散）', expected: program('特困', '农村') },
    { input: '農村五保戶', expected: program('特困', '农村') },
  ],
  rejected: [
    { input: '低保边缘户', expected: unknown, note: 'a different programme' },
    { input: '低保边缘户A类', expected: unknown, note: 'a class word does not make it 低保' },
    { input: '低保邊緣戶', expected: unknown, note: 'in traditional characters too' },
    { input: '低保A类特困', expected: unknown, note: 'two families at once' },
    { input: '低收入人口', expected: unknown },
    { input: '非低保', expected: unknown },
    { input: '临时救助', expected: unknown },
    { input: '特困低保', expected: unknown, note: 'two families at once' },
    { input: '保障', expected: unknown },
    { input: '', expected: unknown },
    { input: null, expected: unknown },
  ],
});

describeMacroTable('rs_roll_status', connection, {
  expression: 'rs_roll_status(v)',
  accepted: [
    { input: '在保', expected: '在保' },
    { input: '正常', expected: '在保' },
    { input: '保障中', expected: '在保' },
    { input: '享受中', expected: '在保' },
    { input: ' 在保 ', expected: '在保' },
    { input: '', expected: '在保', note: 'empty means 在保' },
    { input: null, expected: '在保' },
    { input: '停保', expected: '停保' },
    { input: '暂停', expected: '停保' },
    { input: '停发', expected: '停保' },
    { input: '暂停发放', expected: '停保' },
    { input: '退保', expected: '退保' },
    { input: '退出', expected: '退保' },
    { input: '注销', expected: '退保' },
    { input: '取消', expected: '退保' },
    { input: '已退出', expected: '退保' },
    // A status with a note: read by its status words, all of one class.
    { input: '停保（死亡）', expected: '停保', note: 'a note in brackets' },
    { input: '已停保-死亡', expected: '停保' },
    { input: '停保：死亡', expected: '停保' },
    { input: '死亡停保', expected: '停保' },
    { input: '停发(死亡)', expected: '停保' },
    { input: '暂停发放（外出务工）', expected: '停保', note: 'two words, one class' },
    { input: '退保(死亡注销)', expected: '退保' },
    { input: '死亡注销', expected: '退保' },
    { input: '取消低保资格', expected: '退保' },
    { input: '正常发放', expected: '在保' },
    // A note of why the row changed, the person paid all the same.
    { input: '新增', expected: '在保' },
    { input: '续保', expected: '在保' },
    { input: '新纳入', expected: '在保' },
    { input: '有效', expected: '在保' },
    { input: '提标', expected: '在保' },
    { input: '变更', expected: '在保' },
    { input: '新增停保', expected: '停保', note: 'the status word decides, not the note' },
    { input: '暫停', expected: '停保', note: 'traditional characters' },
    { input: '註銷', expected: '退保' },
    { input: '停發（死亡）', expected: '停保' },
  ],
  rejected: [
    { input: '待审核', expected: null },
    { input: '在保?', expected: null },
    { input: '停保？', expected: null, note: 'a question: the clerk was unsure' },
    { input: '死亡', expected: null, note: 'not a status: the caller reports it' },
    { input: '已死亡', expected: null, note: 'no status word' },
    { input: 'abc', expected: null },
    { input: '取消停保', expected: null, note: 'words of two classes: a reversal' },
    { input: '停保转在保', expected: null, note: 'words of two classes' },
    { input: '在册（已注销）', expected: null, note: 'words of two classes' },
    { input: '拟退保', expected: null, note: 'only proposed' },
    { input: '待注销', expected: null },
    { input: '申请退保', expected: null },
    { input: '恢复在保', expected: null },
    { input: '撤销停保', expected: null, note: 'a suspension reversed' },
    { input: '未停保', expected: null, note: 'negated' },
    { input: '非在保', expected: null },
    { input: '停保（死亡，待核实）', expected: null, note: 'not yet verified' },
  ],
});

describeMacroTable('rs_yes', connection, {
  expression: 'rs_yes(v)',
  accepted: [
    { input: '是', expected: true },
    { input: 'Y', expected: true },
    { input: 'y', expected: true },
    { input: 'yes', expected: true },
    { input: 'YES', expected: true },
    { input: '1', expected: true },
    { input: '已备案', expected: true },
    { input: '√', expected: true },
    { input: ' 是 ', expected: true },
    { input: '否', expected: false },
    { input: 'N', expected: false },
    { input: 'n', expected: false },
    { input: 'no', expected: false },
    { input: '0', expected: false },
    { input: '未备案', expected: false },
    { input: '', expected: false, note: 'empty means 否' },
    { input: null, expected: false },
  ],
  rejected: [
    { input: '待定', expected: null },
    { input: '2', expected: null },
    { input: '是否', expected: null },
  ],
});

describeMacroTable('rs_is_head', connection, {
  expression: 'rs_is_head(v)',
  accepted: [
    { input: '户主', expected: true },
    { input: '本人', expected: true },
    { input: '申请人', expected: true },
    { input: '户主本人', expected: true },
    { input: ' 户主 ', expected: true },
    { input: '本人（户主）', expected: true },
    { input: '家长', expected: true },
    { input: '01', expected: true, note: 'GB/T 4761-2008: 本人' },
    { input: '02', expected: true, note: 'GB/T 4761-2008: 户主' },
    { input: '戶主', expected: true, note: 'traditional characters' },
  ],
  rejected: [
    { input: '配偶', expected: false },
    { input: '10', expected: false, note: 'GB/T 4761-2008: 配偶' },
    { input: '1', expected: false, note: 'not a GB/T 4761 code' },
    { input: '子', expected: false },
    { input: '户主之子', expected: false },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describe('category macro types', () => {
  it('rs_program returns STRUCT(family, area) and the others VARCHAR / BOOLEAN', async () => {
    const row = await queryOneRow(connection(), `
      SELECT typeof(rs_program('低保')) AS program, typeof(rs_roll_status('在保')) AS status,
             typeof(rs_yes('是')) AS yes, typeof(rs_is_head('户主')) AS head,
             rs_program('城市低保').family AS family`);
    expect(row).toEqual({
      // DuckDB quotes the field name because FAMILY is a keyword; rs_program(x).family still works.
      program: 'STRUCT("family" VARCHAR, area VARCHAR)', status: 'VARCHAR', yes: 'BOOLEAN', head: 'BOOLEAN', family: '低保',
    });
  });
});
