// The scan's spill folder: where DuckDB writes what does not fit in --memory-limit, full of poor families' ID
// numbers. Private (0700), removed when the scan ends; one a killed scan (SIGKILL, a power cut) left is removed by the
// next scan, as the partial files of output-folder.ts are.
import { lstat, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './export/output-folder.ts';

/**
 * rollsweep-spill-<pid>-<random>, and rollsweep-making-<pid>-<random> before its owner file is written: the pid of
 * the process that made it, to tell whether it still runs.
 */
const PROCESS_FOLDER_NAME = /^rollsweep-(?:spill|making)-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * What versions until 2026-12-06 made, without a pid: rollsweep-spill-<random> (a scan's spill) and
 * rollsweep-csv-<random> (a GBK roll's UTF-8 copy: a whole roll with its ID numbers). A killed scan's stayed for good.
 */
const OLDER_VERSION_NAME = /^rollsweep-(?:spill|csv)-[A-Za-z0-9]{6}$/;

/**
 * What such a folder holds when a run left it, by its name's kind: a roll's copy is one file, utf8.csv (5af60d2); a
 * spill only DuckDB's temporary files, and the owner file, whole or cut short. A folder named so by hand
 * (rollsweep-csv-202610, rollsweep-spill-backup) holds anything else, or a subfolder, or a link: it is left alone.
 */
const FILES_A_RUN_LEAVES: Record<string, (file: string) => boolean> = {
  csv: (file) => file === 'utf8.csv',
  spill: (file) => file.startsWith('duckdb_temp_') || file === OWNER_FILE,
  making: (file) => file === OWNER_FILE,
};

/**
 * A folder untouched this long is no running scan's: a county's scan takes minutes, and a spilling scan keeps writing
 * its folder. Only folders whose scan cannot be proven gone wait for it (an older version's, one without owner file).
 */
const ABANDONED_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/** Inside the folder: the machine that made it. A /tmp shared between machines or containers holds others' pids. */
const OWNER_FILE = 'rollsweep-owner';

/** Removes the temporary folders earlier runs left, then makes this scan's spill folder (0700) and says whose it is. */
export async function makeSpillFolder(parent: string = tmpdir()): Promise<{ folder: string } & Cleanup> {
  const cleanup = await removeAbandonedTempFolders(parent).catch(() => ({ removed: 0, notRemoved: [] }));
  return { folder: await makeProcessFolder(parent), ...cleanup };
}

/** How many abandoned folders were removed, and those that could not be, with the error's code (EACCES, EBUSY …). */
export interface Cleanup {
  removed: number;
  notRemoved: { folder: string; code: string }[];
}

/**
 * A private folder (0700) of this process, named and owned as a spill folder is: one a killed process leaves is
 * removed by the next scan. For every temporary file full of ID numbers, such as a GBK roll re-encoded to UTF-8
 * (until 2026-12-06 made apart, as rollsweep-csv-*, and kept for good when the scan was killed while reading).
 */
export async function makeProcessFolder(parent: string = tmpdir()): Promise<string> {
  // Made under another name and renamed once it says whose it is: a process killed in between (a test kills scans
  // the moment their folder appears) left a spill folder without its owner file, which no later scan may remove at
  // once. The making folder such a kill leaves is removed as a spill folder is (removeAbandonedTempFolders).
  const making = await mkdtemp(join(parent, `rollsweep-making-${process.pid}-`));
  await writeFile(join(making, OWNER_FILE), `${hostname()}\n`, { mode: 0o600 });
  const folder = join(parent, `rollsweep-spill-${process.pid}-${making.slice(-6)}`);
  await rename(making, folder);
  return folder;
}

/**
 * The temporary folders in `parent` that no scan uses any more, all of them real folders (no link) of this user:
 * - named with a pid (PROCESS_FOLDER_NAME), made on this machine (its owner file says so), and that process is gone;
 * - or, where that cannot be proven (an older version's folder, OLDER_VERSION_NAME; one whose owner file was never
 *   written), holding only what a run leaves there (FILES_A_RUN_LEAVES) and untouched for ABANDONED_AFTER_MS.
 * Left alone: a running process's, another machine's (its own scans remove it), another user's, and a young folder
 * whose scan cannot be proven gone: deleting a running scan's spill would break it, leaving a dead one only keeps
 * what was there a while longer. One it cannot remove is named in what it returns, and the others are still removed:
 * until 2026-12-07 the first such folder stopped the cleanup, silently, at every later scan.
 */
export async function removeAbandonedTempFolders(parent: string = tmpdir()): Promise<Cleanup> {
  const cleanup: Cleanup = { removed: 0, notRemoved: [] };
  for (const name of await readdir(parent)) {
    const folder = join(parent, name);
    if (!(await isAbandoned(folder, name))) continue;
    try {
      await rm(folder, { recursive: true, force: true });
      cleanup.removed++;
    } catch (error) {
      cleanup.notRemoved.push({ folder, code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return cleanup;
}

async function isAbandoned(folder: string, name: string): Promise<boolean> {
  const pidText = PROCESS_FOLDER_NAME.exec(name)?.[1];
  if (pidText === undefined && !OLDER_VERSION_NAME.test(name)) return false;
  const pid = Number(pidText);
  if (pidText !== undefined && (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid))) return false;
  try {
    const stats = await lstat(folder);
    if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid())) return false;
    const owner = pidText === undefined ? null : await readOwner(folder);
    if (owner !== null) return owner === hostname();
    const holds = FILES_A_RUN_LEAVES[/^rollsweep-(\w+)-/.exec(name)![1]!]!;
    const lastWritten = await lastWrittenIfOnly(folder, holds);
    return lastWritten !== null && Date.now() - Math.max(stats.mtimeMs, lastWritten) > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}

/** The machine the owner file names, or null where there is none (or a kill left it empty). */
async function readOwner(folder: string): Promise<string | null> {
  try {
    return (await readFile(join(folder, OWNER_FILE), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/**
 * When a file in the folder was last written (0 for none), or null when it holds anything a run does not leave: a
 * subfolder, a link, another file. A scan writing its spill, or its copy of a roll, keeps it young.
 */
async function lastWrittenIfOnly(folder: string, aRunLeaves: (file: string) => boolean): Promise<number | null> {
  let latest = 0;
  for (const name of await readdir(folder)) {
    const stats = await lstat(join(folder, name));
    if (!stats.isFile() || !aRunLeaves(name)) return null;
    latest = Math.max(latest, stats.mtimeMs);
  }
  return latest;
}
