// The staff text columns of a masked workbook show each ID masked (371329********1071); what staff send back is
// compared, and stored, with the full IDs the ledger holds, never with the masks written over them.
import { idsInText, maskIdsInText } from '../../mask-id.ts';

type StoredValue = string | number | null;

/** A stored value as a masked workbook shows it: the IDs in text masked, anything else as it is. */
export function asShownMasked(value: StoredValue): StoredValue {
  return typeof value === 'string' ? maskIdsInText(value) : value;
}

/** The typed text with the full IDs back in place of its masks, or why a mask in it cannot be told apart. */
export type RestoredText = { ok: true; text: string } | { ok: false; reason: string };

/** One place a mask stands in the exported text as the workbook showed it. */
interface ShownMask {
  from: number;
  to: number;
  /** The ID it masks, as it was written there (keyed in parts, full-width digits); null where the text held the mask itself. */
  written: string | null;
  /** The ID without its spaces, in ASCII: one person however keyed; null for a mask the text held as such. */
  person: string | null;
}

/** A place a mask stands in a text: from, to (end excluded). */
interface Span {
  from: number;
  to: number;
}

/**
 * Staff who add "，已上报" to a 备注 showing 「已核实 371329********1071 本人已死亡」 send the mask back with it. The text
 * is read as the workbook showed it: each place a mask of an exported ID stands there stands for that ID or, where the
 * exported text held the mask itself (「其子 371329********1071 代领（号码待补）」), for the mask. Per mask shown:
 *  - one typed with a digit or * right against it (「371329********107112月起停发」) is refused: where the mask ends
 *    cannot be told, and a mask no import matches would be stored over the full ID. A * the workbook showed against
 *    the mask on that side is the ledger's own (「*371329197001011071已核」 shows 「*371329********1071已核」) and is
 *    taken: a mask begins and ends with digits, so a * beside it is never part of it (until 2026-12-07 any edit of
 *    such a cell was refused until staff typed a space);
 *  - typed more times than shown is refused: the extra one was copied (from the 整改措施 beside it, where the same
 *    mask was the son's) and which person it is cannot be told;
 *  - one ID alone, in the cell and in the row's other texts (`rowTexts`, the 整改措施 beside a 备注): each typed is that
 *    ID, however many (fewer: staff deleted some; more: staff named her again, 「…，M 的补助自12月起停发」);
 *  - one ID in the cell, but another of that mask in the row (the 整改措施's 「追回 M（her son）代领部分」): put back only
 *    where staff kept the cell's text whole around it, each mask where it was; a mask copied in from beside, or the cell
 *    rewritten in the other column's words (「追回 M 代领部分已完成」), cannot be told from the other person;
 *  - for two IDs in the cell, or an ID and the mask itself (「371329********1071 与 371329********1071 疑为同一人」): put
 *    back by position when staff kept every one and left the text from the first to the last as shown, so the first is
 *    still the first; none kept is stored as typed; anything else is refused.
 * A mask of no exported ID is kept as typed, and an ID typed in full is the staff's own, stored as typed. A refused cell
 * is not taken: stored, the masks would go over the ledger's full IDs, the only record of who was meant. Until
 * 2026-12-07 a mask with a digit against it, or copied, went over the full ID with nothing said.
 */
export function restoreMaskedIdsOrRefuse(typed: string, exported: string | null, rowTexts: readonly string[] = []): RestoredText {
  if (exported === null) return { ok: true, text: typed };
  const { shown, masks } = shownMasks(exported);
  const replacements: { at: Span; id: string }[] = [];
  for (const [mask, shownPlaces] of masks) {
    const typedPlaces = placesOf(typed, mask);
    if (typedPlaces.length === 0) continue;
    const against = typedPlaces.map((at) => runsOnAgainst(typed, at, shown, shownPlaces)).find((problem) => problem !== null);
    if (against) return { ok: false, reason: maskRunsOn(mask, against) };
    const meanings = new Set(shownPlaces.map((place) => place.person ?? mask));
    const inRow = othersInRow(mask, meanings, rowTexts);
    const inPlace = inRow ? keptWhole(typed, typedPlaces, shown, shownPlaces) : keptInPlace(typed, typedPlaces, shown, shownPlaces);
    if ((meanings.size > 1 || inRow) && !inPlace) {
      return { ok: false, reason: cannotTell(mask, shownPlaces, typedPlaces.length, inRow) };
    }
    // Kept in place, each is the one shown there (written as it was keyed); else all are the one ID shown.
    typedPlaces.forEach((at, position) => {
      const written = (inPlace ? shownPlaces[position]! : shownPlaces[0]!).written;
      if (written !== null) replacements.push({ at, id: written });
    });
  }
  return { ok: true, text: replaceSpans(typed, replacements) };
}

/**
 * As restoreMaskedIdsOrRefuse, a mask that cannot be told apart left as typed: only to ask whether a text is one the
 * ledger holds already (row-changes.ts alreadyInLedger), never to store.
 */
export function restoreMaskedIds(typed: string, exported: string | null): string {
  const restored = restoreMaskedIdsOrRefuse(typed, exported);
  return restored.ok ? restored.text : typed;
}

/**
 * Whether the typed text is the stored one with some, all or none of its IDs masked as a workbook masks them, the rest
 * as stored: a cell imported before, read back (row-changes.ts alreadyInLedger). Staff who kept her mask and typed her
 * son's ID in full beside it (「死者371329********1071，代领人371329196501011071已追回」) sent text the ledger stores
 * with both IDs full; masked whole it is no longer what they typed, and his ID masks as hers does, so the masks alone
 * cannot say which is which. Until 2026-12-07 the same workbook imported again was refused (exit 2) as changed since
 * the export. Each of the stored text's IDs is matched where it stands, so no mask is read as any other person's.
 */
export function storedWithSomeIdsMasked(typed: string, stored: string): boolean {
  let at = 0;
  let from = 0;
  for (const id of idsInText(stored)) {
    const between = stored.slice(from, id.start);
    if (!typed.startsWith(between, at)) return false;
    at += between.length;
    // The ID as stored, or its mask: never both at once (a mask has * where an ID has a digit or a separator).
    const form = [stored.slice(id.start, id.end), id.masked].find((candidate) => typed.startsWith(candidate, at));
    if (form === undefined) return false;
    at += form.length;
    from = id.end;
  }
  return typed.slice(at) === stored.slice(from);
}

/**
 * The exported text as the workbook showed it, and by each mask of an ID in it every place that mask stands there: the
 * IDs, and the mask itself where the text held it (not inside an ID's mask).
 */
function shownMasks(exported: string): { shown: string; masks: Map<string, ShownMask[]> } {
  const masks = new Map<string, ShownMask[]>();
  let shown = '';
  let from = 0;
  for (const id of idsInText(exported)) {
    shown += exported.slice(from, id.start);
    const place = { from: shown.length, to: shown.length + id.masked.length, written: exported.slice(id.start, id.end), person: id.compact.toUpperCase() };
    shown += id.masked;
    from = id.end;
    masks.set(id.masked, [...(masks.get(id.masked) ?? []), place]);
  }
  shown += exported.slice(from);
  const idPlaces = [...masks.values()].flat();
  for (const [mask, places] of masks) {
    const literal = placesOf(shown, mask).filter((at) => !idPlaces.some((place) => at.from < place.to && place.from < at.to));
    places.push(...literal.map((at) => ({ ...at, written: null, person: null })));
    places.sort((a, b) => a.from - b.from);
  }
  return { shown, masks };
}

/** Every place the mask stands in the text, digits or * beside it or not (digitAgainst judges those). */
function placesOf(text: string, mask: string): Span[] {
  const places: Span[] = [];
  for (let at = text.indexOf(mask); at !== -1; at = text.indexOf(mask, at + mask.length)) places.push({ from: at, to: at + mask.length });
  return places;
}

const RUNS_ON = /[0-9０-９*＊]/;
const STAR = /[*＊]/;

type Side = '前' | '后';

/**
 * A digit or * typed right against the mask, before or after: where the mask ends cannot be told. A * the workbook
 * showed on that side of this mask is not one: it came from the ledger's text, and the ID put back beside it reads as
 * one again (no digit runs on), so the next export shows the same mask. A digit never is: the ledger's IDs stand apart
 * from digits, so one against a mask was typed, and the ID put back would run on into a longer number.
 */
function runsOnAgainst(text: string, at: Span, shown: string, shownPlaces: readonly ShownMask[]): { side: Side; character: string } | null {
  for (const side of ['前', '后'] as const) {
    const character = besideSpan(text, at, side);
    if (character === undefined || !RUNS_ON.test(character)) continue;
    if (STAR.test(character) && shownPlaces.some((place) => besideSpan(shown, place, side) === character)) continue;
    return { side, character };
  }
  return null;
}

/** The character right before or right after a span of the text, if any. */
function besideSpan(text: string, at: Span, side: Side): string | undefined {
  return side === '前' ? text[at.from - 1] : text[at.to];
}

/** The row's other texts quote another person of this mask than the cell does (masked alike in the workbook). */
function othersInRow(mask: string, meanings: ReadonlySet<string>, rowTexts: readonly string[]): boolean {
  return rowTexts.some((text) => idsInText(text).some((id) => id.masked === mask && !meanings.has(id.compact.toUpperCase())));
}

/** Staff kept the cell's whole text as the workbook showed it (adding before or after it): each mask is where it was. */
function keptWhole(typed: string, typedPlaces: readonly Span[], shown: string, shownPlaces: readonly ShownMask[]): boolean {
  const at = typed.indexOf(shown);
  return at !== -1 && typedPlaces.length === shownPlaces.length && typedPlaces.every((place, index) => place.from === at + shownPlaces[index]!.from);
}

/** Staff kept every place the mask was shown, and the text from the first to the last as the workbook showed it. */
function keptInPlace(typed: string, typedPlaces: readonly Span[], shown: string, shownPlaces: readonly ShownMask[]): boolean {
  if (typedPlaces.length !== shownPlaces.length) return false;
  const typedSpan = typed.slice(typedPlaces[0]!.from, typedPlaces[typedPlaces.length - 1]!.to);
  return typedSpan === shown.slice(shownPlaces[0]!.from, shownPlaces[shownPlaces.length - 1]!.to);
}

function maskRunsOn(mask: string, against: { side: Side; character: string }): string {
  return `此格中掩码「${mask}」${against.side}紧接「${against.character}」，无法确定掩码的范围，未导入，台账保留原值；`
    + `请在掩码与「${against.character}」之间加空格或标点，或改填完整身份证号后重新导入`;
}

/** What the mask stood for in the cell as exported, what staff changed, and what to do. */
function cannotTell(mask: string, shownPlaces: readonly ShownMask[], typedTimes: number, anotherInRow: boolean): string {
  const people = new Set(shownPlaces.flatMap((place) => (place.person === null ? [] : [place.person]))).size;
  const asText = shownPlaces.some((place) => place.person === null) ? '及原文中的该掩码' : '';
  const onePerson = people === 1 && !asText;
  const stoodFor = onePerson
    ? `在此格中代表 1 个身份证号，同一行其他栏中又代表另一个身份证号`
    : `代表 ${people === 1 ? '1 个' : `${people} 个不同的`}身份证号${asText}`;
  const times = `导出时此格中出现 ${shownPlaces.length} 次，现在`;
  const [what, fix] = typedTimes > shownPlaces.length
    ? [`${times}有 ${typedTimes} 次，多出的可能复制自别处`, '请删去多出的掩码']
    : typedTimes < shownPlaces.length
      ? [`${times}只剩 ${typedTimes} 次，删去的是哪个无法确定`, '请保留这些掩码及其间文字不变']
      : anotherInRow && onePerson
        ? ['此格原文已改写', '请保留此格原文，只在其前后添加']
        : ['掩码的顺序或其间文字已改动', '请保留这些掩码及其间文字不变'];
  return `导出时「${mask}」${stoodFor}，此格中的该掩码无法确定${onePerson ? '' : '各'}指何人（${what}），未导入，台账保留原值；`
    + `${fix}；或用 rollsweep ledger set 改填，或导出不脱敏的台账（--unmask）填写完整身份证号后重新导入`;
}

function replaceSpans(text: string, replacements: readonly { at: Span; id: string }[]): string {
  let result = '';
  let from = 0;
  for (const { at, id } of [...replacements].sort((a, b) => a.at.from - b.at.from)) {
    result += text.slice(from, at.from) + id;
    from = at.to;
  }
  return result + text.slice(from);
}
