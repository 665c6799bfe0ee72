// Checks an XLSX (a zip) entry by entry — every part inflated and its CRC-32 compared — before exceljs reads it.
// exceljs' streaming reader loses some inflate errors and then simply never finishes; a damaged file must be
// refused with a message instead (found by tests/reliability).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The reason the zip is damaged, or null when every entry inflates to its recorded size and CRC. */
export async function zipDamage(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || tail.readUInt32LE(eocd) !== EOCD) return '找不到 zip 目录（文件不完整）';
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 (over 4 GB or 65,535 parts) is beyond any roll export; exceljs reads those unchecked.
    if (count === 0xffff || directoryOffset === 0xffffffff) return null;
    if (directoryOffset + directorySize > size) return 'zip 目录超出文件末尾（文件不完整）';
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries = readDirectory(directory, count);
    if (typeof entries === 'string') return entries;
    for (const entry of entries) {
      const damage = await entryDamage(path, handle, entry, size);
      if (damage) return `${entry.name}：${damage}`;
    }
    return null;
  } finally {
    await handle.close();
  }
}

function readDirectory(directory: Buffer, count: number): ZipEntry[] | string {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) return 'zip 目录损坏';
    const nameLength = directory.readUInt16LE(at + 28);
    entries.push({
      method: directory.readUInt16LE(at + 10), crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20), size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42), name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

async function entryDamage(path: string, handle: Awaited<ReturnType<typeof open>>, entry: ZipEntry, fileSize: number): Promise<string | null> {
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localHeaderOffset);
  if (header.readUInt32LE(0) !== LOCAL) return '部件头损坏';
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) return '部件超出文件末尾（文件不完整）';
  if (entry.method !== 0 && entry.method !== 8) return `不支持的压缩方式 ${entry.method}`;
  if (entry.compressedSize === 0) return entry.size === 0 && entry.crc === 0 ? null : '部件内容缺失';
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
  } catch (error) {
    raw.destroy();
    return `解压失败（${(error as Error).message}）`;
  }
  if (size !== entry.size) return '解压后大小不符';
  if (crc !== entry.crc) return '校验和不符（内容已损坏）';
  return null;
}
