// quality-bars.md "Bad input": every malformed input ends in exit 2 or a data-quality finding naming file, row and column.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../support/parse-csv.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, ROLL_HEADER, rollCsv, validId, writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
let counter = 0;

/** A township folder plus the given extra files; returns the CLI run of a scan over it. */
async function scanWith(files: Record<string, string | Buffer>, extraArgs: string[] = [], rollRows: string[] = []) {
  const folder = join(root, `case-${counter++}`);
  const input = join(folder, 'input');
  await mkdir(input, { recursive: true });
  await writeSmallTownship(input, rollRows);
  for (const [name, content] of Object.entries(files)) await writeFile(join(input, name), content);
  const out = join(folder, 'out');
  const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', join(folder, 'ledger.duckdb'), '--out', out, '--quiet', ...extraArgs]);
  expect(run.code, run.stderr).not.toBe(3);
  expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
  return { ...run, out, input };
}

/** The rows of a SELECT written as a Parquet file. */
async function parquetOf(select: string, options = 'FORMAT parquet'): Promise<Buffer> {
  const path = join(root, `list-${counter++}.parquet`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${path}' (${options})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return readFile(path);
}

/** A death list written as Parquet, with bytes of its first data page flipped: the footer (column names) stays intact. */
async function damagedParquet(): Promise<Buffer> {
  const bytes = await parquetOf(`SELECT '11010519491231002' || (range % 10) AS "身份证号码", '张三' || range AS "姓名", '2026-01-01' AS "死亡日期"
                                 FROM range(5000)`, 'FORMAT parquet, COMPRESSION zstd');
  for (let k = 0; k < 40; k++) bytes[200 + k * 3]! ^= 0xff;
  return bytes;
}

async function findingsCsv(out: string): Promise<string> {
  return readFile(join(out, 'findings.csv'), 'utf8');
}

/** The roll and the death list each with one header row repeated among 3 persons and 2 deaths: those skipped, both deaths found. */
async function expectOneHeaderRowSkippedEach(run: Awaited<ReturnType<typeof scanWith>>): Promise<void> {
  expect(run.code).toBe(0);
  const summary = await summaryOf(run.out);
  expect(summary.datasets.roll).toMatchObject({ rows_read: 4, rows_used: 3, rows_rejected: 1 });
  expect(summary.datasets.deaths).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
  const checks = parseCsvRecords(await findingsCsv(run.out)).slice(1).map((f) => f[2]);
  expect(checks.sort()).toEqual(['deceased.recipient', 'deceased.recipient']);
}

async function summaryOf(out: string) {
  return JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
}

describe('bad input stops the scan with exit 2 and a message naming file, row and column', () => {
  it('missing required column: names the column, its aliases and the columns found', async () => {
    const run = await scanWith({ '死亡人员.csv': '姓名,死亡日期\n张大山,2026-03-01\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('死亡人员.csv');
    expect(run.stderr).toContain('第 1 行');
    expect(run.stderr).toMatch(/身份证号码.*公民身份号码/);
    expect(run.stderr).toMatch(/找到的列：「姓名」、「死亡日期」/);
  });

  it('wrong encoding that yields replacement characters', async () => {
    const bytes = Buffer.concat([iconv.encode('身份证号码,死亡日期\n', 'gbk'), Buffer.from([0x31, 0x2c, 0xff, 0xff, 0x0a])]);
    const run = await scanWith({ '死亡人员.csv': bytes });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.csv 第 2 行 列「第 2 列」.*乱码/);
  });

  it('a UTF-8 file without BOM with one damaged byte: names the damaged line, not the header', async () => {
    const lines = ['姓名,身份证号码,死亡日期,来源', ...Array.from({ length: 12 }, (_, i) => `王秀英${i},${PEOPLE.wang},2026-03-01,公安户籍注销`)];
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    // A bit flipped in the second byte of 注 on line 9 (its 来源 cell).
    const at = Buffer.byteLength(`${lines.slice(0, 8).join('\n')}\n${lines[8]!.slice(0, lines[8]!.indexOf('注'))}`) + 1;
    bytes[at]! ^= 0x40;
    const run = await scanWith({ '死亡人员.csv': bytes });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.csv 第 9 行 列「第 4 列」: 按 UTF-8 解码后出现乱码字符/);
  });

  it('corrupt XLSX', async () => {
    const run = await scanWith({ '服刑人员.xlsx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 1)]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/服刑人员\.xlsx.*(损坏|corrupt)/);
  });

  // Systems export lists as an HTML table named .xls; until 2026-12-07 it was called a corrupt XLSX.
  it('a web page (HTML table) or an Excel 2003 XML file named .xls', async () => {
    const html = '\uFEFF<html><head><meta charset="utf-8"></head><body><table><tr><td>姓名</td><td>身份证号码</td></tr></table></body></html>';
    for (const [name, content] of [['服刑人员.xls', html], ['死亡人员.xls', '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>']]) {
      const run = await scanWith({ [name]: content });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}: 这是网页（HTML）或 XML 格式的表格`));
      expect(run.stderr).toMatch(/另存为” \.xlsx/);
    }
  });

  it('Parquet whose column list reads but whose data is damaged', async () => {
    const run = await scanWith({ '死亡人员.parquet': await damagedParquet() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.parquet.*Parquet 文件无法读取/);
  });

  it('empty file', async () => {
    const run = await scanWith({ '死亡人员.csv': '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.csv.*文件为空/);
  });

  it('duplicated header', async () => {
    const run = await scanWith({ '死亡人员.csv': '身份证号码,姓名,证件号码,死亡日期\n1,2,3,2026-01-01\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.csv 第 1 行 列「身份证号码、证件号码」.*表头重复/);
  });

  it('an amount column in another unit (万元): refused, not read as 元 nor dropped', async () => {
    const roll = rollCsv().replace('月保障金', '月保障金(万元)');
    const run = await scanWith({ '低保花名册.csv': roll });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/低保花名册\.csv 第 1 行 列「月保障金\(万元\)」.*「月保障金」.*单位是「万元」.*按元读取/);
    const required = await scanWith({ '存款.csv': `身份证号码,余额（万元）\n${PEOPLE.zhang},3.5\n` });
    expect(required.code).toBe(2);
    expect(required.stderr).toMatch(/存款\.csv 第 1 行.*缺少必需的列 「余额」.*列「余额（万元）」是「余额」，但注明的单位是「万元」/);
    const parquet = await scanWith({ '财政供养人员.parquet': await parquetOf(`SELECT '${PEOPLE.wang}' AS "身份证号码", 0.65 AS "月工资(万元)"`) });
    expect(parquet.code).toBe(2);
    expect(parquet.stderr).toMatch(/财政供养人员\.parquet 列「月工资\(万元\)」.*单位是「万元」/);
  });

  it('the same list twice (last month\'s beside this month\'s): refused naming both parts; distinct parts are read', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ id: validId('370481', `1960${String(1 + (i % 12)).padStart(2, '0')}1${i % 10}`, String(100 + i)), household: `H${100 + i}` }));
    const rollOf = (rows: typeof people) => [ROLL_HEADER, ...rows.map((p, i) => `张庄镇,东村,${p.household},人${i},${p.id},户主,农村低保,700,在保`)].join('\n') + '\n';
    const paymentsOf = (rows: typeof people, months: string[]) =>
      ['家庭编号,发放月份,发放金额', ...months.flatMap((month) => rows.map((p) => `${p.household},${month},700`))].join('\n') + '\n';

    const rolls = await scanWith({ '2026年9月低保花名册.csv': rollOf(people), '2026年10月低保花名册.csv': rollOf(people.slice(0, 25)) });
    expect(rolls.code).toBe(2);
    expect(rolls.stderr).toMatch(/「2026年10月低保花名册\.csv」与「2026年9月低保花名册\.csv」有 25 人相同（占较小一份的 100%）.*上月和本月.*重复享受/);

    const payments = await scanWith({
      '低保发放明细.csv': paymentsOf(people, ['2026-08', '2026-09', '2026-10']),
      '低保发放明细-上月.csv': paymentsOf(people, ['2026-07', '2026-08', '2026-09']),
    });
    expect(payments.code).toBe(2);
    expect(payments.stderr).toMatch(/低保发放明细.*有 60 条发放记录（家庭编号、月份、金额）相同（占较小一份的 67%）.*重复计算发放金额/);

    const deposits = ['身份证号码,余额,截止日期', ...people.map((p, i) => `${p.id},${1000 + i}.50,2026-09-30`)].join('\n') + '\n';
    const downloadedTwice = await scanWith({ '金融资产核对反馈.csv': deposits, '金融资产核对反馈 (1).csv': deposits });
    expect(downloadedTwice.code).toBe(2);
    expect(downloadedTwice.stderr).toMatch(/有 30 条存款记录（身份证号码、余额、截止日期）相同（占较小一份的 100%）.*余额重复相加/);

    // Township halves, one person on both (a finding, not a list read twice), and payments split by month: all read.
    const split = await scanWith({
      '东村低保花名册.csv': rollOf(people.slice(0, 16)), '西村低保花名册.csv': rollOf(people.slice(15)),
      '低保发放明细-9月.csv': paymentsOf(people, ['2026-09']), '低保发放明细-10月.csv': paymentsOf(people, ['2026-10']),
    });
    expect(split.code, split.stderr).toBe(0);
    expect((await summaryOf(split.out)).datasets.roll.rows_read).toBe(3 + 31);

    // Moved from the 低保 roll to the 特困 roll, kept on the old one as 退保: persons in both, but 在保 in one only.
    const moved = await scanWith({
      '低保花名册.csv': rollOf(people.slice(0, 25)).replaceAll(',农村低保,700,在保', ',农村低保,700,退保'),
      '特困人员花名册.csv': rollOf(people.slice(0, 25)).replaceAll(',农村低保,700,在保', ',农村特困,900,在保'),
    });
    expect(moved.code, moved.stderr).toBe(0);
  });

  it('binary junk', async () => {
    const run = await scanWith({ '机动车.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/机动车\.csv.*二进制/);
  });

  it('a 10 MB single line', async () => {
    const run = await scanWith({ '死亡人员.csv': `身份证号码,死亡日期\n${'8'.repeat(10 << 20)}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/死亡人员\.csv 第 2 行.*超过/);
  });

  it('a roll with only a header', async () => {
    const folder = join(root, 'header-only-roll');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保花名册.csv'), `${ROLL_HEADER}\n`);
    const run = await runCli(['scan', '--input', folder, '--period', '2026-10', '--ledger', join(root, 'h.duckdb'), '--out', join(root, 'h-out'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/低保花名册\.csv.*没有任何可用的数据行/);
  });

  it('--skip-bad-files lists the unreadable file instead of stopping', async () => {
    const run = await scanWith({ '服刑人员.xlsx': Buffer.from('not a workbook') }, ['--skip-bad-files']);
    expect(run.code).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.files_skipped).toEqual([{ file: '服刑人员.xlsx', reason: expect.stringMatching(/无法读取.*XLSX/) }]);
  });
});

describe('bad rows become data-quality findings; nothing is lost', () => {
  it('IDs in scientific notation are reported with raw value, file and line, never matched', async () => {
    const run = await scanWith({}, [], [`张庄镇,西村,H003,赵六,3.70481E+17,户主,农村低保,700,在保`]);
    expect(run.code).toBe(0);
    const csv = await findingsCsv(run.out);
    const line = csv.split('\n').find((l) => l.includes('data_quality.id-invalid'));
    expect(line).toMatch(/3\.70481E\+17/);
    expect(line).toMatch(/低保花名册\.csv 第5行/);
    expect(line).toMatch(/科学计数法/);
  });

  it('unparseable dates reject the row with file, line and column; read = used + rejected', async () => {
    const run = await scanWith({ '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-13-45\n${PEOPLE.li},李秀英,2025-01-02\n` });
    expect(run.code).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 2, rows_used: 1, rows_rejected: 1 });
    const line = (await findingsCsv(run.out)).split('\n').find((l) => l.includes('data_quality.bad-row'));
    expect(line).toMatch(/死亡人员\.csv 第2行.*死亡日期无法识别：2026-13-45/);
  });

  it('headers with a unit or format note are read; a note that cannot be judged is warned about', async () => {
    const rollWith = (amountHeader: string) => rollCsv().replace('月保障金', amountHeader).replace(',李秀英,' + PEOPLE.li + ',配偶,农村低保,1400,', ',李秀英,' + PEOPLE.li + ',配偶,农村低保,1300,');
    const deaths = `身份证号码(18位),姓名,死亡日期(yyyy-mm-dd)\n${PEOPLE.zhang},张大山,2026-03-01\n`;
    const noted = await scanWith({ '低保花名册.csv': rollWith('月保障金(元)'), '死亡人员.csv': deaths });
    expect(noted.code).toBe(0);
    const csv = await findingsCsv(noted.out);
    expect(csv).toMatch(/deceased\.recipient/);
    expect(csv).toMatch(/data_quality\.amount-inconsistent/); // H001's two amounts were read
    expect((await summaryOf(noted.out)).warnings).toEqual([]);

    const unjudged = await scanWith({ '低保花名册.csv': rollWith('月保障金(暂定)') });
    expect(unjudged.code).toBe(0);
    expect(await findingsCsv(unjudged.out)).not.toMatch(/data_quality\.amount-inconsistent/);
    expect((await summaryOf(unjudged.out)).warnings).toContainEqual({
      file: '低保花名册.csv', message: expect.stringMatching(/列「月保障金\(暂定\)」未读取.*「暂定」.*请把表头改为「月保障金」/),
    });
  });

  it('a header-only reference list is read as empty and warned about', async () => {
    const run = await scanWith({ '死亡人员.csv': '身份证号码,姓名,死亡日期\n' });
    expect(run.code).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 0, rows_used: 0, rows_rejected: 0 });
    expect(summary.warnings).toContainEqual({ file: '死亡人员.csv', message: expect.stringContaining('只有表头') });
  });

  it('a row shifted by an unquoted comma is rejected, not misread', async () => {
    const run = await scanWith({ '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.wang},王,小明,2026-01-01\n` });
    const summary = await summaryOf(run.out);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 1, rows_used: 0, rows_rejected: 1 });
    expect(await findingsCsv(run.out)).toMatch(/死亡人员\.csv 第2行 已拒收：本行有 4 列，多于表头的 3 列/);
  });

  it('a header row repeated among the data (lists pasted one after another) is a non-data row, not a person', async () => {
    const roll = rollCsv().trim().split('\n');
    roll.splice(3, 0, '', ROLL_HEADER);
    const run = await scanWith({
      '低保花名册.csv': `${roll.join('\n')}\n`,
      '死亡人员.csv': `身份证号码,姓名,死亡日期\n${PEOPLE.zhang},张大山,2026-03-01\n 公民身份号码 ,姓名,死亡日期\n${PEOPLE.wang},王小明,2026-03-01\n`,
    });
    await expectOneHeaderRowSkippedEach(run);
    const rejects = await readLedgerRows(join(run.out, '..', 'ledger.duckdb'), 'SELECT file, line, kind, reason FROM rejects ORDER BY file, line');
    expect(rejects).toEqual([
      { file: '低保花名册.csv', line: 5, kind: 'non-data', reason: '非数据行（合计、签字、说明、栏次或重复的表头行）' },
      { file: '死亡人员.csv', line: 3, kind: 'non-data', reason: '非数据行（合计、签字、说明、栏次或重复的表头行）' },
    ]);
  });

  it('a total under a 发放明细 written in its 家庭编号 column (本月合计), or with a word before 合计 (本页合计), is a non-data row, not a finding', async () => {
    // 合　计 and 小 计 (spaced to fill the cell) were two data-quality findings each until 2026-12-05.
    const payments = '家庭编号,发放月份,发放金额\nH001,2026-10,1400\nH002,2026-10,700\n本月合计,,2100\n,本页合计,2100\n全镇总计,,2100\n合\u3000计,,2100\n,小 计,2100\n本页 合 计,,2100\n';
    const run = await scanWith({ '低保花名册.csv': rollCsv(), '低保发放明细.csv': payments });
    expect(run.code, run.stderr).toBe(0);
    const rejects = await readLedgerRows(join(run.out, '..', 'ledger.duckdb'), "SELECT line, kind FROM rejects WHERE dataset = 'payments' ORDER BY line");
    expect(rejects).toEqual([4, 5, 6, 7, 8, 9].map((line) => ({ line, kind: 'non-data' })));
    expect(await readFile(join(run.out, 'findings.csv'), 'utf8')).not.toContain('data_quality.bad-row');
  });

  // Until 2026-12-05 the roll's was a person named 4 whose ID is 5 (four false findings), each list's a bad row.
  it('a 栏次 row numbering the columns under the header (1, 2, 3 …, after 栏次 or 甲) is a non-data row; other numbers are not', async () => {
    const roll = rollCsv().trim().split('\n');
    roll.splice(1, 0, '1,2,3,4,5,6,7,8,9');
    const deaths = new ExcelJS.Workbook();
    deaths.addWorksheet('死亡').addRows([['身份证号码', '姓名', '死亡日期'], [1, 2, 3], [PEOPLE.zhang, '张大山', '2026-03-01']]);
    const payments = '序号,家庭编号,发放月份,发放金额\n栏次,1,2,3\n1,H001,2026-10,1400\n2,5,10,50\n';
    const run = await scanWith({
      '低保花名册.csv': iconv.encode(`${roll.join('\n')}\n`, 'gbk'),
      '死亡人员.xlsx': Buffer.from(await deaths.xlsx.writeBuffer()),
      '低保发放明细.csv': payments,
    });
    expect(run.code, run.stderr).toBe(0);
    const rejects = await readLedgerRows(join(run.out, '..', 'ledger.duckdb'), 'SELECT file, line, kind FROM rejects ORDER BY file, line');
    expect(rejects).toEqual([
      { file: '低保发放明细.csv', line: 2, kind: 'non-data' },
      // 5, 10, 50 count nothing in order: a payment whose month cannot be read, refused and listed.
      { file: '低保发放明细.csv', line: 4, kind: 'value' },
      { file: '低保花名册.csv', line: 2, kind: 'non-data' },
      { file: '死亡人员.xlsx', line: 2, kind: 'non-data' },
    ]);
    const findings = await findingsCsv(run.out);
    expect(findings).not.toMatch(/data_quality\.(id-invalid|program-unknown|bad-value|household-no-head)/);
    expect(findings.match(/data_quality\.bad-row/g)).toHaveLength(1);
  });

  it('a header repeated as another township wrote it (身份证 号码, *公民身份号码（18位）) is a non-data row too', async () => {
    // A county's lists pasted together from its townships' blocks, each under its own header.
    const roll = rollCsv().trim().split('\n');
    roll.splice(3, 0, '乡镇,村(社区),户 编号,姓 名,身份证 号码,与户主关系,救助类别,月保障金,保障状态');
    const deaths = new ExcelJS.Workbook();
    deaths.addWorksheet('死亡').addRows([
      ['身份证号码', '姓名', '死亡日期'], [PEOPLE.zhang, '张大山', '2026-03-01'],
      ['*公民身份号码（18位）', '姓名', '死亡日期'], [PEOPLE.wang, '王小明', '2026-03-01'],
    ]);
    const run = await scanWith({ '低保花名册.csv': `${roll.join('\n')}\n`, '死亡人员.xlsx': Buffer.from(await deaths.xlsx.writeBuffer()) });
    await expectOneHeaderRowSkippedEach(run);
  });

  it('a hidden worksheet is read like the others, and named in the warnings', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('10月').addRows([['身份证号码', '姓名', '死亡日期'], [PEOPLE.zhang, '张大山', '2026-03-01']]);
    workbook.addWorksheet('9月', { state: 'hidden' }).addRows([['身份证号码', '姓名', '死亡日期'], [PEOPLE.wang, '王小明', '2026-02-01']]);
    const run = await scanWith({ '死亡人员.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(run.code).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 2, rows_used: 2 });
    expect(summary.warnings).toEqual([{ file: '死亡人员.xlsx', message: expect.stringMatching(/^隐藏的工作表「9月」也已读取（1 行）.*"sheet"/) }]);
  });

  it('an XLSX death list with a title row and a numeric ID that lost digits', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['2026年殡葬火化名单']);
    sheet.addRow(['身份证号码', '姓名', '火化日期']);
    sheet.addRow([370481195803021134, '张大山', new Date(Date.UTC(2026, 1, 3))]);
    // Two whole IDs beside it: a list most of whose IDs are numbers is refused whole (tests/cli/unusable-ids.test.ts).
    sheet.addRow([validId('370481', '19400101', '011'), '赵一', new Date(Date.UTC(2026, 1, 4))]);
    sheet.addRow([validId('370481', '19400202', '021'), '钱二', new Date(Date.UTC(2026, 1, 5))]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const run = await scanWith({ '火化名单.xlsx': buffer });
    expect(run.code).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.datasets.deaths).toMatchObject({ rows_read: 3, rows_used: 2, rows_rejected: 1 });
    const line = (await findingsCsv(run.out)).split('\n').find((l) => l.includes('data_quality.id-invalid'));
    expect(line).toMatch(/火化名单\.xlsx 工作表「Sheet1」 第3行/);
  });
});

describe('usage errors', () => {
  it('a bad period, a missing option and an unknown option all exit 2 without a stack trace', async () => {
    for (const args of [['scan', '--input', root, '--period', '2026-13'], ['scan', '--period', '2026-10'], ['scan', '--input', root, '--period', '2026-10', '--bogus']]) {
      const run = await runCli(args, { cwd: root });
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(2);
      expect(looksLikeStackTrace(run.stderr)).toBe(false);
    }
  });

  it('an --out that is a file stops the scan before any work: exit 2 naming it, nothing in the ledger', async () => {
    const folder = join(root, `case-${counter++}`);
    const input = join(folder, 'input');
    await mkdir(input, { recursive: true });
    await writeSmallTownship(input);
    const notAFolder = join(folder, 'out.txt');
    await writeFile(notAFolder, 'x');
    const ledger = join(folder, 'ledger.duckdb');
    const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', notAFolder, '--quiet']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`无法创建输出文件夹 ${notAFolder}`);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    // Refused before the ledger was opened: no run recorded that never got its outputs.
    await expect(readFile(ledger)).rejects.toThrow(/ENOENT/);
  });
});

describe('config', () => {
  it('uses a rollsweep.config.json kept in the input folder, and refuses an unknown key naming it', async () => {
    const withConfig = await scanWith({ 'rollsweep.config.json': JSON.stringify({ standards: { default: { urban: 900, rural: 700 } } }) });
    expect(withConfig.code).toBe(0);
    const summary = await summaryOf(withConfig.out);
    expect(summary.config).toBe(join(withConfig.input, 'rollsweep.config.json'));
    expect(summary.checks_skipped.map((c: { id: string }) => c.id)).not.toContain('data_quality.amount-over-standard');
    expect(summary.files_skipped).toEqual([]);
    const typo = await scanWith({ 'rollsweep.config.json': JSON.stringify({ standard: {} }) });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/rollsweep\.config\.json 有误.*standard/);
  });

  it('reads a config and a sweep.json saved by Windows Notepad (UTF-8 with a byte order mark)', async () => {
    const bom = '\uFEFF';
    const run = await scanWith({
      'rollsweep.config.json': bom + JSON.stringify({ standards: { default: { urban: 900, rural: 700 } } }),
      'sweep.json': bom + JSON.stringify({ datasets: { roll: '低保花名册.csv' } }),
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = await summaryOf(run.out);
    expect(summary.checks_skipped.map((c: { id: string }) => c.id)).not.toContain('data_quality.amount-over-standard');
  });

  it('without any config, the checks that need the 低保 standards are skipped and say why', async () => {
    const run = await scanWith({});
    const summary = await summaryOf(run.out);
    expect(summary.config).toBeNull();
    expect(summary.checks_skipped).toContainEqual({ id: 'data_quality.amount-over-standard', reason: expect.stringContaining('低保标准') });
  });
});
