// ID numbers in human-facing outputs are masked by default (ledger.md): 370481********123X.
import { GROUPED, idsInGroupedRun, OLD_ID_AND_ANOTHER_NUMBER, PROVINCE_AND_BIRTH_DATE, type Span } from './mask-id-grouped-runs.ts';

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
 * after 20 digits is the run's last character, as an ID's is, not a letter beside a run of 20; and an ID ending in X with
 * more digits run on (11010519470428500X13812345678, printed whole until 2026-12-07) is one run.
 */
const LONG_DIGIT_RUN = String.raw`\d{17,20}[Xx]\d+|\d{20,}[Xx]|\d{21,}`;
/**
 * An ID keyed in parts, as a form prints it: 371329 19850707 1071, 371329-19850707-1071, 371329 198507071071 (and a
 * 15-digit one, 6-6-3). Only the ID's own parts: a looser run of digits and spaces would join a date or an amount
 * before an ID into one run that is no ID, and leave the ID inside it whole. Other separators (two spaces, a no-break
 * space, －, " - " …) are read as these before (separatorsAsAscii).
 */
const SEPARATED = String.raw`\d{6}[ \-\u3000](?:\d{8}[ \-\u3000]?\d{3}[\dXx]|\d{6}[ \-\u3000]?\d{3})`;
/**
 * A number in scientific notation as Excel writes an ID it stored as a number: 3.7132920240802554e+17, a whole
 * number of 14 to 20 digits (exponent 13 to 19).
 */
const SCIENTIFIC = String.raw`\d\.(\d+)[eE]\+?(?:1[3-9])`;
/** Not inside a longer number; letters beside it are judged per match (idBesideLetters). */
const ID_IN_TEXT = new RegExp(String.raw`(?<![0-9])(?:${SCIENTIFIC}|${SEPARATED}|${GROUPED}|${LONG_DIGIT_RUN}|${DIGIT_RUN})(?![0-9])`, 'g');


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
  if (run.length < 20 || !/^\d+(?:[Xx]\d*)?$/.test(run)) return false;
  for (let from = 0; from + 18 <= run.length; from++) if (PROVINCE_AND_BIRTH_DATE.test(run.slice(from, from + 18))) return true;
  return OLD_ID_AND_ANOTHER_NUMBER.test(run);
}


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

/**
 * Spaces of any kind, as keyboards, Word and web pages put them between an ID's parts: the tab, the no-break space
 * (U+00A0), the thin and other typographic spaces (U+2000–U+200A), the zero-width ones (U+200B–U+200D, U+2060, U+FEFF)
 * and the full-width space (U+3000); the scan's ID parser reads them as spaces too (WHITESPACE_CLASS,
 * normalise/macro-definition.ts). Not a line break: a cell's lines are separate entries.
 */
const ANY_SPACE = String.raw`[\t \u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]`;
/** A dash, dot or slash, ASCII or full-width (－ ． ／), and the hyphens, en and em dashes and minus a text editor puts for "-". */
const DASH = String.raw`[\-\u2010-\u2015\u2212\ufe63\uff0d]`;
const DOT = String.raw`[.\uff0e]`;
const SLASH = String.raw`[/\uff0f]`;
/**
 * What stands between two digits (or an X) where staff keyed an ID in parts: spaces of any kind, or one dash, dot or
 * slash with spaces either side or none. Until 2026-12-07 only one ASCII space, full-width space, dash, dot, slash, _,
 * tab, · or ， was one, and an ID keyed 371329  19850707  1071, with no-break or thin spaces, with －, or
 * 371329 - 19850707 - 1071 was printed whole in every workbook, `ledger show`, the report and the spot-check sheets;
 * until 2026-12-08 so was one keyed with 4 spaces or more (371329    19850707    1071, as a note typed to line up with
 * the row above has it). However many the spaces, the digits either side are judged as an ID's parts only by the
 * rules that judge parts keyed with one space (SEPARATED, GROUPED: a province's code and a birth date where an ID has
 * them), so a wide gap joins no amount, date or phone number into an ID. Beside a letter O, o, l or I too, which may
 * stand for a digit at a part's edge (371329  19850707  l071: lettersForDigitsInParts).
 */
const SEPARATOR_BETWEEN_DIGITS = new RegExp(
  String.raw`(?<=[0-9XxOolI])(?:${ANY_SPACE}*(?:(${DASH})|(${DOT})|(${SLASH}))${ANY_SPACE}*|${ANY_SPACE}+)(?=[0-9XxOolI])`,
  'g',
);

/** The text as the finder reads it, and where each of its characters stands in the text it was read from. */
interface ReadAs {
  text: string;
  origin: number[];
}

/**
 * The separators between an ID's parts read as one ASCII character each (a space, -, . or /), so an ID keyed with any
 * of them is judged as one keyed with that character is (SEPARATED, GROUPED), amounts, dates and phone numbers alike:
 * 1400  700 stays 1400 700, which no rule masks. The text around is kept as it is, so a mask replaces the ID as written.
 */
function separatorsAsAscii(text: string): ReadAs {
  let read = '';
  const origin: number[] = [];
  let from = 0;
  const keep = (to: number) => {
    for (let index = from; index < to; index++) origin.push(index);
    read += text.slice(from, to);
  };
  for (const match of text.matchAll(SEPARATOR_BETWEEN_DIGITS)) {
    keep(match.index!);
    read += match[1] !== undefined ? '-' : match[2] !== undefined ? '.' : match[3] !== undefined ? '/' : ' ';
    origin.push(match.index!);
    from = match.index! + match[0].length;
  }
  keep(text.length);
  return { text: read, origin };
}

/**
 * An ID typed with one letter for a digit (371329198507071O71: O for 0, l or I for 1), standing on its own. Its digits
 * before the letter read as a 15-digit ID beside a letter, so until 2026-12-07 13 of its 18 characters were shown
 * (371329*****7071O71). Masked whole, its letter kept where the mask shows it, when, the letter read as its digit, it
 * starts with a province's code and holds a birth date where an ID does (as an 18-digit run keyed in groups is judged):
 * its check character is not asked, as one typo often comes with another. Codes are not so masked: code systems leave
 * out I and O for being read as 1 and 0 (a 统一社会信用代码 never has them), and one holding an ID's shape besides is rare.
 */
const ONE_LETTER_FOR_A_DIGIT = /(?<![0-9A-Za-z])(?=[0-9Xx]*[OolI][0-9Xx]*(?![0-9A-Za-z]))[0-9OolI]{17}[0-9XxOolI](?![0-9A-Za-z])/g;

/** Each ID typed with one letter for a digit (ONE_LETTER_FOR_A_DIGIT) in the text. */
function idsWithALetterForADigit(text: string): IdInText[] {
  const found: IdInText[] = [];
  for (const match of text.matchAll(ONE_LETTER_FOR_A_DIGIT)) {
    const typed = match[0];
    const read = typed.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
    if (!PROVINCE_AND_BIRTH_DATE.test(read)) continue;
    found.push({ start: match.index!, end: match.index! + typed.length, compact: read, masked: maskIdNumber(typed) });
  }
  return found;
}

/** A part of an ID keyed in parts as typed: digits, an X, and letters O, o, l, I typed for digits. */
const PART_WITH_LETTERS = String.raw`[0-9XxOolI]+`;
/**
 * Parts keyed with one separator throughout, as GROUPED takes them (its separators), any of them holding a letter O,
 * o, l or I: 371329 19850707 1O71, 3713 2919 8507 071O 71. The digits' rules stop at the letter and
 * ONE_LETTER_FOR_A_DIGIT takes 18 characters in one run only, so until 2026-12-08 such an ID was printed whole.
 */
const PARTS_WITH_LETTERS = new RegExp(
  String.raw`(?<![0-9A-Za-z])${PART_WITH_LETTERS}(?<separator>[ ./_\-\u3000\t·，])${PART_WITH_LETTERS}(?:\k<separator>${PART_WITH_LETTERS})*(?![0-9A-Za-z])`,
  'g',
);

/** The digits a letter typed for one stands for: O and o for 0, l and I for 1. */
const lettersAsDigits = (typed: string) => typed.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');

/**
 * Whether the letter stands in a part among digits (1O71), not alone as a part: a word beside a run (37132919850707107
 * I, an ID with a digit lost, which the digits' rules mask) is no digit of it.
 */
const letterAmongDigits = (parts: readonly string[]) => parts.every((part) => !/[OolI]/.test(part) || /\d/.test(part));

/**
 * Each ID keyed in parts with one letter for a digit (PARTS_WITH_LETTERS) in the text: where the parts, the letter read
 * as its digit, are an ID as idsInGroupedRun judges parts keyed with digits alone (a province's code and a birth date
 * where an ID has them, keyed in an ID's parts or even groups; amounts, dates and phone numbers beside it left out), 18
 * characters in more than one part, one of them the letter. One in one run is ONE_LETTER_FOR_A_DIGIT's. Masked as typed
 * without its separators, its letter kept where the mask shows it, as ONE_LETTER_FOR_A_DIGIT masks one.
 */
function lettersForDigitsInParts(text: string): IdInText[] {
  const found: IdInText[] = [];
  for (const match of text.matchAll(PARTS_WITH_LETTERS)) {
    const typedRun = match[0];
    if (!/[OolI]/.test(typedRun)) continue;
    const separator = match.groups!['separator']!;
    for (const span of idsInGroupedRun(lettersAsDigits(typedRun), separator, () => false)) {
      const typedParts = typedRun.slice(span.from, span.to);
      const typed = typedParts.split(separator).join('');
      if (typed.length !== 18 || typedParts === typed || typed.match(/[OolI]/g)?.length !== 1 || !letterAmongDigits(typedParts.split(separator))) continue;
      const at = match.index! + span.from;
      found.push({ start: at, end: at + typedParts.length, compact: lettersAsDigits(typed), masked: maskIdNumber(typed) });
    }
  }
  return found;
}

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
  const { text: read, origin } = separatorsAsAscii(asciiDigits(text));
  const withALetter = [...idsWithALetterForADigit(read), ...lettersForDigitsInParts(read)];
  const apartFromThose = (id: IdInText) => !withALetter.some((other) => id.start < other.end && other.start < id.end);
  // Found in the text as read, each put back where it stands in the text (an ID starts and ends with a digit or X).
  return [...idsAsRead(read).filter(apartFromThose), ...withALetter]
    .sort((a, b) => a.start - b.start)
    .map((id) => ({ ...id, start: origin[id.start]!, end: origin[id.end - 1]! + 1 }));
}

/** Every ID-like number in a text whose digits are ASCII and separators read as one character (separatorsAsAscii). */
function idsAsRead(ascii: string): IdInText[] {
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
