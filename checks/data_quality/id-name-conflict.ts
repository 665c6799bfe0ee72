// data_quality.id-name-conflict: one normalised ID carries different names on the roll, or on the roll and a reference list.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';
import { householdPlace, sameVillage } from '../duplicate/shared-sql.ts';

export default defineCheck({
  id: 'data_quality.id-name-conflict',
  category: 'data_quality',
  severity: 'medium',
  title: '同一身份证号码对应不同姓名',
  description: '同一个身份证号码在花名册内，或在花名册与其他部门名单之间，姓名不一致（已忽略空格、全角半角、间隔号和繁简差异；银行等部门隐去部分字的姓名如「王*明」「王某某」，与字数相同、未隐去的字逐位相同的姓名视为一致，两个都隐去部分字的姓名不作比较）：可能是录入错误，也可能是冒用身份证。号码出现在几户，就在每一户各列一条；家庭编号为空或无法识别的行，所在村没有此号码有编号的家庭的，按该村另一户计。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第三章 审核确认',
  inputs: ['roll'],
  sql: `
    -- Two names of one ID, one of them the roll's: a sighting (the roll's own rows too) meets the ID's roll rows of
    -- another name in the join, so only those few are grouped, not the million roll IDs. A roll row without a name
    -- passes every named sighting of its ID: an ID no roll row names conflicts only between the lists (min ≠ max).
    -- Until 2026-12-06 every sighting of a roll ID was grouped, the roll's IDs made DISTINCT first (this check's median
    -- 3.0 s against 2.2 s since, on B1M's tables with the machine loaded).
    WITH several_names AS (
      SELECT o.id_number FROM id_occurrences o
      JOIN roll r ON r.id_number = o.id_number AND o.name_key IS DISTINCT FROM r.name_key
      WHERE o.name_key IS NOT NULL
      GROUP BY o.id_number HAVING bool_or(r.name_key IS NOT NULL) OR min(o.name_key) <> max(o.name_key)
    ),
    sightings AS (
      SELECT id_number,
             string_agg(DISTINCT name_key, '/' ORDER BY name_key) AS names_seen,
             list(DISTINCT name_key) AS name_keys,
             string_agg(dataset_label || '「' || name || '」(' || ${citeRow('named')} || ')', '；' ORDER BY dataset <> 'roll', _file, _line) AS sightings,
             -- The other lists the conflict rests on: a month without one of them cannot show it resolved.
             string_agg(DISTINCT dataset, ',' ORDER BY dataset) FILTER (WHERE dataset <> 'roll') AS compared_datasets
      FROM id_occurrences named SEMI JOIN several_names USING (id_number) WHERE name_key IS NOT NULL GROUP BY id_number
    ),
    -- A list's 王*明 (a bank masks names) is not another name than the roll's 王小明: only two names that cannot be one
    -- conflict (rs_name_could_be). The names of these few IDs are paired, not the roll's.
    names AS (SELECT id_number, unnest(name_keys) AS name_key FROM sightings),
    conflicts AS (
      SELECT * FROM sightings SEMI JOIN (
        SELECT a.id_number FROM names a JOIN names b ON a.id_number = b.id_number AND a.name_key < b.name_key
        WHERE NOT rs_name_could_be(a.name_key, b.name_key)) USING (id_number)
    ),
    holders AS (SELECT * FROM roll SEMI JOIN conflicts USING (id_number)),
    -- The villages of the ID's numbered households (any member's row), as duplicate.two-households reads them.
    numbered_villages AS (
      SELECT DISTINCT c.id_number, h.township, h.village
      FROM (SELECT DISTINCT id_number, household_id FROM holders WHERE household_id IS NOT NULL) c JOIN roll h USING (household_id)
      WHERE h.village IS NOT NULL
    ),
    -- One finding per roll household holding the ID (the evidence lists every sighting): when the ID is in two
    -- households, both villages have to check which name is right. A row without a 家庭编号 is a household of its
    -- village unless a numbered household of the ID is there (it may be that one); until 2026-12-06 all such rows were
    -- one household, and only the first village was told. One naming no village is reported only if nothing else is.
    placed AS (
      SELECT r.*, ${householdPlace('r')} AS place FROM holders r
      WHERE r.household_id IS NOT NULL OR r.village IS NULL OR NOT EXISTS (
        SELECT 1 FROM numbered_villages v WHERE v.id_number = r.id_number AND ${sameVillage('v', 'r')})
    ),
    households AS (
      SELECT DISTINCT ON (id_number, place) * FROM placed p
      WHERE p.place IS NOT NULL OR NOT EXISTS (SELECT 1 FROM placed o WHERE o.id_number = p.id_number AND o.place IS NOT NULL)
      ORDER BY id_number, place, _file, _line
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           -- A row without a number has no 家庭编号 in its id: its place tells it from the ID's other villages.
           c.names_seen || CASE WHEN r.household_id IS NULL THEN '|' || coalesce(r.place, '（无家庭编号）') ELSE '' END AS fact,
           '同一身份证号码出现不同姓名：' || c.sightings AS evidence,
           ${ROLL_SOURCE}, c.compared_datasets
    FROM conflicts c JOIN households r USING (id_number)`,
  remedy: '核对户口簿与身份证原件，更正姓名或号码；排除冒用他人身份证的情形',
  deadlineDays: 15,
});
