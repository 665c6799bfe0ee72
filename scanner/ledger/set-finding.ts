// `ledger set`: one person changes one finding's staff-owned fields, validated like a workbook cell, audited.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';
import { crossFieldProblem, EDITABLE_FIELDS, parseStaffValue, readStaffValues, writeStaffValues, type EditableField, type StaffValues } from './staff-edits.ts';
import { inTransaction } from './transaction.ts';

export type FindingChanges = Partial<Record<EditableField, string>>;

export interface SetResult {
  before: StaffValues;
  after: StaffValues;
  changed: EditableField[];
}

export async function setFinding(
  connection: DuckDBConnection, findingId: string, changes: FindingChanges, by: string, at = new Date(),
): Promise<SetResult> {
  const given = (Object.keys(changes) as EditableField[]).filter((field) => changes[field] !== undefined);
  if (given.length === 0) throw new UsageError('没有要修改的内容', '请至少给出 --status、--note、--recovered、--remedy、--responsible 或 --deadline 之一。');
  return inTransaction(connection, async () => {
    const before = await readStaffValues(connection, findingId);
    if (!before) throw new UsageError(`台账中没有问题编号 ${findingId}`, '问题编号见 findings.csv 或台账工作簿的「问题编号」列。');
    const after: StaffValues = { ...before };
    for (const field of given) {
      const parsed = parseStaffValue(field, changes[field]);
      if (!parsed.ok) throw new UsageError(`${EDITABLE_FIELDS[field]}：${parsed.reason}`);
      (after as unknown as Record<EditableField, string | number | null>)[field] = parsed.value;
    }
    const problem = crossFieldProblem(after);
    if (problem) throw new UsageError(problem.reason, `例如：${problem.example}`);
    const changed = await writeStaffValues(connection, findingId, before, after, { kind: 'command', source: `ledger set（${by}）`, at }, changes.note);
    return { before, after, changed };
  });
}
