// data_quality.id-invalid on 市场主体 rows, with the real CLI over CSV files.
// 1. Rows with the same unreadable number are numbered by their place in the list only. Until 2026-12-06 the rows kept
//    for a readable number beside were numbered after the refused ones: when a refused row was kept the next month, its
//    neighbour's finding took its id, and a staff note (ledger set --note) about line 2 sat on line 3's finding.
// 2. A company's 统一社会信用代码 in 法定代表人证件号码 (a partnership's 执行事务合伙人 is a company) is no person's ID.
//    Until 2026-12-06 it was reported as a person's unreadable ID (含非法字符), and village staff looked for a mistyped
//    number; a row with no person's number is now listed as out of scope, as one with the code in 证件号码 is.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditCode, creditCodeCheck } from '../support/credit-codes.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const HEADER = '名称,法定代表人,法定代表人证件号码,经营者,经营者证件号码,登记状态,成立日期';
const mistyped = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
const OPERATOR_MISTYPED = mistyped(validId('370481', '19700101', '555'));
const OUTSIDER = validId('370481', '19800101', '123');
const businesses = (representativeOfLine3: string) => [
  HEADER,
  `东村甲商店,张大山,${PEOPLE.zhang},某人,${OPERATOR_MISTYPED},存续,2020-01-01`,
  `东村乙商店,某甲,${representativeOfLine3},某乙,${OPERATOR_MISTYPED},存续,2020-01-01`,
].join('\n') + '\n';

describe('two 市场主体 rows with the same mistyped 经营者证件号码, the second refused in September and kept in October', () => {
  it('keeps each row\'s finding id and its staff note', async () => {
    const root = await tempFolder();
    const months = ledgerMonths(root, 'businesses');
    const month = async (name: string, list: string) => {
      const folder = join(root, name);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, '低保花名册.csv'), rollCsv());
      await writeFile(join(folder, '市场主体登记信息.csv'), list);
      return folder;
    };
    // Each finding's id by its line and column (经营者证件号码无法识别…).
    const idsByLine = (findings: Record<string, string>[]) => Object.fromEntries(findings
      .filter((f) => f['check_id'] === 'data_quality.id-invalid' && f['source_dataset'] === 'businesses')
      .map((f) => [`${f['source_line']} ${f['evidence']!.slice(0, f['evidence']!.indexOf('无法识别'))}`, f['finding_id']]));

    // September: line 3's 法定代表人 number is mistyped too, so the row is refused.
    const september = idsByLine(await months.scan(await month('september', businesses(mistyped(OUTSIDER))), '2026-09', '2026-10-05'));
    expect(Object.keys(september).sort()).toEqual(['2 经营者证件号码', '3 法定代表人证件号码', '3 经营者证件号码']);
    await months.cli(['ledger', 'set', september['2 经营者证件号码']!, '--note', '第2行经营者号码已电话核实']);
    // October: line 3's 法定代表人 number is corrected; the row is kept, its 经营者 number still listed.
    const octoberFindings = await months.scan(await month('october', businesses(OUTSIDER)), '2026-10', '2026-11-05');
    const october = idsByLine(octoberFindings);
    expect(october).toEqual({ '2 经营者证件号码': september['2 经营者证件号码'], '3 经营者证件号码': september['3 经营者证件号码'] });
    expect(octoberFindings.filter((f) => f['check_id'] === 'data_quality.id-invalid' && f['source_dataset'] === 'businesses')
      .map((f) => [f['source_line'], f['evidence']])).toEqual([
      ['2', `经营者证件号码无法识别：校验码错误：原始值「${OPERATOR_MISTYPED}」，见市场主体登记信息 市场主体登记信息.csv 第2行；此号码不参与比对，此行所写的其他人员照常比对`],
      ['3', `经营者证件号码无法识别：校验码错误：原始值「${OPERATOR_MISTYPED}」，见市场主体登记信息 市场主体登记信息.csv 第3行；此号码不参与比对，此行所写的其他人员照常比对`],
    ]);
    expect(await readLedgerRows(months.ledger, `SELECT finding_id, note FROM findings
      WHERE finding_id IN ('${october['2 经营者证件号码']}', '${october['3 经营者证件号码']}') ORDER BY source_line`)).toEqual([
      { finding_id: october['2 经营者证件号码'], note: '第2行经营者号码已电话核实' },
      { finding_id: october['3 经营者证件号码'], note: null },
    ]);
  });
});

describe('a 市场主体 list giving a company\'s 统一社会信用代码 as 法定代表人证件号码', () => {
  it('reads the 经营者 beside it, lists a row naming no person as out of scope, and reports no code as an unreadable ID', async () => {
    const code = creditCode('91371329MA3C4R5T6');
    const masked = `${PEOPLE.li.slice(0, 6)}********${PEOPLE.li.slice(14)}`;
    const list = [
      HEADER,
      `临沭某农业合伙企业（有限合伙）,临沭某投资有限公司,${code},张大山,${PEOPLE.zhang},存续,2020-01-01`,
      `临沭某二号合伙企业（有限合伙）,临沭某投资有限公司,${code},,,存续,2020-01-01`,
      `临沭某三号合伙企业（有限合伙）,临沭某投资有限公司,${code},李秀英,${masked},存续,2020-01-01`,
    ].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '市场主体登记信息.csv': list });
    expect(findings.filter((f) => f('source_dataset') === 'businesses').map((f) => [f('check_id'), f('household_id'), f('evidence')])).toEqual([
      ['over_asset.business', 'H001', '本期存续的市场主体 1 户：张大山：临沭某农业合伙企业(有限合伙)，本人为经营者，登记状态 存续，登记日期 2020-01-01，来源 市场主体登记信息（市场主体登记信息.csv 第2行）'],
      // The masked 经营者 number is a person's, unreadable: his row is refused for it alone, not for the company's code.
      ['data_quality.id-invalid', '', `经营者证件号码无法识别：已脱敏（含*号），无法比对：原始值「${masked}」，见市场主体登记信息 市场主体登记信息.csv 第4行；此行已拒收，不参与比对`],
    ]);
    expect(summary.datasets.businesses).toMatchObject({ rows_read: 3, rows_used: 1, rows_rejected: 2 });
    expect(summary.warnings).toEqual([{
      file: '市场主体登记信息.csv',
      message: '法定代表人证件号码列写的是单位的统一社会信用代码（注册号，即法定代表人是单位）、又没有个人身份证号码的 1 行未参与比对，'
        + '已列入拒收记录；如需核查这些市场主体，请向市场监管部门索取带法定代表人（经营者）身份证号码的名单',
    }]);
  });
});

describe('a person\'s number mistyped in 经营者证件号码 that passes the 统一社会信用代码 check by chance', () => {
  // About one mistyped 18-digit number in 31 does. Until 2026-12-06 (for a few hours) it was taken for a company's code:
  // the row was refused as naming a company as 经营者, and no data_quality.id-invalid finding said a number was mistyped.
  const mistypedAsCode = (() => {
    for (let sequence = 100; sequence < 999; sequence++) {
      const id = validId('370481', '19900101', String(sequence));
      const check = creditCodeCheck(id.slice(0, 17));
      if (/[0-9]/.test(check) && check !== id[17]) return id.slice(0, 17) + check;
    }
    throw new Error('no such number');
  })();

  it('is still a person\'s unreadable number', async () => {
    const list = [HEADER, `小明超市,,,王小明,${mistypedAsCode},存续,2025-03-01`].join('\n') + '\n';
    const { findings, summary } = await scanInput({ '低保花名册.csv': rollCsv(), '市场主体登记信息.csv': list });
    expect(findings.filter((f) => f('source_dataset') === 'businesses').map((f) => [f('check_id'), f('evidence')])).toEqual([
      ['data_quality.id-invalid', `经营者证件号码无法识别：校验码错误：原始值「${mistypedAsCode}」，见市场主体登记信息 市场主体登记信息.csv 第2行；此行已拒收，不参与比对`],
    ]);
    expect(summary.warnings.filter((w: { message: string }) => w.message.includes('统一社会信用代码'))).toEqual([]);
  });
});
