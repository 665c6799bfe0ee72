// The staff-owned fields of a finding, how typed values are read, and applying them with an audit record.
// Both `ledger set` and `ledger import` come through here, so a workbook and the command obey the same rules.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChanges, type ChangeSource } from './changes.ts';
import { FALSE_POSITIVE, STAFF_STATUSES, TERMINAL_STATUSES } from './statuses.ts';

/** Editable fields with their workbook column (ledger.md "Editable cells"). */
export const EDITABLE_FIELDS = {
  remedy: '整改措施',
  responsible: '责任人',
  deadline: '整改时限',
  status: '整改状态',
  recovered: '已追回金额(元)',
  note: '备注',
} as const;
export type EditableField = keyof typeof EDITABLE_FIELDS;

/** A finding's staff-owned values as stored: deadline YYYY-MM-DD, recovered in cents. */
export interface StaffValues {
  status: string;
  remedy: string | null;
  responsible: string | null;
  deadline: string | null;
  recovered: number | null;
  note: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_TEXT = 1000;

/** Reads what a person typed (or a workbook cell held) into the stored form of `field`. Blank clears the field. */
export function parseStaffValue(field: EditableField, input: string | number | Date | null | undefined): Parsed<string | number | null> {
  if (input instanceof Date) return field === 'deadline' ? { ok: true, value: isoDate(input) } : { ok: false, reason: '此处应填文字或数字，不是日期' };
  const text = input == null ? '' : String(input).trim();
  if (field === 'status') {
    if (text === '') return { ok: false, reason: '不能为空' };
    return (STAFF_STATUSES as readonly string[]).includes(text)
      ? { ok: true, value: text }
      : { ok: false, reason: `「${text}」不在可选列表中（${STAFF_STATUSES.join('、')}）` };
  }
  if (text === '') return { ok: true, value: null };
  if (field === 'deadline') return parseDeadline(text);
  if (field === 'recovered') return parseYuanToCents(typeof input === 'number' ? input : text);
  if (text.length > MAX_TEXT) return { ok: false, reason: `内容过长（${text.length} 字，最多 ${MAX_TEXT} 字）` };
  return { ok: true, value: text };
}

function isoDate(date: Date): string {
  // Workbook dates arrive as UTC midnight of the calendar day typed.
  return date.toISOString().slice(0, 10);
}

/**
 * Digits and punctuation as a Chinese input method types them (２０２６年１２月３１日, １２００．５０, ２０２６／１２／３１,
 * ￥１，２００) read as the ASCII ones: NFKC folds the full-width forms, and 。 between digits is a decimal point.
 */
function foldWidth(text: string): string {
  return text.normalize('NFKC').replace(/(?<=\d)。(?=\d)/g, '.');
}

function parseDeadline(text: string): Parsed<string> {
  // A date pasted as text, or typed in WPS, can carry the time of day: 2026-12-31 00:00:00, 2026/12/31 0:00.
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/
    .exec(foldWidth(text));
  if (!match) return { ok: false, reason: `「${text}」不是日期（应如 2026-12-31）` };
  if (match.slice(4).some((part) => part !== undefined && Number(part) !== 0)) {
    return { ok: false, reason: `「${text}」带有时刻，整改时限只填日期（应如 2026-12-31）` };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: `「${text}」不是有效日期` };
  }
  if (year < 2000 || year > 2100) return { ok: false, reason: `「${text}」的年份不合理` };
  return { ok: true, value: isoDate(date) };
}

/** Yuan as typed (1234.5, 1,234.50, 1234.50元, ¥12, full-width １２００) to exact cents; never negative, at most 2 decimals. */
export function parseYuanToCents(input: string | number): Parsed<number> {
  if (typeof input === 'number') {
    // A numeric cell: binary floating point, so accept it when it is whole cents to within rounding noise.
    const cents = Math.round(input * 100);
    if (Number.isFinite(input) && input >= 0 && Math.abs(input * 100 - cents) < 1e-6 && cents < 1e12) return { ok: true, value: cents };
    return { ok: false, reason: `「${input}」不是金额（应为不小于 0、最多两位小数的元数，如 1234.50）` };
  }
  const text = foldWidth(input).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, reason: `「${input}」不是金额（应为不小于 0、最多两位小数的元数，如 1234.50）` };
  return { ok: true, value: Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) };
}

/**
 * Rules across fields, on the values a finding would have after the edit: 误报 needs a note, 已追回 an amount, and a
 * finding still open its 整改时限 (cleared, it was never 逾期 again: until 2026-12-02 a workbook could do so).
 * `example`: the `ledger set` options that satisfy the rule.
 */
export function crossFieldProblem(after: StaffValues): { field: EditableField; reason: string; example: string } | null {
  if (after.deadline === null && !(TERMINAL_STATUSES as readonly string[]).includes(after.status)) {
    return { field: 'deadline', reason: '未办结的问题须有整改时限，不能清空', example: '--deadline 2026-12-31' };
  }
  if (after.status === FALSE_POSITIVE && !after.note?.trim()) {
    return { field: 'status', reason: '标为「误报」须在备注中写明理由', example: '--status 误报 --note "经入户核实，车辆已于 2025 年过户"' };
  }
  if (after.status === '已追回' && !(after.recovered && after.recovered > 0)) {
    return { field: 'status', reason: '标为「已追回」须填写已追回金额', example: '--status 已追回 --recovered 4824.50' };
  }
  return null;
}

export async function readStaffValues(connection: DuckDBConnection, findingId: string): Promise<StaffValues | null> {
  const reader = await connection.runAndReadAll(
    `SELECT status, remedy, responsible, strftime(deadline, '%Y-%m-%d') AS deadline, recovered_cents AS recovered, note
     FROM ledger.findings WHERE finding_id = $id`,
    { id: findingId },
  );
  const row = reader.getRowObjectsJson()[0];
  if (!row) return null;
  return {
    status: String(row['status']),
    remedy: (row['remedy'] as string | null) ?? null,
    responsible: (row['responsible'] as string | null) ?? null,
    deadline: (row['deadline'] as string | null) ?? null,
    recovered: row['recovered'] == null ? null : Number(row['recovered']),
    note: (row['note'] as string | null) ?? null,
  };
}

const COLUMN_OF: Record<EditableField, string> = {
  status: 'status', remedy: 'remedy', responsible: 'responsible', deadline: 'deadline', recovered: 'recovered_cents', note: 'note',
};

/**
 * Writes the fields of `after` that differ from `before`, one audit row each, and returns the fields changed.
 * Callers validate first (parseStaffValue, crossFieldProblem) and own the transaction.
 */
export async function writeStaffValues(
  connection: DuckDBConnection, findingId: string, before: StaffValues, after: StaffValues, source: ChangeSource, note?: string,
): Promise<EditableField[]> {
  const changed = (Object.keys(COLUMN_OF) as EditableField[]).filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return [];
  const assignments = changed.map((field) => `${COLUMN_OF[field]} = $${field}${field === 'deadline' ? '::DATE' : ''}`);
  // A finding staff reopen or close by hand is no longer "closed by a scan".
  const closedRun = changed.includes('status') ? ', closed_run_id = NULL' : '';
  await connection.run(
    `UPDATE ledger.findings SET ${assignments.join(', ')}${closedRun} WHERE finding_id = $id`,
    { id: findingId, ...Object.fromEntries(changed.map((field) => [field, after[field]])) },
  );
  const rows = changed.map((field, i) =>
    `SELECT $id AS finding_id, '${field}' AS field, $from${i} AS from_value, $to${i} AS to_value, $note AS note`);
  await appendChanges(connection, source, rows.join(' UNION ALL '), {
    id: findingId, note: note ?? null,
    ...Object.fromEntries(changed.flatMap((field, i) => [[`from${i}`, display(field, before[field])], [`to${i}`, display(field, after[field])]])),
  });
  return changed;
}

/** The audit trail shows amounts in yuan, as staff typed them. */
function display(field: EditableField, value: string | number | null): string | null {
  if (value == null) return null;
  return field === 'recovered' ? formatCents(Number(value)) : String(value);
}

export function formatCents(cents: number): string {
  return `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}
