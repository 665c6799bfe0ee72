// countLineFeeds reads a file in 4 MiB chunks: line feeds, a U+FFFD and a 同上 split across two chunks must still count.
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
    expect(await countLineFeeds(await fileOf(Buffer.from('a,b\r\n1,2\r\n3,4')))).toEqual({ lineFeeds: 2, endsWithLineFeed: false, hasReplacementCharacter: false, mayHoldDittoMark: false });
    expect(await countLineFeeds(await fileOf(Buffer.from('a,b\n1,2\n')))).toEqual({ lineFeeds: 2, endsWithLineFeed: true, hasReplacementCharacter: false, mayHoldDittoMark: false });
  });

  it.each([0, 1, 2, 3])('finds U+FFFD when it starts %i byte(s) before a chunk boundary', async (before) => {
    const content = Buffer.alloc(CHUNK + 16, 'x');
    content[10] = 0x0a;
    REPLACEMENT.copy(content, CHUNK - before);
    const count = await countLineFeeds(await fileOf(content));
    expect(count.hasReplacementCharacter).toBe(true);
    expect(count.lineFeeds).toBe(1);
  });

  it('sees 同上 split across two chunks, and searches for it only when asked', async () => {
    const filler = Buffer.from('H001,张大山,1400\n'.repeat(300_000));
    expect((await countLineFeeds(await fileOf(filler), { dittoMarks: true })).mayHoldDittoMark).toBe(false);
    // 同 the first chunk's last three bytes, 上 the second chunk's first.
    const split = await fileOf(Buffer.concat([filler.subarray(0, CHUNK - 3), Buffer.from('同上,1400\n'), filler]));
    expect((await countLineFeeds(split, { dittoMarks: true })).mayHoldDittoMark).toBe(true);
    expect((await countLineFeeds(split)).mayHoldDittoMark).toBe(false);
  });
});
