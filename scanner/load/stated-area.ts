// A roll whose 救助类别 says only 低保 (最低生活保障) often states its area once, elsewhere: in its title (店头镇2026年10月
// 农村低保花名册), its sheet's name (农村) or its file's name (城市低保.csv). Until 2026-12-06 every such row was
// data_quality.program-unknown, and no standard, amount or deposit check ran for it: a township's whole 农村低保 roll
// unchecked. The area such a roll states is given to each of its rows (stated_area), read where the row's own 救助类别
// and 城乡类别 say none (ROLL_PROGRAM_COLUMNS below). A place naming both areas (城市、农村低保; 城乡低保) states none, and places
// that state different ones (a title of 城市低保 in a file named 农村低保) state none either: which is right is the
// village's to say, and the rows stay program-unknown, with a warning naming both (program-area-warnings.ts).
// Never a guess from a village's or a town's name: 城镇 in 新城镇 is no area.
import type { RawRow } from '../read/raw-row.ts';
import { foldFullWidth } from '../datasets/headers.ts';
import type { HeaderSearch, LocatedHeader } from './header-row.ts';
import { statedPlaces } from './stated-month.ts';
import { mappedField } from './value-maps.ts';

export type ProgramArea = '农村' | '城市';

export interface StatedArea {
  /** The area every place that states one states; null when they disagree. */
  area: ProgramArea | null;
  /** Where it is written (标题「…」, 工作表名「…」, 文件名「…」), or what each place says where they disagree. */
  where: string;
}

/** The roll columns every row of such a list is given (catalog.ts): the area, and where it is written. */
export const STATED_AREA_COLUMN = 'stated_area';
export const STATED_AREA_WHERE_COLUMN = 'stated_area_where';

/** 城镇低保 is 城市低保 (data-contract.md's program values); traditional forms (農村, 城鎮) as a roll kept in them writes. */
const AREA_OF: Record<string, ProgramArea | 'both'> = { 农村: '农村', 農村: '农村', 城市: '城市', 城镇: '城市', 城鎮: '城市', 城乡: 'both', 城鄉: 'both' };
/**
 * Where an area word may begin: the text's start, after a character that is not Chinese (2026-10农村低保, 、) or after
 * the end of a date or a place's name (10月, 店头镇, 临沭县, 东村). Not inside a name: 新城镇低保花名册 is 新城镇's roll,
 * 新农村低保花名册 the 新农村 village's, neither an area's.
 */
const WORD_START = String.raw`(?<=^|[^\p{Script=Han}]|[年月份镇鎮乡鄉县縣区區市村社居])`;
/** An area word just before the program (农村低保, 城市居民最低生活保障). */
const AREA_BEFORE_PROGRAM = new RegExp(String.raw`${WORD_START}(农村|農村|城市|城镇|城鎮)(?:居民)?(?:低保|最低生活保障)`, 'gu');
/** An area word standing alone: the whole text (a sheet named 农村) or all of a bracket (低保花名册（城市）). */
const AREA_ALONE = /(?:^|[(\[【〔])(农村|農村|城市|城镇|城鎮)(?:$|[)\]】〕])/gu;
/** Every area word: a text holding two areas' (城市、农村低保, 城乡低保) states none. */
const ANY_AREA_WORD = new RegExp(String.raw`${WORD_START}(?:农村|農村|城市|城镇|城鎮|城乡|城鄉)`, 'gu');

/** The one area a text states, or null. */
export function areaStatedIn(text: string): ProgramArea | null {
  const folded = foldFullWidth(text).replace(/\s+/g, '');
  const stated = new Set([...folded.matchAll(AREA_BEFORE_PROGRAM), ...folded.matchAll(AREA_ALONE)].map((m) => AREA_OF[m[1]!]!));
  const named = new Set([...folded.matchAll(ANY_AREA_WORD)].map((m) => AREA_OF[m[0]]!));
  if (stated.size !== 1 || named.size !== 1) return null;
  const [area] = stated;
  return area === 'both' ? null : area!;
}

/**
 * The area a list states above its header (`titleRows`), in its sheet's name or its file's name: the one they state
 * (where: the most particular place that states it), null with each place named where they disagree, undefined where
 * none states one.
 */
export function statedArea(titleRows: readonly RawRow[], sheet: string | undefined, fileName: string): StatedArea | undefined {
  const stating = statedPlaces(titleRows, sheet, fileName)
    .flatMap(({ text, where }) => { const area = areaStatedIn(text); return area ? [{ area, where }] : []; });
  if (stating.length === 0) return undefined;
  if (stating.every(({ area }) => area === stating[0]!.area)) return stating[0]!;
  return { area: null, where: stating.map(({ area, where }) => `${where}写${area}`).join('，') };
}

/** A roll header found: the area its title rows (`leadingRows` above the header), sheet or file name states, if any. */
export function withStatedArea(search: HeaderSearch, leadingRows: readonly RawRow[], sheet: string | undefined, fileName: string): HeaderSearch {
  if (!search.found || search.header.match.dataset !== 'roll') return search;
  const area = statedArea(leadingRows.filter((leading) => leading.line < search.header.row.line), sheet, fileName);
  return area ? { found: true, header: { ...search.header, statedArea: area } } : search;
}

/** The constant columns a roll's located header gives its rows: the area it states (if any) and where. */
export const statedAreaConstants = ({ statedArea: stated }: Pick<LocatedHeader, 'statedArea'>): [string, string][] => {
  if (!stated) return [];
  return [...(stated.area ? [[STATED_AREA_COLUMN, stated.area] as [string, string]] : []), [STATED_AREA_WHERE_COLUMN, stated.where]];
};

const FAMILY = mappedField({ name: 'program' }, 'program', 'm_family');
const AREA_WRITTEN = mappedField({ name: 'program' }, 'program', 'm_area');
const ROW_AREA = mappedField({ name: 'household_area' }, 'household_area');
/** A 低保 row whose 救助类别 names no one area (低保, 最低生活保障, 城乡低保): its area is to be read elsewhere. */
const DIBAO_WITHOUT_AREA = `(${FAMILY} = '低保' AND ${AREA_WRITTEN} IS NULL)`;
/**
 * The row's area: as its 救助类别 writes it; for a 低保 row whose 救助类别 names none, its 城乡类别 (户籍性质) column's, else
 * the area its list states in its title, sheet or file name (above); else none (data_quality.program-unknown).
 * area_from says where it was read when not from the 救助类别: 城乡类别「…」, or the list's place (标题「…」); for a row
 * left without one where the list's places disagree, what each says (program-area-warnings.ts warns of both). 特困
 * keeps rs_program's area (农村 unless the value names one): the list's name is not read for it.
 */
const AREA = `coalesce(${AREA_WRITTEN}, CASE WHEN ${DIBAO_WITHOUT_AREA} THEN coalesce(${ROW_AREA}, stated_area) END)`;
const AREA_FROM = `CASE WHEN ${DIBAO_WITHOUT_AREA} THEN CASE
    WHEN ${ROW_AREA} IS NOT NULL THEN '城乡类别「' || rs_text(household_area) || '」' ELSE stated_area_where END END`;

/**
 * The program as read: as written, but a 低保 whose area was read elsewhere is written with it (城市低保). Findings and the
 * ledger's roll keep this program, and a month's carry-over compares areas by it: kept as written (低保), a dead man's
 * finding on the 城市低保 roll was closed as 自动销号 the month only the 农村 roll came, nobody having looked for him
 * (until 2026-12-06).
 */
const PROGRAM_AS_READ = `CASE WHEN ${DIBAO_WITHOUT_AREA} AND ${AREA} IS NOT NULL THEN ${AREA} || '低保' ELSE rs_text(program) END`;

/** The roll's typed program columns (special-columns.ts): as read (above), its family, its area and where that was read. */
export const ROLL_PROGRAM_COLUMNS: Record<string, string[]> = {
  program: [`${PROGRAM_AS_READ} AS program`, `${FAMILY} AS family`, `${AREA} AS area`, `${AREA_FROM} AS area_from`],
  [STATED_AREA_COLUMN]: [],
  [STATED_AREA_WHERE_COLUMN]: [],
};
