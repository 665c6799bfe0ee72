// Rows whose 问题编号 no longer stands beside its finding: staff sorted (or cut and pasted) a block of rows and left the
// 问题编号 column out of the selection — the sheet's protection has no password, and Excel sorts whatever is selected.
// The import matches rows by 问题编号 alone, so until 2026-12-06 such a row's 整改状态, 备注, 整改措施 and 整改时限
// went into whichever finding's number was left beside them: one person's finding closed 已清退 with a note about
// another, whose own finding stayed open and lost its note. What the export wrote to every row tells such a row.
import { FINDING_ID_HEADER, LEDGER_COLUMNS, type WrittenValue } from '../../export/ledger-workbook/columns.ts';
import type { SnapshotRow } from '../../export/ledger-workbook/snapshot-sheet.ts';
import { maskIdNumber } from '../../mask-id.ts';
import { cellText, sameAsWritten, type PlainCell } from './cell-values.ts';
import { personKey, type UnnumberedRow, type WorkbookRow } from './read-ledger-workbook.ts';

export interface MisalignedRow {
  row: number;
  findingId: string;
  /** Why, as the report says it: which columns no longer match, and whose finding the row now shows. */
  reason: string;
}

/** The identifying columns in the order the report names them: whom first. */
const SHOWN_FIRST = ['姓名', '身份证号', '家庭编号', '检查项', '问题描述'];
/** 序号 is left behind by the same sort (and renumbered by others); 问题编号 is what the row is matched by. */
const NOT_CONTENT = new Set(['序号', FINDING_ID_HEADER]);
const CONTENT_COLUMNS = LEDGER_COLUMNS.filter((column) => !NOT_CONTENT.has(column.header));
const KIND_OF = new Map(LEDGER_COLUMNS.map((column) => [column.header, column.kind]));
/** Columns staff do not fill in: an edit of 整改状态 or 整改措施 can match a case staff typed, the scan's columns cannot. */
const LOCKED = new Set(LEDGER_COLUMNS.filter((column) => !column.editable).map((column) => column.header));
/** Columns moved together from one other finding: one alone can be a value copied from the row above. */
const MOVED_COLUMNS_NEEDED = 2;
/** Who a row is about: what staff put right when the roll misspelt it. */
const PERSON_COLUMNS = ['姓名', '身份证号'];
/**
 * The scan's own text, which staff never correct (locked): one of them changed with the person is another row. Not
 * 家庭编号: roll text that staff retype and Excel cuts to 15 digits (3.71329E+15) beside a corrected 姓名.
 */
const MACHINE_COLUMNS = ['检查项', '问题描述'];
/**
 * Two findings of one person, household and check (two duplicate registrations of one ID) differ in 问题描述 alone: a
 * sort that swaps them moves nothing else, so this one column, lost by the other finding's row, is enough.
 */
const TELLS_ALONE = '问题描述';

/** Where the row's content came from, as the report says it. */
type Holder = { findingId: string } | { unnumberedRow: number } | { nobody: true };

/**
 * The rows of one sheet that are no longer their 问题编号's row. A row is moved when it shows another exported
 * finding's person and check (家庭编号, 姓名, 身份证号, 检查项); when two or more of its columns hold what another finding
 * of the sheet was exported with while that finding's own row no longer does (moved there, not copied: a sort of
 * 整改措施 … 备注 alone moves 首次发现 and 跟踪情况 along), or its 问题描述 alone does; when its own exported person,
 * or two of the scan's columns as exported, now stand on a row without 问题编号 (a case staff typed under the table,
 * which the same sort traded places with); or when its 姓名 or 身份证号 changed together with 家庭编号, 检查项 or
 * 问题描述, which staff never correct. A sort need not show another finding: a row staff added has none, and until 2026-12-07 such a row's
 * content was taken as the finding's (高文's finding reopened 核实中 with another person's note, its 已清退 lost).
 * A row that only differs from its export in 姓名 and 身份证号 is staff's correction (a misspelt 姓名 and a digit of the
 * 身份证号 put right on one row): its locked columns are listed as 此列不可修改 and its staff columns taken.
 */
export function misalignedRows(
  rows: readonly WorkbookRow[], exported: ReadonlyMap<string, SnapshotRow>, unnumbered: readonly UnnumberedRow[],
): MisalignedRow[] {
  const firstRow = new Map<string, WorkbookRow>();
  for (const row of rows) if (!firstRow.has(row.findingId)) firstRow.set(row.findingId, row);
  const ownerOfPerson = new Map<string, string>();
  for (const snapshotRow of exported.values()) {
    const key = personKey((column) => snapshotRow.values[column] ?? null);
    if (key !== null && !ownerOfPerson.has(key)) ownerOfPerson.set(key, snapshotRow.findingId);
  }
  const found: MisalignedRow[] = [];
  for (const row of firstRow.values()) {
    const own = exported.get(row.findingId);
    if (!own) continue;
    const differing = CONTENT_COLUMNS.filter(({ header }) =>
      readHere(row, own, header) && !sameCell(header, row.cells.get(header) ?? null, own.values[header] ?? null))
      .map((column) => column.header);
    if (differing.length === 0) continue;
    const key = personKey((column) => row.cells.get(column) ?? null);
    // A row still showing its own person and check is its row, even if another finding was exported with the same.
    const personOf = key === null || key === personKey((column) => own.values[column] ?? null) ? undefined : ownerOfPerson.get(key);
    const holder: Holder | undefined = (personOf === undefined ? undefined : { findingId: personOf })
      ?? movedFrom(row, own, firstRow, exported)
      ?? movedToUnnumbered(row, own, differing, unnumbered)
      ?? (differing.some((header) => PERSON_COLUMNS.includes(header)) && differing.some((header) => MACHINE_COLUMNS.includes(header))
        ? { nobody: true } : undefined);
    if (holder === undefined) continue;
    found.push({ row: row.row, findingId: row.findingId, reason: reasonOf(row, own, differing, holder) });
  }
  return found;
}

/** Another finding of the sheet whose exported values two or more of the row's columns (or its 问题描述) now hold, and its own row lost. */
function movedFrom(row: WorkbookRow, own: SnapshotRow, rows: ReadonlyMap<string, WorkbookRow>, exported: ReadonlyMap<string, SnapshotRow>): Holder | undefined {
  for (const [otherId, otherRow] of rows) {
    const other = exported.get(otherId);
    if (otherId === row.findingId || !other || other.sheet !== own.sheet) continue;
    const taken = CONTENT_COLUMNS.filter(({ header }) => readHere(row, own, header) && header in other.values
      && !sameWritten(own.values[header] ?? null, other.values[header] ?? null)
      && sameCell(header, row.cells.get(header) ?? null, other.values[header] ?? null));
    // Copied from the row above, that row still holds them; moved by a sort, it holds some other row's. Staff moving
    // findings along in step (this one 核实中 by 王干事 as that one was exported, that one now 已清退) look the same, and
    // are refused too: a sort of two rows' staff columns leaves exactly that, and content cannot tell them apart.
    const lost = taken.some(({ header }) => !sameCell(header, otherRow.cells.get(header) ?? null, other.values[header] ?? null));
    const enough = taken.length >= MOVED_COLUMNS_NEEDED || taken.some(({ header }) => header === TELLS_ALONE);
    if (enough && lost) return { findingId: otherId };
  }
  return undefined;
}

/**
 * A row without 问题编号 that now holds this row's exported person (when this row shows someone else) or two of the
 * scan's columns this row no longer has. A row staff copied under the table as a start for their own case leaves the
 * original in place, and an original edited since still holds its person and the scan's columns; staff columns are
 * not counted, as staff's own case can well be typed with the same 整改状态 and 整改措施 as a finding was edited from.
 */
function movedToUnnumbered(row: WorkbookRow, own: SnapshotRow, differing: readonly string[], unnumbered: readonly UnnumberedRow[]): Holder | undefined {
  const ownKey = personKey((column) => own.values[column] ?? null);
  const showsOwnPerson = ownKey === personKey((column) => row.cells.get(column) ?? null);
  // A copy staff made below as a start for their own case leaves the original's scan columns in place, a sort does not.
  const lostScanColumn = differing.some((header) => LOCKED.has(header) && !PERSON_COLUMNS.includes(header));
  for (const other of unnumbered) {
    if (!showsOwnPerson && lostScanColumn && ownKey !== null && personKey((column) => other.cells.get(column) ?? null) === ownKey) return { unnumberedRow: other.row };
    const carried = differing.filter((header) => LOCKED.has(header) && !sameWritten(own.values[header] ?? null, null)
      && other.cells.has(header) && sameCell(header, other.cells.get(header) ?? null, own.values[header] ?? null));
    if (carried.length >= MOVED_COLUMNS_NEEDED) return { unnumberedRow: other.row };
  }
  return undefined;
}

function reasonOf(row: WorkbookRow, own: SnapshotRow, differing: readonly string[], holder: Holder): string {
  const identity = SHOWN_FIRST.filter((header) => differing.includes(header));
  const named = identity.length > 0 ? identity : differing;
  const columns = `${named.slice(0, 2).join('、')}${named.length > 2 ? '等' : ''}`;
  const details: string[] = [];
  if (identity.includes('姓名')) details.push(`导出时姓名为「${cellText(written(own, '姓名'))}」，现为「${cellText(row.cells.get('姓名') ?? null)}」`);
  if ('findingId' in holder) details.push(`现为问题编号 ${holder.findingId} 的内容`);
  else if ('unnumberedRow' in holder) details.push(`此问题导出时的内容现在第 ${holder.unnumberedRow} 行，该行没有问题编号`);
  else details.push('检查项、问题描述不会因更正姓名或身份证号而改变');
  details.push('可能排序时未选中问题编号列');
  return `${columns}与问题编号 ${row.findingId} 导出时不符（${details.join('；')}），此行的填报未导入；请恢复原顺序后重新导入`;
}

/** Columns the sheet still has and the export wrote for this row (a workbook of an older layout may lack some). */
function readHere(row: WorkbookRow, own: SnapshotRow, header: string): boolean {
  return row.cells.has(header) && header in own.values;
}

/** As exported; the full ID typed over its masked form (身份证号 exported without --unmask) is the same person. */
function sameCell(header: string, cell: PlainCell, value: WrittenValue): boolean {
  if (sameAsWritten(KIND_OF.get(header) ?? 'text', cell, value)) return true;
  return header === '身份证号' && value !== null && maskIdNumber(cellText(cell)) === String(value).trim();
}

function sameWritten(a: WrittenValue, b: WrittenValue): boolean {
  return (a === null ? '' : String(a).trim()) === (b === null ? '' : String(b).trim());
}

function written(row: SnapshotRow, header: string): PlainCell {
  return row.values[header] ?? null;
}
