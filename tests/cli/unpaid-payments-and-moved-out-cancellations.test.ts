// A bank's 代发 file says a payment was not made in more words than 失败 and 退回 (账户已注销, 退汇, 未成功, 待发放,
// 户名不符 …), and a 公安 注销户籍 list cancels 户口 for more reasons than 迁出 and 参军 (婚嫁, 升学, 投靠亲属, 工作调动 …).
// Read as paid, such a month was money a dead man's family was asked to repay; read as deaths to verify, such people
// were high deceased findings with an overpayment. Neither is: the scan finds only the dead, and counts only what was paid.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

/** Statuses of a payment the bank did not make, one per household H101…H109; H110's was paid. */
const NOT_PAID = ['账户已注销', '退汇', '未成功', '停发', '待发放', '户名不符', '账号不存在', '无此账户', '账户状态异常'];
const BANK_LIST = [...NOT_PAID, '发放成功'].map((status, index) => ({
  household: `H${101 + index}`, name: `刘${'一二三四五六七八九十'[index]}`, id: validId('370481', '19500101', String(101 + index)), status,
}));

/** Cancellations of a living person's 户口, one per household H201…H205, besides 李秀英's and 王小明's. */
const MOVES = ['投靠亲属', '工作调动', '转为现役军人', '大中专院校录取', '购房落户'];
const MOVERS = MOVES.map((reason, index) => ({
  household: `H${201 + index}`, name: `陈${'一二三四五'[index]}`, id: validId('370481', '19600101', String(201 + index)), reason,
}));
const UNCLEAR = { household: 'H301', name: '周一', id: validId('370481', '19400101', '301') };

describe('payments not made and 户口 cancelled for a move', () => {
  it('counts no payment the bank did not make, and reads no cancellation for a move as a death', async () => {
    const singles = [...BANK_LIST, ...MOVERS, UNCLEAR].map(({ household, name, id }) => `张庄镇,南村,${household},${name},${id},户主,农村低保,700,在保`);
    const payments = [
      '家庭编号,发放月份,发放金额,发放状态',
      'H001,2026-10,1400,成功',
      ...BANK_LIST.flatMap(({ household, status }) => [`${household},2026-09,700,成功`, `${household},2026-10,700,${status}`]),
      ...MOVERS.map(({ household }) => `${household},2026-10,700,成功`),
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(singles),
      '殡葬火化人员.csv': ['姓名,身份证号码,死亡日期', ...BANK_LIST.map(({ name, id }) => `${name},${id},2026-09-10`)].join('\n') + '\n',
      '公安注销户籍人员.csv': [
        '姓名,公民身份号码,注销日期,注销原因',
        `张大山,${PEOPLE.zhang},2026-09-15,死亡`,
        `李秀英,${PEOPLE.li},2026-07-15,婚嫁`,
        `王小明,${PEOPLE.wang},2026-07-15,升学`,
        ...MOVERS.map(({ name, id, reason }) => `${name},${id},2026-07-15,${reason}`),
        `${UNCLEAR.name},${UNCLEAR.id},2026-07-15,其他`,
      ].join('\n') + '\n',
      '低保发放明细.csv': payments,
    });

    const deceased = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    // The dead (the bank's ten, 张大山, and 周一 whose 其他 is read as a death to verify); none of the seven who moved.
    expect(deceased.map((finding) => finding('name')).sort()).toEqual([...BANK_LIST.map(({ name }) => name), '周一', '张大山'].sort());
    const overpaid = Object.fromEntries(deceased.map((finding) => [finding('name'), finding('overpayment_yuan')]));
    // 刘十's October (发放成功) and half of H001's October; the nine payments not made are no money to recover.
    expect(overpaid).toMatchObject({ 刘十: '700.00', 张大山: '700.00', ...Object.fromEntries(BANK_LIST.slice(0, 9).map(({ name }) => [name, '0.00'])) });
    expect(summary.findings.overpayment_yuan).toBe('1400.00');
    expect(deceased.find((finding) => finding('name') === '周一')!('evidence')).toContain('注销原因「其他」，需核实是否死亡');

    expect(summary.datasets.payments).toMatchObject({ rows_read: 26, rows_used: 17, rows_rejected: 9 });
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 19, rows_used: 12, rows_rejected: 7 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '低保发放明细.csv', message: expect.stringMatching(/^发放状态为失败、退回等（款项未发出）的 9 行未计入发放（.*待发放 1 行.*退汇 1 行.*），已列入拒收记录$/) },
      { file: '公安注销户籍人员.csv', message: expect.stringMatching(/^注销原因不是死亡的 7 行未作为死亡记录（.*婚嫁 1 行.*），已列入拒收记录$/) },
    ]));
  });
});
