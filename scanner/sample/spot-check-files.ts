// Writes a sample's 抽查-<period>-<seed>-<N>村<M>户.xlsx and .csv into the output folder, owner-only, each whole or not at all.
import { join } from 'node:path';
import { safeFileName } from '../export/ledger-workbook/names.ts';
import { ensureOutputFolder, writeOwnerOnlyFile } from '../export/output-folder.ts';
import ExcelJS from '../read/exceljs.ts';
import { ROLLSWEEP_VERSION } from '../version.ts';
import { writeSampleNotesSheet } from './sample-notes-sheet.ts';
import { spotCheckCsv } from './spot-check-csv.ts';
import type { SpotCheckContent } from './spot-check-content.ts';
import { writeSpotCheckSheet } from './spot-check-sheet.ts';

/** Period, seed, N and M name the file: two different draws never overwrite each other's sheets. */
export function spotCheckFileStem(period: string, seed: string, villages: number, households: number): string {
  return safeFileName(`抽查-${period}-${seed}-${villages}村${households}户`);
}

/** Returns the absolute paths written: the workbook, then the CSV. */
export async function writeSpotCheckFiles(outDir: string, content: SpotCheckContent): Promise<string[]> {
  await ensureOutputFolder(outDir);
  const stem = join(outDir, spotCheckFileStem(content.period, content.seed, content.villagesRequested, content.householdsPerVillage));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `rollsweep ${ROLLSWEEP_VERSION}`;
  workbook.created = content.drawnAt;
  workbook.modified = content.drawnAt;
  writeSpotCheckSheet(workbook, content);
  writeSampleNotesSheet(workbook, content);
  const files: [string, string | Uint8Array][] = [
    [`${stem}.xlsx`, new Uint8Array(await workbook.xlsx.writeBuffer())],
    [`${stem}.csv`, spotCheckCsv(content)],
  ];
  for (const [path, data] of files) await writeOwnerOnlyFile(path, data, '抽查文件');
  return files.map(([path]) => path);
}
