// A 公安 注销户籍 list cancels 户口 for 迁出, 参军 and 出国定居 as well as for death, a 服刑/羁押 list names people on
// 缓刑 or 取保候审, a bank's 代发 file lists the payments it could not make, and a 不动产 query returns homes sold long
// ago: such rows were read as deaths, prisoners, payments and homes, false high-severity findings that stop a family's
// benefit, or money a family never had asked back. They are refused as out of scope, listed in the ledger's rejects and counted in the warnings.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runScan, scanInput, workbookOf } from '../support/scan-input.ts';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

const CANCELLATIONS = [
  '姓名,公民身份号码,注销日期,注销原因,数据来源',
  `张大山,${PEOPLE.zhang},2026-07-15,死亡,公安户籍注销`,
  `李秀英,${PEOPLE.li},2026-03-02,迁出,公安户籍注销`,
  `王小明,${PEOPLE.wang},2026-05-20,出国（境）定居,公安户籍注销`,
  `王小明,${PEOPLE.wang},2026-06-01,迁出,公安户籍注销`,
].join('\n') + '\n';

/** The 注销户籍 lists here date the cancellation, not the death: read by it, with a warning of what that costs. */
const BY_CANCELLATION_DATE = '没有「死亡日期」列：死亡日期按「注销日期」读取；注销户籍多在死亡之后，死亡次月起的多发金额可能少算，'
  + '本期死亡而本期之后才注销户籍的也查不到，请向公安或殡葬部门索取带死亡日期的名单';

describe('rows of a department list that are not what the list means', () => {
  it('reads only the deaths of a 注销户籍 list and only the held of a 羁押 list; the rest are listed, not found', async () => {
    const prisoners = await workbookOf('名单', [
      ['2026年10月服刑在押人员名单'],
      ['姓名', '身份证号', '入监日期', '执行方式'],
      ['李秀英', PEOPLE.li, '2025-11-03', '缓刑'],
      ['王小明', PEOPLE.wang, '2026-02-14', '取保候审'],
    ]);
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(),
      '注销户籍人员名单.csv': CANCELLATIONS,
      '服刑在押人员名单.xlsx': prisoners,
      '低保发放明细.csv': '家庭编号,发放月份,发放金额\nH001,2026-09,1400\nH001,2026-10,1400\nH002,2026-10,700\n',
    });
    expect(run.code, run.stderr).toBe(0);

    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[column('check_id')], row[column('name')]])).toEqual([['deceased.recipient', '张大山']]);
    expect(rows[0]![column('evidence')]).toContain('注销日期 2026-07-15（未写死亡日期，按注销日期计，死亡在此日或之前），来源 公安户籍注销，注销原因 死亡（注销户籍人员名单.csv 第2行）');

    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 4, rows_used: 1, rows_rejected: 3 });
    expect(summary.datasets.prisoners).toMatchObject({ rows_read: 2, rows_used: 0, rows_rejected: 2 });
    expect(summary.warnings).toEqual([
      { file: '注销户籍人员名单.csv', message: BY_CANCELLATION_DATE },
      { file: '服刑在押人员名单.xlsx', message: '工作表「名单」执行方式为缓刑、假释、取保候审等（不在监所内）的 2 行未作为服刑/羁押记录（取保候审 1 行、缓刑 1 行），已列入拒收记录' },
      { file: '注销户籍人员名单.csv', message: '注销原因不是死亡的 3 行未作为死亡记录（迁出 2 行、出国(境)定居 1 行），已列入拒收记录' },
    ]);

    const instance = await DuckDBInstance.create(join(out, '..', 'l.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      const rejects = await connection.runAndReadAll('SELECT dataset, line, kind, column_name, reason FROM rejects ORDER BY dataset, line');
      expect(rejects.getRowObjectsJson()).toEqual([
        { dataset: 'deaths', line: 3, kind: 'out-of-scope', column_name: '注销原因', reason: '注销原因为「迁出」，不是死亡，未作为死亡记录' },
        { dataset: 'deaths', line: 4, kind: 'out-of-scope', column_name: '注销原因', reason: '注销原因为「出国(境)定居」，不是死亡，未作为死亡记录' },
        { dataset: 'deaths', line: 5, kind: 'out-of-scope', column_name: '注销原因', reason: '注销原因为「迁出」，不是死亡，未作为死亡记录' },
        { dataset: 'prisoners', line: 3, kind: 'out-of-scope', column_name: '执行方式', reason: '执行方式为「缓刑」，不在监所内，未作为服刑/羁押记录' },
        { dataset: 'prisoners', line: 4, kind: 'out-of-scope', column_name: '执行方式', reason: '执行方式为「取保候审」，不在监所内，未作为服刑/羁押记录' },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('counts only the payments the bank made: a failed or returned one is no overpayment', async () => {
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(),
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`,
      '低保资金代发明细.csv': [
        '户编号,发放月份,实发金额,处理结果',
        'H001,2026-08,1400,成功', 'H001,2026-09,1400,失败:账户已销户', 'H001,2026-10,1400,退回', 'H002,2026-10,700,成功',
      ].join('\n') + '\n',
    });
    expect(run.code, run.stderr).toBe(0);
    const findings = await readFile(join(out, 'findings.csv'), 'utf8');
    expect(findings).toContain('死亡次月起仍发放 1 个月（2026-08 至 2026-08），按每月实发金额 ÷ 在保 2 人估算多发 700.00 元');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.datasets.payments).toMatchObject({ rows_read: 4, rows_used: 2, rows_rejected: 2 });
    expect(summary.warnings).toEqual([
      { file: '低保资金代发明细.csv', message: '发放状态为失败、退回等（款项未发出）的 2 行未计入发放（失败:账户已销户 1 行、退回 1 行），已列入拒收记录' },
    ]);
  });

  it('counts only the 低保/特困 benefit: a 高龄津贴 or 耕地地力补贴 the same 一卡通 file pays is no overpayment', async () => {
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(),
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-07-15\n`,
      '惠民惠农一卡通代发明细.csv': [
        '家庭编号,补贴项目,发放月份,发放金额,代发结果',
        'H001,农村低保金,2026-08,1400,成功', 'H001,高龄津贴,2026-08,100,成功', 'H001,耕地地力保护补贴,2026-08,356.8,成功',
        'H001,高龄津贴,2026-09,100,退回',
      ].join('\n') + '\n',
    });
    expect(run.code, run.stderr).toBe(0);
    const findings = await readFile(join(out, 'findings.csv'), 'utf8');
    expect(findings).toContain('死亡次月起仍发放 1 个月（2026-08 至 2026-08），按每月实发金额 ÷ 在保 2 人估算多发 700.00 元');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.datasets.payments).toMatchObject({ rows_read: 4, rows_used: 1, rows_rejected: 3 });
    // A row both rules refuse (a 高龄津贴 returned) is listed under the first, 发放状态.
    expect(summary.warnings).toEqual([
      { file: '惠民惠农一卡通代发明细.csv', message: '发放状态为失败、退回等（款项未发出）的 1 行未计入发放（退回 1 行），已列入拒收记录' },
      { file: '惠民惠农一卡通代发明细.csv', message: '发放项目不是低保/特困保障金（高龄津贴、耕地地力补贴等）的 2 行未计入发放（耕地地力保护补贴 1 行、高龄津贴 1 行），已列入拒收记录' },
    ]);
  });

  it('counts only the homes held: a 不动产 record of a home sold (历史) makes no second home', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '不动产登记信息.csv': [
        '权利人,权利人证件号码,坐落,规划用途,建筑面积,权利状态',
        `张大山,${PEOPLE.zhang},张庄镇东村12号,住宅,96.5,现势`,
        `李秀英,${PEOPLE.li},县城建设路8号,住宅,88.0,历史`,
      ].join('\n') + '\n',
    });
    expect(findings.map((f) => f('check_id'))).toEqual([]);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 2, rows_used: 1, rows_rejected: 1 });
    expect(summary.warnings).toEqual([
      { file: '不动产登记信息.csv', message: '权利状态为历史、注销等（已不再拥有）的 1 行未计入房产（历史 1 行），已列入拒收记录' },
    ]);
  });

  it('counts only those the payroll still pays: a member who left his job years ago is not on it', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '财政供养人员工资.csv': `单位名称,姓名,身份证号码,应发工资(元),人员状态\n县水利局,王小明,${PEOPLE.wang},4200,离职\n`,
    });
    expect(findings.map((f) => f('check_id'))).toEqual([]);
    expect(summary.datasets.payroll).toMatchObject({ rows_read: 1, rows_used: 0, rows_rejected: 1 });
    expect(summary.warnings).toEqual([
      { file: '财政供养人员工资.csv', message: '人员状态为离职、辞退、减员等（已不由财政供养）的 1 行未作为财政供养人员（离职 1 行），已列入拒收记录' },
    ]);
  });

  it('counts no 乡村公益性岗位 worker as 财政供养: a 生态护林员 of a 低保 family is no public servant', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '财政供养人员工资.xlsx': await workbookOf('工资', [
        ['单位名称', '姓名', '身份证号码', '人员类别', '应发工资(元)'],
        ['张庄镇人民政府', '王小明', PEOPLE.wang, '生态护林员', 800],
        ['张庄镇人民政府', '李秀英', PEOPLE.li, '乡村公益性岗位', 600],
        ['县水利局', '张大山', PEOPLE.zhang, '事业编制', 4200],
      ]),
    });
    // H001 (张大山, 李秀英) has a member on the payroll; H002 (王小明) has none.
    expect(findings.filter((f) => f('check_id') === 'over_asset.payroll').map((f) => [f('household_id'), f('name')])).toEqual([['H001', '张大山']]);
    expect(summary.datasets.payroll).toMatchObject({ rows_read: 3, rows_used: 1, rows_rejected: 2 });
    expect(summary.warnings).toEqual([{
      file: '财政供养人员工资.xlsx',
      message: '工作表「工资」人员类别为公益性岗位（护林员、保洁员等）的 2 行未作为财政供养人员（乡村公益性岗位 1 行、生态护林员 1 行），已列入拒收记录；其工资应计入家庭收入核算',
    }]);
  });

  it('reads the post a roster heads just 岗位 (or 用工类型): a 保洁员 there is no public servant either', async () => {
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '财政供养人员工资.csv': [
        '单位名称,姓名,身份证号码,岗位,应发工资(元),人员状态',
        `张庄镇人民政府,王小明,${PEOPLE.wang},村庄保洁员,800,在职`,
        `张庄镇人民政府,李秀英,${PEOPLE.li},公益性岗位,600,在职`,
        `县水利局,张大山,${PEOPLE.zhang},科员,4200,在职`,
      ].join('\n') + '\n',
      '公益性岗位人员工资.csv': `单位名称,姓名,身份证号码,用工类型,应发工资\n西村村委会,王小明,${PEOPLE.wang},生态护林员,800\n`,
    });
    expect(findings.filter((f) => f('check_id') === 'over_asset.payroll').map((f) => [f('household_id'), f('name'), f('evidence')])).toEqual([
      ['H001', '张大山', expect.stringContaining('张大山：供职单位 县水利局，月工资 4200.00 元，岗位 科员，人员状态 在职')],
    ]);
    expect(summary.datasets.payroll).toMatchObject({ rows_read: 4, rows_used: 1, rows_rejected: 3 });
  });

  it('reads the 岗位 where the 人员类别 says only 编外, and a 单位 that is a list of 公益性岗位; the reason names the column that decided', async () => {
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(),
      '财政供养人员工资.csv': [
        '单位名称,姓名,身份证号码,人员类别,岗位,应发工资(元)',
        `张庄镇人民政府,王小明,${PEOPLE.wang},编外,村庄保洁员,800`,
        `东村公益性岗位,李秀英,${PEOPLE.li},,,600`,
        `县水利局,张大山,${PEOPLE.zhang},工勤人员,保洁员,4200`,
      ].join('\n') + '\n',
    });
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.filter((row) => row[column('check_id')] === 'over_asset.payroll').map((row) => row[column('name')])).toEqual(['张大山']);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([
      { file: '财政供养人员工资.csv', message: '单位为公益性岗位（护林员、保洁员等）的 1 行未作为财政供养人员（东村公益性岗位 1 行），已列入拒收记录；其工资应计入家庭收入核算' },
      { file: '财政供养人员工资.csv', message: '岗位为公益性岗位（护林员、保洁员等）的 1 行未作为财政供养人员（村庄保洁员 1 行），已列入拒收记录；其工资应计入家庭收入核算' },
    ]);
    const instance = await DuckDBInstance.create(join(out, '..', 'l.duckdb'), { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      const rejects = await connection.runAndReadAll('SELECT line, column_name, reason FROM rejects ORDER BY line');
      expect(rejects.getRowObjectsJson()).toEqual([
        { line: 2, column_name: '岗位', reason: '岗位为「村庄保洁员」（人员类别「编外」未说明岗位），乡村公益性岗位不是财政供养人员（其工资计入家庭收入核算），未作为财政供养人员' },
        { line: 3, column_name: '单位', reason: '单位为「东村公益性岗位」，乡村公益性岗位不是财政供养人员（其工资计入家庭收入核算），未作为财政供养人员' },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('reads a death whose 注销原因 is unclear (其他) as a death, says so, and asks to verify it', async () => {
    const { run, out } = await runScan({
      '低保花名册.csv': rollCsv(),
      '注销户籍人员名单.csv': `姓名,公民身份号码,注销日期,注销原因\n李秀英,${PEOPLE.li},2026-03-02,其他\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.warnings).toEqual([
      { file: '注销户籍人员名单.csv', message: BY_CANCELLATION_DATE },
      { file: '注销户籍人员名单.csv', message: '注销原因无法判断是否死亡的 1 行已按死亡读取（其他 1 行），其发现的证据中注明需核实是否死亡' },
    ]);
    const findings = await readFile(join(out, 'findings.csv'), 'utf8');
    expect(findings).toContain('注销原因「其他」，需核实是否死亡');
  });
});
