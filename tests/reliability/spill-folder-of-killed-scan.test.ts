// A scan killed with SIGKILL cannot remove its spill folder (0700, full of ID numbers): the next scan does, and leaves
// every folder it cannot prove abandoned — a running scan's, another machine's, another user's, a young one without
// a pid or owner file. Older versions' folders (no pid) and those whose owner file was never written go once untouched
// for longer than any scan runs.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmod, chown, mkdir, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAbandonedTempFolders } from '../../scanner/spill-folder.ts';
import { CLI, looksLikeStackTrace } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { townshipWithPrivateTemp } from '../support/township-with-private-temp.ts';

const { root, input, temp, env } = await townshipWithPrivateTemp();
const execFileAsync = promisify(execFile);

const scanArgs = (name: string) => [CLI, 'scan', '--input', input, '--period', '2026-10', '--ledger', join(root, `${name}.duckdb`), '--out', join(root, name), '--quiet'];
const rollsweepFolders = async (parent: string) => (await readdir(parent)).filter((name) => name.startsWith('rollsweep-')).sort();
const spillFolders = async () => (await rollsweepFolders(temp)).filter((name) => name.startsWith('rollsweep-spill-'));

/** A folder `name` in `parent` as a run makes it: its owner file naming `host` (none when undefined), and `files` of IDs. */
async function folderOf(parent: string, name: string, host: string | undefined, files = ['duckdb_temp_block-1.block']): Promise<string> {
  await mkdir(join(parent, name), { mode: 0o700 });
  if (host !== undefined) await writeFile(join(parent, name, 'rollsweep-owner'), `${host}\n`);
  for (const file of files) await writeFile(join(parent, name, file), '371329195003030034');
  return name;
}

/** A spill folder as a scan of `pid` on `host` makes it. */
const spillFolderOf = (pid: number, host: string | undefined, suffix: string) => folderOf(temp, `rollsweep-spill-${pid}-${suffix}`, host);

/** Makes the folder and what it holds look untouched for three days: longer than any scan runs. */
async function age(folder: string): Promise<void> {
  const then = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
  for (const name of await readdir(folder)) await utimes(join(folder, name), then, then);
  await utimes(folder, then, then);
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
    // Killed between making its folder and renaming it into place; and an older version's UTF-8 copy of a GBK roll.
    const making = await folderOf(temp, `rollsweep-making-${await deadPid()}-EEEEEE`, hostname());
    const olderCopy = await folderOf(temp, 'rollsweep-csv-Pq34Rs', undefined, ['utf8.csv']);
    await age(join(temp, olderCopy));

    const next = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, scanArgs('next'), { env, timeout: 120_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
      });
    });
    expect(next.code, next.stderr).toBe(0);
    // The killed scan's, the abandoned ones and the old copy are gone; the next scan removed its own as it ended.
    const left = await rollsweepFolders(temp);
    expect(left).not.toContain(own);
    expect(left).not.toContain(abandoned);
    expect(left).not.toContain(making);
    expect(left).not.toContain(olderCopy);
    expect(left).toEqual([running, elsewhere, unowned, olderVersion].sort());
  });
});

describe('the folders a scan finds left in the temporary folder', () => {
  it('removes each one proven abandoned and leaves any a run may still use', async () => {
    const parent = await tempFolder();
    const dead = await deadPid();
    const made = (name: string, host?: string, files?: string[]) => folderOf(parent, name, host, files);
    const longAgo = async (name: string, host?: string, files?: string[]) => {
      await folderOf(parent, name, host, files);
      await age(join(parent, name));
      return name;
    };
    const removed = [
      await made(`rollsweep-making-${dead}-Aaaaa1`, hostname()), // killed between owner file and rename
      await longAgo(`rollsweep-making-${dead}-Aaaaa2`, '', []), // killed writing the owner file
      await longAgo(`rollsweep-making-${dead}-Aaaaa3`, undefined, []), // killed before it
      await longAgo(`rollsweep-spill-${dead}-Aaaaa4`), // by a version that wrote it after naming the folder
      await longAgo('rollsweep-spill-Aaaaa5'), // by a version without pids
      await longAgo('rollsweep-spill-Aaaaa7', undefined, []), // such a version's, killed before it spilled
      await longAgo('rollsweep-csv-Aaaaa6', undefined, ['utf8.csv']), // a GBK roll's copy by such a version
    ];
    const left = [
      await made(`rollsweep-making-${dead}-Bbbbb1`), // young: perhaps another machine's process, making it now
      await made(`rollsweep-making-${process.ppid}-Bbbbb2`, hostname()), // a running process's
      await longAgo(`rollsweep-spill-${process.ppid}-Bbbbb3`), // a running process's
      await longAgo(`rollsweep-spill-${dead}-Bbbbb4`, 'another-machine'), // another machine's
      await made('rollsweep-csv-Bbbbb5', undefined, ['utf8.csv']), // young: an older version's scan may be reading it
      await longAgo('rollsweep-csv-Bbbbb6', undefined, ['utf8.csv']), // old, but a file in it is written now
      await longAgo('rollsweep-csv-backup-of-march'), // not a name a run gives
      await longAgo('rollsweep-test-Bbbbb9'), // a test's
      // Named as a run's by hand, old, but holding what no run leaves there: another file, a subfolder.
      await longAgo('rollsweep-spill-backup', undefined, ['notes.txt']),
      await longAgo('rollsweep-csv-Dddd01', undefined, ['utf8.csv', 'README.txt']),
      await longAgo('rollsweep-spill-Dddd02', undefined, ['duckdb_temp_block-1.block', 'notes.txt']),
      await longAgo(`rollsweep-spill-${dead}-Dddd03`, undefined, ['整改台账.xlsx']),
      await longAgo(`rollsweep-making-${dead}-Dddd04`, undefined, ['duckdb_temp_block-1.block']),
    ];
    await utimes(join(parent, left[5]!, 'utf8.csv'), new Date(), new Date());
    // A staff member's own folder of 2026-10 exports, old, with a file in a subfolder written today (R14's decoy).
    const ownFolder = await longAgo('rollsweep-csv-202610', undefined, ['README.txt']);
    await mkdir(join(parent, ownFolder, '张庄镇'));
    await writeFile(join(parent, ownFolder, '张庄镇', '整改台账-今天在改.csv'), '今天在改\n');
    await utimes(join(parent, ownFolder, '张庄镇'), new Date(Date.now() - 3 * 86400e3), new Date(Date.now() - 3 * 86400e3));
    await utimes(join(parent, ownFolder), new Date(Date.now() - 3 * 86400e3), new Date(Date.now() - 3 * 86400e3));
    left.push(ownFolder);
    const emptySubfolder = await longAgo('rollsweep-spill-Dddd05', undefined, []);
    await mkdir(join(parent, emptySubfolder, 'sub'));
    await age(join(parent, emptySubfolder));
    left.push(emptySubfolder);
    if (process.getuid?.() === 0) {
      // Another user's (only root can give a folder away).
      left.push(await longAgo('rollsweep-csv-Bbbbb7'));
      await chown(join(parent, 'rollsweep-csv-Bbbbb7'), 54321, 54321);
    }
    // A link named as an old copy, to a folder of files: neither it nor what it points to is removed.
    const linked = await longAgo('linked-target');
    await symlink(join(parent, linked), join(parent, 'rollsweep-csv-Cccccc'));
    left.push('rollsweep-csv-Cccccc');

    const cleanup = await removeAbandonedTempFolders(parent);
    expect(await rollsweepFolders(parent)).toEqual([...left].sort());
    expect(cleanup).toEqual({ removed: removed.length, notRemoved: [] });
    expect((await stat(join(parent, ownFolder, '张庄镇', '整改台账-今天在改.csv'))).isFile()).toBe(true);
    expect((await stat(join(parent, linked, 'duckdb_temp_block-1.block'))).isFile()).toBe(true);
  });
});

/**
 * Root may remove anything, so as root the scan runs as nobody: only where nobody can read the project (a clone under
 * a private home folder cannot be), else this case cannot be made and is skipped.
 */
function nobodyCanRunTheCli(): boolean {
  if (process.getuid?.() !== 0) return true;
  const probe = `const fs = require('fs'); fs.accessSync(${JSON.stringify(CLI)}, fs.constants.R_OK); fs.accessSync(require.resolve('@duckdb/node-api', { paths: [${JSON.stringify(dirname(CLI))}] }), fs.constants.R_OK)`;
  try {
    execFileSync(process.execPath, ['-e', probe], { uid: 65534, gid: 65534, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('an abandoned folder the next scan cannot remove', () => {
  it.runIf(nobodyCanRunTheCli())('is named in a warning with the reason, and the folders after it are still removed', async () => {
    const township = await townshipWithPrivateTemp();
    const dead = await deadPid();
    // Its first folder holds a subfolder no one may write in: rm cannot empty it (EACCES). Until 2026-12-07 that
    // stopped the cleanup silently, before the folders after it, at every scan.
    const stuck = await folderOf(township.temp, `rollsweep-spill-${dead}-Aaaaa1`, hostname());
    await mkdir(join(township.temp, stuck, 'sub'));
    await writeFile(join(township.temp, stuck, 'sub', 'duckdb_temp_block-2.block'), '371329195003030034');
    const others = [
      await folderOf(township.temp, `rollsweep-spill-${dead}-Bbbbb1`, hostname()),
      await folderOf(township.temp, `rollsweep-spill-${dead}-Ccccc1`, hostname()),
    ];
    // Root may write anywhere: the scan runs as nobody then, in folders that are nobody's.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in asUser) await execFileAsync('chown', ['-R', '65534:65534', township.root]);
    await chmod(join(township.temp, stuck, 'sub'), 0o500);
    const root = township.root;
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'scan', '--input', township.input, '--period', '2026-10', '--ledger', join(root, 'l.duckdb'), '--out', join(root, 'out')],
        { env: township.env, timeout: 120_000, ...asUser }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr });
        });
    });
    await chmod(join(township.temp, stuck, 'sub'), 0o700);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`临时文件夹 ${join(township.temp, stuck)} 无法删除（EACCES）`);
    expect(looksLikeStackTrace(run.output)).toBe(false);
    const left = await rollsweepFolders(township.temp);
    expect(left).toContain(stuck);
    for (const other of others) expect(left).not.toContain(other);
  });
});
