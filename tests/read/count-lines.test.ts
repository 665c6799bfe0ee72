// countLineFeeds reads a file in 4 MiB chunks: line feeds, a U+FFFD and a 同上 split across two chunks must still count.
import { describe, expect, it } from 'vitest';
import { countLineFeeds } from '../../scanner/read/count-lines.ts';
import { tempFileWith } from '../support/temp-folder.ts';

const CHUNK = 1 << 22;
const REPLACEMENT = Buffer.from('\ufffd', 'utf8');

describe('countLineFeeds', () => {
  it('counts every line feed and says whether the file ends with one', async () => {
    expect(await countLineFeeds(await tempFileWith(Buffer.from('a,b\r\n1,2\r\n3,4')))).toEqual({ lineFeeds: 2, endsWithLineFeed: false, hasReplacementCharacter: false, mayHoldDittoMark: false });
    expect(await countLineFeeds(await tempFileWith(Buffer.from('a,b\n1,2\n')))).toEqual({ lineFeeds: 2, endsWithLineFeed: true, hasReplacementCharacter: false, mayHoldDittoMark: false });
  });

  it.each([0, 1, 2, 3])('finds U+FFFD when it starts %i byte(s) before a chunk boundary', async (before) => {
    const content = Buffer.alloc(CHUNK + 16, 'x');
    content[10] = 0x0a;
    REPLACEMENT.copy(content, CHUNK - before);
    const count = await countLineFeeds(await tempFileWith(content));
    expect(count.hasReplacementCharacter).toBe(true);
    expect(count.lineFeeds).toBe(1);
  });

  it('sees 同上 split across two chunks, and searches for it only when asked', async () => {
    const filler = Buffer.from('H001,张大山,1400\n'.repeat(300_000));
    expect((await countLineFeeds(await tempFileWith(filler), { dittoMarks: true })).mayHoldDittoMark).toBe(false);
    // 同 the first chunk's last three bytes, 上 the second chunk's first.
    const split = await tempFileWith(Buffer.concat([filler.subarray(0, CHUNK - 3), Buffer.from('同上,1400\n'), filler]));
    expect((await countLineFeeds(split, { dittoMarks: true })).mayHoldDittoMark).toBe(true);
    expect((await countLineFeeds(split)).mayHoldDittoMark).toBe(false);
  });

  describe('a row with a field more than the header, its last one empty (what DuckDB reads as a trailing delimiter)', () => {
    const fields = { afterLine: 2, most: 3, delimiter: ',' };
    const longRowLine = async (content: string | Buffer) =>
      (await countLineFeeds(await tempFileWith(Buffer.from(content)), { fields })).longRowLine;

    it('names the first such line after the header, quoted commas and CR line ends aside', async () => {
      expect(await longRowLine('标题,,,,\r\na,b,c\r\n1,2,\r\n"1,2",3,\r\n1,2,3,\r\n4,5,6,\r\n')).toBe(5);
      expect(await longRowLine('标题,,,,\na,b,c\n1,"x"",y",3\n1,2,\n')).toBeUndefined();
      // The last line, without a line feed after it.
      expect(await longRowLine('标题\na,b,c\n1,2,3\n1,2,3,')).toBe(4);
      expect((await countLineFeeds(await tempFileWith(Buffer.from('a,b,c\n1,2,3,\n'))))).not.toHaveProperty('longRowLine');
    });

    it('counts a line begun in one chunk and ended in the next', async () => {
      const head = Buffer.from('标题\na,b,c\n');
      const fillerRows = Math.floor((CHUNK - head.length) / 6); // 6 bytes each: the long row starts a few bytes before the boundary
      const across = Buffer.concat([head, Buffer.from('1,2,3\n'.repeat(fillerRows)), Buffer.from('1,2,3,\n1,2,3\n')]);
      expect(across.indexOf('1,2,3,\n')).toBeLessThan(CHUNK);
      expect(across.indexOf('1,2,3,\n') + 7).toBeGreaterThan(CHUNK);
      expect(await longRowLine(across)).toBe(2 + fillerRows + 1);
    });

    // The line feed ending the long row is the last byte of the first chunk, or the first, second or third of the next.
    it.each([-1, 0, 1, 2])('finds the long row whose line feed is %i byte(s) after a chunk boundary', async (after) => {
      const head = Buffer.from('标题\na,b,c\n');
      const longRow = Buffer.from('1,2,3,\r\n');
      const rowStart = CHUNK + after - (longRow.length - 1);
      const fillerRows = Math.floor((rowStart - head.length) / 6);
      // One filler row is longer, so that the long row starts exactly at rowStart.
      const widened = Buffer.from(`1,2,${'3'.repeat(1 + rowStart - head.length - 6 * fillerRows)}\n`);
      const file = Buffer.concat([head, Buffer.from('1,2,3\n'.repeat(fillerRows - 1)), widened, longRow, Buffer.from('1,2,3\n')]);
      expect(file.indexOf(longRow) + longRow.length - 1).toBe(CHUNK + after);
      expect(await longRowLine(file)).toBe(2 + fillerRows + 1);
    });
  });
});
