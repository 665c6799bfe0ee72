// What an XLSX reader refuses before reading (an old .xls, not a zip, a damaged zip) and how a corrupt XLSX is reported.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.ts';
import { zipDamage } from './zip-integrity.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * A web page or an XML spreadsheet under a workbook's name: many assistance and registry systems export their lists as
 * an HTML table (or Excel 2003's XML) named .xls. It opens in Excel like a workbook, so staff send it as one; until
 * 2026-12-07 it was called a corrupt XLSX, which says nothing of what it is. Judged by its first character: '<' after a
 * byte-order mark and white space.
 */
const MARKUP_START = /^(?:\uFEFF)?\s*</;

/** Refuses an .xls or a file that is not a zip, judged by its first bytes. */
export async function assertZipSignature(path: string): Promise<void> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(256);
  let length = 0;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const magic = head.subarray(0, Math.min(length, 4));
  const file = basename(path);
  if (magic.equals(OLE_MAGIC)) {
    throw new InputError({ file }, '这是旧版 Excel 97-2003 (.xls) 或加密的工作簿，无法读取', '请在 Excel/WPS 中“另存为” .xlsx（不设密码）后再扫描。');
  }
  if (MARKUP_START.test(head.subarray(0, length).toString('utf8'))) {
    throw new InputError({ file }, '这是网页（HTML）或 XML 格式的表格，只是名为 Excel 文件（业务系统常这样导出 .xls），不是 XLSX 工作簿 (HTML/XML table)',
      '请用 Excel/WPS 打开后“另存为” .xlsx 再扫描。');
  }
  if (!magic.equals(ZIP_MAGIC)) {
    throw new InputError({ file }, '不是有效的 XLSX 文件（文件损坏或扩展名不符） (corrupt XLSX)', '请从原系统重新导出，或用 Excel/WPS 打开后另存为 .xlsx。');
  }
}

/** Refuses what exceljs cannot read before it fails deep inside the unzip: also inflates every part and checks its CRC. */
export async function assertLooksLikeXlsx(path: string): Promise<void> {
  await assertZipSignature(path);
  const damage = await zipDamage(path);
  if (damage) throw corruptXlsx(basename(path), damage);
}

export function corruptXlsx(file: string, detail: string): InputError {
  return new InputError({ file }, `XLSX 文件内容损坏，无法读取 (corrupt XLSX: ${detail})`, '请用 Excel/WPS 打开后另存为 .xlsx，或从原系统重新导出。');
}
