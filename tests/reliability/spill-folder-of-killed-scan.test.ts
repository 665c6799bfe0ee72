// A scan killed with SIGKILL cannot remove its spill folder (0700, full of ID numbers): the next scan does, and leaves
// every folder it cannot prove abandoned — a running scan's, another machine's, an older version's without a pid.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli.ts';
import { writeSmallTownship } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();
const input = join(root, 'input');
await mkdir(input);
await writeSmallTownship(input);
// The scans' temporary folder: a test's own, not the machine's /tmp other scans use.
const temp = join(root, 'tmp');
await mkdir(temp);
const env = { ...process.env, TMPDIR: temp };

const scanArgs = (name: string) => [CLI, 'scan', '--input', input, '--period', '2026-10', '--ledger', join(root, `${name}.duckdb`), '--out', join(root, name), '--quiet'];
const spillFolders = async () => (await readdir(temp)).filter((name) => name.startsWith('rollsweep-spill-')).sort();

/** A spill folder as a scan of `pid` on `host` makes it. */
async function spillFolderOf(pid: number, host: string | undefined, suffix: string): Promise<string> {
  const name = `rollsweep-spill-${pid}-${suffix}`;
  await mkdir(join(temp, name), { mode: 0o700 });
  if (host !== undefined) await writeFile(join(temp, name, 'rollsweep-owner'), `${host}\n`);
  await writeFile(join(temp, name, 'duckdb_temp_block-1.block'), '371329195003030034');
  return name;
}

/** A pid no process has: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the spill folder of a scan killed with SIGKILL', () => {
  it('is removed by the next scan; folders it cannot prove abandoned are left', async () => {
    const killed = spawn(process.execPath, scanArgs('killed'), { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => killed.on('exit', resolve));
    let own: string | undefined;
    for (let waited = 0; own === undefined && waited < 60_000; waited += 20) {
      own = (await spillFolders()).find((name) => name.startsWith(`rollsweep-spill-${killed.pid}-`));
      if (own === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(own, 'the scan made its spill folder, named by its pid').toBeDefined();
    killed.kill('SIGKILL');
    await exited;
    expect(await spillFolders()).toContain(own);

    const running = await spillFolderOf(process.pid, hostname(), 'AAAAAA'); // this test's process runs
    const elsewhere = await spillFolderOf(await deadPid(), 'another-machine', 'BBBBBB');
    const unowned = await spillFolderOf(await deadPid(), undefined, 'CCCCCC');
    const olderVersion = 'rollsweep-spill-Xy12Zq';
    await mkdir(join(temp, olderVersion), { mode: 0o700 });
    const abandoned = await spillFolderOf(await deadPid(), hostname(), 'DDDDDD');

    const next = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, scanArgs('next'), { env, timeout: 120_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
      });
    });
    expect(next.code, next.stderr).toBe(0);
    // The killed scan's and the abandoned one are gone; the next scan removed its own as it ended.
    const left = await spillFolders();
    expect(left).not.toContain(own);
    expect(left).not.toContain(abandoned);
    expect(left).toEqual([running, elsewhere, unowned, olderVersion].sort());
  });
});
