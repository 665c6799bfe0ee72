// A small township to scan, and a temporary folder of the test's own (TMPDIR) for the runs it starts: a test of what
// runs leave behind in the temporary folder must neither see nor remove what other runs on the machine left in /tmp.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSmallTownship } from './small-township.ts';
import { tempFolder } from './temp-folder.ts';

export interface TownshipWithPrivateTemp {
  /** The test's folder, removed when the test file finishes; ledgers and outputs go here. */
  root: string;
  /** The township (writeSmallTownship), for --input. */
  input: string;
  /** The runs' temporary folder. */
  temp: string;
  /** The environment for the runs: this process's, with TMPDIR set to `temp`. */
  env: NodeJS.ProcessEnv;
}

export async function townshipWithPrivateTemp(): Promise<TownshipWithPrivateTemp> {
  const root = await tempFolder();
  const input = join(root, 'input');
  await mkdir(input);
  await writeSmallTownship(input);
  const temp = join(root, 'tmp');
  await mkdir(temp);
  return { root, input, temp, env: { ...process.env, TMPDIR: temp } };
}
