// Temporary folders (and files) for tests, removed after each suite.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh folder under the OS temp dir, deleted when the test file finishes. */
export async function tempFolder(prefix = 'rollsweep-test-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** A file `name` holding `content`, alone in a fresh temporary folder. */
export async function tempFileWith(content: Buffer | string, name = 'data.csv'): Promise<string> {
  const path = join(await tempFolder(), name);
  await writeFile(path, content);
  return path;
}

/** A fresh temporary folder holding `files` (name, which may name subfolders, → content). */
export async function tempFolderWith(files: Record<string, Buffer | string>): Promise<string> {
  const folder = await tempFolder();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), content);
  }
  return folder;
}
