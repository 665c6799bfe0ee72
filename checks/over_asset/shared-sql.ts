// SQL the over_asset checks share: who the household's members are, and one finding per household from its holdings.
import { datasetSpec, type DatasetName } from '../../scanner/datasets/catalog.ts';
import { BASIS_DIBAO_RULES, citeRow, notMemberRows } from '../shared-sql.ts';

export const BASIS_ASSETS = `《社会救助暂行办法》(国务院令第649号) 第九条；${BASIS_DIBAO_RULES} 关于家庭财产状况认定的规定`;
export const REMEDY_ASSETS = '入户核查家庭经济状况，超标的依规清退';

/**
 * A person on an active roll row without a 家庭编号 (empty, or lost to Excel's scientific notation) is a household of
 * his own here, keyed by his ID after a character no 家庭编号 holds: his own car or payroll post is found (until
 * 2026-12-01 he was silently left out of every asset check), and data_quality.missing-field / bad-value report the gap.
 */
const UNIT = `coalesce(household_id, chr(1) || id_number)`;
/**
 * The roll rows whose person is no member of their household (notMemberRows), found once per scan by the table's row
 * ids as the first of HOUSEHOLD_TABLES: MEMBER_ROW is tested three times in each of the two tables' ACTIVE_ROWS, where
 * each test was a pattern and a probe of the households.
 */
const NOT_MEMBERS = notMemberRows();
/** A roll row whose person is the household's member: 在保, and none of NOT_MEMBERS. A row with no 家庭编号 is one. */
const MEMBER_ROW = `(roll.active AND roll.rowid NOT IN (SELECT row_id FROM shared_asset_not_members))`;
/**
 * The member rows the households are made of. A row without a 家庭编号 whose person is on a member row of a
 * household is no person alone: he is that household's member (until 2026-12-05 his car was found twice, for the
 * household and for him alone). Such persons are looked for among the few rows without a 家庭编号 only: a NOT IN over
 * every household row's ID built a hash of the whole roll, twice per scan (about a fifth of these tables' time on B1M).
 */
const ACTIVE_ROWS = `roll WHERE ${MEMBER_ROW} AND (household_id IS NOT NULL OR (id_number IS NOT NULL AND id_number NOT IN (
  SELECT id_number FROM roll WHERE ${MEMBER_ROW} AND household_id IS NOT NULL AND id_number IN (
    SELECT id_number FROM roll WHERE ${MEMBER_ROW} AND household_id IS NULL AND id_number IS NOT NULL))))`;

/**
 * The household tables the five over_asset checks share (defineCheck's `prepare`: built once per scan, in this order):
 * shared_asset_not_members (NOT_MEMBERS), shared_asset_members (one row per household and person on a member row) and
 * shared_asset_households (one row per household with at least one member row: its location, area, program, member
 * count, and whether it is a person alone for want of a 家庭编号). Only member rows count (MEMBER_ROW): a 停保/退保 row,
 * or one read as 在保 that says she left (出嫁, 分户), is someone the household no longer claims as 保障人口 (moved out,
 * married out, removed after review), so neither their holdings nor their head count belong to the household being
 * paid. data_quality.amount-over-standard takes its member count from here.
 */
export const HOUSEHOLD_TABLES = [
  { table: 'shared_asset_not_members', sql: NOT_MEMBERS },
  {
    table: 'shared_asset_members',
    sql: `
      -- The name as on the person's first row: one arg_min of both columns (two cost 20% more at a million persons).
      -- extra_rows (his rows beyond the first) is for shared_asset_households' member count; the checks do not see it.
      SELECT household_id, id_number, first_row.name, first_row.name_key, extra_rows FROM (
        SELECT ${UNIT} AS household_id, id_number, arg_min({'name': name, 'name_key': name_key}, (_file, _line)) AS first_row,
               count(*) - 1 AS extra_rows
        FROM ${ACTIVE_ROWS} AND id_number IS NOT NULL GROUP BY ALL)`,
  },
  {
    table: 'shared_asset_households',
    sql: `
      SELECT household_id, alone, "at",
             -- A person on two rows of one household is one member; a row without a usable ID is still someone. The rows
             -- less the members' repeated rows (a few hundred at a million persons), not a count(DISTINCT id_number),
             -- which cost about a tenth of these tables' time on B1M.
             active_rows - coalesce(repeated_rows, 0) AS member_count,
             -- The most common area, 农村 on a tie: the first in sort order, as mode(area ORDER BY area) gives it.
             CASE WHEN urban_rows > rural_rows THEN '城市' WHEN rural_rows > 0 THEN '农村' END AS area,
             urban_rows > 0 AND rural_rows > 0 AS area_disputed
      FROM (
        SELECT ${UNIT} AS household_id, bool_or(household_id IS NULL) AS alone,
               -- Location, program and the standard's county from one row, so that they belong together: the head's,
               -- else the lowest ID's, passing over a row whose 县区, then one whose 救助类别, is blank (where the head's
               -- row alone was read, a blank cell there left the household judged by the default standard, or by none).
               arg_min({'county': county, 'township': township, 'village': village, 'program': program},
                       (county IS NULL, program IS NULL, NOT coalesce(is_head, false), id_number, _file, _line)) AS at,
               -- The standard's area from all the household's rows, as data_quality.amount-over-standard takes it, so
               -- that one household has one standard. Its rows are counted by area (城市 or 农村) rather than taking a
               -- mode of the text: at a million persons a text aggregate here costs a tenth of the table.
               count(*) FILTER (WHERE area = '城市') AS urban_rows, count(*) FILTER (WHERE area = '农村') AS rural_rows,
               count(*) AS active_rows
        FROM ${ACTIVE_ROWS} GROUP BY ${UNIT}
      ) LEFT JOIN (
        SELECT household_id, sum(extra_rows)::BIGINT AS repeated_rows FROM shared_asset_members WHERE extra_rows > 0 GROUP BY ALL
      ) USING (household_id)`,
  },
];

/** CTEs `households` and `members` over HOUSEHOLD_TABLES, which the check must list in its `prepare`. */
export const HOUSEHOLDS_AND_MEMBERS = `
  households AS (SELECT * FROM shared_asset_households),
  members AS (SELECT household_id, id_number, name, name_key FROM shared_asset_members)`;

/** Whether a text contains any word of a list parameter ($…): the one test the usage reader uses too. */
export { containsAny } from '../../scanner/sql-text.ts';

/**
 * Evidence note when the reference list names the member otherwise (m = members, x = the list row); a masked name (王*明)
 * that could be the member's is no other name (rs_name_could_be; until 2026-12-06 it was noted 需核实身份).
 */
export const nameNote = (x: string) =>
  `CASE WHEN ${x}.name IS NOT NULL AND coalesce(NOT rs_name_could_be(${x}.name_key, m.name_key), true) THEN '（名单姓名「' || ${x}.name || '」，需核实身份）' ELSE '' END`;

/** "机动车登记信息（file 第N行）": where a holding was found (x = the list row). */
export const cite = (dataset: DatasetName, x: string) => `'${datasetSpec(dataset).label}（' || ${citeRow(x)} || '）'`;

/**
 * The fact of a household's holdings: its kind and every holding's key, sorted. The ledger reads it back
 * (factListsHoldings): a month holding only some of them continues the finding. Changing this text re-keys every open
 * finding of these checks in existing ledgers.
 */
export const holdingsFact = (kind: string) => `'${kind}|' || string_agg(DISTINCT holding_key, ',' ORDER BY holding_key)`;

/**
 * One finding per household from a CTE `holdings` (household_id, member_id, member_name, holding,
 * holding_key, triggers, _file, _line): the subject is the first member by ID whose holding triggers
 * it, subject_key '' so the finding id is the household's, and the evidence lists every holding.
 * A person alone for want of a 家庭编号 is a finding of his own, without a 家庭编号, and the evidence says so.
 * `fact` is an SQL expression over the group (stable content only); `lead` opens the evidence.
 */
export const householdFindings = (dataset: DatasetName, fact: string, lead: string) => `
  SELECT min(member_id) FILTER (WHERE triggers) AS subject_id,
         arg_min(member_name, member_id) FILTER (WHERE triggers) AS subject_name,
         CASE WHEN h.alone THEN min(member_id) ELSE '' END AS subject_key,
         h.at.county AS county, h.at.township AS township, h.at.village AS village,
         CASE WHEN h.alone THEN NULL ELSE household_id END AS household_id, h.at.program AS program,
         ${fact} AS fact,
         CASE WHEN h.alone THEN '花名册中此人的家庭编号为空或无法识别，按本人核查；' ELSE '' END ||
         ${lead} || string_agg(member_name || '：' || holding, '；' ORDER BY member_id, holding_key, _file, _line) AS evidence,
         '${dataset}' AS source_dataset,
         arg_min(_file, (member_id, holding_key, _file, _line)) FILTER (WHERE triggers) AS source_file,
         arg_min(_line, (member_id, holding_key, _file, _line)) FILTER (WHERE triggers) AS source_line
  FROM holdings JOIN households h USING (household_id)
  GROUP BY household_id, h.at, h.alone
  HAVING bool_or(triggers)`;
