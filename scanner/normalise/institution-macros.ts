// rs_institution_key: which financial institution a deposits row names, however the list spells it. Two 核对 rounds
// (or a list kept by hand) write one bank as 农行 and 中国农业银行城关支行: keyed as written, June's balance was not
// replaced by September's, the two were added up, and a family could be reported over the asset limit (high) on a
// balance counted twice.
import { CITY_PLACES, COUNTY_PLACES } from './county-level-places.ts';
import { defineMacro, type MacroDefinition } from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';

/**
 * The large banks: a full name anywhere in the value (中国农业银行股份有限公司城关支行, 农业银行), a short name only at its
 * start or after a place (农行营业部, XX县农行, 城关镇建行; inside a word, 福建行 is no 建行). Every branch of one bank is one
 * institution.
 */
const LARGE_BANKS: readonly { key: string; fullName: string; shortName: string }[] = [
  { key: '中国农业银行', fullName: '农业银行', shortName: '农行' },
  { key: '中国工商银行', fullName: '工商银行', shortName: '工行' },
  { key: '中国建设银行', fullName: '建设银行', shortName: '建行' },
  { key: '中国银行', fullName: '中国银行', shortName: '中行' },
  { key: '交通银行', fullName: '交通银行', shortName: '交行' },
  // 邮政储蓄 also at a post office's counter (中国邮政, 邮政局): the same 邮储 accounts.
  { key: '中国邮政储蓄银行', fullName: '邮政', shortName: '邮储' },
];

/**
 * A county's 农商行 and its 信用社 go by many names (XX农村商业银行股份有限公司, XX农商银行, 农商行; XX县农村信用合作联社,
 * 农信社; between the two, XX农村合作银行): the 信用社 of a county were reorganised into its 农商行 (or 农村合作银行), so
 * where the name says the county, the three are one institution of that county (临沭县农村信用合作联社 and 临沭农商银行:
 * until 2026-12-06 two, and two 核对 rounds of one account there were summed, a false high finding). Two counties' are
 * two banks. A name that says no county (农商行, 信用社, 城关镇信用社) cannot be told of which: the 农商行 are one
 * institution and the 信用社 another, as before, and neither is a county's (a 村镇银行 is another bank altogether).
 * A bare place (no 县/区/旗/市) before a 农商行 or a 联社 is its county (临沭农商银行, 临沭农村信用合作联社: only a county
 * has one) where it is the name of a real county or city (COUNTY_PLACES, CITY_PLACES: GB/T 2260); a township's name so
 * written (店头农商行, the 店头镇 branch of 临沭's) says no county. Before a plain 信用社 a bare place says no county
 * either: it is as often a township's. Until 2026-12-06 店头信用社 and then 店头农商行 were keyed 店头农村商业银行,
 * another bank than 临沭县农村信用合作联社, and the two rounds of one account were summed (a false high finding).
 */
const RURAL_BANKS = { key: '农村商业银行', words: '农村商业银行|农商银行|农商行|农村合作银行|农合行' };
const RURAL_CREDIT = { key: '农村信用社', words: '农村信用|信用社|信用合作|信用联社|农信' };
/** A province before the county (山东省临沭县…, 山东临沭农村商业银行): not the county. */
const PROVINCE = '^([^省]+省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)';
const PROVINCE_SHORT = '^(河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)([^市].+)$';
/**
 * A county-level unit (临沭县, 河东区, the last of 临沂市临沭县), else a city that ends the place (新泰市, the last of
 * 泰安市新泰市). A city followed by more of a place is the county only where it is a county-level city (新泰市羊流镇,
 * COUNTY_PLACES); a prefecture so followed (临沂市店头, 临沂市临沭) names no county, and what follows is read as a bare
 * place. Until 2026-12-06 临沂市店头信用社 (a township's) was keyed to the county 临沂, another bank than
 * 临沭县农村信用合作联社, and two 核对 rounds of one account there were summed (a false high finding); for a few hours
 * of that day 新泰市羊流镇信用社 then said no county, and beside another county's bank its two rounds were summed.
 */
const COUNTY_UNIT = '[^省市县区旗]+[县区旗]';
const CITY_UNIT = '[^省市县区旗]+市$';
/** The last city of a place that goes on after it (新泰 of 新泰市羊流镇, 临沂 of 临沂市店头). */
const CITY_BEFORE_MORE = '([^省市县区旗]+)市[^市]+$';
/** The place after its last city (临沂市临沭 gives 临沭): a bare place, a county only before a county's own bank. */
const AFTER_CITY = '^.*市';
/** A place ending as a township does (城关镇, 店头乡, XX街道): no county said. */
const TOWNSHIP_END = '(镇|乡|街道|办事处)$';
/** A county's own rural bank, whose bare place is its county: a 农商行 (农村合作银行) or the county's 联社. */
const COUNTY_LEVEL_WORDS = `${RURAL_BANKS.words}|联社`;
/** The place after its last city, in rs_rural_bank_county. */
const BARE_PLACE = `regexp_replace(rs_place, ${sqlString(AFTER_CITY)}, '')`;
/** The real counties' and cities' bare names (GB/T 2260), as SQL lists: a bare place is a county only if it is one. */
const sqlList = (names: readonly string[]) => `[${[...new Set(names)].map(sqlString).join(', ')}]`;
const COUNTY_LIST = sqlList(COUNTY_PLACES);
const COUNTY_OR_CITY_LIST = sqlList([...COUNTY_PLACES, ...CITY_PLACES]);
const CITY_LIST = sqlList(CITY_PLACES);

/**
 * Every key that names itself: a list that spells its banks as the keys do (the common case) is keyed at one comparison.
 * Grouping B1M's million deposits rows by key took 0.29–0.35 s without it, 0.15–0.22 s with it (by the name as written
 * 0.09–0.25 s).
 */
const KEYS = [...LARGE_BANKS.map((bank) => bank.key), RURAL_BANKS.key, RURAL_CREDIT.key];
/** What follows a company's name: its legal form, then the branch (华泰证券股份有限公司XX营业部). */
const LEGAL_FORM_ONWARDS = '(股份有限公司|有限责任公司|有限公司).*$';

/** The last character of a place's name (XX省, XX市, XX县, XX区, XX镇, XX乡), after which a short name may follow. */
const PLACE_END = '[省市县区镇乡]';

/**
 * A short name at the start or after a place, its second group the short name. One pattern for all of them: a test
 * of its own for each took 0.63 s to key B1M's million deposits rows spelled as branches (中国农业银行城关支行 …), one
 * 0.26–0.30 s.
 */
const SHORT_NAME = `(^|${PLACE_END})(${LARGE_BANKS.map((bank) => bank.shortName).join('|')})`;
const byShortName = `CASE regexp_extract(name, ${sqlString(SHORT_NAME)}, 2)
      ${LARGE_BANKS.map(({ key, shortName }) => `WHEN ${sqlString(shortName)} THEN ${sqlString(key)}`).join(' ')} END`;

export const INSTITUTION_MACROS: readonly MacroDefinition[] = [
  // Internal. The place a rural bank's name states before its first rural word, punctuation and province dropped
  // (临沭县, 临沂市河东区, 店头; 山东临沭 gives 临沭); '' where it states none.
  defineMacro('rs_rural_bank_place', ['name'], `regexp_replace(regexp_replace(regexp_replace(
      regexp_extract(name, ${sqlString(`^(.*?)(${RURAL_BANKS.words}|${RURAL_CREDIT.words})`)}, 1),
      '[^\\p{Han}A-Za-z0-9]', '', 'g'), ${sqlString(PROVINCE)}, ''), ${sqlString(PROVINCE_SHORT)}, '\\2')`),

  // Internal. The county a rural bank's name states (临沭县农村信用合作联社, 山东临沭农村商业银行, 临沂市河东区农商银行城关支行),
  // without 县/区/市 (临沭县 and 临沭 are one); NULL where it states none. A bare place is a county only before a
  // county's own bank (COUNTY_LEVEL_WORDS) and where a real county or city has that name (日照农商银行 is a city's): 店头信用社
  // and 店头农商行 state no county. Else a county-level city before more of a place (新泰市羊流镇信用社) is the county.
  defineMacro('rs_rural_bank_county', ['name'], `list_transform([rs_rural_bank_place(name)], lambda rs_place:
    nullif(regexp_replace(coalesce(
      regexp_extract_all(rs_place, ${sqlString(COUNTY_UNIT)})[-1],
      nullif(regexp_extract(rs_place, ${sqlString(CITY_UNIT)}), ''),
      CASE WHEN regexp_matches(name, ${sqlString(COUNTY_LEVEL_WORDS)}) AND NOT regexp_matches(rs_place, ${sqlString(TOWNSHIP_END)})
        AND list_contains(${COUNTY_OR_CITY_LIST}, ${BARE_PLACE}) THEN ${BARE_PLACE} END,
      CASE WHEN list_contains(${COUNTY_LIST}, regexp_extract(rs_place, ${sqlString(CITY_BEFORE_MORE)}, 1))
        THEN regexp_extract(rs_place, ${sqlString(CITY_BEFORE_MORE)}, 1) END), '[县区旗市]$', ''), ''))[1]`),

  // Internal. A 村镇银行's key: its name up to 村镇银行, without the province or prefecture before it, and its county
  // without 县/区/市 (山东临沭民丰村镇银行股份有限公司店头支行, 临沭县民丰村镇银行 and 临沭民丰村镇银行 are one; until
  // 2026-12-06 two or three, and two rounds of one account were summed).
  defineMacro('rs_village_bank_key', ['name'], `list_transform([list_transform([regexp_replace(regexp_replace(regexp_replace(
      regexp_extract(name, '^(.*?)村镇银行', 1), '[^\\p{Han}A-Za-z0-9]', '', 'g'), ${sqlString(PROVINCE)}, ''), ${sqlString(PROVINCE_SHORT)}, '\\2')],
    lambda rs_place: CASE WHEN list_contains(${CITY_LIST}, regexp_extract(rs_place, '^([^市]+)市.', 1))
      THEN regexp_replace(rs_place, '^[^市]+市', '') ELSE rs_place END)[1]],
    lambda rs_local: CASE WHEN list_contains(${COUNTY_LIST}, regexp_extract(rs_local, '^([^县区市旗]+)[县区市旗].', 1))
      THEN regexp_replace(rs_local, '^([^县区市旗]+)[县区市旗]', '\\1') ELSE rs_local END || '村镇银行')[1]`),

  // name: rs_text'd (half-width, no spaces). Other banks: the name up to its first 银行, 中国 before it dropped
  // (中国光大银行XX支行 and 光大银行 are one; XX村镇银行 and YY村镇银行 stay apart); anything else: the name before its legal form.
  defineMacro('rs_institution_key', ['name'], `CASE
    WHEN name IN (${KEYS.map(sqlString).join(', ')}) THEN name
    ${LARGE_BANKS.map(({ key, fullName }) => `WHEN contains(name, ${sqlString(fullName)}) THEN ${sqlString(key)}`).join('\n    ')}
    WHEN regexp_matches(name, ${sqlString(`${RURAL_BANKS.words}|${RURAL_CREDIT.words}`)}) THEN coalesce(
      rs_rural_bank_county(name) || ${sqlString(RURAL_BANKS.key)},
      CASE WHEN regexp_matches(name, ${sqlString(RURAL_BANKS.words)}) THEN ${sqlString(RURAL_BANKS.key)} ELSE ${sqlString(RURAL_CREDIT.key)} END)
    WHEN regexp_matches(name, ${sqlString(SHORT_NAME)}) THEN ${byShortName}
    WHEN contains(name, '村镇银行') THEN rs_village_bank_key(name)
    WHEN contains(name, '银行') THEN regexp_extract(regexp_replace(name, '^中国', ''), '^(.*?银行)', 1)
    ELSE coalesce(nullif(regexp_replace(name, ${sqlString(LEGAL_FORM_ONWARDS)}, ''), ''), name)
  END`),
];

/**
 * The value map of the deposits' 金融机构 column (value-maps.ts), over its distinct raw cells: each keyed by
 * rs_institution_key in simplified characters. A rural bank whose name says no county (农商行, 信用社, 店头信用社) is the
 * county's its bare place names where the lists name that county's bank elsewhere (临沭信用社 beside 临沭县农村信用合作联社),
 * else the county's where the lists name rural banks of one county only (a township's 核对 feedback: 临沭农商银行 in one
 * round, 农商行 or 店头信用社 in the other, were one institution until 2026-12-06 made the county part of the key, and must
 * stay one); beside two counties' it stays apart from all, its balances added up.
 */
export const institutionValueMap = (distinctRaw: string) => `WITH keyed AS (
    SELECT m_raw, rs_institution_key(m_simplified) AS m_key,
      nullif(regexp_replace(rs_rural_bank_place(m_simplified), ${sqlString(AFTER_CITY)}, ''), '') || ${sqlString(RURAL_BANKS.key)} AS m_place_key
    FROM (SELECT m_raw, rs_to_simplified(rs_text(m_raw)) AS m_simplified FROM (${distinctRaw}))),
  counties AS (SELECT list(DISTINCT m_key) FILTER (WHERE m_key LIKE ${sqlString(`_%${RURAL_BANKS.key}`)}) AS keys FROM keyed)
  SELECT m_raw, CASE WHEN m_key IN (${sqlString(RURAL_BANKS.key)}, ${sqlString(RURAL_CREDIT.key)}) THEN coalesce(
      CASE WHEN list_contains(keys, m_place_key) THEN m_place_key END, CASE WHEN len(keys) = 1 THEN keys[1] END, m_key)
    ELSE m_key END AS m_value
  FROM keyed, counties`;
