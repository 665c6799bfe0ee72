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

/** Replaces what Windows, macOS or Linux refuse in a file name; a name left empty becomes `_`. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
    // Windows drops trailing dots and spaces, and a leading dot hides the file elsewhere.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned === '' ? '_' : cleaned;
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
