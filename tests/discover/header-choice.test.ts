// Two headers of one file may name the same column. A 发放明细 often holds both 发放月份 (when it was paid) and 所属期 (the
// month the money is for); such a file was refused as a duplicated header, and sweep.json's "columns", which names the
// header to read, could not settle it either.
import { describe, expect, it } from 'vitest';
import { DATASETS, datasetSpec } from '../../scanner/datasets/catalog.ts';
import { datasetsFittingHeader, headerConstants, matchHeader } from '../../scanner/datasets/headers.ts';

const payments = datasetSpec('payments');

describe('two headers naming one column', () => {
  it('reads the month the money is for (所属期, 所属月份, 资金所属期), and 发放月份 only where it is empty, named', () => {
    for (const preferred of ['所属期', '所属月份', '资金所属期', ' 所属期 ']) {
      const match = matchHeader(payments, ['家庭编号', '发放月份', preferred, '发放金额']);
      expect(Object.fromEntries(match.columnIndex), preferred).toEqual({ household_id: 0, month: 2, month_fallback: 1, amount: 3 });
      expect(match.duplicated, preferred).toEqual([]);
      expect(match.passedOver, preferred).toEqual([]);
      expect(match.readWhereEmpty.map((p) => [p.column.name, p.header, p.chosen]), preferred).toEqual([['month', '发放月份', preferred]]);
      expect(headerConstants(match), preferred).toEqual([['month_headers', `${preferred.trim()}、发放月份`]]);
    }
    // Whichever comes first.
    expect(matchHeader(payments, ['所属期', '家庭编号', '月份', '发放金额']).columnIndex.get('month')).toBe(0);
  });

  it('reads a stated month before the date a bank dates the payment with (交易日期, 代发日期, 发放日期 …), which it reads alone or where the month is empty', () => {
    const match = matchHeader(payments, ['户名', '账号', '交易日期', '发放月份', '金额']);
    expect(match.columnIndex.get('month')).toBe(3);
    expect(match.columnIndex.get('month_fallback')).toBe(2);
    expect(match.passedOver).toEqual([]);
    expect(match.readWhereEmpty.map((p) => [p.header, p.chosen])).toEqual([['交易日期', '发放月份']]);
    expect(match.caveats).toEqual([expect.stringContaining('列「交易日期」仅在「发放月份」为空的行读取')]);
    const dated = matchHeader(payments, ['户名', '账号', '交易日期', '金额']);
    expect(dated.columnIndex.get('month')).toBe(2);
    expect(dated.caveats).toEqual([expect.stringContaining('发放月份按「交易日期」的月份读取')]);
    expect(matchHeader(payments, ['所属期', '代发日期', '月份', '金额']).passedOver.map((p) => p.header)).toEqual(['代发日期']);
    expect(matchHeader(payments, ['所属期', '代发日期', '月份', '金额']).readWhereEmpty.map((p) => p.header)).toEqual(['月份']);
    // Two of the next tier: which is meant is unknown, and neither is read.
    expect(matchHeader(payments, ['所属期', '发放年月', '月份', '金额']).passedOver.map((p) => p.header)).toEqual(['发放年月', '月份']);
    expect(matchHeader(payments, ['账号', '交易日期', '入账日期', '金额']).duplicated.map((d) => d.headers)).toEqual([['交易日期', '入账日期']]);
  });

  it('reads a death\'s own date, and its cremation\'s and cancellation\'s beside it, warning where the list has no 死亡日期', () => {
    const deaths = datasetSpec('deaths');
    const all = matchHeader(deaths, ['姓名', '身份证号码', '死亡日期', '火化日期', '注销日期']);
    expect(Object.fromEntries(all.columnIndex)).toMatchObject({ death_date: 2, cremated_on: 3, cancelled_on: 4 });
    expect([all.passedOver, all.duplicated, all.missingRequired, all.caveats]).toEqual([[], [], [], []]);
    // Without a 死亡日期, the cremation stands in for it first; the cancellation is read where a row has no cremation.
    const noDeathDate = matchHeader(deaths, ['身份证号码', '注销日期', '火化时间']);
    expect([Object.fromEntries(noDeathDate.columnIndex), noDeathDate.missingRequired]).toEqual([{ id_number: 0, cancelled_on: 1, cremated_on: 2 }, []]);
    expect(noDeathDate.caveats).toEqual([expect.stringContaining('没有「死亡日期」列：死亡日期按「火化时间」读取；火化多在死亡之后')]);
    expect(matchHeader(deaths, ['身份证号码', '注销日期']).caveats).toEqual([expect.stringContaining('注销户籍多在死亡之后，死亡次月起的多发金额可能少算')]);
    expect(matchHeader(deaths, ['身份证号码', '姓名']).missingRequired.map((column) => column.name)).toEqual(['death_date']);
  });

  it('reads a 车管 export\'s 报废日期 (the day the car was scrapped), never its 强制报废期止 or 检验有效期止 (deadlines ahead)', () => {
    const vehicles = datasetSpec('vehicles');
    const deadlines = ['强制报废期止', '报废期止', '强制报废日期', '检验有效期止', '强制报废期止(yyyy-mm-dd)'];
    const header = ['号牌号码', '车辆类型', '身份证明号码', '机动车状态', ...deadlines];
    const unscrapped = matchHeader(vehicles, header);
    expect(Object.fromEntries(unscrapped.columnIndex)).toEqual({ plate: 0, vehicle_type: 1, id_number: 2, status: 3 });
    expect([unscrapped.duplicated, unscrapped.unreadNotes, unscrapped.otherUnit]).toEqual([[], [], []]);
    // Without a date of its own, such a file cannot tell a scrapped car from one on the road but by its 状态: staff are told.
    expect(unscrapped.caveats).toEqual([`「${deadlines.join('」「')}」是应报废或检验的期限，不是注销或报废的日期，未读取；`
      + '本表没有「注销日期」或「报废日期」列，车辆是否已注销、报废只按「状态」列判断（没有状态的一律按未注销计入），请向车管部门索取带注销日期的登记信息']);
    for (const scrapped of ['报废日期', '报废时间', '实际报废日期', '报废日期(年月日)']) {
      const match = matchHeader(vehicles, [...header, '注销日期', scrapped]);
      expect(Object.fromEntries(match.columnIndex), scrapped).toMatchObject({ deregistered_on: 9, scrapped_on: 10 });
      expect([match.duplicated, match.passedOver, match.caveats], scrapped).toEqual([[], [], []]);
      expect(matchHeader(vehicles, [...header, scrapped]).caveats, scrapped).toEqual([]);
    }
    expect(matchHeader(vehicles, ['号牌号码', '车辆类型', '身份证明号码', '机动车状态']).caveats).toEqual([]);
  });

  it('reads a prison\'s 释放日期 beside its 刑满日期: both are read, the release where a row gives one', () => {
    const match = matchHeader(datasetSpec('prisoners'), ['姓名', '身份证号', '入监日期', '刑满日期', '释放日期']);
    expect([Object.fromEntries(match.columnIndex), match.duplicated, match.passedOver]).toEqual([
      { name: 0, id_number: 1, sentence_start: 2, sentence_end: 3, released_on: 4 }, [], [],
    ]);
  });

  it('reads a prison\'s 刑满时间, 刑期终止日期 … as the 刑期止日 and its 释放时间, 出狱日期 … as the 释放日期; 刑满释放日期 stays the 释放日期', () => {
    const prisoners = datasetSpec('prisoners');
    const ends = ['刑期终止日期', '刑期止日期', '刑满时间', '刑期结束时间', '刑期终止时间', '刑满时间(年月日)'];
    const releases = ['释放时间', '实际释放时间', '刑满释放时间', '出狱日期', '出狱时间', '出监时间', '出所时间', '刑满释放日期', ' 出狱日期 '];
    for (const end of ends) {
      for (const release of releases) {
        const match = matchHeader(prisoners, ['姓名', '身份证号码', '羁押日期', end, release, '监所']);
        expect([Object.fromEntries(match.columnIndex), match.duplicated, match.passedOver, match.unreadNotes], `${end} ${release}`).toEqual([
          { name: 0, id_number: 1, sentence_start: 2, sentence_end: 3, released_on: 4, facility: 5 }, [], [], [],
        ]);
      }
    }
    // None of them names a column of another list.
    for (const header of [...ends, ...releases]) {
      const claimed = DATASETS.filter((dataset) => matchHeader(dataset, [header]).columnIndex.size > 0).map((dataset) => dataset.name);
      expect(claimed, header).toEqual(['prisoners']);
    }
  });

  it('reads the finer of two columns a department\'s export gives for one, naming the other unread', () => {
    const cases: [string, string[], Record<string, number>, [string, string][]][] = [
      // 车管's own field names: 号牌种类 and 车辆类型, 机动车所有人, 身份证明名称 (which document) and 身份证明号码.
      ['vehicles', ['号牌种类', '号牌号码', '车辆类型', '机动车所有人', '身份证明名称', '身份证明号码', '机动车状态'],
        { vehicle_type: 2, plate: 1, name: 3, id_number: 5, status: 6 }, [['号牌种类', '车辆类型']]],
      ['roll', ['乡镇', '村', '家庭编号', '姓名', '身份证号码', '救助类别', '审批日期', '开始享受时间', '社保卡号', '银行账号'],
        { start_date: 7, bank_account: 9 }, [['审批日期', '开始享受时间'], ['社保卡号', '银行账号']]],
      ['properties', ['权利人', '权利人证件号码', '规划用途', '房屋用途', '登簿日期', '登记日期', '权利状态', '状态'],
        { usage: 3, registered_on: 5, status: 6 }, [['规划用途', '房屋用途'], ['登簿日期', '登记日期'], ['状态', '权利状态']]],
      // Both closing dates are read: the 吊销日期 where a row has no 注销日期.
      ['businesses', ['经营者', '经营者证件号码', '登记状态', '经营状态', '成立日期', '注册日期', '注销日期', '吊销日期'],
        { status: 2, registered_on: 4, closed_on: 6, revoked_on: 7 }, [['经营状态', '登记状态'], ['注册日期', '成立日期']]],
      ['deposits', ['姓名', '证件号码', '余额', '查询日期', '截止日期'], { as_of: 4 }, [['查询日期', '截止日期']]],
      // A 工资表 with 应发工资 and 月工资 (until 2026-12-06 a duplicated header: the scan stopped).
      ['payroll', ['单位名称', '姓名', '身份证号码', '应发工资', '工资', '月工资'], { monthly_salary: 5 }, [['应发工资', '月工资'], ['工资', '月工资']]],
      // A prison's list: the sentence counts from the detention (刑期起日), the admission (入监日期) comes later.
      ['prisoners', ['姓名', '身份证号', '罪名', '刑期', '刑期起日', '刑期止日', '入监日期'], { sentence_start: 4, sentence_end: 5 }, [['入监日期', '刑期起日']]],
      ['prisoners', ['姓名', '身份证号', '入监日期', '羁押日期', '刑期起止'], { sentence_start: 4 }, [['入监日期', '刑期起止'], ['羁押日期', '刑期起止']]],
    ];
    for (const [dataset, headers, read, unread] of cases) {
      const match = matchHeader(datasetSpec(dataset as 'roll'), headers);
      expect(match.duplicated, dataset).toEqual([]);
      expect(match.missingRequired, dataset).toEqual([]);
      expect(Object.fromEntries(match.columnIndex), dataset).toMatchObject(read);
      expect(match.passedOver.map((p) => [p.header, p.chosen]), dataset).toEqual(unread);
    }
  });

  it('reads each of a payroll roster\'s 人员类别 (or 用工类型), 岗位类别 and 岗位: none is passed over', () => {
    const payroll = datasetSpec('payroll');
    const read = { 用工类型: 'staff_kind', 用工类别: 'staff_kind', 人员类型: 'staff_kind', 人员性质: 'staff_kind', 岗位类别: 'post_class', 岗位: 'post', 岗位名称: 'post' };
    for (const [header, column] of Object.entries(read)) {
      const match = matchHeader(payroll, ['单位名称', '姓名', '身份证号码', header, '应发工资']);
      expect(match.columnIndex.get(column), header).toBe(3);
    }
    // Until 2026-12-03 only the first of them was read, the others passed over: 编外 beside 岗位「保洁员」 hid the post.
    const all = matchHeader(payroll, ['姓名', '身份证号码', '编制性质', '岗位类别', '岗位']);
    expect([Object.fromEntries(all.columnIndex), all.passedOver, all.duplicated, all.missingRequired])
      .toEqual([{ name: 0, id_number: 1, staff_kind: 2, post_class: 3, post: 4 }, [], [], []]);
    // A cadres list names the 职务 by 岗位 too: with its 村 and 任职 dates it stays a cadres list.
    expect(datasetsFittingHeader(['姓名', '身份证号码', '村', '岗位', '任职时间'])[0]!.dataset).toBe('cadres');
  });

  it('reads a 发放明细\'s program as the roll writes it (救助类别 …) for its 发放项目, where it writes no 发放项目', () => {
    // Until 2026-12-06 unread: beside a 低保 roll and a 特困 roll numbered alike, only the sheet's or file's name said whose a payment was.
    for (const header of ['救助类别', '保障类别', '类别', '救助类型']) {
      const match = matchHeader(payments, ['户编号', header, '发放月份', '发放金额']);
      expect([Object.fromEntries(match.columnIndex), match.duplicated, match.passedOver], header)
        .toEqual([{ household_id: 0, item: 1, month: 2, amount: 3 }, [], []]);
      // Beside a 发放项目 (or 补贴项目 …), that is read, the program named unread.
      for (const item of ['发放项目', '补贴项目', '项目名称']) {
        const both = matchHeader(payments, ['户编号', header, '发放月份', '发放金额', item]);
        expect([both.columnIndex.get('item'), both.duplicated, both.passedOver.map((p) => [p.header, p.chosen])], `${header} ${item}`)
          .toEqual([4, [], [[header, item]]]);
      }
      // A roll stays a roll.
      expect(datasetsFittingHeader(['乡镇', '村', '家庭编号', '姓名', '身份证号码', header, '月保障金', '保障状态'])[0]!.dataset, header).toBe('roll');
    }
    // Two program headers and no 发放项目: a duplicated column, as on a roll.
    expect(matchHeader(payments, ['户编号', '救助类别', '类别', '发放月份', '发放金额']).duplicated.map((d) => d.headers)).toEqual([['救助类别', '类别']]);
  });

  it('stays a duplicated header when no one of them is preferred, or two are', () => {
    expect(matchHeader(payments, ['家庭编号', '发放月份', '发放年月', '发放金额']).duplicated.map((d) => d.headers)).toEqual([['发放月份', '发放年月']]);
    expect(matchHeader(payments, ['家庭编号', '所属期', '所属月份', '发放金额']).duplicated.map((d) => d.headers)).toEqual([['所属期', '所属月份']]);
    expect(matchHeader(datasetSpec('roll'), ['状态', '保障状态']).duplicated.map((d) => d.column.name)).toEqual(['status']);
  });

  it('reads the header sweep.json names, and no other header of that column', () => {
    const match = matchHeader(payments, ['家庭编号', '发放月份', '所属期', '发放金额'], { month: '发放月份' });
    expect(Object.fromEntries(match.columnIndex)).toEqual({ household_id: 0, month: 1, amount: 3 });
    expect(match.duplicated).toEqual([]);
    expect(match.passedOver).toEqual([]);
    // A header that is no alias, named by sweep.json, beside one that is.
    expect(matchHeader(datasetSpec('roll'), ['状态', '享受状态'], { status: '享受状态' }).columnIndex.get('status')).toBe(1);
  });
});
