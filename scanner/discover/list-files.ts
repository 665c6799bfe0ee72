// The files under the input folder, walked by the bytes of their names. A Windows zip unpacked with `unzip` on Linux
// leaves names in GBK bytes; Node's string readdir returns them with U+FFFD for the bytes that are not UTF-8, a path
// that no longer opens (the scan then died with ENOENT and a stack trace). Walking by bytes finds such names, and the
// folders holding them, so that discovery can refuse them by a readable name.
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import iconv from 'iconv-lite';

export interface ListedFile {
  /** The file's path; for a file with an undecodable name, with that name read as GBK (it does not open). */
  path: string;
  /** Which part of the path is not UTF-8: the file's own name or a folder above it. */
  undecodable?: 'file' | 'folder';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The name as text: UTF-8 when it is, else read as GBK (GB18030 holds GBK) and marked undecodable. */
function nameOf(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), utf8: true };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), utf8: false };
  }
}

/** Every regular file under `folder` (symbolic links are not followed, as before), in code-point order of the path. */
export async function listFiles(folder: string): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  async function walk(bytePath: Buffer, textPath: string, folderUndecodable: boolean): Promise<void> {
    for (const entry of await readdir(bytePath, { encoding: 'buffer', withFileTypes: true })) {
      const { text, utf8 } = nameOf(entry.name);
      const childBytes = Buffer.concat([bytePath, Buffer.from(sep), entry.name]);
      const childText = join(textPath, text);
      if (entry.isDirectory()) {
        await walk(childBytes, childText, folderUndecodable || !utf8);
      } else if (entry.isFile()) {
        const undecodable = folderUndecodable ? 'folder' : utf8 ? undefined : 'file';
        files.push(undecodable ? { path: childText, undecodable } : { path: childText });
      }
    }
  }
  await walk(Buffer.from(folder), folder, false);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)); // the same on every machine, whatever its locale
}
