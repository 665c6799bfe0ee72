// A wrong rollsweep.config.json stops the scan with exit 2 and one Chinese line naming every wrong key. zod's own
// messages were English inside that line until 2026-12-05 ("Too small: expected string to have >=1 characters (at …)"),
// for township staff who edit the file by hand.
import { describe, expect, it } from 'vitest';
import { runScan } from '../support/scan-input.ts';
import { rollCsv } from '../support/small-township.ts';

describe('a wrong config file', () => {
  it('is refused in Chinese, every wrong key named where it is', async () => {
    const config = {
      standards: { default: { urban: '900' } },
      checks: { 'over_asset.payroll': { deadlineDays: -3, remedyx: '入户核实' } },
    };
    const { run } = await runScan({ '低保花名册.csv': rollCsv() }, config);
    expect(run.code).toBe(2);
    const message = run.stderr.split('\n').find((line) => line.startsWith('错误：'))!;
    expect(message).toMatch(/^错误：配置文件 \S*rollsweep\.config\.json 有误：/);
    expect(message).toContain('无效输入：期望 数字，实际接收 string（位置：standards.default.urban）');
    expect(message).toContain('（位置：standards.default.rural）');
    expect(message).toContain('（位置：checks.over_asset.payroll.deadlineDays）');
    expect(message).toContain('出现未知的键(key): "remedyx"（位置：checks.over_asset.payroll）');
    expect(message).not.toMatch(/Invalid|Unrecognized|Too small|expected|\(at /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a check id it does not know', async () => {
    const { run } = await runScan({ '低保花名册.csv': rollCsv() }, { checks: { 'deceased.recipent': { enabled: false } } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('中有未知的检查项：deceased.recipent（位置：checks）');
  });
});
