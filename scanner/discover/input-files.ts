// Dataset discovery: which files of the input folder are read, as what, and which are skipped and why.
import { stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.ts';
import type { DatasetName } from '../datasets/catalog.ts';
import { InputError, UsageError } from '../errors.ts';
import { datasetsNamedBy } from './file-name-rules.ts';
import { listFiles, type ListedFile } from './list-files.ts';
import { MANIFEST_FILE, readManifest, type Manifest, type ManifestFileOptions } from './manifest.ts';

export type FileFormat = 'csv' | 'xlsx' | 'parquet';
export type ClassifiedBy = 'manifest' | 'file-name' | 'header';

export interface InputFile {
  path: string;
  /** Path relative to the input folder, with '/' separators: how files are named in outputs. */
  name: string;
  format: FileFormat;
  /** Datasets the file may hold; one when the manifest or the file name decided, all when only the header can. */
  candidates: DatasetName[] | 'any';
  classifiedBy: ClassifiedBy;
  options: Omit<ManifestFileOptions, 'file'>;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xls': 'xlsx', '.parquet': 'parquet',
};

/** The data format a file name stands for; undefined for anything else (documents, images, archives …). */
export function fileFormatOf(name: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
}

function isTemporaryOrHidden(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part.startsWith('~$'));
}

export interface DiscoverOptions {
  /** List a file whose name cannot be opened among the skipped files instead of stopping the scan (--skip-bad-files). */
  skipBadFiles?: boolean;
}

export async function discoverInputFiles(folder: string, options: DiscoverOptions = {}): Promise<{ files: InputFile[]; skipped: SkippedFile[]; manifest: Manifest | null }> {
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new UsageError(`输入文件夹不存在或不是文件夹: ${folder}`, '用 --input 指定存放导出文件的文件夹。');

  const listed = await listFiles(folder);
  const paths = listed.map((file) => file.path);
  const toName = (path: string) => relative(folder, path).split(sep).join('/');
  const manifest = paths.some((p) => toName(p) === MANIFEST_FILE) ? await readManifest(join(folder, MANIFEST_FILE)) : null;
  const named = manifest ? manifestEntries(manifest) : new Map<string, { dataset: DatasetName; options: ManifestFileOptions }>();
  for (const fileName of named.keys()) {
    if (!paths.some((p) => toName(p) === fileName)) {
      throw new InputError({ file: MANIFEST_FILE }, `清单中列出的文件不存在：${fileName}`);
    }
  }

  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const { path, undecodable } of listed) {
    const name = toName(path);
    // The manifest and a config kept with the exports are read for what they are, not as data.
    if (name === MANIFEST_FILE || name === DEFAULT_CONFIG_FILE || isTemporaryOrHidden(name)) continue;
    if (manifest?.ignore.includes(name)) {
      skipped.push({ file: name, reason: '清单 sweep.json 中设为忽略' });
      continue;
    }
    const format = fileFormatOf(name);
    const fromManifest = named.get(name);
    if (!format) {
      skipped.push({ file: name, reason: `不是可读取的数据文件格式（${extname(name) || '无扩展名'}）；支持 CSV、XLSX、Parquet` });
      continue;
    }
    if (undecodable && (fromManifest || manifest?.others !== 'skip')) {
      const error = undecodableNameError(name, undecodable);
      if (!options.skipBadFiles) throw error;
      skipped.push({ file: name, reason: `无法读取，已跳过：${error.message}` });
      continue;
    }
    if (fromManifest) {
      const { file: _file, ...options } = fromManifest.options;
      files.push({ path, name, format, candidates: [fromManifest.dataset], classifiedBy: 'manifest', options });
      continue;
    }
    if (manifest?.others === 'skip') {
      skipped.push({ file: name, reason: '清单 sweep.json 未列出此文件（others: skip）' });
      continue;
    }
    const byName = datasetsNamedBy(name.split('/').pop()!);
    files.push({ path, name, format, candidates: byName.length > 0 ? byName : 'any', classifiedBy: byName.length === 1 ? 'file-name' : 'header', options: {} });
  }
  return { files, skipped, manifest };
}

/**
 * A name in GBK bytes (a Windows zip unpacked with `unzip` on Linux) cannot be opened by the readers: DuckDB, which
 * reads CSV and Parquet files, takes a path as text, and no text spells those bytes. So such a file is refused (with
 * --skip-bad-files, skipped), named as its GBK reading, with how to give it a UTF-8 name.
 */
function undecodableNameError(name: string, undecodable: NonNullable<ListedFile['undecodable']>): InputError {
  const whose = undecodable === 'file' ? '文件名' : '所在文件夹的名字';
  return new InputError(
    { file: name },
    `${whose}不是 UTF-8 编码（此处按 GBK 解读显示），无法打开此文件 (file name not UTF-8)`,
    '这多是 Windows 压缩包在 Linux 上用 unzip 解压所致：请用 unzip -O GBK 重新解压，或把文件（文件夹）改为 UTF-8 名字（如 convmv -f GBK -t UTF-8 --notest -r 输入文件夹），或用 --skip-bad-files 跳过它。',
  );
}

function manifestEntries(manifest: Manifest) {
  const entries = new Map<string, { dataset: DatasetName; options: ManifestFileOptions }>();
  for (const [dataset, value] of Object.entries(manifest.datasets) as [DatasetName, unknown][]) {
    const list = (Array.isArray(value) ? value : [value]) as (string | ManifestFileOptions)[];
    for (const entry of list) {
      const options = typeof entry === 'string' ? { file: entry } : entry;
      entries.set(options.file.split(sep).join('/'), { dataset, options });
    }
  }
  return entries;
}
