// A date written as a plain serial number (no date format) in a workbook on the 1904 date system (Mac Excel's): until
// 2026-12-07 it was read on the 1900 base, 4 years and a day early. 44624 in a 死亡日期 is 2026-03-05 there, and was read
// as 2022-03-04: the death's overpayment counted from 2026-01 (10 months, the whole payments list), not from 2026-04
// (7 months), and the family asked to repay money paid while the person was alive. Text of the digits ('44624') in
// such a workbook is read on its base too: most likely its own serial typed or pasted in.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv, validId } from '../support/small-township.ts';

const ZHAO = validId('370481', '19450610', '446');
const SUN = validId('370481', '19480912', '557');

/** 2026-03-05: 44624 days after 1904-01-01, 46086 after 1899-12-30. */
const SERIAL_1904 = 44624;
const SERIAL_1900 = 46086;

const ROLL = rollCsv([
  `张庄镇,南村,H003,赵老汉,${ZHAO},户主,农村低保,700,在保`,
  `张庄镇,北村,H004,孙大娘,${SUN},户主,农村低保,700,在保`,
]);

/** 2026-01 … 2026-10 paid to every household of the roll. */
function paymentsCsv(): string {
  const rows = ['家庭编号,发放月份,发放金额'];
  for (let month = 1; month <= 10; month++) {
    const paid = `2026-${String(month).padStart(2, '0')}`;
    rows.push(`H001,${paid},1400`, `H002,${paid},700`, `H003,${paid},700`, `H004,${paid},700`);
  }
  return rows.join('\n') + '\n';
}

async function deathsWorkbook(date1904: boolean, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  workbook.addWorksheet('死亡人员').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a plain serial date in a 1904 workbook', () => {
  it('is read on the workbook\'s base, a number and text of its digits alike, in every block; a 1900 workbook as before', async () => {
    const mac = await deathsWorkbook(true, [
      ['姓名', '身份证号码', '死亡日期'],
      ['张大山', PEOPLE.zhang, SERIAL_1904],
      ['王小明', PEOPLE.wang, String(SERIAL_1904)],
      // A second list pasted below in another layout: its 死亡日期 stands in the first column.
      ['死亡日期', '姓名', '身份证号码'],
      [SERIAL_1904, '赵老汉', ZHAO],
    ]);
    const windows = await deathsWorkbook(false, [['姓名', '身份证号码', '死亡日期'], ['孙大娘', SUN, SERIAL_1900]]);

    const { findings } = await scanInput({
      '低保花名册.csv': ROLL, '低保发放明细.csv': paymentsCsv(), '死亡人员苹果.xlsx': mac, '死亡人员.xlsx': windows,
    });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deaths.map((finding) => finding('name')).sort()).toEqual(['张大山', '王小明', '赵老汉', '孙大娘'].sort());
    for (const death of deaths) {
      expect(death('evidence'), death('name')).toContain('死亡日期 2026-03-05');
      expect(death('evidence'), death('name')).toContain('死亡次月起仍发放 7 个月（2026-04 至 2026-10）');
    }
    // 700 元 a month from April to October, 4900.00 元; not from January, 7000.00 元 as until 2026-12-07.
    const overpaid = (name: string) => deaths.find((finding) => finding('name') === name)!('evidence');
    expect(overpaid('王小明')).toContain('4900.00 元');
    expect(overpaid('赵老汉')).toContain('4900.00 元');
    expect(overpaid('孙大娘')).toContain('4900.00 元');
    // 张大山 shares H001's 1400 元 with his wife: 700 元 a month his.
    expect(overpaid('张大山')).toContain('4900.00 元');
    expect(findings.filter((finding) => finding('check_id').startsWith('data_quality.'))).toEqual([]);
  });
});

describe('serialDateTextOn1904', () => {
  // Imported here, not above: on the code before it existed, the end-to-end case above still runs (and fails).
  const cellText = () => import('../../scanner/read/xlsx-cell-text.ts');

  it('reads what the date columns read as a serial, on the 1904 base', async () => {
    const { serialDateTextOn1904 } = await cellText();
    expect(serialDateTextOn1904('44624')).toBe('2026-03-05');
    expect(serialDateTextOn1904('44624.0')).toBe('2026-03-05');
    expect(serialDateTextOn1904('44624.5')).toBe('2026-03-05 12:00:00');
    expect(serialDateTextOn1904(' ４４６２４　')).toBe('2026-03-05');
  });

  it('leaves alone what is no serial', async () => {
    const { serialDateTextOn1904 } = await cellText();
    for (const text of ['2026-03-05', '20260305', '4462', '446240', '04462', '-44624', '44624元', 'H4462', '2026.1', '']) {
      expect(serialDateTextOn1904(text), text).toBeNull();
    }
  });
});
