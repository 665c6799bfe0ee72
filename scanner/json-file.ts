// JSON files staff write (rollsweep.config.json, sweep.json, custom checks): Windows Notepad saves UTF-8 with a byte
// order mark, which JSON.parse refuses ("不是有效的 JSON" for a file that looks right); it is dropped first.
import { readFile } from 'node:fs/promises';

/** The parsed content of a JSON file; throws as JSON.parse and readFile do. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
