// A 殡葬 list dates the cremation beside the death (死亡日期, 火化日期), and a 公安 list the 户口's cancellation (注销日期):
// two headers of one column, and the scan stopped as a duplicated header (exit 2). The death's own date is read, the other
// left unread with a warning; a list that gives only the later date is read by it, with a warning of what that costs.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { PEOPLE, rollCsv } from '../support/small-township.ts';

describe('the dates of a death', () => {
  it('reads 死亡日期 beside 火化日期 or 注销日期, and a cancellation list without 死亡日期 by its 注销日期, with a warning', async () => {
    const cancelled = await workbookOf('注销', [
      ['姓名', '公民身份号码', '注销日期', '注销原因'],
      ['李秀英', PEOPLE.li, '2026-09-28', '死亡'],
    ]);
    const { findings, summary } = await scanInput({
      '低保花名册.csv': rollCsv(),
      '殡葬火化人员.csv': `姓名,性别,身份证号码,死亡日期,火化日期,火化单位\n张大山,男,${PEOPLE.zhang},2026-07-15,2026-07-18,县殡仪馆\n`,
      '公安户籍注销人员.xlsx': cancelled,
    });

    const deaths = findings.filter((finding) => finding('check_id') === 'deceased.recipient');
    expect(deaths.map((finding) => finding('name')).sort()).toEqual(['张大山', '李秀英'].sort());
    expect(deaths.find((finding) => finding('name') === '张大山')!('evidence')).toContain('死亡日期 2026-07-15');
    expect(deaths.find((finding) => finding('name') === '李秀英')!('evidence')).toContain('死亡日期 2026-09-28');
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 2, rows_used: 2, rows_rejected: 0 });
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { file: '殡葬火化人员.csv', message: '列「火化日期」未读取：本表另有「死亡日期」，死亡日期按「死亡日期」读取' },
      {
        file: '公安户籍注销人员.xlsx',
        message: '工作表「注销」没有「死亡日期」列：死亡日期按「注销日期」读取；注销户籍多在死亡之后，死亡次月起的多发金额可能少算，'
          + '本期死亡而本期之后才注销户籍的也查不到，请向公安或殡葬部门索取带死亡日期的名单',
      },
    ]));
  });
});
