// Names of the ledger workbooks and their sheets: places without a township or village, characters file
// systems and Excel refuse, and two places that would end up with the same name.

export const NO_TOWNSHIP = '未关联乡镇';
export const NO_VILLAGE = '未关联到村';
export const SUMMARY_SHEET = '汇总';
export const SNAPSHOT_SHEET = '_rollsweep';

const MAX_SHEET_NAME = 31;

export function townshipLabel(township: string | null): string {
  return township ?? NO_TOWNSHIP;
}

export function villageLabel(village: string | null): string {
  return village ?? NO_VILLAGE;
}

/**
 * A file name's stem at most this many UTF-8 bytes: file systems allow 255 (Linux, macOS), and the name written first
 * (.<name>(2).xlsx.<pid>.partial, output-folder.ts) adds up to about 25. 60 Chinese characters: no place's name is
 * longer, but a 乡镇 cell can hold anything (a fuzzed one of 18,419 characters stopped the scan's workbooks with
 * ENAMETOOLONG when the stem was cut at 120 characters, 360 bytes).
 */
const MAX_FILE_STEM_BYTES = 180;

/** Replaces what Windows, macOS or Linux refuse in a file name, and cuts it to fit; a name left empty becomes `_`. */
export function safeFileName(name: string): string {
  const cleaned = fitBytes(name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_'), MAX_FILE_STEM_BYTES)
    // Windows drops trailing dots and spaces, and a leading dot hides the file elsewhere.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned === '' ? '_' : cleaned;
}

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
function fitBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/** Hands out names that differ ignoring case (Excel and some file systems do), by adding (2), (3) … */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  claim(wanted: string, fit: (name: string, suffix: string) => string = (name, suffix) => `${name}${suffix}`): string {
    let candidate = fit(wanted, '');
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = fit(wanted, `(${n})`);
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function fitSheetName(name: string, suffix: string): string {
  const cleaned = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, '_').replace(/^'+|'+$/g, '').trim() || '_';
  return `${[...cleaned].slice(0, MAX_SHEET_NAME - suffix.length).join('')}${suffix}`;
}
