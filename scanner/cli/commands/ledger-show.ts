// `rollsweep ledger show ID`: the finding, its evidence and its whole history, for a person at a terminal.
import type { DuckDBConnection } from '@duckdb/node-api';
import { format } from 'date-fns';
import { builtInChecks } from '../../engine/registry.ts';
import { findingHistory, type FindingHistory } from '../../ledger/finding-history.ts';
import { recordExport } from '../../ledger/record-export.ts';
import { categoryLabel, SEVERITY_LABELS } from '../../ledger/labels.ts';
import { EDITABLE_FIELDS, formatCents, type EditableField } from '../../ledger/staff-edits.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import { maskIdNumber, maskIdsUnless } from '../../mask-id.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface LedgerShowArgs {
  ledger: string;
  id: string;
  unmask: boolean;
}

const SOURCE_KINDS: Record<string, string> = { scan: '扫描', command: '命令', workbook: '工作簿' };

export async function runLedgerShowCommand(args: LedgerShowArgs, io: CliIo): Promise<number> {
  const history = await withLedger(args.ledger, async (connection) => {
    const found = await findingHistory(connection, args.id.trim());
    // Full IDs on a screen are a disclosure like a workbook's: logged before they are printed, so that none goes unrecorded.
    if (args.unmask) await recordUnmaskedShow(connection, found);
    return found;
  });
  io.out(`${describeFinding(history, args.unmask).join('\n')}\n`);
  return EXIT.ok;
}

async function recordUnmaskedShow(connection: DuckDBConnection, { finding, sightings }: FindingHistory): Promise<void> {
  const last = sightings.at(-1);
  await recordExport(connection, {
    exportedAt: new Date(), period: last?.period ?? '', runId: last?.run_id ?? '', outDir: '', kind: 'show',
    unmasked: true, files: [String(finding['finding_id'])], exportedBy: operatorName(),
  });
}

/** Months that carried the finding unjudged list it too: their evidence and amount are the last ones found. */
function carriedNote(sightings: FindingHistory['sightings']): string {
  const carried = sightings.filter((s) => s.carried).length;
  return carried === 0 ? '' : `  其中 ${carried} 个月未复查，沿用此前的证据和金额`;
}

function describeFinding({ finding: f, sightings, changes, closedBy, samples }: FindingHistory, unmask: boolean): string[] {
  const text = (value: unknown) => (value == null || value === '' ? '—' : String(value));
  // What staff typed (a note, a remedy, an audit record's values) may quote an ID as the evidence does: masked alike
  // (until 2026-12-05 `其子 371329199003031035 称已代领` was printed whole).
  // So is the roll's own text: a 家庭编号 that is the head's ID, an ID read into a name column (whole until 2026-12-06).
  const typed = (value: unknown) => maskIdsUnless(text(value), unmask);
  const money = (cents: unknown) => (cents == null ? '—' : `${formatCents(Number(cents))} 元`);
  const check = builtInChecks().find((c) => c.id === f['check_id']);
  const idNumber = f['id_number'] == null ? '—' : unmask ? String(f['id_number']) : maskIdNumber(String(f['id_number']));
  const lines = [
    `问题编号  ${text(f['finding_id'])}`,
    `检查项    ${text(f['check_id'])} ${check?.title ?? ''}（${categoryLabel(String(f['category']))}，${SEVERITY_LABELS[f['severity'] as 'high'] ?? text(f['severity'])}）`,
    `地点      ${[f['county'], f['township'], f['village']].filter(Boolean).join(' ') || '—'}  家庭编号 ${typed(f['household_id'])}  户主 ${typed(f['head_name'])}`,
    `对象      ${typed(f['name'])}  ${idNumber}  ${typed(f['program'])}`,
    `问题描述  ${typed(f['evidence'])}`,
    `多发金额  ${money(f['overpayment_cents'])}    已追回 ${money(f['recovered_cents'])}`,
    `文件依据  ${check?.basis ?? '—'}`,
    `建议措施  ${check?.remedy ?? '—'}`,
    `来源      ${text(f['source_file'])}${f['source_line'] == null ? '' : ` 第 ${f['source_line']} 行`}`,
    '',
    `整改状态  ${text(f['status'])}${closedBy ? `（${closedBy.period} 扫描未再发现，运行 ${closedBy.run_id}）` : ''}`,
    `整改时限  ${text(f['deadline'])}    首次发现 ${text(f['first_seen'])}    最近发现 ${text(f['last_seen'])}`,
    `整改措施  ${typed(f['remedy'])}    责任人 ${typed(f['responsible'])}`,
    `备注      ${typed(f['note'])}`,
    '',
    `历次扫描（${sightings.length}）${carriedNote(sightings)}`,
    ...sightings.map((s) => `  ${s.period}  ${text(s.tracking)}  多发 ${money(s.overpayment_cents)}  运行 ${s.run_id}`),
    '',
    `变更记录（${changes.length}）`,
    ...changes.map((c) => {
      const label = EDITABLE_FIELDS[c.field as EditableField] ?? c.field;
      const value = (v: string | null) => (v == null ? '（空）' : typed(v));
      // A scan's source names itself (扫描 2026-11（运行 …）): the kind is not said twice.
      const kind = SOURCE_KINDS[c.source_kind] ?? c.source_kind;
      const source = c.source.startsWith(kind) ? c.source : `${kind} ${c.source}`;
      return `  ${format(new Date(c.changed_at), 'yyyy-MM-dd HH:mm')}  ${source}  ${label}：${value(c.from_value)} → ${value(c.to_value)}${c.note ? `  （${typed(c.note)}）` : ''}`;
    }),
  ];
  if (samples.length > 0) {
    lines.push('', `抽查记录（本户被抽中 ${samples.length} 次）`);
    for (const s of samples) lines.push(`  ${format(new Date(s.drawn_at), 'yyyy-MM-dd HH:mm')}  ${s.period}  抽样 ${s.sample_id}  ${text(s.drawn_by)}`);
  }
  return lines;
}
