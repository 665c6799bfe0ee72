// The run record's SHA-256 of every input file (hashed in the background while the scan works) is the file's real digest.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputChecksums } from '../../scanner/input-checksums.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { PEOPLE, writeSmallTownship } from '../support/small-township.ts';
import { tempFileWith, tempFolder } from '../support/temp-folder.ts';

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe('input checksums', () => {
  it('records the SHA-256 of every file the scan read, subfolders included', async () => {
    const root = await tempFolder();
    const input = join(root, 'input');
    await mkdir(join(input, '公安'), { recursive: true });
    await writeSmallTownship(input);
    // A list of some hundred kilobytes (the test below hashes a file of several read chunks).
    const deaths = ['姓名,身份证号码,死亡日期', `张大山,${PEOPLE.zhang},2026-08-01`, ...Array.from({ length: 20_000 }, (_, i) => `某${i},,`)];
    await writeFile(join(input, '公安', '死亡人员名单.csv'), `${deaths.join('\n')}\n`);
    const ledger = join(root, 'ledger.duckdb');
    const run = await runCli(['scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', join(root, 'out'), '--quiet']);
    expect(looksLikeStackTrace(run.stderr), run.stderr).toBe(false);
    const [row] = await readLedgerRows(ledger, 'SELECT inputs_json FROM runs');
    const recorded = JSON.parse(String(row!['inputs_json'])) as { files: { file: string; sha256: string }[] };
    const byFile = Object.fromEntries(recorded.files.map((f) => [f.file, f.sha256]));
    expect(byFile).toEqual({
      '低保花名册.csv': await sha256(join(input, '低保花名册.csv')),
      '公安/死亡人员名单.csv': await sha256(join(input, '公安', '死亡人员名单.csv')),
    });
  });

  it('hashes a file of several read chunks (1 MiB each) to its real digest', async () => {
    const path = await tempFileWith(Buffer.from(Array.from({ length: 2_600_000 }, (_, i) => (i * 31) % 256)), 'large.csv');
    expect(await inputChecksums().of(path)).toBe(await sha256(path));
  });

  it('hashes a file that was never started on request, and reports a vanished file only when asked', async () => {
    const root = await tempFolder();
    const kept = join(root, 'kept.csv');
    const gone = join(root, 'gone.csv');
    await writeFile(kept, 'a,b\n1,2\n');
    await writeFile(gone, 'x\n');
    const checksums = inputChecksums();
    await rm(gone);
    checksums.start([gone]);
    expect(await checksums.of(kept)).toBe(await sha256(kept));
    await expect(checksums.of(gone)).rejects.toThrow(/ENOENT/);
  });
});
