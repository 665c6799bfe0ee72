// A roll exported with a long preamble (title, 填报单位, numbered 填报说明) puts its header below the 10 rows searched.
// sweep.json's headerRow names it; it was only looked for among those 10 rows, and the scan said the file was empty.
// Without headerRow, the message listed every column as missing with no word of where the header was looked for.
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../support/run-cli.ts';
import { runScan, scanInput } from '../support/scan-input.ts';
import { ROLL_HEADER, rollCsv } from '../support/small-township.ts';

const PREAMBLE = ['2026年10月张庄镇农村低保花名册', '填报单位：张庄镇民政所', ...Array.from({ length: 9 }, (_, i) => `${i + 1}. 填报说明第${i + 1}条`)];
/** The roll's header on line 12 (11 one-cell lines above it), its 3 persons below. */
const ROLL_WITH_PREAMBLE = `${PREAMBLE.join('\n')}\n${rollCsv()}`;
const HEADER_ON_LINE_12 = { datasets: { roll: { file: '低保花名册.csv', headerRow: 12 } } };

describe('a roll whose header is below the first 10 rows', () => {
  it('is read from the header row sweep.json names', async () => {
    expect(ROLL_WITH_PREAMBLE.split('\n')[11]).toBe(ROLL_HEADER);
    const { summary } = await scanInput({ '低保花名册.csv': ROLL_WITH_PREAMBLE, 'sweep.json': JSON.stringify(HEADER_ON_LINE_12) });
    expect(summary.datasets.roll).toMatchObject({ files: ['低保花名册.csv'], rows_read: 3, rows_used: 3, rows_rejected: 0 });
  });

  it('is read from the header row sweep.json names with blank lines among the preamble, each counted in the line number', async () => {
    const spaced = `${PREAMBLE.slice(0, 2).join('\n')}\n\n\n${PREAMBLE.slice(2).join('\n')}\n${rollCsv()}`;
    const manifest = { datasets: { roll: { file: '低保花名册.csv', headerRow: 14 } } };
    const { summary } = await scanInput({ '低保花名册.csv': spaced, 'sweep.json': JSON.stringify(manifest) });
    expect(summary.datasets.roll).toMatchObject({ rows_read: 3, rows_used: 3 });
  });

  it('without headerRow, stops (exit 2) saying the header was looked for in the first 10 rows and how to name a lower one', async () => {
    const { run } = await runScan({ '低保花名册.csv': ROLL_WITH_PREAMBLE });
    expect(run.code, run.stderr).toBe(2);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('低保花名册.csv 第 1 行 列「乡镇(街道)、村(社区)、家庭编号、姓名、身份证号码、救助类别」: 救助对象花名册缺少必需的列');
    expect(run.stderr).toContain('找到的列：「2026年10月张庄镇农村低保花名册」。表头只在前 10 行（空行不计）中查找。');
    expect(run.stderr).toContain('表头在第 10 行以下的，请在 sweep.json 中用 "headerRow" 写明表头所在的行号。');
  });

  it('with a headerRow past the end of the file, names that row instead of calling the file empty', async () => {
    const manifest = { datasets: { roll: { file: '低保花名册.csv', headerRow: 40 } } };
    const { run } = await runScan({ '低保花名册.csv': ROLL_WITH_PREAMBLE, 'sweep.json': JSON.stringify(manifest) });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('低保花名册.csv 第 40 行: sweep.json 指定的表头行第 40 行是空行或不在文件中，没有表头（应为救助对象花名册）');
    expect(run.stderr).not.toContain('文件为空');
  });
});
