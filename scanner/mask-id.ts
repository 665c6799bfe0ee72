// ID numbers in human-facing outputs are masked by default (ledger.md): 370481********123X.

/** Keeps the first 6 (region) and last 4 characters; anything too short to keep both is masked whole. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// ID numbers quoted inside free text (evidence names the other household's member, or the raw value that failed
// validation) are masked too, so a masked output shows no full ID anywhere. The raw value that failed is often no
// valid ID at all: a digit lost or added (17 or 19 digits), or a number Excel stored in scientific notation; it still
// carries the person's region, birth date and sequence, and is masked as well.

/** A run of 14 to 20 digits (the last may be X) standing on its own: an ID, or an ID with a digit lost or added. */
const DIGIT_RUN = String.raw`\d{13,19}[Xx]|\d{14,20}`;
/**
 * A number in scientific notation as Excel writes an ID it stored as a number: 3.7132920240802554e+17, a whole
 * number of 14 to 20 digits (exponent 13 to 19).
 */
const SCIENTIFIC = String.raw`\d\.(\d+)[eE]\+?(?:1[3-9])`;
const ID_IN_TEXT = new RegExp(String.raw`(?<![0-9A-Za-z])(?:${SCIENTIFIC}|${DIGIT_RUN})(?![0-9A-Za-z])`, 'g');

/**
 * Excel keeps 15 to 17 significant digits of a number, so an ID read as one has far more than 8; with 8 or fewer
 * (3.71329E+17, Excel's own display keeps 6) at most the region code and the birth century are left, no one's.
 */
const MOST_SIGNIFICANT_DIGITS_SHOWN = 8;

/** A birth year (19xx, 20xx) and month where an ID has them (7th character on), or one place off for a digit lost or added before. */
const BIRTH_YEAR_AND_MONTH = /^\d{5,7}?(?:19|20)\d{2}(?:0[1-9]|1[0-2])/;

/**
 * Whether a run of digits is an ID, or was one: 18 characters or 15 digits (the valid lengths) always; otherwise when it
 * ends in X, which only IDs do, or holds a birth year and month where an ID does. That leaves alone 家庭编号 (county
 * code, then township and village: 3713291102040094) and bank accounts (6228486147038097427), which staff need whole
 * to find the other household or the shared account.
 */
function isIdLike(run: string): boolean {
  return run.length === 18 || /^\d{15}$/.test(run) || /[Xx]$/.test(run) || BIRTH_YEAR_AND_MONTH.test(run);
}

export function maskIdsInText(text: string): string {
  return text.replace(ID_IN_TEXT, (found, fraction?: string) => {
    const idLike = fraction === undefined ? isIdLike(found) : 1 + fraction.length > MOST_SIGNIFICANT_DIGITS_SHOWN;
    return idLike ? maskIdNumber(found) : found;
  });
}
