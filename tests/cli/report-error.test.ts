// reportError is where every error becomes a message and an exit code: the user's errors and running out of memory are
// exit 2 with a plain message; only rollsweep's own faults are exit 3 with the detail for its maintainers.
import { describe, expect, it } from 'vitest';
import { reportError } from '../../scanner/cli/report-error.ts';
import { MemoryLimitError } from '../../scanner/errors.ts';
import { looksLikeStackTrace } from '../support/run-cli.ts';

function report(error: unknown): { code: number; text: string } {
  let text = '';
  const code = reportError(error, (part) => { text += part; });
  return { code, text };
}

describe('reportError', () => {
  it('the scan out of its --memory-limit: exit 2, the limit and the option to raise it', () => {
    const { code, text } = report(new MemoryLimitError('512MB'));
    expect(code).toBe(2);
    expect(text).toContain('内存不足');
    expect(text).toContain('--memory-limit');
    expect(text).toContain('未写入台账');
  });

  it('the scan out of memory while exporting, after its run is in the ledger: says so, and how to export', () => {
    const { code, text } = report(new MemoryLimitError('512MB', { runId: '2026-10-20261130201500', period: '2026-10' }));
    expect(code).toBe(2);
    expect(text).toContain('本次运行 2026-10-20261130201500 已记入台账，但导出');
    expect(text).not.toContain('未写入台账');
    expect(text).toContain('rollsweep ledger export --period 2026-10');
  });

  it('DuckDB out of memory in any other command: exit 2, a plain message without a stack trace', () => {
    const { code, text } = report(new Error('Failed to append: could not allocate block of size 256.0 KiB (4.6 MiB/4.7 MiB used)\nDatabase is launched in in-memory mode'));
    expect(code).toBe(2);
    expect(text).toContain('错误：内存不足 (out of memory)：Failed to append: could not allocate block of size 256.0 KiB');
    expect(text).not.toContain('in-memory mode');
    expect(text).not.toContain('内部错误');
    expect(looksLikeStackTrace(text)).toBe(false);
  });

  it('any other error is rollsweep\'s own: exit 3 with the stack for its maintainers', () => {
    const { code, text } = report(new TypeError('Cannot read properties of undefined'));
    expect(code).toBe(3);
    expect(text).toContain('内部错误 (internal error)');
    expect(looksLikeStackTrace(text)).toBe(true);
  });
});
