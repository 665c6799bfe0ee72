// The columns of a village's 整改台账 sheet, in order: what each shows, how it is typed, and which staff may edit.
// The writer fills them and the import reads them back by header text, so both sides share this one list.
import { builtInChecks } from '../../engine/registry.ts';
import { categoryLabel } from '../../ledger/labels.ts';
import type { LedgerRow } from '../../ledger/ledger-rows.ts';
import { EDITABLE_FIELDS, type EditableField } from '../../ledger/staff-edits.ts';
import { maskIdNumber, maskIdsInText } from '../../mask-id.ts';

/** How a cell is written and compared: amounts in yuan with 2 decimals, dates as real date cells. */
export type ColumnKind = 'text' | 'integer' | 'amount' | 'date';

/** What a cell holds as written (and as kept in the snapshot): dates as YYYY-MM-DD, amounts in yuan. */
export type WrittenValue = string | number | null;

export interface LedgerColumn {
  header: string;
  kind: ColumnKind;
  /** Set for the columns staff fill in; every other column is locked. */
  editable?: EditableField;
  /** Widest a column grows to fit its text; longer text wraps. */
  maxWidth: number;
  /**
   * Narrowest it starts, for the staff columns: they are mostly empty when exported, and sized to their header alone
   * they left 整改措施, 责任人 and 备注 three characters wide to type into (until 2026-12-03). MIN_COLUMN_WIDTH otherwise.
   */
  minWidth?: number;
  /**
   * Free text that may quote an ID number: the evidence, and what staff type (整改措施, 责任人, 备注: "已核实
   * 371329198507071071 本人已死亡"). Written with every ID masked unless --unmask (writtenValue), and an import puts the
   * full IDs back where staff kept the masked ones (ledger/import/staff-text-ids.ts). Until 2026-12-05 the staff columns
   * were written as stored: an ID typed into 备注 was shown whole in every later workbook, and in its hidden snapshot.
   * The roll's own text too (家庭编号, 户主姓名, 姓名, 救助类别): a 家庭编号 that is the head's ID, an ID read into a
   * name column, were written whole until 2026-12-06. Those columns are locked: the snapshot keeps them as
   * written (masked), so a cell left as shown is no edit.
   */
  quotesIds?: true;
  value: (row: LedgerRow, context: RowContext) => WrittenValue;
}

export interface RowContext {
  serial: number;
  unmask: boolean;
}

const checksById = new Map(builtInChecks().map((check) => [check.id, check]));

function yuan(cents: number | null): number | null {
  return cents == null ? null : cents / 100;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '序号', kind: 'integer', maxWidth: 6, value: (_row, context) => context.serial },
  { header: '问题编号', kind: 'text', maxWidth: 22, value: (row) => row.findingId },
  { header: '乡镇', kind: 'text', maxWidth: 14, value: (row) => row.township },
  { header: '村(社区)', kind: 'text', maxWidth: 16, value: (row) => row.village },
  { header: '家庭编号', kind: 'text', maxWidth: 20, quotesIds: true, value: (row) => row.householdId },
  { header: '户主姓名', kind: 'text', maxWidth: 12, quotesIds: true, value: (row) => row.headName },
  { header: '姓名', kind: 'text', maxWidth: 12, quotesIds: true, value: (row) => row.name },
  { header: '身份证号', kind: 'text', maxWidth: 21, value: (row, context) => (context.unmask ? row.idNumber : maskIdNumber(row.idNumber) || null) },
  { header: '救助类别', kind: 'text', maxWidth: 12, quotesIds: true, value: (row) => row.program },
  { header: '问题类型', kind: 'text', maxWidth: 20, value: (row) => categoryLabel(row.category) },
  { header: '检查项', kind: 'text', maxWidth: 28, value: (row) => checksById.get(row.checkId)?.title ?? row.checkId },
  { header: '问题描述', kind: 'text', maxWidth: 50, quotesIds: true, value: (row) => row.evidence },
  { header: '多发金额(元)', kind: 'amount', maxWidth: 16, value: (row) => yuan(row.overpaymentCents) },
  // What should be recovered is the overpayment itself; staff fill in what actually came back next to it.
  { header: '应追回金额(元)', kind: 'amount', maxWidth: 16, value: (row) => yuan(row.overpaymentCents) },
  { header: EDITABLE_FIELDS.recovered, kind: 'amount', editable: 'recovered', minWidth: 12, maxWidth: 16, value: (row) => yuan(row.recoveredCents) },
  { header: '文件依据', kind: 'text', maxWidth: 40, value: (row) => checksById.get(row.checkId)?.basis ?? null },
  { header: EDITABLE_FIELDS.remedy, kind: 'text', editable: 'remedy', quotesIds: true, minWidth: 20, maxWidth: 30, value: (row) => row.remedy },
  { header: EDITABLE_FIELDS.responsible, kind: 'text', editable: 'responsible', quotesIds: true, minWidth: 10, maxWidth: 12, value: (row) => row.responsible },
  { header: EDITABLE_FIELDS.deadline, kind: 'date', editable: 'deadline', minWidth: 12, maxWidth: 12, value: (row) => row.deadline },
  { header: EDITABLE_FIELDS.status, kind: 'text', editable: 'status', minWidth: 10, maxWidth: 10, value: (row) => row.status },
  { header: '首次发现', kind: 'text', maxWidth: 10, value: (row) => row.firstSeen },
  { header: '跟踪情况', kind: 'text', maxWidth: 12, value: (row) => row.tracking },
  { header: EDITABLE_FIELDS.note, kind: 'text', editable: 'note', quotesIds: true, minWidth: 16, maxWidth: 30, value: (row) => row.note },
];

/** What a row's cell is written with (and kept as in the snapshot): the column's value, its IDs masked unless --unmask. */
export function writtenValue(column: LedgerColumn, row: LedgerRow, context: RowContext): WrittenValue {
  const value = column.value(row, context);
  return column.quotesIds && !context.unmask && typeof value === 'string' ? maskIdsInText(value) : value;
}

export const FINDING_ID_HEADER = '问题编号';

/** Column widths the writer never goes below: a header of two characters still needs room for the filter arrow. */
export const MIN_COLUMN_WIDTH = 6;
