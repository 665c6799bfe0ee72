// The 汇总 sheet opening each workbook: per village, findings by category, how many are closed, open or overdue,
// and the money involved; a 合计 row at the bottom.
import type * as ExcelTypes from 'exceljs';
import { CATEGORIES } from '../../engine/define-check.ts';
import { CATEGORY_LABELS } from '../../ledger/labels.ts';
import type { LedgerRow } from '../../ledger/ledger-rows.ts';
import { AUTO_CLOSED, FALSE_POSITIVE, TERMINAL_STATUSES } from '../../ledger/statuses.ts';
import { formatYuan } from '../../report/format.ts';
import { SUMMARY_SHEET } from './names.ts';
import { isOpen, isOverdue } from './overdue.ts';
import { headerStyle, printSetup, summaryCellStyle, TITLE_STYLE } from './styles.ts';
import { protectStreamedSheet, STAFF_SHEET_PERMISSIONS } from './sheet-protection.ts';
import { displayWidth } from './text-width.ts';

export interface VillageGroup {
  label: string;
  rows: readonly LedgerRow[];
  /**
   * Findings of earlier months no longer in the month's rows (closed by staff, 误报 or 自动销号 before the month was
   * scanned; report/earlier-findings.ts), counted in the money only, as the report counts them.
   */
  earlier: readonly LedgerRow[];
}

/** The counting columns after 村(社区), with how each counts a village's rows. */
const COUNTS: { header: string; counts: (row: LedgerRow, asOf: string) => boolean }[] = [
  ...CATEGORIES.map((category) => ({ header: CATEGORY_LABELS[category], counts: (row: LedgerRow) => row.category === category })),
  { header: '合计', counts: () => true },
  { header: '未办结', counts: (row) => isOpen(row) },
  { header: '已办结', counts: (row) => isTerminal(row) && row.status !== FALSE_POSITIVE && row.status !== AUTO_CLOSED },
  { header: FALSE_POSITIVE, counts: (row) => row.status === FALSE_POSITIVE },
  { header: AUTO_CLOSED, counts: (row) => row.status === AUTO_CLOSED },
  { header: '逾期', counts: (row, asOf) => isOverdue(row, asOf) },
];

const AMOUNTS: { header: string; cents: (row: LedgerRow) => number | null }[] = [
  // A 误报 was never overpaid: counted, the township's total disagreed with the report's 应追回金额 (until 2026-12-02).
  { header: '多发金额(元)', cents: (row) => (row.status === FALSE_POSITIVE ? null : row.overpaymentCents) },
  // Whatever became of the finding since: until 2026-12-06 money recovered on a finding closed before the month (3,120
  // recovered in October, the finding 已追回) left the 汇总 of every later month, which showed less than October's.
  { header: '已追回金额(元)', cents: (row) => row.recoveredCents },
];

export const SUMMARY_HEADERS = ['村(社区)', ...COUNTS.map((c) => c.header), ...AMOUNTS.map((a) => a.header)];

function isTerminal(row: LedgerRow): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(row.status);
}

export async function writeSummarySheet(
  workbook: ExcelTypes.stream.xlsx.WorkbookWriter,
  content: { title: string; villages: readonly VillageGroup[]; asOf: string; notes: readonly string[] },
): Promise<void> {
  const lines = [
    ...content.villages.map((village) => ({ label: village.label, rows: village.rows, earlier: village.earlier, total: false })),
    { label: '合计', rows: content.villages.flatMap((village) => village.rows), earlier: content.villages.flatMap((village) => village.earlier), total: true },
  ];
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3', activeCell: 'A3' }],
    pageSetup: printSetup('1:2'),
  });
  // A streamed sheet writes its column widths before its first row.
  sheet.getColumn(1).width = Math.min(24, Math.max(10, ...lines.map((line) => displayWidth(line.label) + 2)));
  SUMMARY_HEADERS.slice(1).forEach((header, i) => {
    sheet.getColumn(i + 2).width = Math.min(14, Math.max(8, Math.ceil(displayWidth(header) / 2) + 2));
  });

  const titleRow = sheet.getRow(1);
  titleRow.height = 28;
  titleRow.getCell(1).value = content.title;
  titleRow.getCell(1).style = TITLE_STYLE;
  sheet.mergeCells(1, 1, 1, SUMMARY_HEADERS.length);
  titleRow.commit();
  const header = sheet.getRow(2);
  header.height = 32;
  SUMMARY_HEADERS.forEach((text, i) => {
    header.getCell(i + 1).value = text;
    header.getCell(i + 1).style = headerStyle(false);
  });
  header.commit();

  lines.forEach((line, index) => {
    const counts = COUNTS.map((column) => line.rows.filter((row) => column.counts(row, content.asOf)).length);
    const amounts = AMOUNTS.map((column) => [...line.rows, ...line.earlier].reduce((sum, row) => sum + (column.cents(row) ?? 0), 0) / 100);
    const excelRow = sheet.getRow(3 + index);
    [line.label, ...counts, ...amounts].forEach((value, i) => {
      const cell = excelRow.getCell(i + 1);
      cell.value = value;
      cell.style = summaryCellStyle(i === 0 ? 'text' : i > COUNTS.length ? 'amount' : 'count', line.total);
    });
    excelRow.commit();
  });
  // The month's own notes (the moment its statuses are at, the checks its scan did not run) go into the one 注 cell:
  // people and tools alike read the line under the table as the sheet's note.
  const noteRow = sheet.getRow(3 + lines.length + 1);
  noteRow.getCell(1).value = `注：已办结指已整改、已清退、已追回、已备案；逾期指未办结且整改时限早于 ${content.asOf}；金额单位为元`
    + `${earlierNote(lines[lines.length - 1]!.earlier)}。${content.notes.join('')}`;
  noteRow.getCell(1).style = { font: { size: 9, color: { argb: 'FF595959' } }, protection: { locked: true } };
  noteRow.commit();
  await protectStreamedSheet(sheet, STAFF_SHEET_PERMISSIONS);
  sheet.commit();
}

/** What the money columns hold beyond the village sheets, in the words of the report; '' when nothing. */
function earlierNote(earlier: readonly LedgerRow[]): string {
  if (earlier.length === 0) return '';
  // The open ones (a backfill's, or reopened by staff after the month's scan) are not called closed: until 2026-12-06 they were.
  const yuan = (rows: readonly LedgerRow[], column: (typeof AMOUNTS)[number]) => formatYuan(rows.reduce((sum, row) => sum + (column.cents(row) ?? 0), 0));
  const money = (rows: readonly LedgerRow[]) => `（多发 ${yuan(rows, AMOUNTS[0]!)} 元，已追回 ${yuan(rows, AMOUNTS[1]!)} 元）`;
  const closed = earlier.filter((row) => !isOpen(row));
  const open = earlier.filter(isOpen);
  return `；金额含${[
    closed.length > 0 ? `此前各月已办结、误报或销号、不在本月台账中的 ${closed.length} 条问题${money(closed)}，问题办结后追回的钱仍计入` : '',
    open.length > 0 ? `补扫发现或本月扫描后重新打开、未列入本月台账的未办结问题 ${open.length} 条${money(open)}` : '',
  ].filter(Boolean).join('；')}，与排查整改报告一致`;
}
