// A reader that closes the pipe early (`rollsweep sample … | head -3`) ends the command quietly, as `git log | head`
// does: no EPIPE stack trace, the command's work done and its exit code kept. Through the real CLI, every kind of
// command: one that reads a ledger and writes it, one that only lists, and yargs' own --help.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryLedger, scanSampleLedger } from '../support/ledger-fixture.ts';
import { CLI, looksLikeStackTrace, type CliRun } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

/** Runs the CLI with its stdout a pipe whose reading end is closed before the CLI writes anything. */
function runWithClosedStdout(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
  });
}

const root = await tempFolder();
let ledger: string;
beforeAll(async () => {
  ledger = await scanSampleLedger(root);
}, 120_000);

describe('a closed stdout', () => {
  it('ends `sample` quietly, with the sample drawn and recorded', async () => {
    const run = await runWithClosedStdout(['sample', '--ledger', ledger, '--villages', '3', '--households', '4', '--seed', '1', '--out', join(root, 's')]);
    expect(run.stderr).not.toContain('EPIPE');
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
    expect(run.code).toBe(0);
    expect(await queryLedger(ledger, `SELECT seed FROM ledger.samples`)).toEqual([{ seed: '1' }]);
  });

  for (const args of [['checks'], ['--help']]) {
    it(`ends \`${args.join(' ')}\` quietly`, async () => {
      const run = await runWithClosedStdout(args);
      expect(run.stderr).not.toContain('EPIPE');
      expect(looksLikeStackTrace(run.stderr)).toBe(false);
      expect(run.code).toBe(0);
    });
  }
});
