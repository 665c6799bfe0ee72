// What the read phase no longer does twice or in full still decides exactly as before: the delimiter sniffed from the
// sample's first lines only, the ditto-mark test that skips cells holding no mark's character, the header looked for
// without its closest miss, and the input files hashed and the GBK files re-encoded on worker threads.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hashOnWorker, inputChecksums } from '../../scanner/input-checksums.ts';
import { locateHeader } from '../../scanner/load/header-row.ts';
import { firstLines, inspectCsv, sniffDelimiter } from '../../scanner/read/csv-reader.ts';
import { isDittoMark } from '../../scanner/read/ditto-marks.ts';
import { transcodeOnWorker, transcodeToUtf8 } from '../../scanner/read/transcode-to-utf8.ts';
import type { TextEncoding } from '../../scanner/read/detect-encoding.ts';
import { tempFileWith, tempFolder } from '../support/temp-folder.ts';

const SNIFFED = 12;
const splitLines = (text: string) => text.split(/\r\n|\n|\r/, SNIFFED);

describe('the delimiter, sniffed from the first lines of the sample only', () => {
  // Line breaks of every kind, blank lines, GBK characters whose second byte is an ASCII letter, a lead byte before a
  // line break (bad bytes), and a line break as the cut's last byte or the one before a CR LF's LF.
  const breaks = ['\n', '\r\n', '\r'];
  const cells = ['姓名', '身份证号码', '金额', 'ab', '', '深圳', '"a,b"', '表\t头', '乡;镇'];
  function lines(seed: number): string[] {
    let state = seed;
    const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648) % n);
    return Array.from({ length: 10 + next(8) }, () => Array.from({ length: next(5) }, () => cells[next(cells.length)]).join([',', '\t', ';', '|'][next(4)]!) + breaks[next(3)]);
  }

  for (const encoding of ['utf-8', 'gb18030'] as TextEncoding[]) {
    it(`keeps the first ${SNIFFED} lines exactly as decoding the whole sample does (${encoding})`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const body = iconv.encode(lines(seed).join(''), encoding);
        const cut = firstLines(body, encoding);
        expect(splitLines(iconv.decode(cut, encoding)), `seed ${seed}`).toEqual(splitLines(iconv.decode(body, encoding)));
      }
    });
  }

  it('a GBK lead byte right before a line break decodes the same cut there', () => {
    const body = Buffer.concat([Buffer.from('a,b\n'.repeat(5)), Buffer.from([0x81, 0x0a]), Buffer.from('c,d\n'.repeat(10))]);
    expect(splitLines(iconv.decode(firstLines(body, 'gb18030'), 'gb18030'))).toEqual(splitLines(iconv.decode(body, 'gb18030')));
  });

  it('a UTF-16 sample is decoded whole (its line feed bytes are halves of characters)', () => {
    const body = iconv.encode('甲\t乙\n'.repeat(40), 'utf-16le');
    expect(firstLines(body, 'utf-16le')).toBe(body);
  });

  it('reads the delimiter of real files as from the whole sample: tabs over a body of commas, GBK, CR LF', async () => {
    const folder = await tempFolder();
    const cases: [string, Buffer][] = [
      ['tab header, commas below the 12th line', Buffer.from(`${'姓名\t身份证号码\t金额\n'.repeat(12)}${'a,b,c,d,e,f\n'.repeat(500)}`)],
      ['GBK with CR LF and semicolons', iconv.encode(`${'姓名;身份证号码;金额;乡镇\r\n'.repeat(3)}\r\n${'张三;1;2;深圳\r\n'.repeat(2000)}`, 'gbk')],
      ['fewer than 12 lines', Buffer.from('\ufeff姓名|身份证号码|金额\n张三|1|2')],
    ];
    for (const [name, bytes] of cases) {
      const path = join(folder, `${name}.csv`);
      await writeFile(path, bytes);
      const info = await inspectCsv(path);
      const whole = iconv.decode((await readFile(path)).subarray(info.bomLength, 1 << 20), info.encoding);
      expect(info.delimiter, name).toBe(sniffDelimiter(whole));
    }
    expect((await inspectCsv(join(folder, 'tab header, commas below the 12th line.csv'))).delimiter).toBe('\t');
  });
});

describe('the ditto-mark test', () => {
  const SPACES = String.raw`\s\x0B\x85\p{Z}\u200B-\u200D\u2060\uFEFF`;
  // The test as it was before cells without a mark's character were passed over.
  const markedBefore = (cell: string | null) => cell !== null && cell.length <= 16 && ['同上', '〃', '″', '〃〃'].includes(cell.replace(new RegExp(`[${SPACES}]`, 'gu'), ''));

  it('takes the same cells as before: marks with any spaces, and nothing else', () => {
    const cells = ['同上', ' 同 上 ', '\u3000〃', '″\u200B', '同\u00a0上', '〃〃', '同心村', '上', '同', '', '600', '张三', '同上同上同上同上同上', null, ' '.repeat(20) + '同上'];
    for (const cell of cells) expect(isDittoMark(cell), JSON.stringify(cell)).toBe(markedBefore(cell));
    expect(cells.filter((cell) => isDittoMark(cell))).toEqual(['同上', ' 同 上 ', '\u3000〃', '″\u200B', '同\u00a0上', '〃〃']);
  });
});

describe('a header looked for without its closest miss', () => {
  const rows = [
    { line: 1, cells: ['2026年10月低保花名册'] },
    { line: 2, cells: ['序号', '姓名', '身份证号码'] },
    { line: 3, cells: ['序号', '乡镇', '村', '户主姓名', '家庭编号', '姓名', '身份证号码', '与户主关系', '救助类别', '月保障金'] },
  ];

  it('finds the same header, and the same two lists fitting alike, as the full search', () => {
    for (const candidates of [['roll'], 'any'] as const) {
      for (const leading of [rows, rows.slice(0, 2), rows.slice(0, 1)]) {
        const full = locateHeader(leading, candidates === 'any' ? 'any' : [...candidates]);
        const quick = locateHeader(leading, candidates === 'any' ? 'any' : [...candidates], undefined, {}, { withClosest: false });
        expect(quick.found).toBe(full.found);
        if (full.found && quick.found) expect(quick.header.match).toEqual(full.header.match);
        if (!full.found && !quick.found) expect(quick.ambiguous).toEqual(full.ambiguous);
      }
    }
    // The cases tell something apart: a header found, two lists fitting alike, none.
    expect(locateHeader(rows, ['roll'], undefined, {}, { withClosest: false }).found).toBe(true);
    expect(locateHeader(rows.slice(0, 2), 'any', undefined, {}, { withClosest: false })).toMatchObject({ found: false, ambiguous: ['payroll', 'cadres'] });
    expect(locateHeader(rows.slice(0, 1), 'any', undefined, {}, { withClosest: false })).toEqual({ found: false, closest: null, ambiguous: [] });
  });

  it('with sweep.json columns over one list, fits by them as before', () => {
    const named = [{ line: 1, cells: ['乡镇', '村', '户主', '家庭编号', '成员姓名', '公民号', '与户主关系', '救助类别', '月保障金'] }];
    const full = locateHeader(named, ['roll'], undefined, { id_number: '公民号', name: '成员姓名' });
    const quick = locateHeader(named, ['roll'], undefined, { id_number: '公民号', name: '成员姓名' }, { withClosest: false });
    expect(quick.found).toBe(full.found);
    expect(quick.found).toBe(true);
    if (full.found && quick.found) expect(quick.header.match.columnIndex).toEqual(full.header.match.columnIndex);
  });
});

describe('input files hashed on a worker thread', () => {
  const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

  it('gives each started file its real digest, a file of several read chunks and an empty one included, in any order asked', async () => {
    const large = await tempFileWith(Buffer.from(Array.from({ length: 2_600_000 }, (_, i) => (i * 37) % 251)), 'large.csv');
    const empty = await tempFileWith(Buffer.alloc(0), 'empty.csv');
    const small = await tempFileWith(Buffer.from('姓名,身份证号码\n张三,1\n'), 'small.csv');
    const checksums = inputChecksums();
    checksums.start([large, empty, small, large]);
    expect(await checksums.of(small)).toBe(await sha256(small));
    expect(await checksums.of(large)).toBe(await sha256(large));
    expect(await checksums.of(empty)).toBe(await sha256(empty));
    // The worker itself answered (not Node's thread standing in for it), and a file it cannot read is left to that thread.
    const gone = join(await tempFolder(), 'gone.csv');
    const onWorker = hashOnWorker([large, gone]);
    expect(onWorker).not.toBeNull();
    onWorker!.awaited();
    const goneRefused = expect(onWorker!.hashes[1]).rejects.toThrow(/ENOENT/);
    expect(await onWorker!.hashes[0]).toBe(await sha256(large));
    await goneRefused;
  });
});

describe('a GBK or UTF-16 CSV re-encoded as UTF-8 for DuckDB, on a worker thread', () => {
  // Several of the worker's 4 MB chunks, a character split across each seam (two-byte 张 at odd offsets).
  const text = `姓名,身份证号码,备注\n${Array.from({ length: 200_000 }, (_, i) => `张${i},11010119900307451X,${'乙'.repeat(i % 7)}`).join('\n')}\n`;

  it('writes the text exactly, BOM skipped, as iconv-lite decodes it', async () => {
    for (const [encoding, bytes, bomLength] of [
      ['gb18030', iconv.encode(text, 'gb18030'), 0],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 2],
    ] as [TextEncoding, Buffer, number][]) {
      const source = await tempFileWith(bytes, `${encoding}.csv`);
      const transcoded = await transcodeToUtf8(source, encoding, bomLength);
      expect(transcoded, encoding).not.toBeNull();
      expect((await readFile(transcoded!.path)).equals(Buffer.from(text, 'utf8')), encoding).toBe(true);
      await transcoded!.remove();
      // The worker did it (not Node's thread standing in for it).
      const path = join(await tempFolder(), 'out.csv');
      expect(await transcodeOnWorker({ source, encoding, bomLength, path }), encoding).toBe('done');
      expect((await readFile(path)).equals(Buffer.from(text, 'utf8')), encoding).toBe(true);
    }
  });

  it('gives null for bytes that do not decode (the careful reader names the line), and the read error of a file gone', async () => {
    const bad = Buffer.concat([iconv.encode(text, 'gb18030'), Buffer.from([0x81, 0x0a]), Buffer.from('张三,1\n')]);
    expect(await transcodeToUtf8(await tempFileWith(bad, 'bad.csv'), 'gb18030', 0)).toBeNull();
    const folder = await tempFolder();
    await expect(transcodeToUtf8(join(folder, 'gone.csv'), 'gb18030', 0)).rejects.toThrow(/ENOENT/);
  });
});
