// ID numbers in human-facing outputs are masked by default (ledger.md): 370481********123X.
import { BIRTH_DATE, MONTH_AND_DAY, PROVINCE_CODE } from './id-shape.ts';
import { computeIdCheckCharacter } from './normalise/id-number-macros.ts';

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
 * A run of more than 20: two IDs pasted into one cell without a separator, an ID with a mobile number or a 序号 run on
 * (37132919820411583913912345678). Never matched until 2026-12-06, so printed whole in every workbook, `ledger show`
 * and the spot-check sheets. Judged as a shorter run is (isIdLike), and by holdsAnId. Tried before DIGIT_RUN, so an X
 * after 20 digits is the run's last character, as an ID's is, not a letter beside a run of 20.
 */
const LONG_DIGIT_RUN = String.raw`\d{20,}[Xx]|\d{21,}`;
/**
 * An ID keyed in parts, as a form prints it: 371329 19850707 1071, 371329-19850707-1071, 371329 198507071071 (and a
 * 15-digit one, 6-6-3). Only the ID's own parts: a looser run of digits and spaces would join a date or an amount
 * before an ID into one run that is no ID, and leave the ID inside it whole.
 */
const SEPARATED = String.raw`\d{6}[ \-\u3000](?:\d{8}[ \-\u3000]?\d{3}[\dXx]|\d{6}[ \-\u3000]?\d{3})`;
/**
 * An 18-character ID keyed in other groups, one separator throughout: 371329 1950 0303 0034, 3713 2919 5003 0300 34,
 * 371329.19500303.0034, 371329/19500303/0034, 371329_19500303_0034, and with a tab, 371329·19500303·0034 or
 * 371329，19500303，0034 (all left whole until 2026-12-06). Matched loosely
 * here (groups of digits, the last may end in X), judged in idsInGroupedRun: 18 characters in all, or each 18 of its
 * consecutive groups, that start with a province code and hold a birth date where an ID does. A date (2026-10-05), a
 * phone number (138 0013 8000), an amount (1 400) or a 13-digit 家庭编号 and an amount beside it are none.
 */
const GROUPED = String.raw`\d{1,17}(?<separator>[ ./_\-\u3000\t·，])\d{1,17}(?:\k<separator>\d{1,17})*[Xx]?`;
/**
 * A number in scientific notation as Excel writes an ID it stored as a number: 3.7132920240802554e+17, a whole
 * number of 14 to 20 digits (exponent 13 to 19).
 */
const SCIENTIFIC = String.raw`\d\.(\d+)[eE]\+?(?:1[3-9])`;
/** Not inside a longer number; letters beside it are judged per match (idBesideLetters). */
const ID_IN_TEXT = new RegExp(String.raw`(?<![0-9])(?:${SCIENTIFIC}|${SEPARATED}|${GROUPED}|${LONG_DIGIT_RUN}|${DIGIT_RUN})(?![0-9])`, 'g');

/** A province's code (GB/T 2260: 11 北京 … 65 新疆, 71 台湾, 81–83 港澳), then a birth date 19xx/20xx-mm-dd where an ID has it. */
const PROVINCE_AND_BIRTH_DATE = new RegExp(String.raw`^${PROVINCE_CODE}\d{4}${BIRTH_DATE}\d{3}[\dXx]$`);

/** Where a piece stands in a match: from its first character to just past its last. */
interface Span {
  from: number;
  to: number;
}

/** A 15-digit ID (issued until 1999): a province's code, then a birth date yymmdd, then 3 digits. */
const OLD_ID = String.raw`${PROVINCE_CODE}\d{6}${MONTH_AND_DAY}\d{3}`;
const PROVINCE_AND_SHORT_BIRTH_DATE = new RegExp(`^${OLD_ID}$`);

/** The groups of a GROUPED match, each as where it stands in the match. */
function groupsOf(run: string, separator: string): Span[] {
  const groups: Span[] = [];
  for (let from = 0; from < run.length;) {
    const to = run.indexOf(separator, from);
    groups.push({ from, to: to === -1 ? run.length : to });
    from = to === -1 ? run.length : to + 1;
  }
  return groups;
}

/**
 * The last of the consecutive groups from `first` on that make one ID, or null: 18 characters that hold a birth date
 * where an ID does; else 15 digits keyed 6-6-3 or 6-9 (as SEPARATED takes them) that do; else the one group, when it
 * is a run of digits that would be masked standing alone (a 15-digit ID, a 17-digit one with a digit lost).
 */
function lastGroupOfId(run: string, separator: string, groups: Span[], first: number, singleGroupIsId: (group: Span) => boolean): number | null {
  const digitsOf = (last: number) => run.slice(groups[first]!.from, groups[last]!.to).split(separator).join('');
  let digits = 0;
  for (let last = first; last < groups.length && digits < 18; last++) {
    digits += groups[last]!.to - groups[last]!.from;
    if (digits === 18 && PROVINCE_AND_BIRTH_DATE.test(digitsOf(last))) return last;
  }
  const [length, nextLength, lengthAfter] = groups.slice(first, first + 3).map((group) => group.to - group.from);
  if (length === 6 && nextLength === 6 && lengthAfter === 3 && PROVINCE_AND_SHORT_BIRTH_DATE.test(digitsOf(first + 2))) return first + 2;
  if (length === 6 && nextLength === 9 && PROVINCE_AND_SHORT_BIRTH_DATE.test(digitsOf(first + 1))) return first + 1;
  return singleGroupIsId(groups[first]!) ? first : null;
}

/**
 * Where in a GROUPED match IDs stand: the whole match, or consecutive groups of it (an amount or a date keyed with the
 * same separator before or after the ID: 1400 371329 1950 0303 0034), each ID of it. Two co-owners' IDs in one
 * 权利人证件号码 cell (371329 1950 0303 0034 3713 2919 6004 0400 44), or 371329.19500303.0034.371329.19600404.0044,
 * showed the second ID whole until 2026-12-06: only the first was masked and the rest of the run was passed over.
 */
function idsInGroupedRun(run: string, separator: string, singleGroupIsId: (group: Span) => boolean): Span[] {
  const groups = groupsOf(run, separator);
  const ids: Span[] = [];
  let passedOverFrom = 0;
  for (let first = 0; first <= groups.length;) {
    const last = first < groups.length ? lastGroupOfId(run, separator, groups, first, singleGroupIsId) : null;
    if (last === null && first < groups.length) {
      first++;
      continue;
    }
    const passedOver = longRunHoldingAnId(run, groups.slice(passedOverFrom, first));
    if (passedOver !== null) ids.push(passedOver);
    if (last === null) break;
    ids.push({ from: groups[first]!.from, to: groups[last]!.to });
    first = passedOverFrom = last + 1;
  }
  return ids;
}

/**
 * Of consecutive groups in which no ID ends where a group does, those from a group where an ID starts to the last,
 * masked whole when their digits, 20 or more, begin with an ID that passes its check (startsWithCheckedId) or are an
 * old 15-digit ID and a mobile number (OLD_ID_AND_MOBILE): an ID with a mobile number run on, keyed in fours (3713 2919
 * 6502 0220 0913 8123 4567 8), or an old 15-digit one with it, were printed whole until 2026-12-07. Groups before it
 * (an amount) stay as they are; bank accounts (16 to 19 digits) stay whole; and a list of amounts is looked at only
 * where a group starts.
 */
function longRunHoldingAnId(run: string, groups: readonly Span[]): Span | null {
  const pieces = groups.map((group) => run.slice(group.from, group.to));
  for (let first = 0; first < groups.length; first++) {
    const digits = pieces.slice(first).join('');
    if (digits.length < 20) return null;
    if (startsWithCheckedId(digits) || OLD_ID_AND_MOBILE.test(digits)) return { from: groups[first]!.from, to: groups.at(-1)!.to };
  }
  return null;
}

/**
 * Whether the first 18 digits are an ID to its last check: born no later than this year, and its check character
 * right. Joined amounts hold an ID's shape by chance (存款 4100，1120，1012，1500，1300 元: 410011 2010 1215 00 …, about
 * one random list of amounts in 245, masked until 2026-12-07); with both checks none of 300,000 did (measured).
 */
function startsWithCheckedId(digits: string): boolean {
  const id = digits.slice(0, 18);
  if (!PROVINCE_AND_BIRTH_DATE.test(id) || Number(id.slice(6, 10)) > new Date().getFullYear()) return false;
  return computeIdCheckCharacter(id.slice(0, 17)) === id[17]!.toUpperCase();
}

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

/**
 * An ID run together with letters (ID371329198507071071, a trailing letter typed by mistake) is masked when it has an
 * ID's length, 15 or 18: shorter or longer runs beside letters are codes (a finding id RS1234567890123456), not IDs.
 */
function idBesideLetters(compact: string): boolean {
  return compact.length === 18 || compact.length === 15;
}

const isLetter = (character: string | undefined) => character !== undefined && /[A-Za-z]/.test(character);

/** Whether a run of digits (keyed in parts or not) standing at `at` in the text is an ID, or was one, letters beside it judged too. */
function digitRunIsId(ascii: string, at: number, run: string): boolean {
  const compact = run.replace(/[ \-\u3000]/g, '');
  const besideLetters = isLetter(ascii[at - 1]) || isLetter(ascii[at + run.length]);
  return isIdLike(compact) && (!besideLetters || idBesideLetters(compact));
}

/**
 * Whether a run of 20 digits or more holds an ID wherever it stands in it (after a 序号, as the second of two IDs): 18
 * characters of it that start with a province's code and hold a birth date where an ID does. Such a run is masked
 * whole (its first 6 and last 4 kept, as an ID's), not only the ID in it: the rest may be another ID whose birth date
 * was mistyped, and one mask standing alone is what an import puts back (staff-text-ids.ts). A run of 20 is looked at
 * so too: a two-digit 序号 before an ID (12371329198204115839) put the birth date two places past where isIdLike looks.
 * Bank accounts (16 to 19 digits) are not: one in a few thousand would hold such 18 characters by chance.
 */
function holdsAnId(run: string): boolean {
  if (run.length < 20 || !/^\d+[Xx]?$/.test(run)) return false;
  for (let from = 0; from + 18 <= run.length; from++) if (PROVINCE_AND_BIRTH_DATE.test(run.slice(from, from + 18))) return true;
  return OLD_ID_AND_MOBILE.test(run);
}

/**
 * A 15-digit ID (issued until 1999) with an 11-digit mobile number run on, or after one (26 digits): printed whole
 * until 2026-12-07, as its short birth date (yymmdd) is nowhere holdsAnId looks. Only beside a mobile number: a 15-digit
 * window's shape is loose enough that one random run of 20 to 26 digits in 7 to 14 holds one somewhere (measured), as
 * a 23-digit account does (62284800112233445566778: 622848 001122 334).
 */
const OLD_ID_AND_MOBILE = new RegExp(String.raw`^(?:${OLD_ID}1[3-9]\d{9}|1[3-9]\d{9}${OLD_ID})$`);

/**
 * A finding id (RS and 16 hexadecimal digits, fingerprint.ts) is no one's ID, though 15 digits of it beside a letter
 * (RS371329850707107A) read as a 15-digit ID: 17 of the 26,946 finding ids of a 1 M-row benchmark run were so masked in
 * any text that quotes one, as an error naming the finding asked for now does (cli/report-error.ts).
 */
const FINDING_ID = /(?<![0-9A-Za-z])RS[0-9A-F]{16}(?![0-9A-Za-z])/g;

/** Whether the text from `start` to `end` lies inside a finding id. */
function insideFindingId(findingIds: readonly Span[], start: number, end: number): boolean {
  return findingIds.some((span) => span.from <= start && end <= span.to);
}

/**
 * A scan's run id (2026-09-20261206203257: the period, then when it started): no one's ID. Its 14 digits looked like an
 * ID with a digit lost when the time of day read as a birth month (20:32:57), and until 2026-12-06 the scan's log then
 * named its run 2026-09-202612****3257, a run `ledger` commands know by its whole id.
 */
const RUN_ID = /^\d{4}-(?:0[1-9]|1[0-2])-20\d{12}$/;

/** One group of a GROUPED match that DIGIT_RUN would take standing alone: 14 to 17 digits, or 13 to 16 and an X. */
const DIGIT_RUN_ALONE = new RegExp(String.raw`^(?:${DIGIT_RUN})$`);

/** Full-width digits and X as ASCII, one character for one, so a match in the copy is at the same place in the text. */
const asciiDigits = (text: string) => text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** An ID-like number found in a text: where it stands, the number without its spaces (in ASCII), and its mask. */
export interface IdInText {
  start: number;
  end: number;
  /** ASCII digits, without the spaces, dashes, dots, slashes or _ it was keyed with: one ID, however it was written. */
  compact: string;
  masked: string;
}

/** Every ID-like number in the text, in order (what maskIdsInText masks; an import restores them, staff-text-ids.ts). */
export function idsInText(text: string): IdInText[] {
  const ascii = asciiDigits(text);
  const found: IdInText[] = [];
  const findingIds = [...ascii.matchAll(FINDING_ID)].map((match) => ({ from: match.index!, to: match.index! + match[0].length }));
  for (const match of ascii.matchAll(ID_IN_TEXT)) {
    const at = match.index!;
    if (insideFindingId(findingIds, at, at + match[0].length)) continue;
    const separator = match.groups?.['separator'];
    if (separator !== undefined) {
      const run = match[0];
      if (RUN_ID.test(run)) continue;
      const singleGroupIsId = (group: Span) => {
        const digits = run.slice(group.from, group.to);
        return DIGIT_RUN_ALONE.test(digits) && digitRunIsId(ascii, at + group.from, digits);
      };
      for (const span of idsInGroupedRun(run, separator, singleGroupIsId)) {
        const compact = run.slice(span.from, span.to).split(separator).join('');
        found.push({ start: at + span.from, end: at + span.to, compact, masked: maskIdNumber(compact) });
      }
      continue;
    }
    const run = match[0];
    const fraction = match[1];
    const compact = fraction === undefined ? run.replace(/[ \-\u3000]/g, '') : run;
    const besideLetters = isLetter(ascii[at - 1]) || isLetter(ascii[at + run.length]);
    const idLike = fraction === undefined ? digitRunIsId(ascii, at, run) || holdsAnId(run) : 1 + fraction.length > MOST_SIGNIFICANT_DIGITS_SHOWN && !besideLetters;
    if (idLike) found.push({ start: at, end: at + run.length, compact, masked: maskIdNumber(compact) });
  }
  return found;
}

/**
 * Every ID-like number in the text masked. Full-width digits (３７１３２９…), parts keyed with spaces or dashes, and
 * letters beside the number were left whole until 2026-12-05: a raw value 「371329 19850707 1071」 or 「３７１３２９…」
 * was quoted in full in every workbook and spot-check sheet. The masked number is written in ASCII without its spaces.
 */
export function maskIdsInText(text: string): string {
  let masked = '';
  let from = 0;
  for (const id of idsInText(text)) {
    masked += text.slice(from, id.start) + id.masked;
    from = id.end;
  }
  return masked + text.slice(from);
}

/**
 * A text as an output shows it to a person: its ID-like numbers masked as evidence's are, unless --unmask; null stays
 * null. The roll's own fields (家庭编号, 户主姓名, 姓名, 救助类别 …) are shown so too: a 家庭编号 that is the head's ID
 * (a common practice), or an ID read into a name column (a file whose columns shifted), was printed whole until
 * 2026-12-06 in every workbook, spot-check sheet, the report and `ledger show`, beside the masked 身份证号. A 16-digit
 * 家庭编号 (3713291102040094) is no ID and stays whole.
 */
export function maskIdsUnless(text: string, unmask: boolean): string;
export function maskIdsUnless(text: string | null, unmask: boolean): string | null;
export function maskIdsUnless(text: string | null, unmask: boolean): string | null {
  return text === null || unmask ? text : maskIdsInText(text);
}
