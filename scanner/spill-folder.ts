// The scan's spill folder: where DuckDB writes what does not fit in --memory-limit, full of poor families' ID
// numbers. Private (0700), removed when the scan ends; one a killed scan (SIGKILL, a power cut) left is removed by the
// next scan, as the partial files of output-folder.ts are.
import { lstat, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './export/output-folder.ts';

/** rollsweep-spill-<pid>-<random>: the pid of the scan that made it, to tell whether that scan still runs. */
const SPILL_NAME = /^rollsweep-spill-(\d+)-[A-Za-z0-9]{6}$/;

/** Inside the folder: the machine that made it. A /tmp shared between machines or containers holds others' pids. */
const OWNER_FILE = 'rollsweep-owner';

/** Removes the spill folders killed scans left, then makes this scan's (0700) and says whose it is. */
export async function makeSpillFolder(parent: string = tmpdir()): Promise<{ folder: string; removedStale: number }> {
  const removedStale = await removeStaleSpillFolders(parent).catch(() => 0);
  return { folder: await makeProcessFolder(parent), removedStale };
}

/**
 * A private folder (0700) of this process, named and owned as a spill folder is: one a killed process leaves is
 * removed by the next scan. For every temporary file full of ID numbers, such as a GBK roll re-encoded to UTF-8
 * (until 2026-12-06 made apart, as rollsweep-csv-*, and kept for good when the scan was killed while reading).
 */
export async function makeProcessFolder(parent: string = tmpdir()): Promise<string> {
  // Made under another name and renamed once it says whose it is: a process killed in between (a test kills scans
  // the moment their folder appears) left a spill folder without its owner file, which no later scan may remove.
  const making = await mkdtemp(join(parent, `rollsweep-making-${process.pid}-`));
  await writeFile(join(making, OWNER_FILE), `${hostname()}\n`, { mode: 0o600 });
  const folder = join(parent, `rollsweep-spill-${process.pid}-${making.slice(-6)}`);
  await rename(making, folder);
  return folder;
}

/**
 * The spill folders in `parent` that no scan uses any more: named by this version (SPILL_NAME), a real folder (no
 * link), this user's, made on this machine, and whose process is gone. Anything it cannot tell is left alone — a
 * folder of an older version (rollsweep-spill-XXXXXX, no pid: until 2026-12-06 every killed scan's stayed for good),
 * another user's, another machine's, one whose owner file is not yet written: deleting a running scan's spill would
 * break it, leaving a dead one only keeps what was there. Returns how many it removed.
 */
export async function removeStaleSpillFolders(parent: string = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(parent)) {
    const pid = Number(SPILL_NAME.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    const folder = join(parent, name);
    if (!(await madeHereByThisUser(folder))) continue;
    await rm(folder, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

async function madeHereByThisUser(folder: string): Promise<boolean> {
  try {
    const stats = await lstat(folder);
    if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid())) return false;
    return (await readFile(join(folder, OWNER_FILE), 'utf8')).trim() === hostname();
  } catch {
    return false;
  }
}
