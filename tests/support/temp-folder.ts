// Temporary folders (and files) for tests, removed after each suite.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
