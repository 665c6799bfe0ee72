// `ledger show`: a finding, its evidence, every scan that saw it and every change made to it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';

export interface FindingHistory {
  finding: Record<string, string | number | null>;
  sightings: { period: string; run_id: string; tracking: string | null; evidence: string | null; overpayment_cents: number | null }[];
  changes: { changed_at: string; source_kind: string; source: string; field: string; from_value: string | null; to_value: string | null; note: string | null }[];
  closedBy: { period: string; run_id: string } | null;
}

export async function findingHistory(connection: DuckDBConnection, findingId: string): Promise<FindingHistory> {
  const rows = async (sql: string) =>
    (await connection.runAndReadAll(sql, { id: findingId })).getRowObjectsJson() as Record<string, string | number | null>[];
  const [finding] = await rows(
    `SELECT *, strftime(deadline, '%Y-%m-%d') AS deadline FROM ledger.findings WHERE finding_id = $id`,
  );
  if (!finding) throw new UsageError(`台账中没有问题编号 ${findingId}`, '问题编号见 findings.csv 或台账工作簿的「问题编号」列。');
  const sightings = await rows(
    `SELECT r.period, s.run_id, s.tracking, s.evidence, s.overpayment_cents
     FROM ledger.run_findings s JOIN ledger.runs r USING (run_id) WHERE s.finding_id = $id ORDER BY r.period`,
  );
  const changes = await rows(
    `SELECT strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS changed_at, source_kind, source, field, from_value, to_value, note
     FROM ledger.changes WHERE finding_id = $id ORDER BY change_id`,
  );
  const [closedBy] = await rows(
    `SELECT r.period, r.run_id FROM ledger.findings f JOIN ledger.runs r ON r.run_id = f.closed_run_id WHERE f.finding_id = $id`,
  );
  return {
    finding,
    sightings: sightings.map((s) => ({ ...s, overpayment_cents: s['overpayment_cents'] == null ? null : Number(s['overpayment_cents']) }) as FindingHistory['sightings'][number]),
    changes: changes as FindingHistory['changes'],
    closedBy: (closedBy as FindingHistory['closedBy']) ?? null,
  };
}
