// rs_cancellation_kind, rs_out_of_custody, rs_payment_failed, rs_other_benefit, rs_off_payroll, rs_welfare_post, rs_vague_staff_kind,
// rs_welfare_post_unit and rs_right_ended: the cells that say a
// list's row is not a death, not a prisoner held, not a payment made, not someone paid by the state, not a property held
// (scanner/load/out-of-scope-rows.ts), and their near-misses.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_cancellation_kind', connection, {
  expression: 'rs_cancellation_kind(v)',
  accepted: [
    { input: '死亡', expected: 'death' },
    { input: '死亡注销', expected: 'death' },
    { input: '宣告死亡', expected: 'death' },
    { input: '病故', expected: 'death' },
    { input: '（死亡）', expected: 'death', note: 'decoration removed' },
    { input: '迁出', expected: 'not-death' },
    { input: '户口迁往外省', expected: 'not-death' },
    { input: '出国（境）定居', expected: 'not-death' },
    { input: '参军入伍', expected: 'not-death' },
    { input: '重复户口', expected: 'not-death' },
    { input: '户口登记错误', expected: 'not-death' },
    { input: '加入外国国籍', expected: 'not-death' },
    { input: '宣告失踪', expected: 'not-death' },
    { input: '其他', expected: 'unclear', note: 'read as a death, to be verified' },
    { input: '户口注销', expected: 'unclear' },
  ],
  rejected: [
    { input: '', expected: null, note: 'empty: the list is a deaths list' },
    { input: '  ', expected: null },
    { input: null, expected: null },
  ],
});

describeMacroTable('rs_out_of_custody', connection, {
  expression: 'rs_out_of_custody(v)',
  accepted: [
    { input: '緩刑', expected: true, note: 'traditional characters' },
    { input: '假釋（未撤銷）', expected: true, note: 'traditional characters' },
    { input: '缓刑', expected: true },
    { input: '假释', expected: true },
    { input: '暂予监外执行', expected: true },
    { input: '社区矫正', expected: true },
    { input: '在矫', expected: true },
    { input: '管制', expected: true },
    { input: '取保候审', expected: true },
    { input: '指定居所监视居住', expected: true },
    { input: '假释（未撤销）', expected: true, note: 'a revocation not made: still outside' },
    { input: '暂予监外执行（未收监）', expected: true },
    { input: '暂予监外执行（不予收监）', expected: true },
    { input: '缓刑（考验期内，未撤销）', expected: true },
    { input: '缓刑，尚未撤销', expected: true },
    { input: '暂予监外执行，暂不收监', expected: true },
    { input: '假释，没有撤销', expected: true },
  ],
  rejected: [
    { input: '撤銷緩刑，收監執行', expected: false, note: 'back inside, in traditional characters' },
    { input: '监内服刑', expected: false },
    { input: '羁押', expected: false },
    { input: '刑事拘留', expected: false },
    { input: '逮捕', expected: false },
    { input: '撤销缓刑，收监执行', expected: false, note: 'back inside' },
    { input: '撤销假释', expected: false },
    { input: '缓刑考验期内拒不报到，撤销缓刑', expected: false, note: 'the negation is of another word' },
    { input: '暂予监外执行逾期未报到，收监执行', expected: false },
    { input: '假释（未撤销），后撤销假释', expected: false, note: 'revoked later' },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_payment_failed', connection, {
  expression: 'rs_payment_failed(v)',
  accepted: [
    { input: '失敗：賬戶已銷戶', expected: true, note: 'traditional characters' },
    { input: '失败', expected: true },
    { input: '失败:账户已销户', expected: true },
    { input: '发放不成功', expected: true },
    { input: '退回', expected: true },
    { input: '银行退票', expected: true },
    { input: '未到账', expected: true },
    { input: '账户冻结', expected: true },
    { input: '作废', expected: true },
  ],
  rejected: [
    { input: '成功', expected: false },
    { input: '已发放', expected: false },
    { input: '正常', expected: false },
    { input: '在保', expected: false, note: 'a roll status copied into the list' },
    { input: '退保', expected: false, note: 'the household left the roll, the payment was still made' },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_other_benefit', connection, {
  expression: 'rs_other_benefit(v)',
  accepted: [
    { input: '高齡津貼', expected: true, note: 'traditional characters' },
    { input: '高龄津贴', expected: true },
    { input: '80周岁以上高龄补贴', expected: true },
    { input: '困难残疾人生活补贴', expected: true },
    { input: '重度残疾人护理补贴', expected: true },
    { input: '耕地地力保护补贴', expected: true },
    { input: '城乡居民基础养老金', expected: true },
    { input: '价格临时补贴', expected: true },
    { input: '临时救助金', expected: true },
    { input: '低保户取暖补贴', expected: true, note: 'a 低保 household\'s other benefit' },
    { input: '春节慰问金', expected: true },
  ],
  rejected: [
    { input: '低保金', expected: false },
    { input: '城市低保金', expected: false },
    { input: '农村最低生活保障金', expected: false },
    { input: '特困人员供养金', expected: false },
    { input: '特困人员照料护理补贴', expected: false, note: 'part of 特困供养' },
    { input: '分类施保金', expected: false },
    { input: '残疾人低保金', expected: false, note: 'names the benefit itself' },
    { input: '生活补助', expected: false, note: 'unclear: kept' },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_off_payroll', connection, {
  expression: 'rs_off_payroll(v)',
  accepted: [
    { input: '離職', expected: true, note: 'traditional characters' },
    { input: '离职', expected: true },
    { input: '已辞职', expected: true },
    { input: '辞退', expected: true },
    { input: '解除聘用', expected: true },
    { input: '减员', expected: true },
    { input: '死亡', expected: true },
    { input: '未到岗，已辞退', expected: true, note: 'a denial of another word leaves this one' },
    { input: '已解除', expected: true },
    { input: '解除劳动合同', expected: true },
    { input: '终止劳动合同', expected: true },
    { input: '合同终止', expected: true },
    { input: '除名', expected: true },
    { input: '病故', expected: true, note: 'a death by another word' },
    { input: '已故', expected: true },
  ],
  rejected: [
    { input: '未離職', expected: false, note: 'denied, in traditional characters' },
    { input: '在职', expected: false },
    { input: '退休', expected: false, note: 'a pension from public funds' },
    { input: '调出', expected: false, note: 'maybe to another public employer: staff verify' },
    { input: '未离职', expected: false, note: 'a denied word does not count' },
    { input: '在职（未辞职）', expected: false },
    { input: '不予解聘', expected: false },
    { input: '未终止', expected: false, note: 'a contract not ended' },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_welfare_post', connection, {
  expression: 'rs_welfare_post(v)',
  accepted: [
    { input: '生態護林員', expected: true, note: 'traditional characters' },
    { input: '公益性岗位', expected: true },
    { input: '乡村公益性岗位', expected: true },
    { input: '公益岗', expected: true },
    { input: '生态护林员', expected: true },
    { input: '村庄保洁员', expected: true },
    { input: '护路员', expected: true },
    { input: '（公益性岗位）', expected: true, note: 'decoration around it' },
  ],
  rejected: [
    { input: '行政编制', expected: false },
    { input: '事业编制', expected: false },
    { input: '公益一类事业单位', expected: false, note: 'a 事业单位 class: its staff are 财政供养' },
    { input: '参照公务员法管理', expected: false },
    { input: '编外聘用', expected: false, note: 'paid from public funds: staff verify' },
    { input: '临时工', expected: false },
    { input: '劳务派遣', expected: false },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_vague_staff_kind', connection, {
  expression: 'rs_vague_staff_kind(v)',
  accepted: [
    { input: '编外', expected: true },
    { input: '编外人员', expected: true },
    { input: '编外聘用', expected: true },
    { input: '非在编', expected: true },
    { input: '临时工', expected: true },
    { input: '合同制工人', expected: true },
    { input: '劳务派遣人员', expected: true },
    { input: '政府购买服务', expected: true },
    { input: '其他', expected: true },
    { input: '（编外）', expected: true, note: 'decoration removed' },
    { input: '', expected: true, note: 'an empty class says nothing: the next column decides' },
    { input: null, expected: true },
  ],
  rejected: [
    { input: '行政编制', expected: false },
    { input: '事业编制（公益一类）', expected: false },
    { input: '工勤人员', expected: false, note: '在编: his 岗位 保洁员 is his work, not a 公益性岗位' },
    { input: '工人', expected: false, note: 'the 工人 of 干部/工人: 在编' },
    { input: '工勤技能岗位', expected: false, note: 'a 岗位类别 of 事业单位 staff' },
    { input: '参照公务员法管理', expected: false },
    { input: '聘用制（在编）', expected: false, note: 'a word besides the vague ones decides' },
    { input: '公益性岗位', expected: false, note: 'read as such by rs_welfare_post first' },
  ],
});

describeMacroTable('rs_welfare_post_unit', connection, {
  expression: 'rs_welfare_post_unit(v)',
  accepted: [
    { input: '某某鎮公益性崗位', expected: true, note: 'traditional characters' },
    { input: '城关镇公益性岗位', expected: true },
    { input: '东村公益岗', expected: true },
    { input: '张庄镇乡村公益岗位（保洁）', expected: true },
    { input: '县人社局公益性岗位', expected: true, note: 'the posts a bureau lists, not the bureau' },
  ],
  rejected: [
    { input: '县公益事业发展中心', expected: false, note: 'a 事业单位' },
    { input: '公益一类事业单位', expected: false },
    { input: '县公益性公墓管理所', expected: false },
    { input: '县公益性岗位管理服务中心', expected: false, note: 'the office that runs the posts: its staff may be 在编' },
    { input: '东村公益岗管理站', expected: false },
    { input: '城关镇人民政府', expected: false },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});

describeMacroTable('rs_right_ended', connection, {
  expression: 'rs_right_ended(v)',
  accepted: [
    { input: '歷史', expected: true, note: 'traditional characters' },
    { input: '历史', expected: true },
    { input: '注销', expected: true },
    { input: '已注销', expected: true },
    { input: '灭失', expected: true },
    { input: '已转移', expected: true },
  ],
  rejected: [
    { input: '现势', expected: false },
    { input: '查封', expected: false },
    { input: '抵押', expected: false },
    { input: '预告登记未注销', expected: false, note: 'not yet cancelled' },
    { input: '', expected: false },
    { input: null, expected: false },
  ],
});
