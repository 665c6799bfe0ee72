// Monthly carry-over (ledger.md): how a scan meets every earlier finding. Staff-typed fields other than status
// and deadline are never touched here; status and deadline change only by the rules below, each change audited.
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendChanges } from './changes.ts';
import { sqlString } from '../sql-text.ts';
import { AUTO_CLOSED, NEW_STATUS, TERMINAL_SQL, TRACKING } from './statuses.ts';

export type { CarryOverCounts } from './carry-over-counts.ts';

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

/** Checks (beside the duplicate category) whose findings compare rows of the roll with each other, in other villages too. */
const ROLL_COMPARING = ['data_quality.household-split'];

/**
 * SQL condition on finding `f`: raised only by backfills (scans of a month older than the ledger's latest), never met by
 * a month's carry-over. Such a finding, e.g. a dead man paid in August found after October and November were scanned,
 * is about its own month's payments: a later month not raising it says nothing of them, so it stays open, carried into
 * every month (未复查) until staff close it. Until 2026-12-06 the next month closed it as 自动销号 and it was in no
 * workbook staff could import: the money paid to the dead was never asked back. A finding with no sighting left (its
 * month rescanned without it) is not one: the month's own data no longer shows it. Nor is what a backfill found of a
 * finding a later month tracks under another id (a renumbered household): its sighting is recorded under that finding
 * (continued-findings.ts), not carried as a second one.
 */
const BACKFILL_ONLY = `(EXISTS (SELECT 1 FROM ledger.run_findings s WHERE s.finding_id = f.finding_id)
  AND NOT EXISTS (SELECT 1 FROM ledger.run_findings s WHERE s.finding_id = f.finding_id AND s.tracking IS DISTINCT FROM '${TRACKING.backfill}'))`;

/**
 * Temp table `carry`: each finding of this scan with its tracking, from the ledger as it stood before the scan.
 * `reopened_already`: a reopening by the replaced run of this month that staff have acted on since (kept_carry,
 * undo-run.ts): still 整改未到位, but its status and deadline are not set again. `month_tracking`: how the month records
 * it (run_findings): its tracking, but in a rescan of a month once a later one is scanned, how the replaced run met it —
 * the later month carried on from that account, which the rescan cannot apply again (carries false) — and 补扫 only for
 * what that run did not raise. Until 2026-12-06 such a rescan recorded every finding as 补扫: the month's findings.csv,
 * workbook and trend row lost its 新发现, 整改未到位 and 未复查.
 */
export async function classifySightings(connection: DuckDBConnection, context: CarryOverContext): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE carry AS
     SELECT c.*, CASE WHEN $carries THEN c.tracking ELSE coalesce(r.tracking, c.tracking) END AS month_tracking
     FROM (
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
     FROM scan_sightings s LEFT JOIN ledger.findings f USING (finding_id)
     ) c LEFT JOIN replaced_sightings r USING (finding_id)`,
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
 * empty. Nor does a month judge a finding only backfills raised (BACKFILL_ONLY): it is about an older month's data,
 * which this month's scan does not look at again, and the months after it had been scanned before it was found.
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
       ) l WHERE family IS NOT NULL AND village IS NOT NULL
         -- A last month's 低保 without an area (a ledger's roll recorded before 2026-12-06 kept 救助类别 as written, not
         -- the area read from 城乡类别 or the file's name: stated-area.ts) is there in any 低保 of the village this month.
         AND NOT EXISTS (SELECT 1 FROM roll r WHERE r.township IS NOT DISTINCT FROM l.township AND r.village = l.village
                           AND r.family = l.family AND (l.dibao_area IS NULL OR (r.family = '低保' AND r.area = l.dibao_area)))
     )
     SELECT f.finding_id, f.status,
            CASE WHEN ${BACKFILL_ONLY}
                   THEN '${TRACKING.notRechecked}：' || f.first_seen || CASE WHEN f.last_seen <> f.first_seen THEN ' 至 ' || f.last_seen ELSE '' END
                        || ' 补扫发现，本月扫描不复查该月'
                 WHEN f.check_id NOT IN (SELECT unnest(string_split($checks_ran, ',')))
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
  // A rescan of a month once a later one is scanned judges nothing (`unseen` is empty): what the replaced run carried
  // into the month and this scan does not raise stays carried, as the replaced run recorded it (see month_tracking).
  await connection.run(
    `INSERT INTO ledger.run_carried
     SELECT $run_id, r.finding_id, r.evidence, r.overpayment_cents, r.tracking
     FROM replaced_carried r
     WHERE NOT $carries AND r.finding_id IN (SELECT finding_id FROM ledger.findings)
       AND r.finding_id NOT IN (SELECT finding_id FROM scan_sightings)`,
    { run_id: context.runId, carries: context.carries },
  );
}
