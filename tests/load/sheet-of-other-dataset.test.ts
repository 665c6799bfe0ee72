// Which header marks a roll workbook's other sheet as another office's list (sheet-of-other-dataset.ts), judged on the
// header alone: the CLI runs of workbook-sheet-of-other-list.test.ts show what each costs in findings.
import { describe, expect, it } from 'vitest';
import { locateHeader } from '../../scanner/load/header-row.ts';
import { otherDatasetReading } from '../../scanner/load/sheet-of-other-dataset.ts';

/** How a sheet so named and headed, in a workbook named for the roll, is read: the dataset its header fits, and whether. */
function reading(sheetName: string, header: string[]) {
  const search = locateHeader([{ line: 1, cells: header }], 'any');
  if (!search.found) throw new Error(`no header found in ${header.join(',')}`);
  return { dataset: search.header.match.dataset, ...otherDatasetReading(sheetName, search.header, ['roll']) };
}

describe('a roll workbook sheet read as another list by its header', () => {
  it('reads a deposits list by its 开户银行 and 截止日期 where its 余额 is a plain 金额; its 账号 is a roll column too', () => {
    const read = reading('银行核对结果', ['序号', '姓名', '身份证号码', '开户银行', '账号', '金额', '截止日期']);
    expect(read).toMatchObject({ dataset: 'deposits', read: true });
    expect(read.message).toContain('「截止日期」「开户银行」列');
    expect(read.message).not.toContain('「账号」');
  });

  it('does not take a 证件类型, which many lists have, or a 账号, which a roll has, as a deposits list’s own', () => {
    expect(reading('核查2', ['姓名', '身份证号码', '证件类型', '账号', '金额'])).toMatchObject({ dataset: 'deposits', read: false });
  });

  it('reads a payroll by its 编制性质, not by its 工作单位 or 工资', () => {
    expect(reading('核查1', ['姓名', '身份证号码', '工作单位', '编制性质'])).toMatchObject({ dataset: 'payroll', read: true });
    expect(reading('核查1', ['姓名', '身份证号码', '工作单位', '工资'])).toMatchObject({ dataset: 'payroll', read: false });
  });

  it('leaves a sheet with the household’s 家庭编号 or 与户主关系 unread, though a 人员类别 or 职务 is on it', () => {
    const members = reading('家庭成员', ['家庭编号', '姓名', '身份证号码', '与户主关系', '人员类别', '工作单位']);
    expect(members).toMatchObject({ dataset: 'payroll', read: false });
    expect(members.message).toContain('有「家庭编号」「与户主关系」列，是家庭自己的表');
    expect(reading('成员', ['姓名', '身份证号码', '与户主关系', '职务'])).toMatchObject({ dataset: 'cadres', read: false });
  });

  it('reads a deposits list by two of its own columns, a 家庭编号 and 与户主关系 beside them', () => {
    // For an hour of 2026-12-06 such a 银行核对结果 sheet was skipped as the family's own, a member's 520,000 元 unfound.
    const feedback = reading('银行核对结果', ['家庭编号', '姓名', '身份证号码', '与户主关系', '开户银行', '账号', '金额', '截止日期']);
    expect(feedback).toMatchObject({ dataset: 'deposits', read: true });
    expect(reading('家庭成员', ['家庭编号', '姓名', '身份证号码', '与户主关系', '开户银行', '金额'])).toMatchObject({ dataset: 'deposits', read: false });
  });

  it('still reads a deaths list by its 死亡日期 and a payment list by its 发放月份 and 发放金额, a 家庭编号 beside them', () => {
    expect(reading('核查3', ['家庭编号', '姓名', '身份证号码', '死亡日期'])).toMatchObject({ dataset: 'deaths', read: true });
    expect(reading('核查4', ['家庭编号', '姓名', '身份证号码', '发放月份', '发放金额'])).toMatchObject({ dataset: 'payments', read: true });
  });

  it('still reads a sheet named for the list whatever its header', () => {
    expect(reading('财政供养人员', ['姓名', '身份证号码', '工资'])).toMatchObject({ dataset: 'payroll', read: true });
  });
});
