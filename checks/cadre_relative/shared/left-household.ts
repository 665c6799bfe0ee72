// Whether a roll row's person left his household (迁出, 分户, 死亡 …): such a row links no one to a cadre (cadre_relative).
import { DEATH_WORD, MOVED_OUT_WORD } from '../../../scanner/normalise/category-words.ts';
import { eitherScriptPattern } from '../../../scanner/normalise/traditional-to-simplified.ts';
import { sqlString } from '../../../scanner/sql-text.ts';

/**
 * A roll status that says the person left the household, not only that the roll stopped paying him: a move out (迁出,
 * 户口迁出, 迁移, 外迁, 转出 …, as the loader reads a move), a split into a household of his own (分户, 另立户), a marriage
 * out (出嫁, 入赘; on a row no longer paid also 结婚, 嫁到, 迁至 a place: LEFT_UNPAID_WORD), a 户口 cancelled (户口注销,
 * 参军, 入伍) or a death (死亡, 病故, 已故 …). 停保 and 退保 alone, or with a reason that is no such word (停保（任职）,
 * 退保（收入超标）), say only that he is no longer paid. Such a word denied or not yet done (未迁出, 户口未迁出, 拟迁出,
 * 申请分户, 未办理迁出) does not count, nor a way of paying (分户施保), nor a value that also names a return (迁出后迁回,
 * 迁入), nor the head's leaving on another's row (HEADS_LEAVING).
 */
const LEFT_HOUSEHOLD_WORD = `${MOVED_OUT_WORD}|迁移|分户|另立户|单独立户|出嫁|外嫁|嫁出|入赘|户口注销|注销户口|户籍注销|注销户籍|参军|入伍|${DEATH_WORD}|已故`;
/** The words denied or not yet done (未迁出, 拟迁至): no leaving. */
const denied = (word: string) => `(?:未|不|没有?|无|非|拟|待|预|申请|建议|提请|准备|误)(?:办理?|已|曾|再|能|予|经)?(?:${word})`;
const LEFT_HOUSEHOLD_DENIED = `${denied(LEFT_HOUSEHOLD_WORD)}|分户(?:施保|保障|救助|纳入|享受)`;
/**
 * A marriage or a move to a place (结婚, 婚迁, 嫁到, 迁至 …, not 迁至本村), as the reason a row is no longer paid
 * (退保（结婚）, 退保（户口迁至西村）): she left. Until 2026-12-07 a cadre's such row in her parents' household made her
 * brother's wife and sons her unfiled 同户 relatives, false high findings (R32). On a row still paid they say how she
 * came (在保（2019年结婚）, 在保（2018年嫁到本村）) or nothing of leaving (在保（已结婚）): read so, a cadre paid herself and
 * her in-laws went unfound (R33). A leaving denied anywhere in the value (退保（结婚未迁出）) is none.
 */
const LEFT_UNPAID_WORD = '结婚|婚嫁|婚迁|(?:迁至|迁到|迁去|嫁到|嫁往|嫁至)(?:[^本]|$)';
const RETURN_WORD = '迁回|回迁|迁入|迁移入';
/**
 * The head's leaving, written on another member's row (在保（户主死亡）, 在保（户主2025年病故）): the head's, not this
 * person's, who is still there. Until 2026-12-07 such a note made her left, and a cadre's relative on a row 在保（户主死亡）
 * was linked to no one: his unfiled relative not found. Only 户主, and only on a row whose 关系 is written and is not the
 * head's (othersStatus): another relation word (女儿, 配偶, 父亲 …) may be the row's own person, written as the head calls
 * her, and a row without a 关系 may be the head's own (a first broader fix gave false unfiled links). A phrase saying she
 * went with the head (随户主迁出, 与户主分户) is matched first and kept (group 1).
 */
const HEADS_LEAVING = `((?:随|跟|同|与|和)(?:随|同|着|其)?户主)|户主[0-9０-９年月日号.\\-/于在已经的]*(?:户口|户籍)?(?:${LEFT_HOUSEHOLD_WORD})`;
/** A word pattern as a regexp literal that also matches its words in traditional characters. */
const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/**
 * Words beside the head's leaving that speak of this person too, in words no leaving word covers: she went along (本人随迁,
 * 家属随迁, 随同前往, 一同迁走), remarried (改嫁, 再嫁, 再婚), the row is the head's own (本人系户主), or a 户口 was cancelled
 * (户口已注销, whose?). The status is then read as written, as before 2026-12-07: she left (reviewer R25's cases, each a
 * false unfiled link once the head's word was taken out).
 */
const SPEAKS_OF_HER_TOO = '本人|随迁|随同|一同|一起|改嫁|再嫁|再婚|系户主|注销';

/** A 关系 the loader does not take for the head's that may still be his (户主兼本人, a code 1 cut from 01). */
const MAY_BE_THE_HEAD = '户主|本人|^0?[12]$';

/**
 * The status of row `alias` without the head's leaving (HEADS_LEAVING), on a row whose 关系 is written and is not the
 * head's (nor may be: MAY_BE_THE_HEAD), and that says nothing more of its own person (SPEAKS_OF_HER_TOO).
 */
const othersStatus = (alias: string) => `CASE WHEN coalesce(${alias}.is_head, false) OR ${alias}.relation IS NULL
      OR regexp_matches(${alias}.relation, ${words(MAY_BE_THE_HEAD)}) OR regexp_matches(${alias}.status_raw, ${words(SPEAKS_OF_HER_TOO)})
    THEN ${alias}.status_raw
    ELSE regexp_replace(${alias}.status_raw, ${words(HEADS_LEAVING)}, '\\1', 'g') END`;

/**
 * Whether the roll row `alias` says its person left the household. The words are matched in either script (遷出 is
 * 迁出) as they stand in the value: converting it first (rs_category_text) costs a third of a second to plan in each
 * query. Most such rows are 退保 (迁出) or 停保 (停保（迁出）) already; some are read as 在保 and reported (死亡, 分户,
 * 在保（已迁出）). A row without the words costs one failed match.
 */
export const leftHousehold = (alias: string) => `coalesce(((regexp_matches(${alias}.status_raw, ${words(LEFT_HOUSEHOLD_WORD)})
      AND regexp_matches(regexp_replace(${othersStatus(alias)}, ${words(LEFT_HOUSEHOLD_DENIED)}, '', 'g'), ${words(LEFT_HOUSEHOLD_WORD)}))
    OR (NOT ${alias}.active AND regexp_matches(${alias}.status_raw, ${words(LEFT_UNPAID_WORD)})
      AND NOT regexp_matches(${alias}.status_raw, ${words(`${denied(LEFT_HOUSEHOLD_WORD)}|${denied(LEFT_UNPAID_WORD)}`)})
      AND regexp_matches(${othersStatus(alias)}, ${words(LEFT_UNPAID_WORD)})))
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
