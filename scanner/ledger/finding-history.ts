// `ledger show`: a finding, its evidence, every scan that saw it and every change made to it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../errors.ts';

export interface FindingHistory {
  finding: Record<string, string | number | null>;
  /**
   * Every month that saw it (run_findings) and every month that carried it unjudged (run_carried, `carried`: tracking
   * `未复查：<why>` or `人工保留：…`, evidence and amount as they stood), by period.
   */
  sightings: { period: string; run_id: string; tracking: string | null; evidence: string | null; overpayment_cents: number | null; carried: boolean }[];
  changes: { changed_at: string; source_kind: string; source: string; field: string; from_value: string | null; to_value: string | null; note: string | null }[];
  closedBy: { period: string; run_id: string } | null;
  /** Spot-check samples that drew this finding's household. */
  samples: { sample_id: string; drawn_at: string; drawn_by: string | null; period: string }[];
}

export async function findingHistory(connection: DuckDBConnection, findingId: string): Promise<FindingHistory> {
  const rows = async (sql: string) =>
    (await connection.runAndReadAll(sql, { id: findingId })).getRowObjectsJson() as Record<string, string | number | null>[];
  const [finding] = await rows(
    `SELECT *, strftime(deadline, '%Y-%m-%d') AS deadline FROM ledger.findings WHERE finding_id = $id`,
  );
  if (!finding) throw new UsageError(`台账中没有问题编号 ${findingId}`, '问题编号见 findings.csv 或台账工作簿的「问题编号」列。');
  // A month carries a finding only when its run did not raise it: one line per month either way.
  const sightings = await rows(
    `SELECT r.period, s.run_id, s.tracking, s.evidence, s.overpayment_cents, s.carried
     FROM (SELECT run_id, tracking, evidence, overpayment_cents, false AS carried FROM ledger.run_findings WHERE finding_id = $id
           UNION ALL
           SELECT run_id, tracking, evidence, overpayment_cents, true FROM ledger.run_carried WHERE finding_id = $id) s
     JOIN ledger.runs r USING (run_id) ORDER BY r.period`,
  );
  const changes = await rows(
    `SELECT strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS changed_at, source_kind, source, field, from_value, to_value, note
     FROM ledger.changes WHERE finding_id = $id ORDER BY change_id`,
  );
  const [closedBy] = await rows(
    `SELECT r.period, r.run_id FROM ledger.findings f JOIN ledger.runs r ON r.run_id = f.closed_run_id WHERE f.finding_id = $id`,
  );
  const samples = await rows(
    `SELECT s.sample_id, strftime(s.drawn_at, '%Y-%m-%dT%H:%M:%SZ') AS drawn_at, s.drawn_by, s.period
     FROM ledger.samples s JOIN ledger.sample_households h USING (sample_id)
     JOIN ledger.findings f ON f.household_id = h.household_id AND f.township IS NOT DISTINCT FROM h.township
     WHERE f.finding_id = $id ORDER BY s.drawn_at`,
  );
  return {
    finding,
    samples: samples as FindingHistory['samples'],
    sightings: sightings.map((s) => ({
      ...s, overpayment_cents: s['overpayment_cents'] == null ? null : Number(s['overpayment_cents']), carried: Boolean(s['carried']),
    }) as FindingHistory['sightings'][number]),
    changes: changes as FindingHistory['changes'],
    closedBy: (closedBy as FindingHistory['closedBy']) ?? null,
  };
}
