// One workbook row against what the export wrote to it, and against the ledger as it stands now:
// which cells staff changed, which of those may be taken, and why the others may not.
import { LEDGER_COLUMNS, type WrittenValue } from '../../export/ledger-workbook/columns.ts';
import { crossFieldProblem, formatCents, parseStaffValue, type EditableField, type Parsed, type StaffValues } from '../staff-edits.ts';
import { cellText, sameAsWritten, staffInput, storedFromWritten, type PlainCell } from './cell-values.ts';
import { asShownMasked, restoreMaskedIds, restoreMaskedIdsOrRefuse, storedWithSomeIdsMasked } from './staff-text-ids.ts';

type StoredValue = string | number | null;

/** A locked cell that no longer says what was exported. */
export interface LockedChange {
  column: string;
  text: string;
  written: WrittenValue;
}

/** A staff cell whose value differs from the exported one (not merely re-typed by Excel). */
export interface StaffChange {
  field: EditableField;
  column: string;
  text: string;
  parsed: Parsed<StoredValue>;
  /** The stored form of what was exported: with its IDs masked when `idsMasked`. */
  exported: StoredValue;
  /** The column showed its IDs masked (a workbook exported without --unmask): compare and store with the full ones. */
  idsMasked: boolean;
}

export interface RowChanges {
  locked: LockedChange[];
  staff: StaffChange[];
}

/** `unmasked`: the workbook was exported with --unmask, its text columns written as stored. */
export function changesAgainstSnapshot(cells: ReadonlyMap<string, PlainCell>, written: Readonly<Record<string, WrittenValue>>, unmasked: boolean): RowChanges {
  const changes: RowChanges = { locked: [], staff: [] };
  for (const column of LEDGER_COLUMNS) {
    if (!cells.has(column.header) || !(column.header in written)) continue;
    const cell = cells.get(column.header) ?? null;
    const exportedValue = written[column.header] ?? null;
    if (sameAsWritten(column.kind, cell, exportedValue)) continue;
    if (!column.editable) {
      changes.locked.push({ column: column.header, text: cellText(cell), written: exportedValue });
      continue;
    }
    const parsed = parseStaffValue(column.editable, staffInput(column.editable, cell));
    const exported = storedFromWritten(column.editable, exportedValue);
    // "2026/12/5" typed over 2026-12-05, or 1200 over 1200.00: the same value, nothing to import.
    if (parsed.ok && parsed.value === exported) continue;
    changes.staff.push({ field: column.editable, column: column.header, text: cellText(cell), parsed, exported, idsMasked: !unmasked && column.quotesIds === true });
  }
  return changes;
}

export interface AcceptedEdit {
  field: EditableField;
  column: string;
  value: StoredValue;
}

export interface RefusedEdit {
  column: string;
  text: string;
  reason: string;
}

/** The latest audit record of a field made after the workbook was exported: who (its source) and when. */
export interface LaterChange {
  source: string;
  /** As a person reads it, e.g. 2026-12-02 15:40. */
  when: string;
  /**
   * Every change since the export was a scan's: a rescan of the month undoes its run's reopening and makes it again,
   * two records for one value. Nobody decided anything then, and a field holding the exported value takes the edit
   * (until 2026-12-05 a rescan on the same data refused every edit of the reopened findings, saying their value changed).
   */
  byScanOnly?: boolean;
}

/** The row's texts in its other fields (the 整改措施 beside a 备注): a mask there may stand for another person. */
function otherTexts(current: StaffValues, field: EditableField): string[] {
  return Object.entries(current).flatMap(([other, value]) => (other !== field && typeof value === 'string' ? [value] : []));
}

/**
 * Which staff changes to take, given the finding's values now and the fields changed in the ledger since the export
 * (`changedSince`: by `ledger set`, a scan, another workbook or an earlier import of this one). A change the ledger
 * already holds needs nothing (`alreadyInLedger`), so importing the same workbook twice, or a WeChat copy of one
 * imported already, changes nothing and refuses nothing. Any other change to a field changed since the export is not
 * taken, even when it holds the exported value again (a supervisor who put 待核实 back has decided too); nor to one
 * whose value differs from the export with no record of when. Rules across fields are checked on the result.
 * `alreadyHeld` counts the changes the ledger already holds, so the report can say so (until 2026-12-07 they were
 * dropped uncounted, and the same workbook imported twice said nothing of the staff's edits it found in the ledger).
 */
export function decideStaffEdits(
  changes: readonly StaffChange[], current: StaffValues, changedSince: ReadonlyMap<EditableField, LaterChange> = new Map(),
): { accepted: AcceptedEdit[]; refused: RefusedEdit[]; alreadyHeld: number } {
  let accepted: (AcceptedEdit & { text: string })[] = [];
  const refused: RefusedEdit[] = [];
  let alreadyHeld = 0;
  for (const change of changes) {
    if (!change.parsed.ok) {
      refused.push({ column: change.column, text: change.text, reason: change.parsed.reason });
      continue;
    }
    const now = current[change.field];
    if (alreadyInLedger(change, now)) {
      alreadyHeld += 1;
      continue;
    }
    // Like with like: a masked column's export is held to the ledger's value as that workbook would show it. Where
    // they agree, the ledger's value is the one exported, and its IDs are what the masks staff kept stand for.
    const shown = (value: StoredValue) => (change.idsMasked ? asShownMasked(value) : value);
    const exportedStill = shown(now) === shown(change.exported);
    const later = changedSince.get(change.field);
    if ((later && !later.byScanOnly) || !exportedStill) {
      const by = later ? `（${later.source}，${later.when}）` : '';
      refused.push({ column: change.column, text: change.text, reason: `导出后台账中此项已改为「${shownValue(change.field, now)}」${by}，未覆盖` });
      continue;
    }
    // The ledger still holds the exported value: the masks staff kept are its IDs, unless which ID a mask is cannot be
    // told (two IDs masked alike and one moved or dropped, a mask copied, a digit typed against one: staff-text-ids.ts);
    // such a cell is refused, as a mask stored would go over the full IDs.
    const restored = change.idsMasked && typeof change.parsed.value === 'string'
      ? restoreMaskedIdsOrRefuse(change.parsed.value, typeof now === 'string' ? now : null, otherTexts(current, change.field))
      : { ok: true as const, text: change.parsed.value };
    if (!restored.ok) {
      refused.push({ column: change.column, text: change.text, reason: restored.reason });
      continue;
    }
    accepted.push({ field: change.field, column: change.column, value: restored.text, text: change.text });
  }

  const before = crossFieldProblem(current);
  for (;;) {
    const problem = crossFieldProblem(applyEdits(current, accepted));
    // A rule the finding already broke before this row is not this row's doing.
    if (!problem || (before && before.field === problem.field && before.reason === problem.reason)) break;
    const culprit = accepted.find((edit) => edit.field === problem.field)
      ?? accepted.find((edit) => !sameProblem(crossFieldProblem(applyEdits(current, accepted.filter((other) => other !== edit))), problem));
    const dropped = culprit ? [culprit] : accepted;
    for (const edit of dropped) refused.push({ column: edit.column, text: edit.text, reason: problem.reason });
    accepted = accepted.filter((edit) => !dropped.includes(edit));
    if (!culprit) break;
  }
  return { accepted: accepted.map(({ field, column, value }) => ({ field, column, value })), refused, alreadyHeld };
}

/**
 * The ledger holds what the cell says: imported before (the same file again, a WeChat copy 店头镇(1).xlsx, an older
 * month's workbook imported before that month was scanned past), or typed with `ledger set` too. In a column that
 * showed its IDs masked, the typed text is the ledger's when its masks, read as the IDs the ledger's text quotes, give
 * that text back: the ledger's value masked as the workbook masks it, or masked in part where staff typed some of its
 * IDs in full (storedWithSomeIdsMasked). Only ever a reason to write nothing, so a mask never goes over a full ID. Until
 * 2026-12-07 the same workbook imported twice refused every such 备注 (the first import's audit record counted as a
 * later change) and exited 2, and, until a later fix that day, still did where staff had typed an ID in full.
 */
export function alreadyInLedger(change: StaffChange, now: StoredValue): boolean {
  if (!change.parsed.ok) return false;
  const typed = change.parsed.value;
  if (typed === now) return true;
  if (!change.idsMasked || typeof typed !== 'string' || typeof now !== 'string') return false;
  if (restoreMaskedIds(typed, now) === now) return true;
  return !stillAsExported(change, now) && storedWithSomeIdsMasked(typed, now);
}

/**
 * The ledger holds what the workbook showed: the cell is an edit of that, not one imported before. An ID typed in full
 * over one of two masks alike (「经核实 <her ID> 已死亡，其子 M 代领」) is then judged as an edit, and refused where
 * which mask is whose cannot be told (restoreMaskedIdsOrRefuse), so staff see it rather than hear nothing was to do.
 */
function stillAsExported(change: StaffChange, now: StoredValue): boolean {
  return asShownMasked(now) === change.exported;
}

export function applyEdits(current: StaffValues, edits: readonly AcceptedEdit[]): StaffValues {
  const after: StaffValues = { ...current };
  for (const edit of edits) (after as unknown as Record<EditableField, StoredValue>)[edit.field] = edit.value;
  return after;
}

function sameProblem(a: { field: string; reason: string } | null, b: { field: string; reason: string }): boolean {
  return a !== null && a.field === b.field && a.reason === b.reason;
}

/** A stored value as staff would type it (amounts in yuan), as the audit trail shows it; null when empty. */
export function typedValue(field: EditableField, value: StoredValue): string | null {
  if (value === null || value === '') return null;
  return field === 'recovered' ? formatCents(Number(value)) : String(value);
}

function shownValue(field: EditableField, value: StoredValue): string {
  return typedValue(field, value) ?? '（空）';
}
