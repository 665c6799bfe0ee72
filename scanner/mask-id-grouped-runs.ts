// IDs keyed in groups (371329 1950 0303 0034, 3713 2919 5003 0300 34, 371329.19500303.0034), or run together with more
// digits in groups (a 序号, a mobile number, a second ID): which groups of such a run are an ID, and which are amounts,
// dates or bank accounts keyed with the same separator that staff need whole. Kept apart from mask-id.ts, which finds
// ID-like numbers in a text and masks them, because telling an ID from amounts across groups is most of the work.
import { BIRTH_DATE, MONTH_AND_DAY, PROVINCE_CODE } from './id-shape.ts';
import { computeIdCheckCharacter } from './normalise/id-number-macros.ts';

/**
 * One group of digits: an X may end it, or stand inside it where an ID ending in X has more digits run on in the same
 * groups (1101 0519 4704 2850 0X13 8123 4567 8: printed whole until 2026-12-07, an X only ended a run). The X is judged
 * with the digits (idsInGroupedRun): it is an ID's only where an ID's 18th character stands. An X may also stand alone
 * as the last group, where fours end (6958 2000 0197 4091 5537 X).
 */
const GROUP = String.raw`\d{1,17}(?:[Xx]\d{0,16})?`;
/**
 * An 18-character ID keyed in other groups, one separator throughout: 371329 1950 0303 0034, 3713 2919 5003 0300 34,
 * 371329.19500303.0034, 371329/19500303/0034, 371329_19500303_0034, and with a tab, 371329·19500303·0034 or
 * 371329，19500303，0034 (all left whole until 2026-12-06). Matched loosely
 * here (groups of digits, an X inside a group or as the last: GROUP), judged in idsInGroupedRun: 18 characters in all, or each 18 of its
 * consecutive groups, that start with a province code and hold a birth date where an ID does. A date (2026-10-05), a
 * phone number (138 0013 8000), an amount (1 400) or a 13-digit 家庭编号 and an amount beside it are none.
 */
export const GROUPED = String.raw`${GROUP}(?<separator>[ ./_\-\u3000\t·，])${GROUP}(?:\k<separator>${GROUP})*(?:\k<separator>[Xx])?`;

/** A province's code (GB/T 2260: 11 北京 … 65 新疆, 71 台湾, 81–83 港澳), then a birth date 19xx/20xx-mm-dd where an ID has it. */
export const PROVINCE_AND_BIRTH_DATE = new RegExp(String.raw`^${PROVINCE_CODE}\d{4}${BIRTH_DATE}\d{3}[\dXx]$`);

/** Where a piece stands in a match: from its first character to just past its last. */
export interface Span {
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

/** Where an 18-digit ID's parts end: its region, birth year, month and day, and sequence number. */
const ENDS_OF_AN_IDS_PARTS = new Set([6, 10, 12, 14, 17]);

/**
 * Whether 18 characters in groups are keyed as an ID is: in even groups (3713 2919 6502 0220 09), or split only where
 * its parts end (371329 19650202 2009, 371329 1965 0202 2009). Across groups of other lengths, 18 digits that hold an
 * ID's shape but not its check character may be amounts of mixed lengths (118，22220，131，2074，598: 118222 20131207
 * 4598); such groups are an ID only when its check character is right, or when they are the whole run and not keyed
 * with ， (startsOrEndsTheRun).
 */
function keyedInAnIdsParts(pieces: readonly string[]): boolean {
  if (evenGroups(pieces)) return true;
  let end = 0;
  return pieces.slice(0, -1).every((piece) => ENDS_OF_AN_IDS_PARTS.has((end += piece.length)));
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
    if (digits === 18 && PROVINCE_AND_BIRTH_DATE.test(digitsOf(last))) {
      const pieces = groups.slice(first, last + 1).map((group) => run.slice(group.from, group.to));
      if (keyedInAnIdsParts(pieces) || isCheckedId(digitsOf(last)) || startsOrEndsTheRun(separator, groups, first, last)) return last;
    }
  }
  const [length, nextLength, lengthAfter] = groups.slice(first, first + 3).map((group) => group.to - group.from);
  if (length === 6 && nextLength === 6 && lengthAfter === 3 && PROVINCE_AND_SHORT_BIRTH_DATE.test(digitsOf(first + 2))) return first + 2;
  if (length === 6 && nextLength === 9 && PROVINCE_AND_SHORT_BIRTH_DATE.test(digitsOf(first + 1))) return first + 1;
  return singleGroupIsId(groups[first]!) ? first : null;
}

/**
 * Whether groups from `first` to `last` start or end the run, keyed with a separator other than ， (which amount lists
 * use): one number typed in uneven groups, an ID even with its check character mistyped (371 321 1985 0315 1231,
 * 3713 21196910128251), alone or with a 序号, an amount or a mobile number on one side (1 371 321 1985 0315 1231,
 * 371 321 19850315 1232 700). Such a raw value is what data_quality.id-invalid quotes (原始值「…」): masked before
 * 2026-12-07, and printed whole by that day's first drafts, which asked a check character of uneven groups. With ，
 * the same digits are a list of amounts (118，22220，131，2074，597) and stay readable. (Measured on 100,000 lists of
 * 3–5-digit amounts keyed with spaces: 33 masked, against 150 before the check character and 19 for the whole run only.)
 */
function startsOrEndsTheRun(separator: string, groups: readonly Span[], first: number, last: number): boolean {
  return (first === 0 || last === groups.length - 1) && separator !== AMOUNTS_SEPARATOR;
}

/**
 * Where in a GROUPED match IDs stand: the whole match, or consecutive groups of it (an amount or a date keyed with the
 * same separator before or after the ID: 1400 371329 1950 0303 0034), each ID of it. Two co-owners' IDs in one
 * 权利人证件号码 cell (371329 1950 0303 0034 3713 2919 6004 0400 44), or 371329.19500303.0034.371329.19600404.0044,
 * showed the second ID whole until 2026-12-06: only the first was masked and the rest of the run was passed over.
 */
export function idsInGroupedRun(run: string, separator: string, singleGroupIsId: (group: Span) => boolean): Span[] {
  const groups = groupsOf(run, separator);
  const ids: Span[] = [];
  let passedOverFrom = 0;
  for (let first = 0; first <= groups.length;) {
    const last = first < groups.length ? lastGroupOfId(run, separator, groups, first, singleGroupIsId) : null;
    if (last === null && first < groups.length) {
      first++;
      continue;
    }
    // An ID run on into the digits of a group that is masked standing alone (371329 19850315 123013812345678: the
    // last 15 read as an old ID) is masked from where it starts, not from that group on (showing its birth date).
    const runOnInto = last === null || first === passedOverFrom ? null : longRunHoldingAnId(run, separator, groups.slice(passedOverFrom, last + 1));
    if (runOnInto !== null && runOnInto.from < groups[first]!.from) {
      ids.push(runOnInto);
      first = passedOverFrom = last! + 1;
      continue;
    }
    const passedOver = longRunHoldingAnId(run, separator, groups.slice(passedOverFrom, first));
    if (passedOver !== null) ids.push(passedOver);
    if (last === null) break;
    ids.push({ from: groups[first]!.from, to: groups[last]!.to });
    first = passedOverFrom = last + 1;
  }
  return ids;
}

/**
 * Of consecutive groups in which no ID ends where a group does, those from a group where an ID (or what is run on
 * before it) starts to the last, masked whole when their digits, 19 or more, hold an ID keyed as one number with more
 * digits run on (numberRunOnFrom). Groups before it (an amount) stay as they are; bank accounts of 16 to 19 digits stay
 * whole unless their first 18 are an ID to its check character.
 */
function longRunHoldingAnId(run: string, separator: string, groups: readonly Span[]): Span | null {
  const pieces = groups.map((group) => run.slice(group.from, group.to));
  // Each start is judged by the digits it begins with and facts counted once for the whole run: re-joining the rest for
  // every start took 0.9 s for a cell of 8,000 amounts (reviewer R21), and such text is in every workbook.
  const evenFrom = evenGroupsFromEach(pieces);
  let restLength = pieces.reduce((sum, piece) => sum + piece.length, 0);
  for (let first = 0; first < groups.length; restLength -= pieces[first]!.length, first++) {
    if (restLength < 19) return null;
    const rest = { leading: leadingDigits(pieces, first), length: restLength, even: evenFrom[first]! };
    if (numberRunOnFrom(rest, first === 0, separator)) return { from: groups[first]!.from, to: groups.at(-1)!.to };
  }
  return null;
}

/** The most digits numberRunOnFrom looks at from where a run starts: a mobile number with 86 (13), then an ID (18). */
const DIGITS_LOOKED_AT = 13 + 18;

/** The digits of the groups from `first` on, only as many as numberRunOnFrom looks at (all of them when fewer). */
function leadingDigits(pieces: readonly string[], first: number): string {
  let digits = '';
  for (let index = first; index < pieces.length && digits.length < DIGITS_LOOKED_AT; index++) digits += pieces[index];
  return digits;
}


/** Groups from some start on, as numberRunOnFrom judges them: their first digits, how many digits in all, even or not. */
interface RestOfRun {
  leading: string;
  length: number;
  even: boolean;
}

/**
 * Whether groups, from the first on, are an ID with more digits run on (all printed whole until 2026-12-07):
 * - an 18-digit ID that passes its check (isCheckedId) where the first group starts, with one digit run on
 *   (3713 2119 8503 1512 305: 19 digits) or more;
 * - where the groups are even (evenGroups: one number keyed in fours, not amounts of mixed lengths), an old 15-digit ID
 *   run together with another number (OLD_ID_AND_ANOTHER_NUMBER), or such an ID after a 序号 of 1 to 3 digits where
 *   the run starts (1237 1321 1985 0315 1230) or after a mobile number (1381 2345 6783 7132 …). Not the last two when
 *   keyed with ，, as amounts are: lists of 4-digit amounts typed so hold one by chance more often (measured on 300,000
 *   lists keyed with spaces: 10 in 100,000 masked, 5 before); a 序号 and an ID typed in fours with ， stays whole.
 * An old ID has no check character: across amounts of mixed lengths (51739，1160，40324，317，15296，2074 holds 517391
 * 160403 243 and 17152962074) it was read with a mobile number in 156 lists in 100,000 until 2026-12-07.
 */
function numberRunOnFrom(rest: RestOfRun, startsTheRun: boolean, separator: string): boolean {
  const digits = rest.leading;
  if (isCheckedId(digits.slice(0, 18))) return true;
  if (!rest.even) return false;
  // At most 30 digits (two old IDs) match, so only a rest whose digits are all in `leading` can.
  if (digits.length === rest.length && OLD_ID_AND_ANOTHER_NUMBER.test(digits)) return true;
  if (separator === AMOUNTS_SEPARATOR) return false;
  const before = startsTheRun ? [1, 2, 3, 11, 13] : [11, 13];
  return before.some((length) => NUMBER_BEFORE_AN_ID.test(digits.slice(0, length)) && isCheckedId(digits.slice(length, length + 18)));
}

/** The separator lists of amounts are typed with (存款 4100，1120，1012). */
const AMOUNTS_SEPARATOR = '，';

/** What is keyed before an ID in one run: a 序号 (1 to 3 digits), or a mobile number (86 before it or not). */
const NUMBER_BEFORE_AN_ID = /^(?:\d{1,3}|(?:86)?1[3-9]\d{9})$/;

/**
 * For each group, whether the groups from it on are one number keyed in even parts: every group but the last of one
 * length, the last no longer (3713 2965 0202 2001 3812 3456 78). Amounts typed in a list have mixed lengths (1500，320，
 * 12800); a list of amounts of one length is told from an ID by the ID's check character, or its rest's shape. Counted
 * once from the last group back, so that every start of a long run is judged without going over its rest again.
 */
function evenGroupsFromEach(pieces: readonly string[]): boolean[] {
  const even: boolean[] = [];
  const lastLength = pieces.at(-1)?.length ?? 0;
  // Whether the groups from this one to the one before the last all have this one's length.
  let sameLengthToSecondLast = true;
  for (let index = pieces.length - 1; index >= 0; index--) {
    if (index === pieces.length - 1) {
      even[index] = true;
      continue;
    }
    sameLengthToSecondLast = index === pieces.length - 2 || (sameLengthToSecondLast && pieces[index]!.length === pieces[index + 1]!.length);
    even[index] = sameLengthToSecondLast && lastLength <= pieces[index]!.length;
  }
  return even;
}

/** Whether groups (at least one) are one number keyed in even parts (evenGroupsFromEach, from the first). */
function evenGroups(pieces: readonly string[]): boolean {
  return evenGroupsFromEach(pieces)[0]!;
}

/**
 * Whether 18 characters are an ID to its last check: born no later than this year, and its check character right.
 * Joined amounts hold an ID's shape by chance (存款 4100，1120，1012，1500，1300 元: 410011 2010 1215 00 …, about one
 * random list of amounts in 245, masked until 2026-12-07); with both checks 6 to 7 lists of 4-digit amounts keyed with
 * ， in 100,000 still are (measured on 300,000), from every province's code alike, not only 81–83 (港澳台) as a probe
 * whose random numbers repeated (1,800 distinct lists in 300,000) had it.
 */
function isCheckedId(id: string): boolean {
  if (!PROVINCE_AND_BIRTH_DATE.test(id) || /[Xx]/.test(id.slice(0, 17)) || Number(id.slice(6, 10)) > new Date().getFullYear()) return false;
  return computeIdCheckCharacter(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/** A landline number with its area code: 010 and 02x have 3 digits, the rest 4; the number 7 or 8. */
const LANDLINE = String.raw`0(?:[12]\d|[3-9]\d{2})\d{7,8}`;
/** A mobile number, with the country code 86 before it or not. */
const MOBILE = String.raw`(?:86)?1[3-9]\d{9}`;

/**
 * A 15-digit ID (issued until 1999) run together with another number: a mobile number (26 digits, or 28 with 86
 * before it), a landline number (0539 …, 25 to 27), or a second old ID (30), before or after it. Printed whole until
 * 2026-12-07, as its short birth date (yymmdd) is nowhere holdsAnId looks.
 * Only beside such a number: a 15-digit window's shape is loose enough that one random run of 20 to 26 digits in 7 to
 * 14 holds one somewhere (measured), as a 23-digit account does (62284800112233445566778: 622848 001122 334).
 */
export const OLD_ID_AND_ANOTHER_NUMBER = new RegExp(String.raw`^(?:${OLD_ID}(?:${OLD_ID}|${MOBILE}|${LANDLINE})|(?:${MOBILE}|${LANDLINE})${OLD_ID})$`);
