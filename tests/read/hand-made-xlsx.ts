// Hand-made XLSX files for the reader tests: a tiny zip writer and a minimal workbook around sheet XML written by hand.
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipParts = [name: string, content: string | Buffer][];

export interface ZipOptions {
  method?: 'deflate' | 'store';
  /** Sizes and offsets in ZIP64 fields (as some writers do even for small files). */
  zip64?: boolean;
}

/** A zip of the parts in the given order: deflated by default, stored when asked. */
export function zipParts(parts: ZipParts, { method = 'deflate', zip64 = false }: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = method === 'deflate' ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    let extra = Buffer.alloc(0);
    if (zip64) {
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, directory, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(parts.length), 24);
  record.writeBigUInt64LE(BigInt(parts.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directory, record, locator, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface HandMadeSheet {
  name: string;
  /** The worksheet XML inside <sheetData>…</sheetData>, or a whole document when it starts with '<?xml' or '<worksheet' (or '<x:worksheet'). */
  xml: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface HandMadeWorkbook {
  sheets: HandMadeSheet[];
  /**
   * The <si> elements of sharedStrings.xml; an empty part when absent (exceljs sets aside every worksheet of a
   * workbook without one), none when null.
   */
  sharedStrings?: string[] | null;
  /** styles.xml's <numFmts> and <cellXfs> children, and <font>s after the default one (fontId 1, 2 …). */
  numFmts?: string[];
  cellXfs?: string[];
  fonts?: string[];
  date1904?: string;
  /** How workbook.xml.rels names the sheet parts: 'worksheets/sheet1.xml' or '/xl/worksheets/sheet1.xml'. */
  targets?: 'relative' | 'absolute';
  /**
   * Writes SpreadsheetML with this namespace prefix, as .NET OpenXML SDK based exports do (x: <x:workbook
   * xmlns:x="…/main"><x:sheets>…): workbook.xml, styles.xml, sharedStrings.xml and each worksheet built around its
   * <sheetData> content, every element of it prefixed (the sheets' and strings' XML is written unprefixed).
   */
  prefix?: string;
  /** Rearranges the parts before zipping. */
  order?: (parts: ZipParts) => ZipParts;
  zip?: ZipOptions;
}

/**
 * A complete workbook around hand-written sheet XML. The worksheets come last, after the parts they need, so that
 * exceljs reads them where it meets them rather than setting them aside (its own streaming pass at times loses the
 * entries after one set aside; the tests' exceljs reference reads the zip's directory instead, xlsx-reader-exceljs.ts).
 * `order` rearranges the parts, e.g. into Excel's own layout (EXCEL_LAYOUT).
 */
export function handMadeXlsx(book: HandMadeWorkbook): Buffer {
  const spreadsheetML = (xml: string) => (book.prefix === undefined ? xml : prefixed(xml, book.prefix));
  const sheetDocument = (xml: string) => (/^\ufeff?<(\?xml|([A-Za-z_][\w.-]*:)?worksheet)/.test(xml)
    ? xml
    : spreadsheetML(`${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetData>${xml}</sheetData></worksheet>`));
  const target = (n: number) => (book.targets === 'absolute' ? `/xl/worksheets/sheet${n}.xml` : `worksheets/sheet${n}.xml`);
  const sheets = book.sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = book.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="${target(i + 1)}"/>`).join('');
  const extra = book.sheets.length;
  const worksheets = book.sheets.map((sheet, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetDocument(sheet.xml)]);
  const parts: ZipParts = [
    ['[Content_Types].xml', `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${book.sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`],
    ['_rels/.rels', `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', spreadsheetML(`${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><workbookPr${book.date1904 !== undefined ? ` date1904="${book.date1904}"` : ''}/><sheets>${sheets}</sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${extra + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>${book.sharedStrings !== null ? `<Relationship Id="rId${extra + 2}" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`],
    ['xl/styles.xml', spreadsheetML(`${DECLARATION}<styleSheet xmlns="${MAIN}">${book.numFmts?.length ? `<numFmts count="${book.numFmts.length}">${book.numFmts.join('')}</numFmts>` : ''}<fonts count="${(book.fonts?.length ?? 0) + 1}"><font><sz val="11"/><name val="Calibri"/></font>${(book.fonts ?? []).join('')}</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(book.cellXfs?.length ?? 0) + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${(book.cellXfs ?? []).join('')}</cellXfs></styleSheet>`)],
  ];
  if (book.sharedStrings !== null) {
    const strings = book.sharedStrings ?? [];
    parts.push(['xl/sharedStrings.xml', spreadsheetML(`${DECLARATION}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`)]);
  }
  parts.push(['docProps/app.xml', `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>hand</Application></Properties>`]);
  parts.push(...worksheets);
  return zipParts(book.order ? book.order(parts) : parts, book.zip);
}

/**
 * A SpreadsheetML part with its namespace bound to `prefix` instead of being the default: every element name prefixed
 * (hand-written XML holds no < but in markup), the declaration xmlns:prefix.
 */
export function prefixed(xml: string, prefix: string): string {
  return xml.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}:`).replace(`xmlns="${MAIN}"`, `xmlns:${prefix}="${MAIN}"`);
}

/** Excel's own order: workbook, worksheets, styles, shared strings, document properties. */
export function EXCEL_LAYOUT(parts: ZipParts): ZipParts {
  const rank = (name: string) => ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].includes(name) ? 0
    : name.startsWith('xl/worksheets/') ? 1 : name === 'xl/styles.xml' ? 2 : name === 'xl/sharedStrings.xml' ? 3 : 4;
  return [...parts].sort((a, b) => rank(a[0]) - rank(b[0]));
}
