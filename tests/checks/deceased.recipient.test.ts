// deceased.recipient: active recipients on a death list by P.end, with the overpayment since the month after death.
import { describe, expect, it } from 'vitest';
import { findCheck } from '../../scanner/engine/registry.ts';
import { doubtfulMonthText } from '../../scanner/load/doubtful-months.ts';
import { findingsFor, testCheck, type Rows } from '../support/check-tester.ts';
import { legacyId, upgradeLegacyId, validId } from './id-numbers.ts';
import { rollRow } from './roll-rows.ts';

const ZHANG = validId('110101', '19500307', '451');
const LI = validId('110101', '19520612', '232');
const WANG = validId('110101', '19800101', '011');
const OTHER_ZHANG = validId('110101', '19451208', '519');
const OLD_LI = legacyId('110101', '520612', '233');

/** A two-person 农村低保 household H001: 张三 (head) and 李四 (spouse), who is the one on the death list. */
const couple = [rollRow({ name: '张三', id_number: ZHANG }), rollRow({ name: '李四', id_number: LI, relation: '配偶' })];
/** H001 paid `amount` for each month from 2026-06 to 2026-10. */
const paid = (amount: string, months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) =>
  months.map((month) => ({ household_id: 'H001', month, amount }));

testCheck('deceased.recipient', {
  valid: [
    {
      name: 'death after P.end (2026-11-01)',
      rows: { roll: couple, deaths: [{ id_number: LI, name: '李四', death_date: '2026-11-01', source: '殡葬火化' }], payments: paid('1400') },
    },
    {
      name: 'a different person with the same name died',
      rows: { roll: couple, deaths: [{ id_number: OTHER_ZHANG, name: '张三', death_date: '2026-05-02', source: '公安户籍注销' }] },
    },
    {
      name: 'the dead member\'s row is already 停保 (the rest of the household still 在保)',
      rows: {
        roll: [couple[0]!, rollRow({ name: '李四', id_number: LI, relation: '配偶', status: '停保' })],
        deaths: [{ id_number: LI, name: '李四', death_date: '2026-04-19', source: '殡葬火化' }],
      },
    },
    {
      name: 'a 注销户籍 list cancels her 户口 for 迁出, 参军 or 出国(境)定居: no death (the row is refused as out of scope)',
      rows: {
        roll: couple,
        deaths: ['迁出', '户口迁往外省', '参军入伍', '出国（境）定居', '重复户口'].map((reason) => ({ id_number: LI, name: '李四', death_date: '2026-05-02', source: '公安户籍注销', reason })),
        payments: paid('1400'),
      },
    },
    {
      name: 'a 注销户籍 list cancels her 户口 for 婚嫁, 升学, 投靠亲属, 工作调动, 现役, 落户 or 判刑: no death (these were read as deaths to verify)',
      rows: {
        roll: couple,
        deaths: ['婚嫁', '升学', '大中专院校录取', '投靠亲属', '工作调动', '转为现役军人', '购房落户', '被判处徒刑']
          .map((reason) => ({ id_number: LI, name: '李四', death_date: '2026-05-02', source: '公安户籍注销', reason })),
        payments: paid('1400'),
      },
    },
    {
      name: 'the dead person\'s row is 停保 or 退保 with a note (停保（死亡）, 已停保-死亡, 退保(死亡注销), 死亡注销): no finding',
      rows: {
        roll: ['停保（死亡）', '已停保-死亡', '退保(死亡注销)', '死亡注销'].map((status, index) =>
          rollRow({ household_id: `H00${index + 1}`, name: '李四', id_number: LI, status })),
        deaths: [{ id_number: LI, name: '李四', death_date: '2026-04-19', source: '殡葬火化' }],
      },
    },
    {
      // A 火化日期 or 注销日期 after the 死亡日期, or in its month, is no contradiction: the 死亡日期 decides, as before.
      name: 'died after P.end, cremated after; died in November (2026年11月), cremated on 11-02: the 死亡日期 decides',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })],
        deaths: [
          { id_number: LI, death_date: '2026-11-01', cremated_on: '2026-11-03', cancelled_on: '2026-11-20' },
          { id_number: WANG, death_date: '2026年11月', cremated_on: '2026-11-02' },
        ],
        payments: paid('1400'),
      },
    },
    {
      name: 'a single-person household already 停保',
      rows: { roll: [rollRow({ name: '李四', id_number: LI, status: '停保' })], deaths: [{ id_number: LI, name: '李四', death_date: '2026-05-25' }] },
    },
  ],
  invalid: [
    {
      name: 'paid 3 months after the month of death: 1400 元 ÷ 2 members × 3 (Aug–Oct; June, July and November not counted)',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, name: '李四', death_date: '2026-07-15', source: '殡葬火化' }],
        payments: [...paid('1400'), { household_id: 'H001', month: '2026-11', amount: '1400' }, { household_id: 'H002', month: '2026-09', amount: '900' }],
      },
      expected: [{
        subject_id: LI, household_id: 'H001', village: '东村', overpayment_cents: 210000,
        evidence: ['死亡日期 2026-07-15，来源 殡葬火化（deaths.csv 第2行）', '死亡次月起仍发放 3 个月（2026-08 至 2026-10）', '÷ 在保 2 人估算多发 2100.00 元'],
      }],
    },
    {
      name: 'each share rounded half up in integer cents, then summed: 1400.01 ÷ 2 = 700.01, × 3 months',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026-07-31' }], payments: paid('1400.01') },
      expected: [{ subject_id: LI, overpayment_cents: 210003, evidence: ['来源 未注明'] }],
    },
    {
      name: 'two payment rows in one month count as that month\'s amount (1000 + 200 = 1200 ÷ 2); a 停保 member is not counted among the members',
      rows: {
        roll: [...couple, rollRow({ name: '王五', id_number: WANG, relation: '子', status: '停保' })],
        deaths: [{ id_number: LI, name: '李四', death_date: '2026-09-03' }],
        payments: [...paid('1000'), { household_id: 'H001', month: '2026-10', amount: '200' }],
      },
      expected: [{ subject_id: LI, overpayment_cents: 60000, evidence: ['死亡次月起仍发放 1 个月（2026-10 至 2026-10）', '在保 2 人'] }],
    },
    {
      name: 'a member 停保（死亡） is neither found nor counted among the members: 1400 ÷ 2, not ÷ 3',
      rows: {
        roll: [...couple, rollRow({ name: '王五', id_number: WANG, relation: '子', status: '停保（死亡）' })],
        deaths: [{ id_number: LI, name: '李四', death_date: '2026-09-03' }, { id_number: WANG, name: '王五', death_date: '2026-05-02' }],
        payments: paid('1400'),
      },
      expected: [{ subject_id: LI, overpayment_cents: 70000, evidence: ['死亡次月起仍发放 1 个月（2026-10 至 2026-10）', '在保 2 人'] }],
    },
    {
      name: 'three lists report one death: one finding, earliest date, every record in the evidence',
      rows: {
        roll: couple,
        deaths: [
          { id_number: LI, name: '李四', death_date: '2026-08-02', source: '公安户籍注销', _file: '公安.csv' },
          { id_number: LI, name: '李四', death_date: '2026-07-30', source: '殡葬火化', _file: '火化.csv' },
          { id_number: LI, name: '李四', death_date: '2026-07-30', source: '卫健死亡医学证明', _file: '卫健.csv' },
        ],
        payments: paid('1400'),
      },
      expected: [{
        subject_id: LI, overpayment_cents: 210000,
        evidence: ['死亡日期 2026-07-30，来源 殡葬火化（火化.csv 第3行）', '来源 卫健死亡医学证明（卫健.csv 第4行）', '死亡日期 2026-08-02，来源 公安户籍注销（公安.csv 第2行）'],
      }],
    },
    {
      name: 'a 注销原因 naming death is a death and in the evidence; one naming no reason (其他) is read as one, to be verified',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })],
        deaths: [
          { id_number: LI, death_date: '2026-07-30', source: '公安户籍注销', reason: '死亡注销' },
          { id_number: WANG, death_date: '2026-07-30', source: '公安户籍注销', reason: '其他' },
        ],
        payments: paid('1400'),
      },
      expected: [
        { subject_id: LI, overpayment_cents: 210000, evidence: ['死亡日期 2026-07-30，来源 公安户籍注销，注销原因 死亡注销（deaths.csv 第2行）'] },
        { subject_id: WANG, evidence: ['来源 公安户籍注销，注销原因「其他」，需核实是否死亡（deaths.csv 第3行）'] },
      ],
    },
    {
      name: 'a payment the bank could not make (发放状态 失败, 退回) is not counted: 2 paid months of 3 (Aug, Oct)',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-07-15' }],
        payments: paid('1400').map((payment) => ({
          ...payment, status: payment.month === '2026-09' ? '失败（账户已销户）' : payment.month === '2026-06' ? '退回' : '成功',
        })),
      },
      expected: [{ subject_id: LI, overpayment_cents: 140000, evidence: ['死亡次月起仍发放 2 个月（2026-08 至 2026-10）'] }],
    },
    {
      name: 'a payment sent back (退汇), not yet made (待发放) or not payable (户名不符, 账户状态异常) is not counted: 1 paid month (Oct)',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-04-15' }],
        payments: paid('1400').map((payment, index) => ({ ...payment, status: ['退汇', '待发放', '户名不符', '账户状态异常', '发放成功'][index] })),
      },
      expected: [{ subject_id: LI, overpayment_cents: 70000, evidence: ['死亡次月起仍发放 1 个月（2026-10 至 2026-10）'] }],
    },
    {
      name: 'a payment reversed in the list (冲正: -1400 beside 1400) is no month paid: 2 months of 3 (Aug, Oct)',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026-07-15' }], payments: [...paid('1400'), { household_id: 'H001', month: '2026-09', amount: '-1400' }] },
      expected: [{ subject_id: LI, overpayment_cents: 140000, evidence: ['死亡次月起仍发放 2 个月（2026-08 至 2026-10）'] }],
    },
    {
      name: 'a reversal booked in a later month cancels its payment to the cent: shares are rounded half away from zero',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-08-15' }],
        // 1001 cents ÷ 2 members is 500.5 each way: rounded up for the payment and down for its reversal, a cent was left.
        payments: [{ household_id: 'H001', month: '2026-09', amount: '10.01' }, { household_id: 'H001', month: '2026-10', amount: '-10.01' }],
      },
      expected: [{ subject_id: LI, overpayment_cents: 0 }],
    },
    {
      name: 'every payment after the death reversed: nothing overpaid, and the evidence says so',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-08-15' }],
        payments: [...paid('1400'), ...['2026-09', '2026-10'].map((month) => ({ household_id: 'H001', month, amount: '-1400' }))],
      },
      expected: [{ subject_id: LI, overpayment_cents: 0, evidence: ['死亡次月起的发放均已冲回，多发 0.00 元'] }],
    },
    {
      name: 'the death list names someone else under this ID: 需核实身份',
      rows: { roll: couple, deaths: [{ id_number: LI, name: '李斯', death_date: '2026-06-10', source: '公安户籍注销' }], payments: paid('1400') },
      expected: [{ subject_id: LI, overpayment_cents: 280000, evidence: ['死亡名单姓名「李斯」与花名册「李四」不一致，需核实身份'] }],
    },
    {
      name: 'death within P (and on P.end): flagged, nothing overpaid yet',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })],
        deaths: [{ id_number: LI, death_date: '2026-10-03' }, { id_number: WANG, death_date: '2026-10-31' }],
        payments: paid('1400'),
      },
      expected: [
        { subject_id: LI, overpayment_cents: 0, evidence: ['死亡次月起无发放记录，多发 0.00 元'] },
        { subject_id: WANG, household_id: 'H002', overpayment_cents: 0 },
      ],
    },
    {
      // Until 2026-12-06 the 死亡日期 alone was read where given: a death typed a year late (2027-09-28 for a cremation on
      // 2026-09-30), or a day late across the month (11-01 for a 户口 cancelled on 10-03), was after P, and not found.
      name: 'a 火化日期 or 注销日期 before the 死亡日期: he was dead by the earliest, read so and to be verified (需核实)',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })],
        deaths: [
          { id_number: LI, death_date: '2027-09-28', cremated_on: '2026-09-30', source: '殡葬火化' },
          { id_number: WANG, death_date: '2026-11-01', cremated_on: '2026-10-20', cancelled_on: '2026-10-03', source: '公安户籍注销' },
        ],
        payments: [...paid('1400'), { household_id: 'H002', month: '2026-10', amount: '700' }],
      },
      expected: [
        {
          subject_id: LI, overpayment_cents: 70000,
          evidence: ['死亡人员名单：火化日期 2026-09-30（死亡日期 2027-09-28 晚于火化日期 2026-09-30，按火化日期计，需核实），来源 殡葬火化（deaths.csv 第2行）'],
        },
        { subject_id: WANG, overpayment_cents: 0, evidence: ['注销日期 2026-10-03（死亡日期 2026-11-01 晚于注销日期 2026-10-03，按注销日期计，需核实）'] },
      ],
    },
    {
      name: 'a 死亡日期 that gives only its month, a later one than its 火化日期: the 火化日期 (2026年11月, 2026-10-20)',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026年11月', cremated_on: '2026-10-20' }], payments: paid('1400') },
      expected: [{ subject_id: LI, overpayment_cents: 0, evidence: ['火化日期 2026-10-20（死亡日期 2026-11 晚于火化日期 2026-10-20，按火化日期计，需核实）'] }],
    },
    {
      name: 'a 死亡日期 in the month of its 火化日期 (2026年9月, 2026-09-10): the 死亡日期 decides, no contradiction',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026年9月', cremated_on: '2026-09-10' }], payments: paid('1400') },
      expected: [{ subject_id: LI, overpayment_cents: 70000, evidence: ['死亡月份 2026-09-30（死亡日期「2026年9月」只写到月，按该月末日计）'] }],
    },
    {
      // Until 2026-12-06 a month in these refused the row, as a 死亡日期's did not: the dead stayed on the roll.
      name: 'a 注销日期 or 火化日期 that gives only its month (2026年9月, 2026.8) is read as its last day, as a 死亡日期 is',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })],
        deaths: [
          { id_number: LI, death_date: '', cancelled_on: '2026年9月', source: '公安户籍注销', reason: '死亡' },
          { id_number: WANG, death_date: '不详', cremated_on: '2026.8' },
        ],
        payments: [...paid('1400'), { household_id: 'H002', month: '2026-10', amount: '700' }],
      },
      expected: [
        { subject_id: LI, overpayment_cents: 70000, evidence: ['注销日期 2026-09（只写年月，按该月末日计；未写死亡日期，按注销日期计，死亡在此月或之前），来源 公安户籍注销'] },
        { subject_id: WANG, overpayment_cents: 70000, evidence: ['火化日期 2026-08（只写年月，按该月末日计；死亡日期「不详」无法识别，按火化日期计，死亡在此月或之前）'] },
      ],
    },
    {
      // 2026.1 may be 2026.10 whose 0 Excel dropped: read as January, it would date the death nine months early. The
      // reader writes such a cell with why (doubtful-months.ts: an Excel number cell, or a CSV column that writes no
      // 2025.10), as it hands it over here; until 2026-12-06 this column refused every 2026.1 itself (a CSV's that is
      // January too: tests/load/doubtful-months.test.ts).
      name: 'a 注销日期 of 2026.1 (January, or October in a number cell) is no month: the 死亡日期 beside it is read',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026-10-20', cancelled_on: doubtfulMonthText('2026.1') }], payments: paid('1400') },
      expected: [{ subject_id: LI, overpayment_cents: 0, evidence: ['死亡日期 2026-10-20，来源'] }],
    },
    {
      name: 'a 死亡日期 with a time in words (2026年8月20日10时30分, as a 卫健 certificate writes it): its day',
      rows: { roll: couple, deaths: [{ id_number: LI, death_date: '2026年8月20日10时30分', source: '卫健死亡医学证明' }], payments: paid('1400') },
      expected: [{ subject_id: LI, overpayment_cents: 140000, evidence: ['死亡日期 2026-08-20，来源 卫健死亡医学证明', '死亡次月起仍发放 2 个月（2026-09 至 2026-10）'] }],
    },
    {
      name: 'a payment row of the household refused at load (its amount unreadable): the evidence says it is not in the estimate',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-08-15' }],
        payments: [...paid('1400', ['2026-06', '2026-07', '2026-08', '2026-09']), { household_id: 'H001', month: '2026-10', amount: '一千四' }],
      },
      expected: [{
        subject_id: LI, overpayment_cents: 70000,
        evidence: ['按每月实发金额 ÷ 在保 2 人估算多发 700.00 元；发放明细另有 1 行写有此户家庭编号或此人身份证号，因无法识别被拒收，未计入多发金额，需核对'],
      }],
    },
    {
      // Until 2026-12-06 多发 0.00 元 (死亡次月起无发放记录) beside the refused row, which may be October's 1,400 元.
      name: 'no payment after the death readable, one refused: no estimate, not 无发放记录',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-09-15' }],
        payments: [...paid('1400', ['2026-08', '2026-09']), { household_id: 'H001', month: '2026-1O', amount: '1400' }],
      },
      expected: [{
        subject_id: LI, overpayment_cents: null,
        evidence: ['。死亡次月起读到的发放明细中没有此户的发放，但此户的发放可能未读到或未对应上，未估算多发金额；'
          + '发放明细另有 1 行写有此户家庭编号或此人身份证号，因无法识别被拒收，未计入多发金额，需核对'],
      }],
    },
    {
      // Until 2026-12-06 多发 0.00 元 (死亡次月起无发放记录) beside 1,400 元 paid in October under 1 for his 001.
      name: 'payments after the death under his 家庭编号 but for its leading zeros (1 for 001, 002 for 2), a number on no roll row: no estimate',
      rows: {
        roll: [...couple.map((row) => ({ ...row, household_id: '001' })), rollRow({ household_id: '2', name: '王五', id_number: WANG })],
        deaths: [{ id_number: LI, death_date: '2026-08-15' }, { id_number: WANG, death_date: '2026-08-15' }],
        payments: [
          { household_id: '001', month: '2026-08', amount: '1400' }, { household_id: '1', month: '2026-09', amount: '1400' }, { household_id: '1', month: '2026-10', amount: '1400' },
          { household_id: '002', month: '2026-10', amount: '700' },
        ],
      },
      expected: [
        {
          subject_id: LI, household_id: '001', overpayment_cents: null,
          evidence: ['未估算多发金额；发放明细另有 2 行（2026-09 至 2026-10）家庭编号为「1」，与此户「001」只差开头的 0（多半是 Excel 把家庭编号存成了数字），花名册中没有「1」'],
        },
        { subject_id: WANG, household_id: '2', overpayment_cents: null, evidence: ['发放明细另有 1 行（2026-10 至 2026-10）家庭编号为「002」，与此户「2」只差开头的 0'] },
      ],
    },
    {
      name: 'decoys of leading zeros: 1 is another roll household\'s, or paid only before the death: 多发 0.00 元 stays',
      rows: {
        roll: [
          ...couple.map((row) => ({ ...row, household_id: '001' })), rollRow({ household_id: '1', name: '王五', id_number: WANG }),
          rollRow({ household_id: '002', name: '赵六', id_number: OTHER_ZHANG }),
        ],
        deaths: [{ id_number: LI, death_date: '2026-08-15' }, { id_number: OTHER_ZHANG, death_date: '2026-08-15' }],
        payments: [
          { household_id: '001', month: '2026-08', amount: '1400' }, { household_id: '1', month: '2026-09', amount: '700' },
          { household_id: '2', month: '2026-07', amount: '700' }, { household_id: '2', month: '2026-08', amount: '700' },
        ],
      },
      expected: [
        { subject_id: LI, household_id: '001', overpayment_cents: 0, evidence: ['。死亡次月起无发放记录，多发 0.00 元'] },
        { subject_id: OTHER_ZHANG, household_id: '002', overpayment_cents: 0, evidence: ['。死亡次月起无发放记录，多发 0.00 元'] },
      ],
    },
    {
      // Until 2026-12-03 every refused row writing 001 was counted: 西村's family's, and one that names no village.
      name: 'villages number their households each (001): a refused payment row is his household\'s only where its 村 is his',
      rows: {
        roll: [
          rollRow({ household_id: '001', name: '王五', id_number: WANG }),
          rollRow({ household_id: '001', name: '李四', id_number: LI, relation: '配偶' }),
          rollRow({ village: '西村', household_id: '001', name: '赵六', id_number: OTHER_ZHANG }),
        ],
        deaths: [{ id_number: LI, death_date: '2026-08-15' }],
        payments: [
          ...paid('1400', ['2026-08', '2026-09']).map((payment) => ({ ...payment, household_id: '001', village: '东村' })),
          { household_id: '001', village: '东村', month: '2026-10', amount: '一千四' },
          { household_id: '001', village: '西村', month: '2026-10', amount: '一千四' },
          { household_id: '001', month: '2026-1O', amount: '1400' },
        ],
      },
      expected: [{
        subject_id: LI, household_id: '001（东村）', overpayment_cents: 70000,
        evidence: ['估算多发 700.00 元；发放明细另有 1 行写有此户家庭编号或此人身份证号，因无法识别被拒收'],
      }],
    },
    {
      // Until 2026-12-05 the evidence said 未提供发放明细 (no list given) beside the count of the list's refused rows.
      name: 'a payments list given whose every row was refused (amounts in 大写): no estimate, and not 未提供发放明细',
      rows: {
        roll: couple,
        deaths: [{ id_number: LI, death_date: '2026-08-15' }],
        payments: ['2026-09', '2026-10'].map((month) => ({ household_id: 'H001', month, amount: '壹仟肆佰元' })),
      },
      expected: [{
        subject_id: LI, overpayment_cents: null,
        evidence: ['发放明细没有一行可用（均无法识别，已被拒收），未估算多发金额；发放明细另有 2 行写有此户家庭编号或此人身份证号，因无法识别被拒收'],
      }],
    },
    {
      name: 'without payments the check still runs and leaves the overpayment empty',
      rows: { roll: couple, deaths: [{ id_number: LI, name: '李四', death_date: '2026-01-10', source: '殡葬火化' }] },
      expected: [{ subject_id: LI, overpayment_cents: null, evidence: ['未提供发放明细，未估算多发金额'] }],
    },
    {
      name: 'the roll has the 15-digit ID, the death list the 18-digit one',
      rows: { roll: [couple[0]!, rollRow({ name: '李四', id_number: OLD_LI, relation: '配偶' })], deaths: [{ id_number: upgradeLegacyId(OLD_LI), death_date: '2026-09-20' }] },
      expected: [{ subject_id: upgradeLegacyId(OLD_LI), household_id: 'H001' }],
    },
    {
      name: 'no 家庭编号 (empty, or lost to Excel\'s scientific notation): still found; no payment can be his, so no estimate',
      rows: {
        roll: [rollRow({ household_id: '', name: '李四', id_number: LI }), rollRow({ household_id: '3.71329E+15', name: '王五', id_number: WANG })],
        deaths: [{ id_number: LI, death_date: '2026-06-20' }, { id_number: WANG, death_date: '2026-06-20' }],
        payments: paid('1400'),
      },
      expected: [
        { subject_id: LI, household_id: null, overpayment_cents: null, evidence: ['家庭编号为空或无法识别，无法对应发放明细，未估算多发金额'] },
        { subject_id: WANG, household_id: null, overpayment_cents: null },
      ],
    },
    {
      name: 'active in two households: one finding per household, each with its own overpayment',
      rows: {
        roll: [...couple, rollRow({ household_id: 'H002', village: '西村', name: '李四', id_number: LI })],
        deaths: [{ id_number: LI, death_date: '2026-08-20' }],
        payments: [...paid('1400'), { household_id: 'H002', month: '2026-10', amount: '700' }],
      },
      expected: [
        { subject_id: LI, household_id: 'H001', overpayment_cents: 140000 },
        { subject_id: LI, household_id: 'H002', village: '西村', overpayment_cents: 70000 },
      ],
    },
  ],
});

describe('deceased.recipient evidence and finding id', () => {
  const check = findCheck('deceased.recipient')!;

  it('does not ask to verify identity when the names differ only in spelling (張/张, spaces)', async () => {
    const [same] = await findingsFor(check, { roll: [rollRow({ name: '張三', id_number: ZHANG })], deaths: [{ id_number: ZHANG, name: '张 三', death_date: '2026-06-01' }] });
    expect(same?.evidence).not.toContain('需核实身份');
  });

  it('does not ask to verify identity for a masked name that could be the roll\'s (王*明), but does for one that cannot', async () => {
    const [masked] = await findingsFor(check, { roll: [rollRow({ name: '张小三', id_number: ZHANG })], deaths: [{ id_number: ZHANG, name: '张*三', death_date: '2026-06-01' }] });
    expect(masked?.evidence).not.toContain('需核实身份');
    const [other] = await findingsFor(check, { roll: [rollRow({ name: '张小三', id_number: ZHANG })], deaths: [{ id_number: ZHANG, name: '李*三', death_date: '2026-06-01' }] });
    expect(other?.evidence).toContain('死亡名单姓名「李*三」与花名册「张小三」不一致，需核实身份');
  });

  it('keeps its id when the lists are re-sorted or a second list later reports the same death', async () => {
    const deaths = [
      { id_number: LI, death_date: '2026-07-30', source: '殡葬火化' },
      { id_number: WANG, death_date: '2026-05-01', source: '公安户籍注销' },
    ];
    const roll = [...couple, rollRow({ household_id: 'H002', name: '王五', id_number: WANG })];
    const ids = async (rows: Rows) => (await findingsFor(check, rows)).map((f) => f.finding_id).sort();
    const asGiven = await ids({ roll, deaths });
    expect(asGiven).toHaveLength(2);
    expect(await ids({ roll: [...roll].reverse(), deaths: [...deaths].reverse() })).toEqual(asGiven);
    expect(await ids({ roll, deaths: [...deaths, { id_number: LI, death_date: '2026-08-02', source: '公安户籍注销' }] })).toEqual(asGiven);
  });
});
