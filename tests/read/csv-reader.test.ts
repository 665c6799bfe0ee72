// The streaming CSV reader: encodings, delimiters, quoted line breaks, line numbers, and refusals.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scanner/errors.ts';
import { MAX_RECORD_CHARS, openCsv, sniffDelimiter } from '../../scanner/read/csv-reader.ts';
import { guessEncoding } from '../../scanner/read/detect-encoding.ts';
import type { RawRow } from '../../scanner/read/raw-row.ts';
import { tempFolder } from '../support/temp-folder.ts';

const folder = await tempFolder();
let counter = 0;

async function readCsv(content: Buffer | string): Promise<{ rows: RawRow[]; encoding: string; delimiter: string }> {
  const path = join(folder, `f${counter++}.csv`);
  await writeFile(path, content);
  const { info, sheet } = await openCsv(path);
  const rows: RawRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { rows, encoding: info.encoding, delimiter: info.delimiter };
}

async function readError(content: Buffer | string): Promise<InputError> {
  try {
    await readCsv(content);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const TABLE = '姓名,身份证号码,金额\n张三,110101199003074514,600\n李四,11010119900307451X,"1,200.50"\n';

describe('CSV encodings', () => {
  it('reads UTF-8 without BOM', async () => {
    const { rows, encoding } = await readCsv(TABLE);
    expect(encoding).toBe('utf-8');
    expect(rows[2]).toEqual({ line: 3, cells: ['李四', '11010119900307451X', '1,200.50'] });
  });

  it('reads UTF-8 with BOM and does not keep the BOM in the first header', async () => {
    const { rows } = await readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE)]));
    expect(rows[0]!.cells[0]).toBe('姓名');
  });

  it('reads GBK (GB18030) exported by Excel', async () => {
    const { rows, encoding } = await readCsv(iconv.encode(TABLE, 'gbk'));
    expect(encoding).toBe('gb18030');
    expect(rows[1]!.cells).toEqual(['张三', '110101199003074514', '600']);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const { rows } = await readCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TABLE.replaceAll(',', '\t'), 'utf-16le')]));
    expect(rows[1]!.cells).toEqual(['张三', '110101199003074514', '600']);
  });

  it('refuses bytes that are neither UTF-8 nor GBK, naming the line', async () => {
    const bad = Buffer.concat([iconv.encode('姓名,身份证号码\n张三,1\n', 'gbk'), Buffer.from([0xff, 0xff, 0x2c, 0x31, 0x0a])]);
    const error = await readError(bad);
    expect(error.message).toMatch(/乱码|wrong encoding/);
    expect(error.location.line).toBe(3);
  });

  it('names the damaged line of a UTF-8 file without BOM, not its header: a few bad bytes do not make it GBK', async () => {
    const lines = ['乡镇,村,姓名,身份证号码', ...Array.from({ length: 40 }, (_, i) => `张庄镇,东村,王秀英,1101011990030${String(i).padStart(5, '0')}`)];
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    // The first byte of 王 on line 23 (a bit flipped in transfer), and a stray byte in line 31's village.
    const lineStart = (line: number) => Buffer.byteLength(`${lines.slice(0, line - 1).join('\n')}\n`);
    bytes[lineStart(23) + Buffer.byteLength('张庄镇,东村,')] = 0xe7 ^ 0x40;
    const damaged = Buffer.concat([bytes.subarray(0, lineStart(31) + 10), Buffer.from([0xb8]), bytes.subarray(lineStart(31) + 10)]);
    const error = await readError(damaged);
    expect(error.message).toContain('按 UTF-8 解码后出现乱码字符');
    expect(error.location).toMatchObject({ line: 23, column: '第 3 列' });
  });

  it('still takes GBK text for GBK, though some of its characters read as valid UTF-8', async () => {
    // Every committed sample CSV, UTF-8 or GBK, re-encoded as GBK without BOM: about one character in six of such text
    // forms a valid UTF-8 sequence; it must never count as UTF-8 with a few bad bytes.
    const folder = join(import.meta.dirname, '../../sample-data/demo-township');
    const texts: string[] = [];
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.csv'))) {
      const bytes = await readFile(join(folder, name));
      const { encoding, bomLength } = guessEncoding(bytes);
      texts.push(iconv.decode(bytes.subarray(bomLength), encoding));
    }
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(guessEncoding(iconv.encode(text, 'gbk')).encoding).toBe('gb18030');
      // The first lines alone, as a small township's file.
      expect(guessEncoding(iconv.encode(text.split('\n').slice(0, 4).join('\n'), 'gbk')).encoding).toBe('gb18030');
    }
  });

  it('refuses binary junk', async () => {
    const error = await readError(Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    expect(error.message).toMatch(/二进制|binary/);
  });

  it('refuses data full of control bytes even without a NUL, but reads text with a stray one (at most 2%)', async () => {
    const junk = Buffer.from('a,b\n'.repeat(250));
    for (let i = 0; i < junk.length; i += 40) junk[i] = 0x01; // 2.5% of the bytes
    expect((await readError(junk)).message).toMatch(/二进制|binary/);
    const stray = Buffer.from('a,b\n'.repeat(250));
    for (let i = 0; i < stray.length; i += 60) stray[i + 1] = 0x1b; // 1.7%, in place of a comma
    expect((await readCsv(stray)).rows).toHaveLength(250);
  });
});

describe('CSV records', () => {
  it('keeps physical line numbers across quoted line breaks and CRLF', async () => {
    const { rows } = await readCsv('a,b\r\n"多行\r\n备注",1\r\n"x ""引号""",2\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells).toEqual(['多行\r\n备注', '1']);
    expect(rows[2]!.cells).toEqual(['x "引号"', '2']);
  });

  it('treats empty cells as null and keeps a last line without newline', async () => {
    const { rows } = await readCsv('a,b,c\n1,,3');
    expect(rows[1]).toEqual({ line: 2, cells: ['1', null, '3'] });
  });

  it('handles an escaped quote split across read chunks', async () => {
    // Lengths chosen so the "" pair straddles the reader's 1 MiB chunk boundary.
    const prefix = `a,b\n${'y'.repeat(600_000)},1\n`;
    const filler = 'x'.repeat((1 << 20) - 1 - prefix.length - 1);
    const { rows } = await readCsv(`${prefix}"${filler}""q",2\n`);
    expect(rows[2]!.cells[0]).toBe(`${filler}"q`);
    expect(rows[2]!.cells[1]).toBe('2');
  });

  it('sniffs tab, semicolon and comma delimiters from the header', () => {
    expect(sniffDelimiter('某镇花名册\n姓名\t身份证号码\t金额\n')).toBe('\t');
    expect(sniffDelimiter('姓名;身份证号码;金额\n')).toBe(';');
    expect(sniffDelimiter('标题\n姓名,身份证号码\n')).toBe(',');
  });

  it('stops on a line longer than any real row (e.g. a 10 MB single line)', async () => {
    const error = await readError(`a,b\n${'9'.repeat(MAX_RECORD_CHARS + 10)}`);
    expect(error.location.line).toBe(2);
    expect(error.message).toMatch(/超过/);
  });

  it('stops on an unterminated quote, naming the line', async () => {
    const error = await readError('a,b\n1,2\n"open,3\n');
    expect(error.location.line).toBe(3);
  });
});
