// Rows whose 问题编号 no longer stands beside its finding: staff sorted (or cut and pasted) a block of rows and left the
// 问题编号 column out of the selection — the sheet's protection has no password, and Excel sorts whatever is selected.
// The import matches rows by 问题编号 alone, so until 2026-12-06 such a row's 整改状态, 备注, 整改措施 and 整改时限
// went into whichever finding's number was left beside them: one person's finding closed 已清退 with a note about
// another, whose own finding stayed open and lost its note. What the export wrote to every row tells such a row.
import { FINDING_ID_HEADER, LEDGER_COLUMNS, type WrittenValue } from '../../export/ledger-workbook/columns.ts';
import type { SnapshotRow } from '../../export/ledger-workbook/snapshot-sheet.ts';
import { maskIdNumber } from '../../mask-id.ts';
import { cellText, sameAsWritten, type PlainCell } from './cell-values.ts';
import { personKey, type WorkbookRow } from './read-ledger-workbook.ts';

export interface MisalignedRow {
  row: number;
  findingId: string;
  /** Why, as the report says it: which columns no longer match, and whose finding the row now shows. */
  reason: string;
}

/** Who and what a finding is about. Two of them other than exported: the row shows another finding (or nobody's). */
const IDENTITY_HEADERS = ['家庭编号', '姓名', '身份证号', '检查项', '问题描述'];
/** The identifying columns in the order the report names them: whom first. */
const SHOWN_FIRST = ['姓名', '身份证号', '家庭编号', '检查项', '问题描述'];
/** 序号 is left behind by the same sort (and renumbered by others); 问题编号 is what the row is matched by. */
const NOT_CONTENT = new Set(['序号', FINDING_ID_HEADER]);
const CONTENT_COLUMNS = LEDGER_COLUMNS.filter((column) => !NOT_CONTENT.has(column.header));
const KIND_OF = new Map(LEDGER_COLUMNS.map((column) => [column.header, column.kind]));
/** Columns moved together from one other finding: one alone can be a value copied from the row above. */
const MOVED_COLUMNS_NEEDED = 2;

/**
 * The rows of one sheet that are no longer their 问题编号's row: they name another exported finding's person and
 * check (家庭编号, 姓名, 身份证号, 检查项), two of the identifying columns differ from the export, or two or more columns
 * hold what another finding of the sheet was exported with while that finding's own row no longer does (moved there,
 * not copied: a sort of 整改措施 … 备注 alone moves 首次发现 and 跟踪情况 along). A single corrected 姓名 is none of these.
 */
export function misalignedRows(rows: readonly WorkbookRow[], exported: ReadonlyMap<string, SnapshotRow>): MisalignedRow[] {
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
      readHere(row, own, header) && !sameCell(header, row.cells.get(header) ?? null, own.values[header] ?? null));
    if (differing.length === 0) continue;
    const identityChanged = IDENTITY_HEADERS.filter((header) => differing.some((column) => column.header === header) && !filledIn(header, own));
    const key = personKey((column) => row.cells.get(column) ?? null);
    // A row still showing its own person and check is its row, even if another finding was exported with the same.
    const personOf = key === null || key === personKey((column) => own.values[column] ?? null) ? undefined : ownerOfPerson.get(key);
    const holder = personOf ?? movedFrom(row, own, firstRow, exported);
    if (holder === undefined && identityChanged.length < 2) continue;
    found.push({ row: row.row, findingId: row.findingId, reason: reasonOf(row, own, differing.map((column) => column.header), holder) });
  }
  return found;
}

/** Another finding of the sheet whose exported values two or more of the row's columns now hold, and its own row lost. */
function movedFrom(row: WorkbookRow, own: SnapshotRow, rows: ReadonlyMap<string, WorkbookRow>, exported: ReadonlyMap<string, SnapshotRow>): string | undefined {
  for (const [otherId, otherRow] of rows) {
    const other = exported.get(otherId);
    if (otherId === row.findingId || !other || other.sheet !== own.sheet) continue;
    const taken = CONTENT_COLUMNS.filter(({ header }) => readHere(row, own, header) && header in other.values
      && !sameWritten(own.values[header] ?? null, other.values[header] ?? null)
      && sameCell(header, row.cells.get(header) ?? null, other.values[header] ?? null));
    // Copied from the row above, that row still holds them; moved by a sort, it holds some other row's.
    const lost = taken.some(({ header }) => !sameCell(header, otherRow.cells.get(header) ?? null, other.values[header] ?? null));
    if (taken.length >= MOVED_COLUMNS_NEEDED && lost) return otherId;
  }
  return undefined;
}

function reasonOf(row: WorkbookRow, own: SnapshotRow, differing: readonly string[], holder: string | undefined): string {
  const identity = SHOWN_FIRST.filter((header) => differing.includes(header));
  const named = identity.length > 0 ? identity : differing;
  const columns = `${named.slice(0, 2).join('、')}${named.length > 2 ? '等' : ''}`;
  const details: string[] = [];
  if (identity.includes('姓名')) details.push(`导出时姓名为「${cellText(written(own, '姓名'))}」，现为「${cellText(row.cells.get('姓名') ?? null)}」`);
  if (holder !== undefined) details.push(`现为问题编号 ${holder} 的内容`);
  details.push('可能排序时未选中问题编号列');
  return `${columns}与问题编号 ${row.findingId} 导出时不符（${details.join('；')}），此行的填报未导入；请恢复原顺序后重新导入`;
}

/** Columns the sheet still has and the export wrote for this row (a workbook of an older layout may lack some). */
function readHere(row: WorkbookRow, own: SnapshotRow, header: string): boolean {
  return row.cells.has(header) && header in own.values;
}

/** A 身份证号 the export left empty (no valid ID in the roll) that staff typed in: a correction, not another person. */
function filledIn(header: string, own: SnapshotRow): boolean {
  return header === '身份证号' && cellText(written(own, header)) === '';
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
