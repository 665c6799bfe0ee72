// `rollsweep demo`: scans the committed sample township into a temporary ledger and says where the outputs are.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../scan.ts';
import type { CliIo } from '../main.ts';
import { scanProgress } from '../progress.ts';
import { EXIT } from '../report-error.ts';
import { printScanResult } from './print-scan-result.ts';

const SAMPLE = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
export const DEMO_INPUT = join(SAMPLE, 'demo-township');
export const DEMO_CONFIG = join(SAMPLE, 'rollsweep.config.json');
export const DEMO_PERIOD = '2026-10';

export async function runDemoCommand(io: CliIo): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'rollsweep-demo-'));
  io.err(`示例：扫描 ${DEMO_INPUT}（${DEMO_PERIOD}），临时台账在 ${folder}\n`);
  const progress = scanProgress(io, { quiet: false });
  const result = await scan({
    input: DEMO_INPUT, period: DEMO_PERIOD, config: DEMO_CONFIG,
    ledger: join(folder, 'rollsweep.duckdb'), out: join(folder, 'out', DEMO_PERIOD),
    log: progress.message, onStep: progress.step,
  }).finally(progress.finish);
  printScanResult(result, io);
  io.out(`\n示例输出都在 ${folder}\n`);
  return EXIT.ok;
}
