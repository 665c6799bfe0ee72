// A township's 低保 roll and 特困 roll each numbering their households from 001 (scanner/load/reused-household-numbers.ts):
// 低保 001 (张一 户主, 张二 配偶) and 特困 001 (王一 本人, no kin of theirs) in one village were one household, 王一 a member
// of the 低保 family and his 900 compared with their 1400. Each program's rows with a head of their own are now a
// household, and a payment goes to the one of its program (its 发放项目, sheet name or file name), or is refused.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { loadDatabase } from '../support/load-database.ts';
import { workbookOf } from '../support/scan-input.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';

const { rows, loadFolder } = loadDatabase();

const ZHANG_1 = validId('371329', '19700101', '011');
const ZHANG_2 = validId('371329', '19700101', '013');
const ZHAO_1 = validId('371329', '19700101', '015');
const WANG_1 = validId('371329', '19400101', '011');
const QIAN_1 = validId('371329', '19400101', '013');

const dibaoRoll = [
  ROLL_HEADER,
  `店头镇,东村,001,张一,${ZHANG_1},户主,农村低保,1400,在保`,
  `店头镇,东村,001,张二,${ZHANG_2},配偶,农村低保,1400,在保`,
  `店头镇,东村,002,赵一,${ZHAO_1},户主,农村低保,700,在保`,
].join('\n') + '\n';
const tekunRoll = [
  ROLL_HEADER,
  `店头镇,东村,001,王一,${WANG_1},本人,分散供养特困,900,在保`,
  `店头镇,东村,002,钱一,${QIAN_1},本人,分散供养特困,900,在保`,
].join('\n') + '\n';

const households = () => rows('SELECT name, household_id FROM roll ORDER BY name');
const payments = () => rows('SELECT _file, _sheet, _line, household_id, (amount_cents / 100)::INTEGER AS yuan FROM payments ORDER BY _file, _sheet, _line');
const rejects = () => rows("SELECT _file, _line, column_name, reason FROM load_rejects WHERE dataset = 'payments' ORDER BY _file, _line");
const WHICH_OF_001 = '家庭编号 001 在花名册中是低保、特困各自编号的 2 户（001（低保）、001（特困）），';

describe('household numbers reused by a 低保 roll and a 特困 roll', () => {
  it('reads each program\'s 001 as a household of its own and places each payment by the program it writes', async () => {
    const result = await loadFolder({
      '2026年10月农村低保花名册.csv': dibaoRoll,
      '2026年10月特困人员花名册.csv': tekunRoll,
      // The file's name says the program.
      '低保发放明细.csv': '户编号,发放月份,发放金额\n001,2026-10,1400\n002,2026-10,700\n',
      '特困供养金发放明细.csv': '户编号,发放月份,发放金额\n001,2026-10,900\n',
      // The sheet's name says it.
      '资金发放明细.xlsx': await workbookOf('特困', [['户编号', '发放月份', '发放金额'], ['002', '2026-10', 900]]),
      // Each row's 发放项目 says it, but one row's: that one is refused.
      '代发明细.csv': '户编号,发放项目,发放月份,发放金额\n001,农村低保金,2026-09,1400\n001,特困供养金,2026-09,900\n002,特困人员救助供养金,2026-09,900\n001,,2026-08,900\n',
    });
    expect(await households()).toEqual([
      { name: '张一', household_id: '001（低保）' },
      { name: '张二', household_id: '001（低保）' },
      { name: '王一', household_id: '001（特困）' },
      { name: '赵一', household_id: '002（低保）' },
      { name: '钱一', household_id: '002（特困）' },
    ]);
    expect(await payments()).toEqual([
      { _file: '代发明细.csv', _sheet: null, _line: 2, household_id: '001（低保）', yuan: 1400 },
      { _file: '代发明细.csv', _sheet: null, _line: 3, household_id: '001（特困）', yuan: 900 },
      { _file: '代发明细.csv', _sheet: null, _line: 4, household_id: '002（特困）', yuan: 900 },
      { _file: '低保发放明细.csv', _sheet: null, _line: 2, household_id: '001（低保）', yuan: 1400 },
      { _file: '低保发放明细.csv', _sheet: null, _line: 3, household_id: '002（低保）', yuan: 700 },
      { _file: '特困供养金发放明细.csv', _sheet: null, _line: 2, household_id: '001（特困）', yuan: 900 },
      { _file: '资金发放明细.xlsx', _sheet: '特困', _line: 2, household_id: '002（特困）', yuan: 900 },
    ]);
    expect(await rejects()).toEqual([{
      _file: '代发明细.csv', _line: 5, column_name: '家庭编号',
      reason: `${WHICH_OF_001}本行没有写明是低保还是特困的发放（发放项目、工作表名、文件名都没有写明），无法确定发给哪一户`,
    }]);
    expect(result.datasets.payments).toMatchObject({ rowsRead: 8, rowsUsed: 7, rowsRejected: 1 });
    expect(result.warnings.map((warning) => warning.message)).toContainEqual(
      '有 2 个家庭编号在同一村的低保、特困人员中各有户主，按低保、特困各自编号读取（如「001」记作「001（低保）」「001（特困）」），按不同家庭分别核查；'
        + '发放明细中这些编号的发放须写明是低保还是特困（「发放项目」或「救助类别」列，或工作表名、文件名），否则无法确定是哪一户的，不予使用',
    );
  });

  it('places each payment by the program its 救助类别 writes as the roll does, its 发放项目 read first where it writes both', async () => {
    // Until 2026-12-06 a 救助类别 column went unread: neither file's name says the program, and both were refused whole.
    const result = await loadFolder({
      '2026年10月农村低保花名册.csv': dibaoRoll,
      '2026年10月特困人员花名册.csv': tekunRoll,
      // 农村低保（重度残疾）: a 低保 class, not a 残疾人补贴 (rs_other_benefit).
      '代发明细.csv': '户编号,救助类别,发放月份,发放金额\n001,农村低保,2026-10,1400\n001,特困供养,2026-10,900\n'
        + '002,集中供养特困,2026-10,900\n002,农村低保（重度残疾）,2026-10,700\n',
      // The 发放项目 decides: 高龄津贴 is no 低保 payment, whatever the 保障类别 says.
      '资金明细.xlsx': await workbookOf('明细', [
        ['户编号', '保障类别', '发放项目', '发放月份', '发放金额'],
        ['001', '特困供养', '特困供养金', '2026-09', 900], ['001', '农村低保', '高龄津贴', '2026-09', 100],
      ]),
    });
    expect(await payments()).toEqual([
      { _file: '代发明细.csv', _sheet: null, _line: 2, household_id: '001（低保）', yuan: 1400 },
      { _file: '代发明细.csv', _sheet: null, _line: 3, household_id: '001（特困）', yuan: 900 },
      { _file: '代发明细.csv', _sheet: null, _line: 4, household_id: '002（特困）', yuan: 900 },
      { _file: '代发明细.csv', _sheet: null, _line: 5, household_id: '002（低保）', yuan: 700 },
      { _file: '资金明细.xlsx', _sheet: '明细', _line: 2, household_id: '001（特困）', yuan: 900 },
    ]);
    expect(await rejects()).toEqual([{
      _file: '资金明细.xlsx', _line: 3, column_name: '发放项目', reason: '发放项目为「高龄津贴」，不是低保/特困保障金，不计入发放',
    }]);
    expect(result.datasets.payments).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsRejected: 1 });
    expect(result.warnings.map((warning) => warning.message)).toContainEqual('工作表「明细」列「保障类别」未读取：本表另有「发放项目」，发放项目按「发放项目」读取');
  });

  it('keeps one household for a family of both programs on one roll (a 低保 户主, his 特困 父亲 who heads nothing)', async () => {
    const combined = [
      ROLL_HEADER,
      `店头镇,东村,001,张一,${ZHANG_1},户主,城市低保,1400,在保`,
      `店头镇,东村,001,王一,${WANG_1},父亲,城市特困,900,在保`,
      `店头镇,东村,002,钱一,${QIAN_1},本人,城市特困,900,在保`,
    ].join('\n') + '\n';
    const result = await loadFolder({
      '城市低保及特困人员花名册.csv': combined,
      '低保特困资金代发明细.csv': '户编号,发放月份,发放金额\n001,2026-10,1400\n001,2026-10,900\n',
    });
    expect(await households()).toEqual([
      { name: '张一', household_id: '001' }, { name: '王一', household_id: '001' }, { name: '钱一', household_id: '002' },
    ]);
    expect((await payments()).map((payment) => payment['household_id'])).toEqual(['001', '001']);
    expect(await rejects()).toEqual([]);
    expect(result.warnings.filter((warning) => warning.message.includes('各自编号'))).toEqual([]);
  });

  it('tells programs apart within a village where villages differ too, the village choosing first', async () => {
    const westHead = validId('371329', '19600101', '017');
    const result = await loadFolder({
      '2026年10月农村低保花名册.csv': `${dibaoRoll}店头镇,西村,001,孙一,${westHead},户主,农村低保,700,在保\n`,
      '2026年10月特困人员花名册.csv': tekunRoll,
      '代发明细.csv': '户编号,村,发放项目,发放月份,发放金额\n001,东村,特困供养金,2026-10,900\n001,西村,特困供养金,2026-10,700\n001,东村,,2026-10,1400\n001,东村,低保金,2026-09,1400\n',
    });
    expect((await households()).filter((row) => String(row['name']).endsWith('一'))).toEqual([
      { name: '孙一', household_id: '001（西村）' },
      { name: '张一', household_id: '001（东村·低保）' },
      { name: '王一', household_id: '001（东村·特困）' },
      { name: '赵一', household_id: '002（低保）' },
      { name: '钱一', household_id: '002（特困）' },
    ]);
    // 西村 has one 001: its payment is its own, whatever program it writes (as where programs are not told apart).
    expect((await payments()).map((payment) => [payment['_line'], payment['household_id']])).toEqual([
      [2, '001（东村·特困）'], [3, '001（西村）'], [5, '001（东村·低保）'],
    ]);
    expect((await rejects()).map((reject) => reject['reason'])).toEqual([
      '家庭编号 001 在花名册中是不同村及低保、特困各自编号的 3 户（001（东村·低保）、001（东村·特困）、001（西村）），'
        + '本行没有写明是低保还是特困的发放（发放项目、工作表名、文件名都没有写明），无法确定发给哪一户',
    ]);
    expect(result.warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('；村（社区）也不同的，还须写明村（社区），否则'));
  });

  it('refuses whole a 发放明细 most of whose payments under such numbers write no program', async () => {
    const refused = await loadFolder({
      '2026年10月农村低保花名册.csv': dibaoRoll,
      '2026年10月特困人员花名册.csv': tekunRoll,
      '发放明细.csv': '户编号,发放月份,发放金额\n001,2026-10,1400\n002,2026-10,700\n',
    }).then(() => null, (error: Error) => error);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).location).toMatchObject({ file: '发放明细.csv', column: '家庭编号' });
    expect(refused!.message).toContain('2 行（共 2 行）的家庭编号在花名册中是同一村低保、特困各自编号的两户（如「001」），本表没有写明是低保还是特困的发放');
  });
});
