// Running out of memory after the run is in the ledger (while findings.csv and the workbooks are written) must not say
// "未写入台账": the run stands, and the message says so and how to export. Memory cannot be made to run out at exactly
// that moment, so the findings.csv writer is replaced by one failing as DuckDB does; the scan and its ledger are real.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MemoryLimitError } from '../../scanner/errors.ts';
import { scan } from '../../scanner/scan.ts';
import { errorOf } from '../support/error-of.ts';
import { SAMPLE_AS_OF, SAMPLE_CONFIG, SAMPLE_INPUT, SAMPLE_PERIOD } from '../support/ledger-fixture.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { tempFolder } from '../support/temp-folder.ts';

vi.mock('../../scanner/export/findings-csv.ts', async (importOriginal) => ({
  ...await importOriginal<typeof import('../../scanner/export/findings-csv.ts')>(),
  writeFindingsCsv: async () => {
    throw new Error('Failed to append: could not allocate block of size 256.0 KiB (4.6 MiB/4.7 MiB used)');
  },
}));

describe('scan out of memory while exporting', () => {
  it('names the recorded run and the way to export, and the run is in the ledger', async () => {
    const folder = await tempFolder();
    const ledger = join(folder, 'ledger.duckdb');
    const error = await errorOf(() => scan({ input: SAMPLE_INPUT, config: SAMPLE_CONFIG, period: SAMPLE_PERIOD, asOf: SAMPLE_AS_OF, ledger, out: join(folder, 'out'), memoryLimit: '1GB' }));
    expect(error).toBeInstanceOf(MemoryLimitError);
    const { message, hint } = error as MemoryLimitError;
    expect(message).toMatch(/本次运行 2026-10-\d{14} 已记入台账，但导出/);
    expect(message).not.toContain('未写入台账');
    expect(hint).toContain('rollsweep ledger export --period 2026-10');
    expect(await readLedgerRows(ledger, 'SELECT count(*)::INT AS n FROM runs')).toEqual([{ n: 1 }]);
  });
});
