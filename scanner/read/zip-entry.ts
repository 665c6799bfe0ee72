// One zip entry's bytes, inflated as they are read, with its size and CRC-32 checked at the end: damage never passes as data.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { entryDataStart, readZipDirectory, type ZipEntry } from './zip-directory.ts';

export interface LocatedEntry extends ZipEntry {
  /** File offset of the entry's compressed data (after its local header). */
  dataStart: number;
}

/** A damaged entry; the message names the entry and the damage in Chinese. */
export class ZipEntryDamage extends Error {
  constructor(readonly entry: string, readonly reason: string) {
    super(`${entry}：${reason}`);
  }
}

/** The zip's entries in directory order, each with where its data starts; or why the zip cannot be read. */
export async function locatedEntries(path: string): Promise<LocatedEntry[] | string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const directory = await readZipDirectory(handle, size);
    if (typeof directory === 'string') return directory;
    const entries: LocatedEntry[] = [];
    for (const entry of directory) {
      const dataStart = await entryDataStart(handle, entry, size);
      if (typeof dataStart === 'string') return `${entry.name}：${dataStart}`;
      entries.push({ ...entry, dataStart });
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Entries up to this size (compressed) are read and inflated in one go; larger ones are streamed. */
const READ_AT_ONCE = 1 << 16;
const STREAM_READ = 1 << 20;
// Inflating runs on libuv's thread pool while the main thread parses. Each chunk costs the stream a round trip, so
// chunks are large, and the stream may run four of them ahead of the parser.
const INFLATED_CHUNK = 1 << 18;
const INFLATED_AHEAD = 1 << 20;

/** The inflated content in chunks; throws ZipEntryDamage on an inflate error, a wrong size or a wrong CRC-32. */
export async function* entryChunks(path: string, entry: LocatedEntry): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) {
    if (entry.size === 0 && entry.crc === 0) return;
    throw new ZipEntryDamage(entry.name, '部件内容缺失');
  }
  if (entry.compressedSize <= READ_AT_ONCE) {
    yield await wholeEntry(path, entry);
    return;
  }
  const raw = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1, highWaterMark: STREAM_READ });
  const inflated = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: INFLATED_CHUNK, readableHighWaterMark: INFLATED_AHEAD } as ZlibOptions)) : raw;
  // pipe() does not pass a read error on: without this the inflate stream would wait for ever.
  if (inflated !== raw) raw.on('error', (error) => inflated.destroy(error));
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (size > entry.size) throw new ZipEntryDamage(entry.name, '解压后大小不符');
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipEntryDamage) throw error;
    throw new ZipEntryDamage(entry.name, `解压失败（${(error as Error).message}）`);
  } finally {
    raw.destroy();
    inflated.destroy();
  }
  checkInflated(entry, size, crc);
}

async function wholeEntry(path: string, entry: LocatedEntry): Promise<Buffer> {
  const handle = await open(path, 'r');
  const packed = Buffer.alloc(entry.compressedSize);
  try {
    await handle.read(packed, 0, entry.compressedSize, entry.dataStart);
  } finally {
    await handle.close();
  }
  let content: Buffer;
  try {
    content = entry.method === 8 ? inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) }) : packed;
  } catch (error) {
    // maxOutputLength: the data inflates to more than the directory says.
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipEntryDamage(entry.name, '解压后大小不符');
    throw new ZipEntryDamage(entry.name, `解压失败（${(error as Error).message}）`);
  }
  checkInflated(entry, content.length, crc32(content));
  return content;
}

function checkInflated(entry: LocatedEntry, size: number, crc: number): void {
  if (size !== entry.size) throw new ZipEntryDamage(entry.name, '解压后大小不符');
  if (crc !== entry.crc) throw new ZipEntryDamage(entry.name, '校验和不符（内容已损坏）');
}
