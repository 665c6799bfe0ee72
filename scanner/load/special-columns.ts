// Columns read with more than their kind: the roll's program, status and household; a cadre's term and a sentence as
// rosters and 司法 lists write them; the dates read where a better one is empty (a release, a business's closing, a
// vehicle's deregistration) or contradicted (a death's, by the earliest of its dates); a month in a death's or a
// business's dates; a death's reason; a 车管 list's codes. Each becomes the typed columns listed here.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetName } from '../datasets/catalog.ts';
import { NONE_WRITTEN } from '../normalise/text-macros.ts';
import type { Period } from '../period.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { BUSINESS_CODE_COLUMNS, BUSINESS_STEPS, HOLDER_NAME_COLUMNS } from './business-holders.ts';
import { PROPERTY_ID_COLUMNS } from './property-co-owners.ts';
import { blank } from './raw-rows.ts';
import { ROLL_PROGRAM_COLUMNS } from './stated-area.ts';
import { mappedField, type MappedKind } from './value-maps.ts';

const mapped = (name: string, kind: MappedKind, field?: string) => mappedField({ name }, kind, field);
/** A cell written as none (—, /, 无, 不详: its value map's m_no_value), which gives no value of that kind. */
const writtenAsNone = (name: string, kind: MappedKind) => `coalesce(${mapped(name, kind, 'm_no_value')}, false)`;
const dateOf = (name: string) => mapped(name, 'date');
/**
 * A date, or a month (享受起始年月 2021.04, 任职止 2024.03, 入监日期 2025年3月, 火化日期 2026.9, 成立日期 2015年8月, as
 * data-contract.md allows): a start its first day, an end its last. P is whole months, so whether a term or a sentence
 * overlaps it is the same for every day of the month. (Until 2026-12-05 a prisoner's month refused his row, and a man
 * held in P was not found.) The month comes from the month value map, so every such column is a month column to
 * doubtful-months.ts: a 2026.1 that may be 2026.10 (an Excel number cell, or a CSV column that writes no YYYY.10) is
 * written with why and refused alike in each. Until 2026-12-06 a death's 火化日期 and 注销日期 and a business's dates
 * parsed their month in the row, refusing every 2026.1 (a CSV column that writes 2025.10 too, or a workbook's text cell:
 * January elsewhere) and naming no reason for an Excel number cell's.
 */
const startOf = (name: string) => `coalesce(${dateOf(name)}, ${mapped(name, 'month')})`;
const endOf = (name: string) => `coalesce(${dateOf(name)}, last_day(${mapped(name, 'month')}))`;

/**
 * The row's status: a move to the other roll (rs_roll_status's 转特困, 转低保) is 退保 on the roll he left (a 低保 row
 * 已转特困), and unreadable (so 在保, and reported) on the roll he joined or where the row's program is unknown.
 */
const ROLL_STATUS = `CASE WHEN ${mapped('status', 'roll_status')} IN ('转特困', '转低保')
    THEN CASE WHEN ${mapped('program', 'program', 'm_family')} IS NOT NULL AND ${mapped('status', 'roll_status')} <> '转' || ${mapped('program', 'program', 'm_family')} THEN '退保' END
    ELSE ${mapped('status', 'roll_status')} END`;

/** Roll columns read with a meaning beyond their kind: kept raw beside the interpreted value. */
const ROLL_COLUMNS: Record<string, string[]> = {
  // The program's family and area (stated-area.ts: an area the 救助类别 does not write is read from the 城乡类别 column
  // or from the list's title or name, which are not kept: every row of the list states it alike).
  ...ROLL_PROGRAM_COLUMNS,
  // A 月保障金 written as none (—, /, 无, 不详: the amount map's m_no_value) is empty, as a cell left empty is: no raw
  // value, so data_quality.bad-value does not report it, and the amount checks read it as they read an empty one. Until
  // 2026-12-06 each such row was a data_quality.bad-value finding (无法识别：月保障金「—」).
  monthly_amount: [
    `${mapped('monthly_amount', 'amount')} AS monthly_amount_cents`,
    `CASE WHEN NOT ${writtenAsNone('monthly_amount', 'amount')} THEN monthly_amount END AS monthly_amount_raw`,
  ],
  // 享受起始年月 columns hold months: a month is a readable start (its first day).
  start_date: [
    `${startOf('start_date')} AS start_date`,
    'start_date AS start_date_raw',
  ],
  status: [
    `${ROLL_STATUS} AS status`,
    'status AS status_raw',
    // An unrecognised status counts as 在保 so the person is still checked; data_quality.bad-value reports it.
    `coalesce(${ROLL_STATUS}, '在保') = '在保' AS active`,
  ],
  // A 家庭编号 in scientific notation has lost its last digits: read as one it would gather every household sharing
  // the first six into one. It is left empty, and kept (household_id_lost) for data_quality.bad-value to report.
  // One written / or 无 is empty (data_quality.missing-field reports it): read as a number, it gathered every family so
  // written into one household (until 2026-12-02).
  household_id: [
    'CASE WHEN rs_code_lost_digits(household_id) OR rs_code_placeholder(household_id) THEN NULL ELSE rs_code(household_id) END AS household_id',
    'CASE WHEN rs_code_lost_digits(household_id) THEN household_id END AS household_id_lost',
  ],
  relation: ['rs_text(relation) AS relation', `${mapped('relation', 'head')} AS is_head`],
  cadre_relative_filed: [`${mapped('cadre_relative_filed', 'yes')} AS filed`, 'cadre_relative_filed AS filed_raw'],
  // Lives in a 供养服务机构 (敬老院), paid through its account: 供养方式 says so where given, else the program (集中供养特困).
  care_mode: [
    'rs_text(care_mode) AS care_mode',
    "contains(coalesce(rs_text(care_mode), CAST(program AS VARCHAR), ''), '集中') AS institutional",
  ],
};

/**
 * A cadre's term as rosters write it: a month (任职起 2021.04, the first day; 任职止 2024.03, the last), 至今 for a term
 * not ended, or the whole term in one cell (任职时间 2018.01—2021.03, 2021.04-至今), whose end serves when 任职止 is
 * empty. Each of these refused the cadre's row before, and his relatives on the roll were not looked for.
 */
const TERM_START = `coalesce(${startOf('term_start')}, rs_term_start(term_start))`;
const TERM_END_ITSELF = endOf('term_end');
/**
 * 任职止 至今, or written as none (—, /, 无: what a clerk writes in a cell that has nothing to say), is a term not ended, as
 * an empty cell is. Until 2026-12-05 a dash there refused the cadre's row, and his relatives on the roll were not looked for.
 */
const SERVING = `(rs_serving(term_end) OR coalesce(regexp_full_match(rs_text(term_end), ${sqlString(NONE_WRITTEN)}), false))`;
const CADRE_COLUMNS: Record<string, string[]> = {
  term_start: [`${TERM_START} AS term_start`, 'term_start AS term_start_raw'],
  term_end: [`CASE WHEN ${SERVING} THEN NULL ELSE coalesce(${TERM_END_ITSELF}, rs_term_end(term_start)) END AS term_end`, 'term_end AS term_end_raw'],
};
/** When a cadre's term cell cannot be read (filled, and none of the above). */
const CADRE_UNREADABLE: Record<string, string> = {
  term_start: `${TERM_START} IS NULL`,
  term_end: `NOT ${SERVING} AND ${TERM_END_ITSELF} IS NULL`,
};

/**
 * A sentence as 司法 lists write it: dates, the whole sentence in one cell (刑期起止 2021.03.05-2028.03.04), whose end
 * serves when 刑期止日 is empty, and a 刑期止日 that is no date because there is none (无期徒刑, 死缓, 待定: still held).
 * sentence_end_word keeps that word for the evidence.
 */
// A sentence's values are named once, each a column of the typed statement's source (PRISONER_STEPS), read by name below.
const sentence = (name: string) => q(`sentence__${name}`);
const SENTENCE_START_ITSELF = startOf('sentence_start');
const SENTENCE_START = sentence('start');
const SENTENCE_END_ITSELF = endOf('sentence_end');
/** A range is parsed only where the start is one (a plain date is in the value map): few rows of 200 thousand at B1M. */
const RANGE_END = sentence('range_end');
/** 刑期止日 无期徒刑, 死缓, 待定: still held. */
const END_OPEN = sentence('end_open');
const SENTENCE_END = sentence('end');
/**
 * A 释放日期 is the day he left (减刑 and 假释 release before the 刑满日期): read where given, the 刑期止日 where it is
 * empty. One that cannot be read refuses the row: whether he was still held is then unknown. sentence_end_from says
 * which was read, and scheduled_end keeps the 刑期止日 beside a 释放日期 for the evidence.
 * One written as none (—, /, 无, 暂无: NONE_WRITTEN) gives no release, and is read as an empty one is: the 刑期止日 (or
 * a 刑期起止's end), still held where there is none, refused where the 执行方式 says released (RELEASED_UNDATED). Until
 * 2026-12-06 it refused the row, and a man held in P was not found. Not 不详, 未知 or 不明: those say he left on a day
 * not known, and the row is refused as before. Asked of the value map's m_no_value first, so only such cells pay the regexp.
 */
const RELEASE_WRITTEN_AS_NONE = `CASE WHEN ${writtenAsNone('released_on', 'date')}
  THEN regexp_full_match(rs_text(released_on), ${sqlString(NONE_WRITTEN)}) ELSE false END`;
const RELEASED = sentence('released');
export const RELEASED_ON_ITSELF = endOf('released_on');
/** A 释放日期 written 未释放: still held. */
const RELEASED_OPEN = sentence('released_open');
const RELEASED_ON = `CASE WHEN ${RELEASED_OPEN} THEN NULL ELSE ${RELEASED_ON_ITSELF} END`;
const SENTENCE_END_WORD = `CASE WHEN ${END_OPEN} THEN rs_text(sentence_end)
  WHEN ${SENTENCE_END_ITSELF} IS NULL AND ${SENTENCE_START_ITSELF} IS NULL THEN rs_sentence_range_word(sentence_start) END`;
/** The end read: the 释放日期 where given (the 刑期止日 beside it is not read), else the 刑期止日 or a 刑期起止's end. */
const SENTENCE_END_READ = sentence('end_read');
/** Each layer reads those before it. */
const PRISONER_STEPS: readonly (readonly string[])[] = [
  [`coalesce(${SENTENCE_START_ITSELF}, rs_sentence_start(sentence_start)) AS ${SENTENCE_START}`,
    `CASE WHEN ${SENTENCE_START_ITSELF} IS NULL THEN rs_sentence_end(sentence_start) END AS ${RANGE_END}`,
    `rs_sentence_open(sentence_end) AS ${END_OPEN}`, `rs_sentence_open(released_on) AS ${RELEASED_OPEN}`,
    `(NOT ${blank('released_on')} AND NOT ${RELEASE_WRITTEN_AS_NONE}) AS ${RELEASED}`],
  [`CASE WHEN ${END_OPEN} THEN NULL ELSE coalesce(${SENTENCE_END_ITSELF}, ${RANGE_END}) END AS ${SENTENCE_END}`],
  [`CASE WHEN ${RELEASED} THEN ${RELEASED_ON} ELSE ${SENTENCE_END} END AS ${SENTENCE_END_READ}`],
];
const PRISONER_COLUMNS: Record<string, string[]> = {
  sentence_start: [`${SENTENCE_START} AS sentence_start`, 'sentence_start AS sentence_start_raw'],
  sentence_end: [
    `${SENTENCE_END_READ} AS sentence_end`,
    'sentence_end AS sentence_end_raw',
    `CASE WHEN ${RELEASED} THEN CASE WHEN ${RELEASED_OPEN} THEN rs_text(released_on) END ELSE ${SENTENCE_END_WORD} END AS sentence_end_word`,
    `CASE WHEN ${RELEASED} THEN '释放日期' ELSE '刑期止日' END AS sentence_end_from`,
    `${SENTENCE_END} AS scheduled_end`,
  ],
  released_on: ['released_on AS released_on_raw'],
};
const PRISONER_UNREADABLE: Record<string, string> = {
  sentence_start: `${SENTENCE_START} IS NULL`,
  // A 刑期止日 beside a 释放日期 is not read, and refuses nothing.
  sentence_end: `NOT ${RELEASED} AND NOT ${END_OPEN} AND ${SENTENCE_END_ITSELF} IS NULL`,
  released_on: `${RELEASED} AND NOT ${RELEASED_OPEN} AND ${RELEASED_ON_ITSELF} IS NULL`,
};

/**
 * A death's date: the 死亡日期, or where a row gives only its month (2026年9月) that month's last day. A 火化日期 or
 * 注销日期 (a month of one as its last day too) says he was dead by then: the earlier of the two is read where the
 * 死亡日期 is empty or unreadable (不详), and where it comes before the 死亡日期 could be (before its day, or its month's
 * first day): a cremation or a 户口 cancelled for death cannot precede the death, so the 死亡日期 is miswritten (2027-09-28
 * for 2026-09-28) and he was dead by the earlier date. Until 2026-12-06 such a row was read by its 死亡日期 alone, and a
 * man cremated in September, his death typed a year late, was not found. The finding says which was read
 * (death_date_from) and, beside the 死亡日期 it overrode, stated_death_date. The month is enough: payment stops from the
 * month after the death (死亡次月起停发), and the last day keeps a death in P's own month out of an earlier period. A
 * row is refused only when it gives none that can be read. A 注销原因 that is not a death refuses the row
 * (out-of-scope-rows.ts); one that is unclear is kept, to be verified. A 死亡日期 of its year alone: YEAR_DECIDES.
 */
// A death's values are named once, each a column of the typed statement's source (DEATH_STEPS), read by name below.
const death = (name: string) => q(`death__${name}`);
const CREMATED_ON = death('cremated_on');
const CANCELLED_ON = death('cancelled_on');
// The earlier of the two: each says he was dead by then (a 户口 may be cancelled before the cremation is recorded;
// until 2026-12-05 the 火化日期 came first, and a death by 10-20 cremated on 11-02 was read as after October).
const DEAD_BY = death('dead_by');
/** P's last day, as typing knows it (tellTypingThePeriod); NULL for a load without a period. */
const PERIOD_END = "CAST(getvariable('rs_period_end') AS DATE)";
/**
 * Tells the typing connections P (getvariable is a connection's own), for a year alone in a 死亡日期 (YEAR_DECIDES).
 * Without a period (a load on its own) none is told, nor one an earlier load on the connection was: such a year
 * refuses its row as before.
 */
export async function tellTypingThePeriod(connections: readonly DuckDBConnection[], period: Period | undefined): Promise<void> {
  for (const connection of connections) {
    await connection.run(period ? `SET VARIABLE rs_period_end = DATE ${sqlString(period.end)}` : 'RESET VARIABLE rs_period_end');
  }
}

/** A 死亡日期 that gives only its year (2025, 2025年, 2025年度: rs_year), its first day; asked only of a cell that is no date or month. */
const STATED_YEAR = death('stated_year');
const YEAR_END = `make_date(year(${STATED_YEAR}), 12, 31)`;
/**
 * The year alone decides, read as its last day (the estimate counts from the next January: never more than was surely
 * paid after the death), only where the row gives no 火化日期 or 注销日期 (each says more, and is read as before: the
 * year alone is no date to it, as until 2026-12-07, and no finding's fact changes) and where the year ended by P.end.
 * A year across P.end (2026 for 2026-10) cannot tell whether he died in P or after, and a year after it (2027, or a
 * typed 2017) is no death of a recipient paid now: either row is refused as it was (死亡日期无法识别), not read as a
 * death after P and dropped unseen (R30); so is any year in a load without a period. Until 2026-12-07 every year alone refused the row, and a recipient
 * dead in 2025, paid all 2026, was not found.
 */
const YEAR_DECIDES = death('year_decides');
const STATED_DEATH = death('stated');
/** The earliest day the 死亡日期 allows: its day, its month's first, or its year's. */
const STATED_DEATH_START = death('stated_start');
const DEAD_BY_FROM = `CASE WHEN ${CANCELLED_ON} IS NULL OR ${CREMATED_ON} <= ${CANCELLED_ON} THEN '火化日期' ELSE '注销日期' END`;
/** The 死亡日期 decides: it is read, and no 火化日期 or 注销日期 comes before it could be. */
const BY_STATED_DEATH = death('by_stated');
/** Each layer reads those before it. */
const DEATH_STEPS: readonly (readonly string[])[] = [
  [`${endOf('cremated_on')} AS ${CREMATED_ON}`, `${endOf('cancelled_on')} AS ${CANCELLED_ON}`,
    `CASE WHEN ${dateOf('death_date')} IS NULL AND ${mapped('death_date', 'month')} IS NULL THEN rs_year(death_date) END AS ${STATED_YEAR}`],
  [`least(${CREMATED_ON}, ${CANCELLED_ON}) AS ${DEAD_BY}`,
    `(least(${CREMATED_ON}, ${CANCELLED_ON}) IS NULL AND coalesce(${YEAR_END} <= ${PERIOD_END}, false)) AS ${YEAR_DECIDES}`],
  [`coalesce(${endOf('death_date')}, CASE WHEN ${YEAR_DECIDES} THEN ${YEAR_END} END) AS ${STATED_DEATH}`,
    `coalesce(${startOf('death_date')}, CASE WHEN ${YEAR_DECIDES} THEN ${STATED_YEAR} END) AS ${STATED_DEATH_START}`],
  [`(${STATED_DEATH_START} IS NOT NULL AND NOT coalesce(${DEAD_BY} < ${STATED_DEATH_START}, false)) AS ${BY_STATED_DEATH}`],
];
const DEATH_DATE = `CASE WHEN ${BY_STATED_DEATH} THEN ${STATED_DEATH} ELSE ${DEAD_BY} END`;
const DEATH_COLUMNS: Record<string, string[]> = {
  death_date: [
    `${DEATH_DATE} AS death_date`,
    'death_date AS death_date_raw',
    `CASE WHEN ${BY_STATED_DEATH} THEN CASE WHEN ${dateOf('death_date')} IS NOT NULL THEN '死亡日期'
        WHEN ${mapped('death_date', 'month')} IS NOT NULL THEN '死亡月份' ELSE '死亡年份' END
      WHEN ${DEAD_BY} IS NOT NULL THEN ${DEAD_BY_FROM} END AS death_date_from`,
    `${STATED_DEATH_START} AS stated_death_date`,
  ],
  cremated_on: [`${CREMATED_ON} AS cremated_on`, 'cremated_on AS cremated_on_raw'],
  cancelled_on: [`${CANCELLED_ON} AS cancelled_on`, 'cancelled_on AS cancelled_on_raw'],
  reason: ['rs_text(reason) AS reason', `${mapped('reason', 'cancellation')} AS reason_kind`],
};
const DEATH_UNREADABLE: Record<string, string> = Object.fromEntries(
  ['death_date', 'cremated_on', 'cancelled_on'].map((column) => [column, `coalesce(${STATED_DEATH_START}, ${DEAD_BY}) IS NULL`]),
);

/**
 * A business's 成立日期 and when it closed: its 注销日期, or where a row leaves it empty, its 吊销日期 (a licence revoked
 * and never cancelled). Each may be a month (成立日期 2015年8月, 注销日期 2026.10): a 成立日期 its first day, a closing
 * its last (closed in October, it was active in October). Until 2026-12-06 such a row was refused, and a business active
 * in P was not found. An unreadable 注销日期 refuses the row as before: when it closed is then unknown. closed_on_from
 * says which was read.
 */
const CLOSED = dateWithStandIn(['closed_on', '注销日期'], ['revoked_on', '吊销日期'], endOf);
const BUSINESS_COLUMNS: Record<string, string[]> = {
  registered_on: [`${startOf('registered_on')} AS registered_on`, 'registered_on AS registered_on_raw'],
  ...CLOSED.columns,
  // Who holds it: each role's name beside its ID (business-holders.ts).
  ...HOLDER_NAME_COLUMNS,
  // Its 统一社会信用代码, where a list gives it in the 证件号码 beside the person's number (business-holders.ts).
  ...BUSINESS_CODE_COLUMNS,
};
const BUSINESS_UNREADABLE: Record<string, string> = {
  registered_on: `${startOf('registered_on')} IS NULL`, closed_on: `${endOf('closed_on')} IS NULL`, ...CLOSED.unreadable,
};

/**
 * A date a list gives in one column, read where its row leaves it empty from another (a business's 吊销日期 for its
 * 注销日期, a car's 报废日期): the typed date under the first column's name, both raw texts, and <name>_from saying
 * which column it came from. The stand-in beside a filled first column is not read, and refuses nothing; an unreadable
 * first column refuses the row as before (when is then unknown). `read` reads each: a date (a car's), or a date or a
 * month as its last day (a business's).
 */
function dateWithStandIn([column, label]: [string, string], [standIn, standInLabel]: [string, string], read = dateOf) {
  const given = `NOT ${blank(column)}`;
  return {
    columns: {
      [column]: [
        `CASE WHEN ${given} THEN ${read(column)} ELSE ${read(standIn)} END AS ${column}`,
        `${column} AS ${column}_raw`,
        `CASE WHEN ${given} THEN '${label}' WHEN NOT ${blank(standIn)} THEN '${standInLabel}' END AS ${column}_from`,
      ],
      [standIn]: [`${standIn} AS ${standIn}_raw`],
    },
    unreadable: { [standIn]: `NOT ${given} AND ${read(standIn)} IS NULL` },
  };
}

/**
 * A 车管 export may write codes: the type as its name with the code (小型轿车（K33）), the state as the list of states it
 * names (E → [注销]) for over_asset.vehicle, and as words (status); what the list wrote stays for the evidence.
 * When the vehicle left the register: its 注销日期, or where a row leaves it empty, its 报废日期 (a car scrapped), as a
 * business's 吊销日期 stands in for its 注销日期. deregistered_on_from says which.
 */
// Either may be a month (注销日期 2026年10月), its last day: a leaving, as a business's closing is (deregistered in P's
// month, it was held in P). Until 2026-12-08 a month refused the row, and a car deregistered in P was not counted.
const DEREGISTERED = dateWithStandIn(['deregistered_on', '注销日期'], ['scrapped_on', '报废日期'], endOf);
const VEHICLE_COLUMNS: Record<string, string[]> = {
  vehicle_type: [`${mapped('vehicle_type', 'vehicle_type')} AS vehicle_type`],
  status: [
    `${mapped('status', 'vehicle_states')} AS status`,
    `${mapped('status', 'vehicle_states', 'm_states')} AS states`,
    'rs_text(status) AS status_raw',
  ],
  ...DEREGISTERED.columns,
};
const VEHICLE_UNREADABLE: Record<string, string> = { deregistered_on: `${endOf('deregistered_on')} IS NULL`, ...DEREGISTERED.unreadable };

/**
 * A deposits row's bank as written, and the institution it names (农行 and 中国农业银行城关支行 are one: deposit-rounds.ts);
 * its 截止日期, a date or a month (2026年9月, 202609) as its last day: the balance as at the month's end, as a list that
 * states only its month is read (deposit-round-keys.ts roundDate). Until 2026-12-08 a month refused the row, and a
 * household over its limit was not found.
 */
const DEPOSIT_COLUMNS: Record<string, string[]> = {
  institution: ['rs_text(institution) AS institution', `${mapped('institution', 'institution')} AS institution_key`],
  as_of: [`${endOf('as_of')} AS as_of`, 'as_of AS as_of_raw'],
};
// A date cell written as none (—, 无) is empty, as normalise-datasets.ts reads one in a column without a test of its own;
// a column given one here says so itself.
const DEPOSIT_UNREADABLE: Record<string, string> = { as_of: `${endOf('as_of')} IS NULL AND NOT ${writtenAsNone('as_of', 'date')}` };

/**
 * A home's 登记日期 may be a month (2018年5月), its first day, as a business's 成立日期 is: it only tells two rows apart
 * where neither gives the 坐落 (over_asset.property), and two rows written with the same month compare alike as they
 * would as months. Until 2026-12-08 a month refused the row, and a household's second home was not found.
 */
const PROPERTY_COLUMNS: Record<string, string[]> = {
  registered_on: [`${startOf('registered_on')} AS registered_on`, 'registered_on AS registered_on_raw'],
};
const PROPERTY_UNREADABLE: Record<string, string> = {
  registered_on: `${startOf('registered_on')} IS NULL AND NOT ${writtenAsNone('registered_on', 'date')}`,
};

/**
 * A payment's month. Where the list writes two month headers (所属期 beside 发放月份: headers.ts lands the second's cell in
 * month_fallback and names both in month_headers, given to every row), the 所属期 where the row fills it, else the
 * 发放月份 (or, beside no 发放月份, the payment date's month): a list so made fills the 所属期 only on its 补发 rows, and a
 * 补发 of July paid in August is July's. A 所属期 written as none (—, 无: the month map's m_no_value) is empty so; one
 * that cannot be read refuses the row as before (which month the money is for is unknown). A row with both empty is
 * refused naming the two headers. Until 2026-12-08 the 发放月份 beside a 所属期 was left unread, and every ordinary row
 * (its 所属期 empty) was refused as 发放月份为空, its 发放月份 filled: a dead man's overpayment went unestimated.
 */
const TWO_MONTHS = 'month_headers IS NOT NULL';
const monthEmpty = (name: string) => `(${blank(name)} OR ${writtenAsNone(name, 'month')})`;
/** The row's own month cell (its 所属期, or the list's only month header) is the one read. */
const OWN_MONTH_READ = `(NOT ${TWO_MONTHS} OR NOT ${monthEmpty('month')})`;
const PAYMENT_MONTH = `CASE WHEN ${OWN_MONTH_READ} THEN ${mapped('month', 'month')} ELSE ${mapped('month_fallback', 'month')} END`;
const PAYMENT_COLUMNS: Record<string, string[]> = {
  month: [`${PAYMENT_MONTH} AS month`, `CASE WHEN ${OWN_MONTH_READ} THEN month ELSE month_fallback END AS month_raw`],
  // Read into the month above, not kept.
  month_fallback: [],
  month_headers: [],
};
const PAYMENT_UNREADABLE: Record<string, string> = {
  month: `${OWN_MONTH_READ} AND ${mapped('month', 'month')} IS NULL`,
  // Beside a filled 所属期 the 发放月份 is not read, and refuses nothing.
  month_fallback: `NOT ${OWN_MONTH_READ} AND NOT ${writtenAsNone('month_fallback', 'month')} AND ${mapped('month_fallback', 'month')} IS NULL`,
};
/** Which header of the two (1 or 2) a cell is under, written as none: （所属期写作「无」）. */
const noneNote = (name: string, which: 1 | 2) =>
  `CASE WHEN NOT ${blank(name)} THEN split_part(month_headers, '、', ${which}) || '写作「' || trim(${name}) || '」' END`;
const PAYMENT_EMPTY: Record<string, RowRefusal> = {
  month: {
    column: 'month',
    when: `CASE WHEN ${TWO_MONTHS} THEN ${monthEmpty('month')} AND ${monthEmpty('month_fallback')} ELSE ${blank('month')} END`,
    why: `CASE WHEN ${TWO_MONTHS}
      THEN month_headers || '均为空' || coalesce('（' || nullif(concat_ws('，', ${noneNote('month', 1)}, ${noneNote('month_fallback', 2)}), '') || '）', '')
      ELSE '发放月份为空' END`,
  },
};

/** A refusal of a row whose cells can each be read but say nothing usable together: (column it is listed under, when, reason SQL). */
export interface RowRefusal { column: string; when: string; why: string }

/**
 * A 服刑/羁押 row whose 执行方式 says he was released (已释放, 刑满释放) but gives no 释放日期 (or one written as none:
 * —) or 刑期止日 (nor a 刑期起止 range): read as still serving, it made a false high imprisoned finding; read as
 * released, he might have been held in P all the same. Whether he was held in P is unknown: the row is refused, and
 * its village asked for the date.
 */
const RELEASED_UNDATED: RowRefusal = {
  column: 'custody',
  when: `rs_released(custody) AND NOT ${RELEASED} AND ${blank('sentence_end')} AND (${RANGE_END}) IS NULL`,
  why: "'执行方式为「' || rs_text(custody) || '」，但没有释放日期或刑期止日，无法判断本期是否仍在监所服刑'",
};
/**
 * A row whose start is after its end as read (羁押 2026-10-05, 刑期止日 2026-09-01): one of them is miswritten, and which
 * is unknown. Until 2026-12-06 it was read as overlapping no period, and a man held in P was neither found nor refused.
 * Months compare as read (a start its first day, an end its last): a start in the end's own month is no contradiction.
 * An end with no date (无期徒刑, 未释放, empty) refuses nothing, nor does a 刑期止日 beside a 释放日期 (not read). The
 * reason shows both cells as written: the whole 刑期起止 cell where the start came from one.
 */
const START_AFTER_END: RowRefusal = {
  column: 'sentence_start',
  when: `${SENTENCE_START} > ${SENTENCE_END_READ}`,
  why: `CASE WHEN ${SENTENCE_START_ITSELF} IS NULL THEN '刑期起止 ' || rs_text(sentence_start) || ' 的起日晚于' ELSE '羁押/入监日期 ' || rs_text(sentence_start) || ' 晚于' END
    || CASE WHEN ${RELEASED} THEN '释放日期 ' || rs_text(released_on) WHEN ${SENTENCE_END_ITSELF} IS NULL THEN '止日' ELSE '刑期止日 ' || rs_text(sentence_end) END
    || '，无法判断服刑期间，请核实'`,
};
const PRISONER_REFUSALS: readonly RowRefusal[] = [RELEASED_UNDATED, START_AFTER_END];

/** Rows refused for what their cells say together, per dataset (normalise-datasets.ts lists them with the unreadable ones). */
export const SPECIAL_REFUSALS: Partial<Record<DatasetName, readonly RowRefusal[]>> = { prisoners: PRISONER_REFUSALS };

/** A required column's empty test and reason, where its own would be false (a 所属期 left empty beside a filled 发放月份). */
export const SPECIAL_EMPTY: Partial<Record<DatasetName, Record<string, RowRefusal>>> = { payments: PAYMENT_EMPTY };

/** Values the special columns of a dataset read more than once, named once over its mapped values (value-maps.ts overMapped). */
export const SPECIAL_STEPS: Partial<Record<DatasetName, readonly (readonly string[])[]>> = {
  deaths: DEATH_STEPS, prisoners: PRISONER_STEPS, businesses: BUSINESS_STEPS,
};

/** Columns read with more than their kind (the roll's, a cadre's term): per dataset, the typed columns they become. */
export const SPECIAL_COLUMNS: Partial<Record<DatasetName, Record<string, string[]>>> = {
  roll: ROLL_COLUMNS, cadres: CADRE_COLUMNS, prisoners: PRISONER_COLUMNS, deaths: DEATH_COLUMNS, vehicles: VEHICLE_COLUMNS,
  businesses: BUSINESS_COLUMNS, deposits: DEPOSIT_COLUMNS, payments: PAYMENT_COLUMNS,
  // A home's co-owners in one ID cell (property-co-owners.ts).
  properties: { ...PROPERTY_ID_COLUMNS, ...PROPERTY_COLUMNS },
};

/** When a filled cell of those columns cannot be read (the plain test, that its kind's parse failed, would refuse a term or a sentence in one cell). */
export const SPECIAL_UNREADABLE: Partial<Record<DatasetName, Record<string, string>>> = {
  cadres: CADRE_UNREADABLE, prisoners: PRISONER_UNREADABLE, deaths: DEATH_UNREADABLE, businesses: BUSINESS_UNREADABLE,
  vehicles: VEHICLE_UNREADABLE, payments: PAYMENT_UNREADABLE, deposits: DEPOSIT_UNREADABLE, properties: PROPERTY_UNREADABLE,
};
