// Output folders and files are created owner-only: they carry ID numbers of poor families.
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.ts';

/**
 * Creates the folder (owner-only) if needed, and removes the partial files killed runs left in it (writeWhole); a
 * path that cannot be one (a file, no permission) is a usage error. Every command calls it before writing into a folder.
 */
export async function ensureOutputFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await removeAbandonedPartials(folder);
  } catch (error) {
    throw new UsageError(`无法创建输出文件夹 ${folder}：${(error as Error).message}`, '请确认这个路径不是一个文件、上级文件夹可写，或换一个输出文件夹。');
  }
}

/**
 * Has `write` fill a file beside the target (.<name>.<pid>.partial), then renames it over the target: a run killed
 * or failing part-way never leaves half a findings.csv, report or workbook, and the last whole one stays (the partial
 * files a killed run leaves go when the next command writes into the folder: ensureOutputFolder). The file must be
 * created owner-only by `write`; it is made so again before it appears. File-system trouble (a full disk, no
 * permission) is a usage error naming the file; anything else (a DuckDB error, a bug) is passed on as it is.
 */
export async function writeWhole(path: string, what: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = partialFile(path);
  try {
    await write(partial);
    await chmod(partial, 0o600);
    await rename(partial, path);
  } catch (error) {
    // The write's own error is the one to report, not a failed clean-up.
    await rm(partial, { force: true }).catch(() => {});
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw new UsageError(`无法写入${what} ${path}：${(error as Error).message}`, '请确认输出文件夹可写且有足够空间，或换一个输出文件夹。');
  }
}

export async function writeOwnerOnlyFile(path: string, content: string | Uint8Array, what: string): Promise<void> {
  await writeWhole(path, what, (partial) => writeFile(partial, content, { mode: 0o600 }));
}

/** Where this process writes `path` before renaming it over the target. */
const partialFile = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.partial`);

/**
 * .<name>.<pid>.partial of a kind of file rollsweep writes (workbooks, CSV, summary.json, the report): a file
 * writeWhole is filling, or one a killed run left. Other tools' files in the folder are never touched.
 */
const PARTIAL_NAME = /^\..+\.(?:xlsx|csv|json|html)\.(\d+)\.partial$/;

/**
 * Partial files killed runs left in the folder, of any target (a killed scan may have been writing a workbook the next
 * one does not write, e.g. per village instead of per township): hidden, they would keep poor families' ID numbers on
 * disk unseen. One whose process still runs (another export writing into the folder) is left alone. Once per command
 * and folder, not per file: a province's export by village writes three thousand workbooks into one folder.
 */
async function removeAbandonedPartials(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const pid = Number(PARTIAL_NAME.exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(join(folder, name), { force: true });
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
