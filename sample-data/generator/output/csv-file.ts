// A CSV file written row by row in UTF-8, UTF-8 with BOM or GB18030, buffered so millions of rows stream.
import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gb18030';

const FLUSH_AT = 1 << 16;

/** RFC 4180 quoting; also quotes values with edge whitespace, which a lenient reader might trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  /** Lines written so far; the header is line 1. */
  lines = 0;

  constructor(
    readonly path: string,
    private readonly encoding: CsvEncoding,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    if (encoding === 'utf8-bom') writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
    this.writeRow(header);
  }

  /** Writes one row and returns its line number. */
  writeRow(cells: readonly (string | null)[]): number {
    // Pieces go straight into the buffer: building a string per row first doubles the garbage.
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const text = cell ? quote(cell) : '';
      if (i > 0) this.buffer.push(',');
      this.buffer.push(text);
      this.buffered += text.length + 1;
    }
    this.buffer.push('\r\n');
    this.buffered += 2;
    if (this.buffered >= FLUSH_AT) this.flush();
    this.lines += 1;
    return this.lines;
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const text = this.buffer.join('');
    if (this.encoding === 'gb18030') writeSync(this.fd, iconv.encode(text, 'gb18030'));
    else writeSync(this.fd, text, null, 'utf8');
    this.buffer = [];
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
