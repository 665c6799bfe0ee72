// The remediation statuses of ledger.md (整改状态) and what a scan may do with them.

/** What staff may set, in the order the workbook's drop-down lists them. */
export const STAFF_STATUSES = ['待核实', '核实中', '已整改', '已清退', '已追回', '已备案', '误报'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const NEW_STATUS = '待核实';
export const FALSE_POSITIVE = '误报';
/** Set by a scan, never by staff: the finding was no longer detected while still open. */
export const AUTO_CLOSED = '自动销号';

/** Closed statuses; a finding found again in one of these (except 误报) is reopened as 整改未到位. */
export const TERMINAL_STATUSES = ['已整改', '已清退', '已追回', '已备案', FALSE_POSITIVE, AUTO_CLOSED] as const;

/** SQL list literal of the terminal statuses, for `status IN ${TERMINAL_SQL}`. */
export const TERMINAL_SQL = `(${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * How a scan met each finding it raised (run_findings.tracking), against the ledger as it stood:
 * the workbook's 跟踪情况 column and the carry-over counts of summary.json.
 */
export const TRACKING = {
  new: '新发现',
  open: '持续',
  overdue: '逾期',
  reopened: '整改未到位',
  falsePositive: '误报',
  /** Closed by staff after this month's data was scanned: the same data cannot show the fix failed. */
  closedThisPeriod: '已办结',
  /** Scanned period older than the ledger's latest: recorded, no status changes. */
  backfill: '补扫',
  /** Info listings (e.g. filed cadre relatives) are not remediation items. */
  listing: '清单',
  /**
   * Still open, not raised by this scan because it could not judge it (its check did not run, its township is not
   * on this month's roll …): carried into the month as `未复查：<why>` (ledger.run_carried), neither closed nor lost.
   */
  notRechecked: '未复查',
  /** Still open, not found this month, its 自动销号 by this month's run undone by staff since: carried as `人工保留：…`. */
  keptByStaff: '人工保留',
} as const;
