// A payroll roster's 入职日期 and 离职日期 (catalog.ts joined_on, left_on), and the 人员状态 words of a leaving not done
// (拟减员, 离职审批中, 辞职未获批准, 解聘（已撤销）): whether the person was paid in P. Read by the rules that set rows
// aside (out-of-scope-rows.ts), over the raw row, and by over_asset.payroll's evidence, over the typed one.
import { APPROVAL_NOT_GIVEN, LEAVING_APPLIED_WORD, LEAVING_APPROVED_WORD, LEAVING_NOT_DONE_WORD } from '../normalise/category-words.ts';
import { eitherScriptPattern } from '../normalise/traditional-to-simplified.ts';
import { sqlString } from '../sql-text.ts';
import { blank } from './raw-rows.ts';

/** P as typing knows it (special-columns.ts tellTypingThePeriod); NULL in a load without a period, where no date decides. */
export const TYPING_PERIOD_END = "CAST(getvariable('rs_period_end') AS DATE)";
export const TYPING_PERIOD_START = `CAST(date_trunc('month', ${TYPING_PERIOD_END}) AS DATE)`;

const words = (pattern: string) => sqlString(eitherScriptPattern(pattern));

/** The 人员状态 says an application was granted (申请离职（已批准）), not refused nor still to come (未批准, 批准中). */
const approvalGiven = (status: string) =>
  `regexp_matches(regexp_replace(${status}, ${words(APPROVAL_NOT_GIVEN)}, '', 'g'), ${words(LEAVING_APPROVED_WORD)})`;

/**
 * A 人员状态 that names a leaving proposed, pending, refused or revoked: he is still paid. An application is pending
 * unless it says it was granted (申请辞职(已同意) is a leaving done, 申请辞职 and 申请辞职（未批准） are not); a word of
 * LEAVING_NOT_DONE_WORD beside it keeps the row all the same (申请离职（已批准，待办理）).
 */
export const leavingNotDone = (status: string) => `coalesce(regexp_matches(${status}, ${words(LEAVING_NOT_DONE_WORD)})
  OR (regexp_matches(${status}, ${words(LEAVING_APPLIED_WORD)}) AND NOT ${approvalGiven(status)}), false)`;

/** A cell that gives a value: filled, and not written as none (—, 无, 不详: as an empty one). */
export const gives = (cell: string) => `(NOT ${blank(cell)} AND NOT rs_no_value(${cell}))`;

/**
 * The cell's date, or of a month (2026.11, 2026年11月) its first day (a joining) or last (a leaving: one in P's own month
 * was paid in P). A 2026.1 is no date: typed 2026.10 into an Excel number cell it is kept so (doubtful-months.ts), and
 * January or October decides here. Such a cell, as any other that gives no date, keeps its row: the evidence says so.
 */
const dateOf = (cell: string, monthDay: 'first' | 'last') => `CASE WHEN NOT coalesce(regexp_full_match(rs_text(${cell}), '\\d{4}\\.1'), false)
  THEN coalesce(rs_date(${cell}), ${monthDay === 'first' ? `rs_month(${cell})` : `last_day(rs_month(${cell}))`}) END`;
export const joinedOn = (cell: string) => dateOf(cell, 'first');
export const leftOn = (cell: string) => dateOf(cell, 'last');

/** The cell gives something that is no date (2026-13-01, 下月, 2026.1). */
export const unreadableDate = (cell: string, read: (cell: string) => string) => `(${gives(cell)} AND (${read(cell)}) IS NULL)`;

/**
 * The rules' tests over the raw row (left_on, joined_on, staff_status), P as typing knows it. A leaving on or after P's
 * first day (or one that cannot be read) keeps the row whatever the status word says; a status word of a leaving not
 * done keeps it too.
 */
export const PAID_INTO_P = `(coalesce(${leftOn('left_on')} >= ${TYPING_PERIOD_START}, false) OR ${unreadableDate('left_on', leftOn)})`;
/** Left before P, where the 人员状态 says nothing (empty, or written as none): off the payroll as 离职 is. */
export const LEFT_BEFORE_P = `NOT ${gives('staff_status')} AND coalesce(${leftOn('left_on')} < ${TYPING_PERIOD_START}, false)`;
/** Joined after P's end: not yet paid in P. */
export const JOINED_AFTER_P = `coalesce(${joinedOn('joined_on')} > ${TYPING_PERIOD_END}, false)`;
