// The central directory of a zip (an XLSX is one): every entry's name, compression, sizes, CRC-32 and where its data starts.
import type { FileHandle } from 'node:fs/promises';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods an XLSX uses. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UNKNOWN_32 = 0xffffffff;

/** The entries in directory order, or the reason the directory cannot be read (a Chinese phrase for the message). */
export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[] | string> {
  const tailLength = Math.min(fileSize, 65_557);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, fileSize - tailLength);
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tailLength || tail.readUInt32LE(end) !== END_OF_DIRECTORY) return '找不到 zip 目录（文件不完整）';
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === UNKNOWN_32 || directoryOffset === UNKNOWN_32) {
    // ZIP64: the real figures are in a second end record that a locator just before this one points to.
    const zip64 = await readZip64End(handle, fileSize, fileSize - tailLength + end);
    if (typeof zip64 === 'string') return zip64;
    ({ count, directorySize, directoryOffset } = zip64);
  }
  if (directoryOffset + directorySize > fileSize) return 'zip 目录超出文件末尾（文件不完整）';
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  return parseDirectory(directory, count);
}

async function readZip64End(handle: FileHandle, fileSize: number, endOffset: number): Promise<{ count: number; directorySize: number; directoryOffset: number } | string> {
  if (endOffset < 20) return 'zip64 目录定位记录缺失';
  const locator = Buffer.alloc(20);
  await handle.read(locator, 0, 20, endOffset - 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) return 'zip64 目录定位记录缺失';
  const recordOffset = Number(locator.readBigUInt64LE(8));
  if (recordOffset + 56 > fileSize) return 'zip64 目录记录超出文件末尾';
  const record = Buffer.alloc(56);
  await handle.read(record, 0, 56, recordOffset);
  if (record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) return 'zip64 目录记录损坏';
  return {
    count: Number(record.readBigUInt64LE(32)),
    directorySize: Number(record.readBigUInt64LE(40)),
    directoryOffset: Number(record.readBigUInt64LE(48)),
  };
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] | string {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) return 'zip 目录损坏';
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > directory.length) return 'zip 目录损坏';
    const entry: ZipEntry = {
      method: directory.readUInt16LE(at + 10), crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20), size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42), name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    };
    const damage = applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (damage) return damage;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits are 0xFFFFFFFF in the directory and 64-bit, in this order, in the extra field. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): string | null {
  const wanted = (['size', 'compressedSize', 'localHeaderOffset'] as const).filter((field) => entry[field] === UNKNOWN_32);
  if (wanted.length === 0) return null;
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== ZIP64_EXTRA) continue;
    if (at + 4 + 8 * wanted.length > extra.length) break;
    wanted.forEach((field, i) => {
      entry[field] = Number(extra.readBigUInt64LE(at + 4 + 8 * i));
    });
    return null;
  }
  return `${entry.name}：zip64 大小信息缺失`;
}

/** Where the entry's (compressed) data starts, or why it cannot be read at all. */
export async function entryDataStart(handle: FileHandle, entry: ZipEntry, fileSize: number): Promise<number | string> {
  const header = Buffer.alloc(30);
  if (entry.localHeaderOffset + 30 > fileSize) return '部件头超出文件末尾（文件不完整）';
  await handle.read(header, 0, 30, entry.localHeaderOffset);
  if (header.readUInt32LE(0) !== LOCAL) return '部件头损坏';
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) return '部件超出文件末尾（文件不完整）';
  if (entry.method !== 0 && entry.method !== 8) return `不支持的压缩方式 ${entry.method}`;
  return start;
}
