// A sheet's name in workbook.xml is an ST_Xstring (ECMA-376, CT_Sheet): Excel's _xHHHH_ escapes apply to it as to
// cell text. A name typed as 死亡_x0031_名单 is written 死亡_x005F_x0031_名单 (the lead underscore escaped, as Excel
// does wherever such a sequence is literal); until 2026-12-05 refusals and _sheet named it as written.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openXlsx, xlsxSheetNames } from '../../scanner/read/xlsx-reader.ts';
import { tempFolder } from '../support/temp-folder.ts';
import { handMadeXlsx } from './hand-made-xlsx.ts';
import { openXlsxWithExceljs } from './xlsx-reader-exceljs.ts';

const folder = await tempFolder();

async function sheetNames(open: (path: string) => AsyncIterable<{ sheet: string | undefined }>, path: string): Promise<(string | undefined)[]> {
  const names = [];
  for await (const sheet of open(path)) names.push(sheet.sheet);
  return names;
}

describe('XLSX reader: sheet names as Excel shows them', () => {
  it('decodes Excel\'s _xHHHH_ escapes in sheet names, after the entities (exceljs: kept as written)', async () => {
    const path = join(folder, 'names.xlsx');
    const row = '<row r="1"><c r="A1" t="str"><v>x</v></c></row>';
    await writeFile(path, handMadeXlsx({
      sheets: [
        { name: '死亡_x005F_x0031_名单', xml: row },
        { name: '一_x0020_村&amp;二村', xml: row },
        { name: '普通_x12_名', xml: row },
      ],
    }));
    const shown = ['死亡_x0031_名单', '一 村&二村', '普通_x12_名'];
    expect(await sheetNames(openXlsx, path)).toEqual(shown);
    expect(await xlsxSheetNames(path)).toEqual(shown);
    expect(await sheetNames(openXlsxWithExceljs, path)).toEqual(['死亡_x005F_x0031_名单', '一_x0020_村&二村', '普通_x12_名']);
  });
});
