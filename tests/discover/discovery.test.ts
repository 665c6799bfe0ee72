// Dataset discovery: file-name rules, loose header matching, manifest handling and skipped files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsNamedBy } from '../../scanner/discover/file-name-rules.ts';
import { discoverInputFiles } from '../../scanner/discover/input-files.ts';
import { normaliseHeader } from '../../scanner/datasets/headers.ts';
import { tempFolder } from '../support/temp-folder.ts';

describe('file names point to datasets (data-contract.md step 2)', () => {
  const cases: [string, string[]][] = [
    ['2026年10月低保花名册.xlsx', ['roll']],
    ['低保发放明细.xlsx', ['payments']],
    ['特困人员救助对象.csv', ['roll']],
    ['roll_township_a.csv', ['roll']],
    ['payroll.csv', ['payroll']],
    ['公安户籍注销死亡人员.csv', ['deaths']],
    ['殡葬火化名单.xlsx', ['deaths']],
    ['在押人员.xlsx', ['prisoners']],
    ['机动车登记.csv', ['vehicles']],
    ['不动产登记信息.xlsx', ['properties']],
    ['个体工商户.csv', ['businesses']],
    ['财政供养人员工资.csv', ['payroll']],
    ['金融资产核对反馈.csv', ['deposits']],
    ['村干部名册.xlsx', ['cadres']],
    ['亲属关系.parquet', ['kinship']],
    ['Deaths-2026.CSV', ['deaths']],
    ['干部亲属关系.xlsx', ['cadres', 'kinship']],
    ['说明.xlsx', []],
  ];
  for (const [name, expected] of cases) {
    it(`${name} → ${expected.join('|') || 'header decides'}`, () => expect(datasetsNamedBy(name)).toEqual(expected));
  }
});

describe('header text is compared loosely', () => {
  it('ignores spaces, full-width forms, case and required markers', () => {
    expect(normaliseHeader(' 县（市、区） ')).toBe(normaliseHeader('县(市、区)'));
    expect(normaliseHeader('身份证 号码*')).toBe('身份证号码');
    expect(normaliseHeader('ID_Number')).toBe('id_number');
  });
});

describe('discoverInputFiles', () => {
  it('walks subfolders, skips hidden and lock files, lists unsupported formats, honours sweep.json', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, '镇A'));
    await writeFile(join(folder, '镇A', '低保花名册.csv'), 'x');
    await writeFile(join(folder, 'list-one.csv'), 'x');
    await writeFile(join(folder, '~$低保花名册.xlsx'), 'x');
    await writeFile(join(folder, '.DS_Store'), 'x');
    await writeFile(join(folder, '说明.docx'), 'x');
    await writeFile(join(folder, 'sweep.json'), JSON.stringify({ datasets: { deaths: { file: 'list-one.csv', encoding: 'gbk' } } }));
    const { files, skipped } = await discoverInputFiles(folder);
    expect(files.map((f) => [f.name, f.candidates, f.classifiedBy])).toEqual([
      ['list-one.csv', ['deaths'], 'manifest'],
      ['镇A/低保花名册.csv', ['roll'], 'file-name'],
    ]);
    expect(files[0]!.options).toEqual({ encoding: 'gbk' });
    expect(skipped).toEqual([{ file: '说明.docx', reason: expect.stringContaining('.docx') }]);
  });

  it('names the manifest key that is wrong', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'sweep.json'), JSON.stringify({ datasets: { deaths: { file: 'a.csv', encodng: 'gbk' } } }));
    await expect(discoverInputFiles(folder)).rejects.toThrow(/sweep\.json.*encodng|encodng.*datasets\.deaths/);
  });

  it('refuses a manifest naming a file that is not there', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'sweep.json'), JSON.stringify({ datasets: { roll: 'missing.csv' } }));
    await expect(discoverInputFiles(folder)).rejects.toThrow(/missing\.csv/);
  });
});
