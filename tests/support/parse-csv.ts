// A small RFC 4180 parser for reading CSV outputs and clean workloads back in tests.

/** Records as arrays of fields; CR outside quotes is dropped (CRLF files), a BOM is ignored. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n') { record.push(field); records.push(record); record = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/** Rows as objects keyed by the header's column names. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRecords(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
