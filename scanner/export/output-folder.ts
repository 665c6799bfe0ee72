// Output folders and files are created owner-only: they carry ID numbers of poor families.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';

/** Creates the folder (owner-only) if needed; a path that cannot be one (a file, no permission) is a usage error. */
export async function ensureOutputFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 }).catch((error: Error) => {
    throw new UsageError(`无法创建输出文件夹 ${folder}：${error.message}`, '请确认这个路径不是一个文件、上级文件夹可写，或换一个输出文件夹。');
  });
}

export async function writeOwnerOnlyFile(path: string, content: string): Promise<void> {
  await writeFile(path, content, { mode: 0o600 });
  await chmod(path, 0o600);
}
