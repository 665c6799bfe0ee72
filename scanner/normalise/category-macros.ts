// Macros for coded values: rs_program (family + area), rs_household_area, rs_roll_status, rs_yes, rs_is_head, rs_cancellation_kind, rs_out_of_custody, rs_payment_failed,
// rs_other_benefit, rs_right_ended, rs_off_payroll, rs_welfare_post, rs_vague_staff_kind, rs_welfare_post_unit. The words
// they read by are in category-words.ts.
import { bindOnce, defineMacro, type MacroDefinition } from './macro-definition.ts';
import { sqlString } from '../sql-text.ts';
import { eitherScriptPattern } from './traditional-to-simplified.ts';
import {
  DECORATION, DIBAO_PATTERN, TEKUN_PATTERN, RURAL_HOUSEHOLD_PATTERN, URBAN_HOUSEHOLD_PATTERN,
  IN_PAYMENT, SUSPENDED, WITHDRAWN, IN_PAYMENT_WORD, SUSPENDED_WORD, WITHDRAWN_WORD, STATUS_REWRITES, TRANSFER_WORD, TO_TEKUN_WORD,
  TRANSFER_BETWEEN, MOVED_OUT_WORD, STATUS_QUALIFIER_WORD,
  YES, NO, FILING_DATE, FILED_STATEMENT, ENCLOSED, TRAILING_STOPS, WITH_NOTE, WITH_APPENDED_NOTE, HEAD_RELATIONS,
  DEATH_WORD, NOT_DEATH_WORD, OUT_OF_CUSTODY_WORD, BACK_IN_CUSTODY_WORD, RELEASED_WORD, RELEASE_TO_COME,
  PAYMENT_FAILED_WORD, OTHER_BENEFIT_WORD, OWN_BENEFIT_WORD, RIGHT_ENDED_WORD, CHARGE_ENDED,
  OFF_PAYROLL_WORD, LIFTED_SANCTION, WELFARE_POST_WORD, ESTABLISHED_WORD, STAFF_CLASS_WORD, NAMES_NO_ESTABLISHMENT, WELFARE_POST_NAME,
  VAGUE_STAFF_KIND_PATTERN, WELFARE_POST_UNIT_WORD, WELFARE_POST_OFFICE,
} from './category-words.ts';

/** `text` (SQL) with the status words that hold a negation of their own written as the status they mean (STATUS_REWRITES). */
const rewriteStatusWords = (text: string) =>
  STATUS_REWRITES.reduce((sql, [pattern, status]) => `regexp_replace(${sql}, ${sqlString(pattern)}, ${sqlString(status)}, 'g')`, text);

/**
 * rs_answer is an answer with a note (`shape`: WITH_NOTE, WITH_APPENDED_NOTE) that reads as the answer does: both yes
 * (是(已备案), 是（2023年3月备案）, 是(乡镇备案), 是，已备案) or both no (否(未备案)); a note that is only a date says when he
 * was filed, and agrees with a yes (已备案（2023.3）). A note that says otherwise (是(未备案), 否(已备案)) or nothing we can
 * read leaves no answer: a contradiction is the village's to settle, reported, not ours to pick a side of.
 */
const noteAgrees = (shape: string, reading: 'yes' | 'no') => {
  const [answer, note] = [1, 2].map((group) => `regexp_extract(rs_answer, ${sqlString(shape)}, ${group})`);
  return reading === 'yes'
    ? `rs_yes_word(${answer}) AND (rs_yes_word(${note}) OR regexp_full_match(${note}, ${sqlString(FILING_DATE)}))`
    : `NOT rs_yes_word(${answer}) AND NOT rs_yes_word(${note})`;
};

const list = (values: readonly string[]) => values.map(sqlString).join(', ');

/** A word pattern as a regexp literal that also matches its words in traditional characters (失敗 is 失败, 緩刑 缓刑). */
const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/**
 * The body of a word test: true when the cell holds one of `words` and none of `unless`, false when empty. The cell is
 * searched as it is: spaces, full-width forms or traditional characters do not hide a Chinese word (until 2026-12-05 a
 * list in traditional ones hid them: 緩刑 read as held, a false imprisoned finding; 護林員 as 财政供养), and such a test
 * runs on every payment.
 */
const holdsWord = (pattern: string, unless?: string) =>
  `coalesce(regexp_matches(s, ${words(pattern)})${unless ? ` AND NOT regexp_matches(s, ${words(unless)})` : ''}, false)`;

/**
 * Like holdsWord, but a word the cell denies does not count: 假释（未撤销）, 暂予监外执行（不予收监）, 尚未收监 say he is still
 * outside, and 未离职 that he is still paid, yet hold the word. A denial joined to the word is taken out before the
 * test (RE2 has no look-behind); one joined to another word (拒不报到，撤销缓刑; 未报到，收监执行) denies that one, and
 * the word stays. Only a cell that holds the word pays for the replace.
 */
const holdsUndeniedWord = (pattern: string, notMeant?: string) => {
  const denied = `(?:未|不|没|无|免)[予以被曾有需须用必再]*(?:${pattern})${notMeant ? `|${notMeant}` : ''}`;
  return `CASE WHEN regexp_matches(s, ${words(pattern)})
    THEN regexp_matches(regexp_replace(s, ${words(denied)}, '', 'g'), ${words(pattern)}) ELSE false END`;
};

/** Whether the cell names the establishment by one of `pattern`'s words, not denied (非编制) nor another word's (行政村). */
const namesEstablishment = (pattern: string) =>
  `regexp_matches(regexp_replace(s, ${words(NAMES_NO_ESTABLISHMENT)}, '', 'g'), ${words(pattern)})`;

export const CATEGORY_MACROS: readonly MacroDefinition[] = [
  // Internal. rs_text in simplified characters (農村低保, 特困供養, 戶主, 暫停 as a roll kept in traditional ones writes
  // them: until 2026-12-02 program-unknown, with no standard or deposit check) without the decorating punctuation ('()'
  // alone counts as empty). Each value is read once per distinct spelling (the value maps), so the table costs nothing.
  defineMacro('rs_category_text', ['s'], `nullif(regexp_replace(rs_to_simplified(rs_text(s)), ${sqlString(DECORATION)}, '', 'g'), '')`),

  // Internal. The area a value names: NULL when none, 'ambiguous' for 城乡 or both 城市/城镇 and 农村.
  defineMacro('rs_program_area_word', ['t'], `CASE
    WHEN contains(t, '城乡') OR (regexp_matches(t, '城市|城镇') AND contains(t, '农村')) THEN 'ambiguous'
    WHEN regexp_matches(t, '城市|城镇') THEN '城市'
    WHEN contains(t, '农村') THEN '农村'
  END`),

  // 特困 is 农村 unless the value says otherwise (三无 is the urban name); 低保 without an area
  // stays (低保, NULL) so the caller can report the missing area.
  defineMacro('rs_program_from_text', ['t', 'area_word'], `CASE
    WHEN regexp_full_match(t, ${sqlString(TEKUN_PATTERN)}) THEN struct_pack(
      family := '特困',
      area := CASE
        WHEN area_word = 'ambiguous' THEN NULL
        WHEN area_word IS NOT NULL THEN area_word
        WHEN contains(t, '三无') THEN '城市'
        ELSE '农村' END)
    WHEN regexp_full_match(t, ${sqlString(DIBAO_PATTERN)}) THEN struct_pack(
      family := '低保',
      area := CASE WHEN area_word <> 'ambiguous' THEN area_word END)
    ELSE struct_pack(family := NULL::VARCHAR, area := NULL::VARCHAR)
  END`),

  defineMacro('rs_program', ['s'], bindOnce('rs_category_text(s)', 'rs_program_text',
    'rs_program_from_text(rs_program_text, rs_program_area_word(rs_program_text))')),

  // The area a roll's 城乡类别 (户籍性质) column gives: '农村', '城市' or NULL (empty, 居民户口, 城乡, unreadable). Runs once
  // per distinct spelling (the household_area value map).
  defineMacro('rs_household_area', ['s'], bindOnce('rs_category_text(s)', 'rs_household_area_text', `CASE
    WHEN regexp_full_match(rs_household_area_text, ${sqlString(RURAL_HOUSEHOLD_PATTERN)}) THEN '农村'
    WHEN regexp_full_match(rs_household_area_text, ${sqlString(URBAN_HOUSEHOLD_PATTERN)}) THEN '城市'
  END`)),

  // Internal. The status a noted value's words name (停保死亡 → 停保), 退保 for a move out without a status word (户口迁出),
  // 转特困 or 转低保 for a move to that roll (已转特困) unless it names both rolls (低保转特困), NULL for words of two classes (取消停保,
  // 在保（已迁出）), for a qualifier (拟退保, 未迁出) or for none (死亡: read as 在保 by the loader, and reported). `t` has
  // had its status words with a negation of their own rewritten (不在保 → 停保, 无效 → 作废: rewriteStatusWords).
  defineMacro('rs_roll_status_from_words', ['t'], `CASE
    WHEN regexp_matches(t, ${sqlString(STATUS_QUALIFIER_WORD)}) THEN NULL
    WHEN regexp_matches(t, ${sqlString(IN_PAYMENT_WORD)}) THEN CASE
      WHEN NOT regexp_matches(t, ${sqlString(`${SUSPENDED_WORD}|${WITHDRAWN_WORD}|${MOVED_OUT_WORD}|${TRANSFER_WORD}`)}) THEN '在保' END
    WHEN regexp_matches(t, ${sqlString(SUSPENDED_WORD)})
      THEN CASE WHEN NOT regexp_matches(t, ${sqlString(WITHDRAWN_WORD)}) THEN '停保' END
    WHEN regexp_matches(t, ${sqlString(`${WITHDRAWN_WORD}|${MOVED_OUT_WORD}`)}) THEN '退保'
    WHEN regexp_matches(t, ${sqlString(TRANSFER_WORD)}) AND NOT regexp_matches(t, ${sqlString(TRANSFER_BETWEEN)})
      THEN CASE WHEN regexp_matches(t, ${sqlString(TO_TEKUN_WORD)}) THEN '转特困' ELSE '转低保' END
  END`),

  // Runs once per distinct spelling (the roll_status value map), so the word tests cost nothing per person.
  defineMacro('rs_roll_status', ['s'], bindOnce('rs_category_text(s)', 'rs_status_text', `CASE
    WHEN rs_status_text IS NULL OR rs_status_text IN (${list(IN_PAYMENT)}) THEN '在保'
    WHEN rs_status_text IN (${list(SUSPENDED)}) THEN '停保'
    WHEN rs_status_text IN (${list(WITHDRAWN)}) THEN '退保'
    ELSE rs_roll_status_from_words(${rewriteStatusWords('rs_status_text')})
  END`)),

  // Internal. One answer or note of rs_yes: true for a yes word or a statement that he was filed, false for a no word,
  // NULL for anything else.
  defineMacro('rs_yes_word', ['a'], `CASE
    WHEN a IN (${list(NO)}) THEN false
    WHEN a IN (${list(YES)}) OR regexp_full_match(a, ${sqlString(FILED_STATEMENT)}) THEN true
  END`),

  // An answer as villages write it: in traditional characters (已備案), in brackets (【是】), with a full stop (是。), with
  // a note that agrees (是（已备案）), or as a statement of the filing (已报备, 2023年3月已备案, 是(乡镇备案), 是，已备案, 有).
  // Until 2026-12-05 the first four were no answer, and until 2026-12-06 the others: a filed cadre's relative (or the
  // cadre) a high cadre_relative finding, 未备案. The words are matched whole, never searched for: 备案 is in 未备案,
  // 拟备案 and 申请备案 too, which are no yes (nor a no: reported, and read as not filed).
  defineMacro('rs_yes', ['s'], bindOnce(`nullif(regexp_replace(regexp_replace(lower(rs_to_simplified(rs_text(s))),
      ${sqlString(ENCLOSED)}, '\\1'), ${sqlString(TRAILING_STOPS)}, ''), '')`, 'rs_answer', `CASE
    WHEN rs_answer IS NULL THEN false
    WHEN rs_yes_word(rs_answer) IS NOT NULL THEN rs_yes_word(rs_answer)
    WHEN ${noteAgrees(WITH_NOTE, 'yes')} OR ${noteAgrees(WITH_APPENDED_NOTE, 'yes')} THEN true
    WHEN ${noteAgrees(WITH_NOTE, 'no')} OR ${noteAgrees(WITH_APPENDED_NOTE, 'no')} THEN false
  END`)),

  // list_contains, not IN (…): DuckDB plans an IN list of this length as a join against the list (0.4 s of CPU over
  // a million-person roll); as a function call, typing the B1M roll took 2.18 s instead of 2.46 s.
  defineMacro('rs_is_head', ['s'], `coalesce(list_contains([${list(HEAD_RELATIONS)}], rs_category_text(s)), false)`),

  // 'death', 'not-death' or 'unclear' (其他, 户口注销: read as a death, and the evidence asks to verify); NULL when empty.
  defineMacro('rs_cancellation_kind', ['s'], bindOnce('rs_category_text(s)', 'rs_reason_text', `CASE
    WHEN rs_reason_text IS NULL THEN NULL
    WHEN regexp_matches(rs_reason_text, ${sqlString(DEATH_WORD)}) THEN 'death'
    WHEN regexp_matches(rs_reason_text, ${sqlString(NOT_DEATH_WORD)}) THEN 'not-death'
    ELSE 'unclear'
  END`)),

  // A person on a 服刑/羁押 list who is not held (缓刑, 假释, 取保候审 …, unless revoked: not 未撤销, 不予收监).
  defineMacro('rs_out_of_custody', ['s'], `CASE WHEN ${holdsWord(OUT_OF_CUSTODY_WORD)} THEN NOT (${holdsUndeniedWord(BACK_IN_CUSTODY_WORD)}) ELSE false END`),

  // A 服刑/羁押 row whose 执行方式 says he has been released (not 未释放, not 待释放).
  defineMacro('rs_released', ['s'], `CASE WHEN ${holdsUndeniedWord(RELEASED_WORD)} THEN NOT regexp_matches(s, ${words(RELEASE_TO_COME)}) ELSE false END`),

  // A payment row whose 发放状态 says it failed (成功, 已发放 do not; nor 未退回, 无异常).
  defineMacro('rs_payment_failed', ['s'], holdsUndeniedWord(PAYMENT_FAILED_WORD)),

  // A payment row of another benefit than 低保/特困 (高龄津贴, 耕地地力保护补贴 …) paid through the same account. A cell
  // that is a program as a roll writes it (a 救助类别 column: 农村低保（重度残疾）, 低保重残单列) is the benefit itself:
  // its class word 残疾 is no 残疾人补贴. Only a cell that holds such a word pays for the program test.
  defineMacro('rs_other_benefit', ['s'], `CASE WHEN ${holdsWord(OTHER_BENEFIT_WORD, OWN_BENEFIT_WORD)} THEN rs_program(s).family IS NULL ELSE false END`),

  // A payroll row of someone no longer paid by it (在职, 退休, 调出 are read as paid: verified by staff; 未离职 is paid).
  defineMacro('rs_off_payroll', ['s'], holdsUndeniedWord(OFF_PAYROLL_WORD, LIFTED_SANCTION)),

  // A payroll row of a 乡村公益性岗位 worker, not a 财政供养 member of staff (事业编制（护林员） is staff: ESTABLISHED_WORD).
  defineMacro('rs_welfare_post', ['s'], `CASE WHEN ${holdsWord(WELFARE_POST_WORD)} THEN NOT ${namesEstablishment(ESTABLISHED_WORD)}
    AND (regexp_matches(s, ${words(WELFARE_POST_NAME)}) OR NOT ${namesEstablishment(STAFF_CLASS_WORD)}) ELSE false END`),

  // A payroll 人员类别 or 岗位类别 that leaves the post to the next column (编外, 临时工; empty).
  defineMacro('rs_vague_staff_kind', ['s'], bindOnce('rs_category_text(s)', 'rs_kind_text',
    `rs_kind_text IS NULL OR regexp_full_match(rs_kind_text, ${sqlString(VAGUE_STAFF_KIND_PATTERN)})`)),

  // A payroll 单位 that names 公益性岗位 workers, not an employer (某某镇公益性岗位, not 公益性岗位管理服务中心).
  defineMacro('rs_welfare_post_unit', ['s'], holdsWord(WELFARE_POST_UNIT_WORD, WELFARE_POST_OFFICE)),

  // A property record no longer held (历史, 注销 …, but not 未注销, nor a 注销 of a charge on it: 现势（抵押已注销）).
  // Only a cell that holds an ending word pays for taking the charges' remarks out.
  defineMacro('rs_right_ended', ['s'], `CASE WHEN ${holdsWord(RIGHT_ENDED_WORD, '未')}
    THEN regexp_matches(regexp_replace(s, ${words(CHARGE_ENDED)}, '', 'g'), ${words(RIGHT_ENDED_WORD)}) ELSE false END`),
];
