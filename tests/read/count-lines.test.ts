// countLineFeeds reads a file in 4 MiB chunks: line feeds and a U+FFFD split across two chunks must still count.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLineFeeds } from '../../scanner/read/count-lines.ts';
import { tempFolder } from '../support/temp-folder.ts';

const CHUNK = 1 << 22;
const REPLACEMENT = Buffer.from('\ufffd', 'utf8');

async function fileOf(content: Buffer): Promise<string> {
  const path = join(await tempFolder(), 'data.csv');
  await writeFile(path, content);
  return path;
}

describe('countLineFeeds', () => {
  it('counts every line feed and says whether the file ends with one', async () => {
    expect(await countLineFeeds(await fileOf(Buffer.from('a,b\r\n1,2\r\n3,4')))).toEqual({ lineFeeds: 2, endsWithLineFeed: false, hasReplacementCharacter: false });
    expect(await countLineFeeds(await fileOf(Buffer.from('a,b\n1,2\n')))).toEqual({ lineFeeds: 2, endsWithLineFeed: true, hasReplacementCharacter: false });
  });

  it.each([0, 1, 2, 3])('finds U+FFFD when it starts %i byte(s) before a chunk boundary', async (before) => {
    const content = Buffer.alloc(CHUNK + 16, 'x');
    content[10] = 0x0a;
    REPLACEMENT.copy(content, CHUNK - before);
    const count = await countLineFeeds(await fileOf(content));
    expect(count.hasReplacementCharacter).toBe(true);
    expect(count.lineFeeds).toBe(1);
  });
});
