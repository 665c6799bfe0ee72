// `rollsweep ledger set ID --status S [--note ...] [--recovered AMOUNT] …`: change one finding by hand.
import { withLedger } from '../../ledger/with-ledger.ts';
import { maskIdsInText } from '../../mask-id.ts';
import { setFinding } from '../../ledger/set-finding.ts';
import { EDITABLE_FIELDS, formatCents } from '../../ledger/staff-edits.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerSetArgs {
  ledger: string;
  id: string;
  status?: string;
  note?: string;
  recovered?: string;
  remedy?: string;
  responsible?: string;
  deadline?: string;
  by?: string;
}

export async function runLedgerSetCommand(args: LedgerSetArgs, io: CliIo): Promise<number> {
  const by = args.by ?? operatorName();
  const result = await withLedger(args.ledger, (connection) => setFinding(connection, args.id.trim(), {
    status: args.status, note: args.note, recovered: args.recovered, remedy: args.remedy, responsible: args.responsible, deadline: args.deadline,
  }, by));
  if (result.changed.length === 0) {
    io.out(`${args.id}：没有变化（台账中已是这些值）\n`);
    return EXIT.ok;
  }
  // Staff text may quote an ID (已核实 3713… 为干部母亲): masked here as in every output a person reads (cron keeps this one).
  const show = (field: keyof typeof EDITABLE_FIELDS, value: string | number | null) =>
    value == null ? '（空）' : field === 'recovered' ? `${formatCents(Number(value))}` : maskIdsInText(String(value));
  io.out(`已更新 ${args.id}（${by}）：\n`);
  for (const field of result.changed) {
    io.out(`  ${EDITABLE_FIELDS[field]}：${show(field, result.before[field])} → ${show(field, result.after[field])}\n`);
  }
  return EXIT.ok;
}
