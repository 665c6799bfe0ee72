// Files full of poor families' ID numbers that outlive the run which made them: a GBK roll re-encoded to UTF-8 by a
// scan killed while reading, and a ledger copied back from a backup under umask 022. Neither may stay readable, or on
// the disk, for good.
import { execFile } from 'node:child_process';
import { chmod, copyFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli.ts';
import { townshipWithPrivateTemp } from '../support/township-with-private-temp.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { root, input, temp, env } = await townshipWithPrivateTemp();

function run(args: string[], cwd = REPO): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, cwd, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const scan = (ledger: string, out: string) =>
  run([CLI, 'scan', '--input', input, '--period', '2026-10', '--ledger', ledger, '--out', out, '--quiet']);

describe('private files a run leaves behind', () => {
  it('a GBK roll re-encoded by a process that ended without removing it is removed by the next scan', async () => {
    const gbk = join(root, 'gbk-roll.csv');
    await writeFile(gbk, iconv.encode('县,乡镇,村,姓名,身份证号码\n临沭县,店头镇,北店头社区,杨红,371329198204115839\n', 'gb18030'));
    // A process that re-encodes the roll, then ends as a killed scan does: without removing what it made.
    const child = join(root, 'reencode-and-die.mts');
    await writeFile(child, [
      `import { transcodeToUtf8 } from ${JSON.stringify(join(REPO, 'scanner/read/transcode-to-utf8.ts'))};`,
      `const made = await transcodeToUtf8(${JSON.stringify(gbk)}, 'gb18030', 0);`,
      'console.log(made?.path);',
      'process.exit(0);',
    ].join('\n'));
    const reencoded = await run(['--import', 'tsx', child]);
    expect(reencoded.code, reencoded.stderr).toBe(0);
    const utf8Copy = reencoded.stdout.trim();
    expect(utf8Copy.startsWith(temp), utf8Copy).toBe(true);
    expect((await stat(utf8Copy)).isFile()).toBe(true);

    const next = await scan(join(root, 'next.duckdb'), join(root, 'next'));
    expect(next.code, next.stderr).toBe(0);
    await expect(stat(utf8Copy)).rejects.toThrow();
    // (tsx keeps its cache there too.)
    expect((await readdir(temp)).filter((name) => name.startsWith('rollsweep-'))).toEqual([]);
  });

  it('a ledger copied back readable by all is readable by its owner only after the next scan', async () => {
    const first = join(root, 'first.duckdb');
    expect((await scan(first, join(root, 'first'))).code).toBe(0);
    const restored = join(root, 'restored.duckdb');
    await copyFile(first, restored);
    await chmod(restored, 0o644);
    const again = await scan(restored, join(root, 'again'));
    expect(again.code, again.stderr).toBe(0);
    expect((await stat(restored)).mode & 0o777).toBe(0o600);
  });
});
