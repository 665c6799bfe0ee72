// Re-encoding a GBK/GB18030 or UTF-16 CSV into a private UTF-8 temporary file, so DuckDB's reader can take it.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding.ts';

export interface TranscodedFile {
  path: string;
  remove: () => Promise<void>;
}

class UndecodableText extends Error {}

/**
 * The file as UTF-8 (lines unchanged), or null when a byte sequence does not decode: then the
 * careful reader must read the original and name the line (wrong encoding).
 */
export async function transcodeToUtf8(source: string, encoding: TextEncoding, bomLength: number): Promise<TranscodedFile | null> {
  const folder = await mkdtemp(join(tmpdir(), 'rollsweep-csv-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'utf8.csv');
  const decoder = iconv.getDecoder(encoding);
  async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      const text = decoder.write(chunk);
      if (text.includes('\ufffd')) throw new UndecodableText();
      yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.end() ?? '';
    if (rest.includes('\ufffd')) throw new UndecodableText();
    yield Buffer.from(rest, 'utf8');
  }
  try {
    await pipeline(createReadStream(source, { start: bomLength, highWaterMark: 1 << 22 }), decode, createWriteStream(path, { mode: 0o600 }));
    return { path, remove };
  } catch (error) {
    await remove();
    if (error instanceof UndecodableText) return null;
    throw error;
  }
}
