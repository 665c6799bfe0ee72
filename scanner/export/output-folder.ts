// Output folders and files are created owner-only: they carry ID numbers of poor families.
import { chmod, mkdir, writeFile } from 'node:fs/promises';

export async function ensureOutputFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
}

export async function writeOwnerOnlyFile(path: string, content: string): Promise<void> {
  await writeFile(path, content, { mode: 0o600 });
  await chmod(path, 0o600);
}
