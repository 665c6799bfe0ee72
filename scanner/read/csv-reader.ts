// Streaming CSV reader: detects encoding and delimiter, yields records with their physical line numbers.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { InputError } from '../errors.ts';
import { ENCODING_LABEL, guessEncoding, looksBinary, type EncodingGuess, type TextEncoding } from './detect-encoding.ts';
import type { Cell, RawRow, RawSheet } from './raw-row.ts';

const SAMPLE_BYTES = 1 << 20;
/** A record longer than this is not a roll row: the file is damaged or not a CSV. */
export const MAX_RECORD_CHARS = 1 << 20;
const DELIMITERS = [',', '\t', ';', '|'] as const;

export interface CsvOptions {
  encoding?: TextEncoding;
  delimiter?: string;
}

export interface CsvFileInfo {
  encoding: TextEncoding;
  delimiter: string;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads the start of the file to decide encoding and delimiter; refuses binary data. */
export async function inspectCsv(path: string, options: CsvOptions = {}): Promise<CsvFileInfo> {
  const sample = await readSample(path);
  const file = basename(path);
  const bom = guessEncoding(sample.subarray(0, 3));
  // UTF-16 text is full of NUL bytes: only judge binary-ness when there is no UTF-16 byte-order mark.
  if (!bom.encoding.startsWith('utf-16') && looksBinary(sample)) {
    throw new InputError({ file }, '不是文本文件（含二进制内容），无法按 CSV 读取 (binary data, not a CSV)', '请确认文件未损坏，或从原系统重新导出。');
  }
  const guess: EncodingGuess = options.encoding ? { encoding: options.encoding, bomLength: guessEncoding(sample).bomLength } : guessEncoding(sample);
  if (options.delimiter !== undefined) return { ...guess, delimiter: options.delimiter };
  const text = iconv.decode(firstLines(sample.subarray(guess.bomLength), guess.encoding), guess.encoding);
  return { ...guess, delimiter: sniffDelimiter(text) };
}

/** The lines sniffDelimiter reads. */
const SNIFFED_LINES = 12;

/**
 * The bytes of the sample's first SNIFFED_LINES lines (to their last line break), or all of it: the text the delimiter
 * is sniffed from. Decoding the whole megabyte cost 10–20 ms a file on Node's thread (GBK is decoded in JavaScript),
 * while the workbooks wait for that thread. In UTF-8 and GB18030 no byte of a longer character is a CR or LF, so the
 * lines decode the same cut there; a UTF-16 sample is decoded whole.
 */
export function firstLines(body: Buffer, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return body;
  let breaks = 0;
  for (let at = 0; at < body.length; at++) {
    const byte = body[at];
    if (byte !== 0x0a && byte !== 0x0d) continue;
    if (byte === 0x0d && body[at + 1] === 0x0a) at++; // CR LF is one line break, as sniffDelimiter splits
    if (++breaks === SNIFFED_LINES) return body.subarray(0, at + 1);
  }
  return body;
}

/** The delimiter that splits the busiest of the first lines (the header) into the most cells. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, SNIFFED_LINES).filter((line) => line.trim() !== '');
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1));
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

export async function openCsv(path: string, options: CsvOptions = {}): Promise<{ info: CsvFileInfo; sheet: RawSheet }> {
  const info = await inspectCsv(path, options);
  return { info, sheet: { sheet: undefined, hidden: false, rows: parseRecords(path, info) } };
}

async function* decodedChunks(path: string, encoding: TextEncoding, bomLength: number): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of createReadStream(path, { start: bomLength, highWaterMark: 1 << 20 })) {
    const text = decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** RFC 4180 records; a quote inside an unquoted field is kept as text (exports do that). */
async function* parseRecords(path: string, info: CsvFileInfo): AsyncGenerator<RawRow> {
  const file = basename(path);
  const delimiter = info.delimiter;
  let cells: Cell[] = [];
  let field = '';
  let inQuotes = false;
  // Inside quotes we saw '"': it either escapes a following '"' or closes the field. Kept as
  // state (not a look-ahead) so a decision split across two chunks is still right.
  let quoteInQuotes = false;
  let line = 1;
  let recordLine = 1;
  let recordChars = 0;
  let afterCarriageReturn = false;

  const endField = () => {
    cells.push(field === '' ? null : field);
    field = '';
  };
  const takeRecord = (): RawRow => {
    endField();
    const column = cells.findIndex((cell) => cell !== null && cell.includes('\ufffd'));
    if (column >= 0) {
      throw new InputError(
        { file, line: recordLine, column: `第 ${column + 1} 列` },
        `按 ${ENCODING_LABEL[info.encoding]} 解码后出现乱码字符，文件编码无法识别 (wrong encoding)`,
        '若只有这一处乱码，文件可能已损坏，请从原系统重新导出；若整个文件都是乱码，请用 Excel 或 WPS 将文件另存为 “CSV UTF-8” 或 GBK 编码后再扫描。',
      );
    }
    const row = { line: recordLine, cells };
    cells = [];
    return row;
  };

  for await (const chunk of decodedChunks(path, info.encoding, info.bomLength)) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (ch === '\n') {
          // \r\n is one line break; inside quotes it is part of the value.
          if (inQuotes && !quoteInQuotes) field += ch;
          continue;
        }
      }
      if (++recordChars > MAX_RECORD_CHARS) {
        throw new InputError({ file, line: recordLine }, `一行超过 ${MAX_RECORD_CHARS} 个字符，文件可能已损坏或不是表格 (line too long)`, '请检查文件是否完整，或从原系统重新导出。');
      }
      if (quoteInQuotes) {
        quoteInQuotes = false;
        if (ch === '"') {
          field += '"';
          continue;
        }
        inQuotes = false; // the quote closed the field; read ch as unquoted text below
      }
      if (inQuotes) {
        if (ch === '"') quoteInQuotes = true;
        else {
          if (ch === '\n' || ch === '\r') {
            line++;
            afterCarriageReturn = ch === '\r';
          }
          field += ch;
        }
      } else if (ch === '"' && field === '') {
        inQuotes = true;
      } else if (ch === delimiter) {
        endField();
      } else if (ch === '\n' || ch === '\r') {
        yield takeRecord();
        line++;
        recordLine = line;
        recordChars = 0;
        afterCarriageReturn = ch === '\r';
      } else {
        field += ch;
      }
    }
  }
  if (inQuotes && !quoteInQuotes) {
    throw new InputError({ file, line: recordLine }, '引号未闭合，文件在引号内结束 (unterminated quote)', '请检查该行的英文双引号是否成对。');
  }
  if (field !== '' || cells.length > 0) yield takeRecord();
}
