// Monthly carry-over (ledger.md): how a scan meets every earlier finding. Staff-typed fields other than status
// and deadline are never touched here; status and deadline change only by the rules below, each change audited.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChanges } from './changes.ts';
import { sqlString } from '../sql-text.ts';
import { AUTO_CLOSED, NEW_STATUS, TERMINAL_SQL, TRACKING } from './statuses.ts';

export interface CarryOverContext {
  runId: string;
  period: string;
  /** The scan date: deadlines count from it and overdue is judged against it. */
  asOf: string;
  /** False when scanning a month older than the ledger's latest: record sightings, change no status. */
  carries: boolean;
  checksRan: readonly string[];
  /** The checks that did not run, each with why, as the month's ledger says it of the open findings they leave unjudged. */
  checksNotRun: readonly { id: string; reason: string }[];
  /** The datasets delivered this month (files holding at least one data row: scan.ts). */
  delivered: readonly string[];
  /** The datasets whose files hold no data row this month (a header alone): not delivered, and named as such. */
  headerOnly: readonly string[];
  at: Date;
}

export interface CarryOverCounts {
  previous_period: string | null;
  /** True when the scanned month is older than the ledger's latest: no statuses were changed. */
  backfill: boolean;
  new: number;
  /** New, still open, overdue, reopened and carried; in a backfill, the findings it raised that are open in the ledger now. */
  open: number;
  overdue: number;
  reopened: number;
  false_positive: number;
  closed_this_period: number;
  auto_closed: number;
  /** Open findings this scan could not judge, carried into the month (未复查 / 人工保留; counted in open and overdue too). */
  carried: number;
  /** The open findings of `open` by severity: what --fail-on looks at. */
  open_by_severity: Record<string, number>;
}

/** Checks (beside the duplicate category) whose findings compare rows of the roll with each other, in other villages too. */
const ROLL_COMPARING = ['data_quality.household-split'];

const OPEN_TRACKINGS = [TRACKING.new, TRACKING.open, TRACKING.overdue, TRACKING.reopened].map((t) => `'${t}'`).join(', ');

/**
 * Temp table `carry`: each finding of this scan with its tracking, from the ledger as it stood before the scan.
 * `reopened_already`: a reopening by the replaced run of this month that staff have acted on since (kept_carry,
 * undo-run.ts): still 整改未到位, but its status and deadline are not set again.
 */
export async function classifySightings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE carry AS
     WITH kept_reopenings AS (
       SELECT finding_id FROM replaced_sightings
       WHERE tracking = '${TRACKING.reopened}' AND finding_id IN (SELECT finding_id FROM kept_carry)
     )
     SELECT s.finding_id, s.deadline_days, f.status AS prior_status, f.deadline AS prior_deadline,
            s.finding_id IN (SELECT finding_id FROM kept_reopenings) AS reopened_already,
            CASE WHEN s.severity = 'info' THEN '${TRACKING.listing}'
                 WHEN NOT $carries THEN '${TRACKING.backfill}'
                 WHEN f.finding_id IS NULL THEN '${TRACKING.new}'
                 WHEN f.status = '误报' THEN '${TRACKING.falsePositive}'
                 -- Closed by staff after this month's data was scanned, now or at an earlier rescan of the month.
                 WHEN f.status IN ${TERMINAL_SQL}
                      AND (s.finding_id IN (SELECT finding_id FROM replaced_sightings WHERE tracking = '${TRACKING.closedThisPeriod}')
                           OR (s.finding_id IN (SELECT finding_id FROM replaced_sightings)
                               AND s.finding_id IN (SELECT finding_id FROM changed_after_replaced))) THEN '${TRACKING.closedThisPeriod}'
                 -- Raised only by the run this scan replaces, and kept for what staff did with it since: still new. Only
                 -- that run's: a finding an earlier rescan left unseen (and 自动销号) is reopened below (until 2026-12-05
                 -- it was 新发现 here, its status left closed).
                 WHEN s.finding_id IN (SELECT finding_id FROM replaced_sightings)
                      AND NOT EXISTS (SELECT 1 FROM ledger.run_findings seen WHERE seen.finding_id = s.finding_id) THEN '${TRACKING.new}'
                 WHEN s.finding_id IN (SELECT finding_id FROM kept_reopenings) THEN '${TRACKING.reopened}'
                 WHEN f.status IN ${TERMINAL_SQL} THEN '${TRACKING.reopened}'
                 WHEN f.deadline < $as_of::DATE THEN '${TRACKING.overdue}'
                 ELSE '${TRACKING.open}' END AS tracking
     FROM scan_sightings s LEFT JOIN ledger.findings f USING (finding_id)`,
    { carries: context.carries, as_of: context.asOf },
  );
}

/** Found again after a fix (or after 自动销号): back to 待核实 with a fresh deadline — the fix did not hold. */
export async function reopenFindings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  const reopened = `FROM carry WHERE tracking = '${TRACKING.reopened}' AND NOT reopened_already`;
  await appendChanges(
    connection, { kind: 'scan', source: `扫描 ${context.period}（运行 ${context.runId}）`, runId: context.runId, at: context.at },
    `SELECT finding_id, 'status' AS field, prior_status AS from_value, '${NEW_STATUS}' AS to_value,
            '${TRACKING.reopened}：' || $period || ' 再次发现' AS note ${reopened}
     UNION ALL
     SELECT finding_id, 'deadline', strftime(prior_deadline, '%Y-%m-%d'), strftime($as_of::DATE + deadline_days, '%Y-%m-%d'),
            '${TRACKING.reopened}，重新计算整改时限' ${reopened}`,
    { period: context.period, as_of: context.asOf },
  );
  await connection.run(
    `UPDATE ledger.findings f SET status = '${NEW_STATUS}', deadline = $as_of::DATE + c.deadline_days, closed_run_id = NULL
     FROM carry c WHERE c.finding_id = f.finding_id AND c.tracking = '${TRACKING.reopened}' AND NOT c.reopened_already`,
    { as_of: context.asOf },
  );
}

/**
 * Temp table `unseen`: each open finding (above info) this scan did not raise, with `carried` — why the scan could not
 * judge it, as its tracking (statuses.ts) — or NULL when the scan looked and it is gone: 自动销号 (autoCloseFindings).
 * The scan looked only where its check ran, the lists the finding was drawn from (source_dataset, compared_datasets)
 * were delivered this month with a data row, and this month's roll has the part of it the finding is in: its
 * township, its village, and in that village persons of its program (特困, or 低保 of its area where its program names
 * one: 城市低保, 农村低保); a finding whose program is unreadable, or that compares rows of the roll with each other
 * (duplicates, household-split), is judged only where the roll lacks no part (village × program) the ledger's last
 * earlier month had: in its village, or in its township. A skipped check, a list not delivered or delivered empty, or a roll part missing from the export
 * proves nothing. (Until 2026-12-02 the lists were not asked: a data_quality finding about a row of a list not delivered
 * that month — a refused deposits row, an invalid ID in the vehicle list, a name conflicting with a vehicle record — was
 * closed as 自动销号 though nothing had looked at it. Until 2026-12-06 a list delivered with its header alone counted as
 * delivered, and the roll was asked only for the township: a month whose 城市低保及特困 roll file was missing, the
 * 农村低保 one there, closed every finding about its persons.) A person taken off a village's roll whose part is
 * otherwise there (停发并核减, the usual end of a death) was looked for: 自动销号. A village whose last 特困 person left
 * keeps its open 特困 findings carried — conservative: nothing this month says more. Nor does the same month's data
 * overrule staff who reopened a 自动销号 of the replaced run of this month since. A backfill judges nothing: `unseen` is
 * empty.
 */
export async function classifyUnseen(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  const notRun = context.checksNotRun.map((c) => `(${sqlString(c.id)}, ${sqlString(c.reason)})`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE checks_not_run AS
     SELECT * FROM (VALUES ${notRun.length > 0 ? notRun.join(', ') : '(NULL, NULL)'}) t(check_id, reason) WHERE check_id IS NOT NULL`,
  );
  // A list whose files hold no data row this month (a header alone) is not delivered either; it is named as such.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE undelivered AS
     SELECT l.dataset, l.label, list_contains(string_split($header_only, ','), l.dataset) AS header_only
     FROM dataset_labels l
     WHERE l.dataset NOT IN (SELECT unnest(string_split($delivered, ',')))`,
    { delivered: context.delivered.join(','), header_only: context.headerOnly.join(',') },
  );
  // Why the lists a finding rests on tell nothing this month ('' when they all do): 缺少 those not delivered, and those
  // delivered with a header alone by name.
  const resting = `FROM undelivered u WHERE (u.dataset = f.source_dataset OR list_contains(string_split(f.compared_datasets, ','), u.dataset))`;
  const missing = `coalesce(concat_ws('，',
                     (SELECT '缺少' || string_agg(u.label, '、' ORDER BY u.dataset) ${resting} AND NOT u.header_only),
                     (SELECT string_agg(u.label, '、' ORDER BY u.dataset) || '没有数据行' ${resting} AND u.header_only)), '')`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE unseen AS
     WITH open_findings AS (
       -- 特困's area is mostly rs_program's guess (农村 unless the value names one): only a 低保 area is asked for.
       SELECT f.*, (rs_program(f.program)).family AS family,
              CASE WHEN (rs_program(f.program)).family = '低保' THEN (rs_program(f.program)).area END AS dibao_area
       FROM ledger.findings f
       WHERE $carries AND f.severity <> 'info' AND f.status NOT IN ${TERMINAL_SQL}
         AND NOT EXISTS (SELECT 1 FROM scan_sightings s WHERE s.finding_id = f.finding_id)
     ),
     roll_parts AS (SELECT DISTINCT township, village, family, area FROM roll),
     -- The parts of the ledger's last earlier month's roll (a village's 特困, or 低保 of an area) this month's lacks.
     lost_parts AS (
       SELECT township, village, family, dibao_area, coalesce(dibao_area, '') || family AS part FROM (
         SELECT township, village, (rs_program(program)).family AS family,
                CASE WHEN (rs_program(program)).family = '低保' THEN (rs_program(program)).area END AS dibao_area
         FROM (SELECT DISTINCT township, village, program FROM ledger.roll_members
               WHERE run_id = (SELECT arg_max(run_id, period) FROM ledger.runs WHERE period < $period))
       ) WHERE family IS NOT NULL AND village IS NOT NULL
       EXCEPT
       SELECT township, village, family, CASE WHEN family = '低保' THEN area END, coalesce(CASE WHEN family = '低保' THEN area END, '') || family FROM roll
     )
     SELECT f.finding_id, f.status,
            CASE WHEN f.check_id NOT IN (SELECT unnest(string_split($checks_ran, ',')))
                   THEN '${TRACKING.notRechecked}：' || coalesce(n.reason, '检查未运行')
                 WHEN ${missing} <> '' THEN '${TRACKING.notRechecked}：本月' || ${missing}
                 WHEN f.township IS NOT NULL AND f.township NOT IN (SELECT township FROM roll_parts WHERE township IS NOT NULL)
                   THEN '${TRACKING.notRechecked}：本月花名册无该乡镇'
                 WHEN f.village IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM roll_parts p WHERE p.township IS NOT DISTINCT FROM f.township AND p.village = f.village)
                   THEN '${TRACKING.notRechecked}：本月花名册中没有' || coalesce(f.township, '') || f.village
                 -- The finding's program family (and a 低保 area it names): the roll file of that program may be the one missing.
                 WHEN f.village IS NOT NULL AND f.family IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM roll_parts p WHERE p.township IS NOT DISTINCT FROM f.township AND p.village = f.village
                          AND p.family = f.family AND (f.dibao_area IS NULL OR p.area = f.dibao_area))
                   THEN '${TRACKING.notRechecked}：本月花名册中没有' || f.village || '的' || coalesce(f.dibao_area, '') || f.family || '人员'
                 -- A finding whose program is unreadable may be about any part of its village's roll; one comparing rows of
                 -- the roll with each other rests on the other rows, wherever in the township: judged only where the roll
                 -- lacks none of the parts the last month's had.
                 WHEN f.village IS NOT NULL AND f.family IS NULL AND EXISTS (
                        SELECT 1 FROM lost_parts l WHERE l.township IS NOT DISTINCT FROM f.township AND l.village = f.village)
                   THEN '${TRACKING.notRechecked}：本月花名册中没有' || f.village || '上期有的' || (
                          SELECT string_agg(DISTINCT l.part, '、' ORDER BY l.part) FROM lost_parts l
                          WHERE l.township IS NOT DISTINCT FROM f.township AND l.village = f.village) || '人员'
                 WHEN (f.category = 'duplicate' OR f.check_id IN (${ROLL_COMPARING.map(sqlString).join(', ')})) AND EXISTS (
                        SELECT 1 FROM lost_parts l WHERE l.township IS NOT DISTINCT FROM f.township)
                   THEN '${TRACKING.notRechecked}：本月花名册中没有' || coalesce(f.township, '') || '上期有的' || (
                          SELECT string_agg(DISTINCT l.part, '、' ORDER BY l.part) FROM lost_parts l
                          WHERE l.township IS NOT DISTINCT FROM f.township) || '人员'
                 WHEN f.finding_id IN (SELECT finding_id FROM kept_carry WHERE finding_id NOT IN (SELECT finding_id FROM replaced_sightings))
                   THEN '${TRACKING.keptByStaff}：本月未再发现，自动销号已由工作人员撤回' END AS carried
     FROM open_findings f LEFT JOIN checks_not_run n USING (check_id)`,
    { carries: context.carries, checks_ran: context.checksRan.join(','), period: context.period },
  );
}

/** Open findings this scan looked for and no longer detects (`unseen` without a reason to carry) are closed as 自动销号 by this run. */
export async function autoCloseFindings(connection: DuckDBConnection, context: CarryOverContext): Promise<number> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE closing AS SELECT finding_id, status FROM unseen WHERE carried IS NULL`);
  await appendChanges(
    connection, { kind: 'scan', source: `扫描 ${context.period}（运行 ${context.runId}）`, runId: context.runId, at: context.at },
    `SELECT c.finding_id, 'status' AS field, c.status AS from_value, '${AUTO_CLOSED}' AS to_value,
            '${AUTO_CLOSED}：' || $period || coalesce(' 该户计入的持有多于此前，由新发现的问题 ' || g.finding_id || ' 一并核查', ' 未再发现') AS note
     FROM closing c LEFT JOIN grown_holdings g ON g.earlier_id = c.finding_id`,
    { period: context.period },
  );
  const closed = await connection.run(
    `UPDATE ledger.findings f SET status = '${AUTO_CLOSED}', closed_run_id = $run_id
     FROM closing c WHERE c.finding_id = f.finding_id`,
    { run_id: context.runId },
  );
  return Number(closed.rowsChanged);
}

/**
 * The open findings this scan could not judge stay open and belong to this month all the same: recorded with the run
 * (ledger.run_carried), they are in its workbooks and findings.csv, counted as open (overdue past their deadline) and
 * by --fail-on. Until 2026-12-02 they were in none of these, and only `ledger set` could still reach them.
 */
export async function carryUnseen(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  await connection.run(
    `INSERT INTO ledger.run_carried
     SELECT $run_id, f.finding_id, f.evidence, f.overpayment_cents, u.carried
     FROM unseen u JOIN ledger.findings f USING (finding_id) WHERE u.carried IS NOT NULL`,
    { run_id: context.runId },
  );
}

export async function countCarryOver(connection: DuckDBConnection, context: CarryOverContext, autoClosed: number): Promise<CarryOverCounts> {
  const previous = await connection.runAndReadAll(`SELECT max(period) FROM ledger.runs WHERE period < $period`, { period: context.period });
  // The month's findings: those the scan raised, by how it met them, and the open ones it carried unjudged. A backfill
  // meets every finding as 补扫 and changes no status: open are those the ledger holds open now, so that --fail-on
  // still sees them (until 2026-12-02 a backfill counted none open and --fail-on never fired on one).
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE month_findings AS
     SELECT c.tracking,
            CASE WHEN $carries THEN c.tracking IN (${OPEN_TRACKINGS})
                 ELSE c.tracking = '${TRACKING.backfill}' AND f.status NOT IN ${TERMINAL_SQL} END AS open,
            c.tracking = '${TRACKING.overdue}' AS overdue, false AS carried, s.severity
     FROM carry c JOIN scan_sightings s USING (finding_id) JOIN ledger.findings f USING (finding_id)
     UNION ALL
     SELECT r.tracking, true, coalesce(f.deadline < $as_of::DATE, false), true, f.severity
     FROM ledger.run_carried r JOIN ledger.findings f USING (finding_id) WHERE r.run_id = $run_id`,
    { as_of: context.asOf, run_id: context.runId, carries: context.carries },
  );
  const counts = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE tracking = '${TRACKING.new}')::INT,
            count(*) FILTER (WHERE open)::INT,
            count(*) FILTER (WHERE overdue)::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.reopened}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.falsePositive}')::INT,
            count(*) FILTER (WHERE tracking = '${TRACKING.closedThisPeriod}')::INT,
            count(*) FILTER (WHERE carried)::INT
     FROM month_findings`,
  );
  const [fresh, open, overdue, reopened, falsePositive, closedThisPeriod, carried] = counts.getRowsJson()[0]!.map(Number) as number[];
  const previousPeriod = previous.getRowsJson()[0]?.[0];
  const bySeverity = await connection.runAndReadAll(`SELECT severity, count(*)::INT FROM month_findings WHERE open GROUP BY 1 ORDER BY 1`);
  return {
    previous_period: previousPeriod == null ? null : String(previousPeriod),
    backfill: !context.carries,
    new: fresh!, open: open!, overdue: overdue!, reopened: reopened!, false_positive: falsePositive!,
    closed_this_period: closedThisPeriod!, auto_closed: autoClosed, carried: carried!,
    open_by_severity: Object.fromEntries(bySeverity.getRowsJson().map(([severity, n]) => [String(severity), Number(n)])),
  };
}
