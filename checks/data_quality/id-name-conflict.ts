// data_quality.id-name-conflict: one normalised ID carries different names on the roll, or on the roll and a reference list.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.id-name-conflict',
  category: 'data_quality',
  severity: 'medium',
  title: '同一身份证号码对应不同姓名',
  description: '同一个身份证号码在花名册内，或在花名册与其他部门名单之间，姓名不一致（已忽略空格、全角半角、间隔号和繁简差异）：可能是录入错误，也可能是冒用身份证。号码出现在几户，就在每一户各列一条。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第三章 审核确认',
  inputs: ['roll'],
  sql: `
    WITH roll_ids AS (SELECT DISTINCT id_number FROM roll WHERE id_number IS NOT NULL),
    -- min ≠ max is "more than one name", found without building text for the millions of IDs that agree. Only the
    -- two columns it needs: a CTE of whole sightings, read twice, was kept in memory row by row (millions at B1M).
    conflicting AS (
      SELECT id_number FROM id_occurrences SEMI JOIN roll_ids USING (id_number) WHERE name_key IS NOT NULL
      GROUP BY id_number HAVING min(name_key) <> max(name_key)
    ),
    conflicts AS (
      SELECT id_number,
             string_agg(DISTINCT name_key, '/' ORDER BY name_key) AS names_seen,
             string_agg(dataset_label || '「' || name || '」(' || ${citeRow('named')} || ')', '；' ORDER BY dataset <> 'roll', _file, _line) AS sightings,
             -- The other lists the conflict rests on: a month without one of them cannot show it resolved.
             string_agg(DISTINCT dataset, ',' ORDER BY dataset) FILTER (WHERE dataset <> 'roll') AS compared_datasets
      FROM id_occurrences named SEMI JOIN conflicting USING (id_number) WHERE name_key IS NOT NULL GROUP BY id_number
    )
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           c.names_seen AS fact,
           '同一身份证号码出现不同姓名：' || c.sightings AS evidence,
           ${ROLL_SOURCE}, c.compared_datasets
    FROM conflicts c
    -- One finding per roll household holding the ID (the evidence lists every sighting): when the
    -- ID is in two households, both villages have to check which name is right.
    JOIN (SELECT DISTINCT ON (id_number, household_id) * FROM roll WHERE id_number IN (SELECT id_number FROM conflicts)
          ORDER BY id_number, household_id, _file, _line) r USING (id_number)`,
  remedy: '核对户口簿与身份证原件，更正姓名或号码；排除冒用他人身份证的情形',
  deadlineDays: 15,
});
