// What a careful reader must find in a (corrupted) CSV: its records with the physical line each starts on.
// Written from the rules README.md and data-contract.md state (RFC 4180; CR, LF and CRLF are line breaks;
// a quote inside an unquoted field is text), independently of scanner/read/csv-reader.ts.
import iconv from 'iconv-lite';

export interface OracleRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  cells: string[];
}

export interface OracleParse {
  records: OracleRecord[];
  /** The file ends inside a quoted field. */
  unterminatedQuote: boolean;
  /** Physical lines in the file (line breaks + 1). */
  physicalLines: number;
}

const DELIMITERS = [',', '\t', ';', '|'];

/** The delimiter that splits some line among the first ones into the most cells (comma when none splits). */
export function busiestDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 12).filter((line) => line.trim() !== '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1));
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

export function parseCsvWithLines(text: string, delimiter: string): OracleParse {
  const records: OracleRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const lineBreakAt = (at: number) => (text[at] === '\r' && text[at + 1] === '\n' ? 2 : text[at] === '\r' || text[at] === '\n' ? 1 : 0);
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        const breakLength = lineBreakAt(i);
        if (breakLength) line++;
        field += text.slice(i, i + Math.max(1, breakLength));
        i += Math.max(1, breakLength);
      }
      continue;
    }
    const breakLength = lineBreakAt(i);
    if (breakLength) {
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = '';
      line++;
      recordLine = line;
      i += breakLength;
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || cells.length > 0) records.push({ line: recordLine, cells: [...cells, field] });
  return { records, unterminatedQuote: quoted, physicalLines: line };
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

const ENCODINGS: Record<string, string> = { 'UTF-8': 'utf8', 'GBK/GB18030': 'gb18030', 'UTF-16LE': 'utf16le', 'UTF-16BE': 'utf16be' };

/** Decodes the file as the scan said it did (summary.json `encoding`), without its byte-order mark. */
export function decodeAs(bytes: Buffer, encodingLabel: string): string {
  const encoding = ENCODINGS[encodingLabel];
  if (!encoding) throw new Error(`unknown encoding label in summary.json: ${encodingLabel}`);
  return iconv.decode(bytes, encoding);
}

/**
 * The records after the header line that are not blank: what the scan must count as read. A quote that
 * closed the field and the text after it stay in the field (`"a"b` is `ab`), like the reader does.
 */
export function dataRecords(parse: OracleParse, headerLine: number): OracleRecord[] {
  return parse.records.filter((record) => record.line > headerLine && !isBlank(record.cells));
}

/** How many physical lines a byte buffer has in any encoding we write (all are ASCII-compatible for CR/LF). */
export function physicalLineCount(bytes: Buffer): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) lines++;
    else if (bytes[i] === 0x0d) {
      lines++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return lines;
}
