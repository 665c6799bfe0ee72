// rs_institution_key: which financial institution a deposits row names, however the list spells it. Two 核对 rounds
// (or a list kept by hand) write one bank as 农行 and 中国农业银行城关支行: keyed as written, June's balance was not
// replaced by September's, the two were added up, and a family could be reported over the asset limit (high) on a
// balance counted twice.
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
 * 农信社): one of each to a county's residents, so each is one institution. The two are kept apart (renamed years ago,
 * their rounds are not one another's).
 */
const RURAL_BANKS = { key: '农村商业银行', words: '农村商业银行|农商银行|农商行' };
const RURAL_CREDIT = { key: '农村信用社', words: '信用社|信用合作|信用联社|农信' };
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
  // name: rs_text'd (half-width, no spaces). Other banks: the name up to its first 银行, 中国 before it dropped
  // (中国光大银行XX支行 and 光大银行 are one; XX村镇银行 stay apart); anything else: the name before its legal form.
  defineMacro('rs_institution_key', ['name'], `CASE
    WHEN name IN (${KEYS.map(sqlString).join(', ')}) THEN name
    ${LARGE_BANKS.map(({ key, fullName }) => `WHEN contains(name, ${sqlString(fullName)}) THEN ${sqlString(key)}`).join('\n    ')}
    WHEN regexp_matches(name, ${sqlString(RURAL_BANKS.words)}) THEN ${sqlString(RURAL_BANKS.key)}
    WHEN regexp_matches(name, ${sqlString(RURAL_CREDIT.words)}) THEN ${sqlString(RURAL_CREDIT.key)}
    WHEN regexp_matches(name, ${sqlString(SHORT_NAME)}) THEN ${byShortName}
    WHEN contains(name, '银行') THEN regexp_extract(regexp_replace(name, '^中国', ''), '^(.*?银行)', 1)
    ELSE coalesce(nullif(regexp_replace(name, ${sqlString(LEGAL_FORM_ONWARDS)}, ''), ''), name)
  END`),
];
