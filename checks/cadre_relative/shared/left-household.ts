// Whether a roll row's person left his household (迁出, 分户, 死亡 …): such a row links no one to a cadre (cadre_relative).
import { DEATH_WORD, MOVED_OUT_WORD } from '../../../scanner/normalise/category-words.ts';
import { eitherScriptPattern } from '../../../scanner/normalise/traditional-to-simplified.ts';
import { sqlString } from '../../../scanner/sql-text.ts';

/**
 * A roll status that says the person left the household, not only that the roll stopped paying him: a move out (迁出,
 * 户口迁出, 迁移, 外迁, 转出 …, as the loader reads a move), a split into a household of his own (分户, 另立户), a marriage
 * out (出嫁, 入赘), a 户口 cancelled (户口注销, 参军, 入伍) or a death (死亡, 病故, 已故 …). 停保 and 退保 alone, or with a
 * reason that is no such word (停保（任职）, 退保（收入超标）), say only that he is no longer paid. Such a word denied or
 * not yet done (未迁出, 户口未迁出, 拟迁出, 申请分户, 未办理迁出) does not count, nor a way of paying (分户施保), nor a
 * value that also names a return (迁出后迁回, 迁入).
 */
const LEFT_HOUSEHOLD_WORD = `${MOVED_OUT_WORD}|迁移|分户|另立户|单独立户|出嫁|外嫁|嫁出|入赘|户口注销|注销户口|户籍注销|注销户籍|参军|入伍|${DEATH_WORD}|已故`;
const LEFT_HOUSEHOLD_DENIED = `(?:未|不|没有?|无|非|拟|待|预|申请|建议|提请|准备|误)(?:办理?|已|曾|再|能|予|经)?(?:${LEFT_HOUSEHOLD_WORD})|分户(?:施保|保障|救助|纳入|享受)`;
const RETURN_WORD = '迁回|回迁|迁入|迁移入';
/** A word pattern as a regexp literal that also matches its words in traditional characters. */
const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/**
 * Whether the roll row `alias` says its person left the household. The words are matched in either script (遷出 is
 * 迁出) as they stand in the value: converting it first (rs_category_text) costs a third of a second to plan in each
 * query. Most such rows are 退保 (迁出) or 停保 (停保（迁出）) already; some are read as 在保 and reported (死亡, 分户,
 * 在保（已迁出）). A row without the words costs one failed match.
 */
export const leftHousehold = (alias: string) => `coalesce(regexp_matches(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_WORD)})
      AND regexp_matches(regexp_replace(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_DENIED)}, '', 'g'), ${words(LEFT_HOUSEHOLD_WORD)})
      AND NOT regexp_matches(${alias}.status_raw, ${words(RETURN_WORD)}), false)`;

/**
 * The roll row `alias` is its person's, in its household, for the cadre_relative checks: read 在保 and not saying that he
 * left (a row 死亡 or 分户 is read as 在保 by the loader; it makes no one a cadre's relative, nor the cadre a recipient).
 */
export const stillInHousehold = (alias: string) => `${alias}.active AND NOT ${leftHousehold(alias)}`;

/**
 * The status of the cadre's row `alias` for a same-household link's evidence: as the roll writes it beside how it is
 * read (干部本人退保（退出）, 干部本人停保（任职）), or that it could not be read; nothing for a row 在保.
 */
export const cadreStatusNote = (alias: string) => `CASE
    WHEN NOT ${alias}.active THEN '，干部本人' || CASE WHEN contains(coalesce(rs_text(${alias}.status_raw), ''), ${alias}.status)
      THEN rs_text(${alias}.status_raw) ELSE ${alias}.status || coalesce('（' || rs_text(${alias}.status_raw) || '）', '') END
    WHEN ${alias}.status IS NULL AND rs_text(${alias}.status_raw) IS NOT NULL
      THEN '，干部本人状态「' || rs_text(${alias}.status_raw) || '」无法识别，按在保计'
    ELSE '' END`;
