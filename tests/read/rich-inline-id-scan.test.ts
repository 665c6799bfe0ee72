// End to end through the real CLI: a death list whose ID and name cells are inline strings in rich-text runs (part of
// each bold, as a hand edit leaves it). Read as the last run only (until 2026-12-05) the ID was its last eight characters, no ID, and
// 张大山, dead in August, stayed on the roll unflagged.
import { describe, expect, it } from 'vitest';
import { scanInput } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';
import { handMadeXlsx } from './hand-made-xlsx.ts';

const inline = (reference: string, runs: string[]) =>
  `<c r="${reference}" t="inlineStr"><is>${runs.map((text, i) => `<r>${i > 0 ? '<rPr><b/></rPr>' : ''}<t>${text}</t></r>`).join('')}</is></c>`;

function deathsWorkbook(): Buffer {
  const id = PEOPLE.zhang;
  return handMadeXlsx({
    sheets: [{
      name: '死亡人员',
      xml: `<row r="1">${inline('A1', ['姓名'])}${inline('B1', ['身份证号码'])}${inline('C1', ['死亡日期'])}</row>`
        + `<row r="2">${inline('A2', ['张', '大山'])}${inline('B2', [id.slice(0, 10), id.slice(10)])}${inline('C2', ['2026-08-15'])}</row>`,
    }],
  });
}

describe('a death list with IDs in rich-text runs', () => {
  it('finds the dead recipient whose ID cell is split into two runs', async () => {
    const { findings } = await scanInput({ '低保花名册.csv': rollCsv(), '公安户籍注销死亡人员.xlsx': deathsWorkbook() });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deaths.map((finding) => finding('name'))).toEqual(['张大山']);
    expect(deaths[0]!('evidence')).toContain('死亡日期 2026-08-15');
    expect(findings.filter((finding) => finding('check_id').startsWith('data_quality.'))).toEqual([]);
  });
});
