// `rollsweep scan`: runs the scan job and prints where the outputs are (or summary.json with --json).
import { scan } from '../../scan.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { printScanResult } from './print-scan-result.ts';

export interface ScanArgs {
  input: string;
  period: string;
  ledger: string;
  config?: string;
  out?: string;
  asOf?: string;
  skipBadFiles: boolean;
  unmask: boolean;
  json: boolean;
  quiet: boolean;
}

export async function runScanCommand(args: ScanArgs, io: CliIo): Promise<number> {
  const result = await scan({
    input: args.input, period: args.period, ledger: args.ledger, config: args.config, out: args.out, asOf: args.asOf,
    skipBadFiles: args.skipBadFiles, unmask: args.unmask,
    log: args.quiet ? undefined : (line) => io.err(`${line}\n`),
  });
  if (args.json) io.out(`${JSON.stringify(result.summary, null, 2)}\n`);
  else printScanResult(result, io);
  return EXIT.ok;
}
