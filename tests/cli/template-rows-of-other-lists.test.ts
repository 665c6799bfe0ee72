// Lists kept from a template (a village's 死亡人员 or 发放 sheet) carry rows with their 序号 and a column filled down
// (来源 公安, 发放月份 2026-10) and no one in them. Such a row is no person's record: listed among the refused rows as a
// 空白模板行, as the roll's rows without anyone were non-data rows already. Until 2026-12-07 each was refused as 身份证号码为空 / 家庭编号为空, a
// data_quality.bad-row finding per reason for nobody, with a deadline and no one to act on it.
import { describe, expect, it } from 'vitest';
import { scanInput, workbookOf } from '../support/scan-input.ts';
import { validId } from '../support/small-township.ts';

const DEAD = validId('371329', '19500101', '100');
const ROLL = `乡镇,村(社区),家庭编号,姓名,身份证号码,与户主关系,救助类别,月保障金,保障状态\n张庄镇,东村,H001,甲一,${DEAD},户主,农村低保,700,在保\n`;
const template = (n: number) => Array.from({ length: n }, (_, i) => [i + 2, null, null, null, '公安']);

describe('template rows of lists other than the roll', () => {
  it('a death list\'s template rows are non-data rows: the death is found, no bad-row finding, every row accounted for', async () => {
    const deaths = await workbookOf('死亡', [['序号', '姓名', '身份证号码', '死亡日期', '来源'], [1, '甲一', DEAD, '2026-09-10', '公安'], ...template(5)]);
    const { findings, summary } = await scanInput({ '低保花名册.csv': ROLL, '死亡人员.xlsx': deaths });
    expect(findings.map((f) => f('check_id'))).toEqual(['deceased.recipient']);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 6, rows_used: 1, rows_rejected: 5 });
  });

  it('a row that still gives a date (a death whose person the list lost) is refused as before', async () => {
    const deaths = await workbookOf('死亡', [['序号', '姓名', '身份证号码', '死亡日期', '来源'], [1, '甲一', DEAD, '2026-09-10', '公安'], [2, null, null, '2026-09-12', '公安']]);
    const { findings } = await scanInput({ '低保花名册.csv': ROLL, '死亡人员.xlsx': deaths });
    expect(findings.map((f) => f('check_id')).sort()).toEqual(['data_quality.bad-row', 'deceased.recipient']);
  });

  it('a property or vehicle row without its owner (an address, a plate) is refused as before, a bad-row finding each', async () => {
    const properties = `序号,权利人,身份证号码,坐落,用途,建筑面积\n1,,,张庄镇东街2号,商业服务,120\n2,,,,,\n`;
    const vehicles = `序号,所有人,身份证号码,号牌号码,车辆类型,状态\n1,,,鲁P12345,小型轿车,正常\n`;
    const { findings, summary } = await scanInput({ '低保花名册.csv': ROLL, '不动产登记信息.csv': properties, '机动车登记信息.csv': vehicles });
    expect(findings.filter((f) => f('check_id') === 'data_quality.bad-row').map((f) => f('source_file')).sort()).toEqual(['不动产登记信息.csv', '机动车登记信息.csv']);
    expect(summary.datasets.properties).toMatchObject({ rows_read: 2, rows_used: 0, rows_rejected: 2 });
  });
});
