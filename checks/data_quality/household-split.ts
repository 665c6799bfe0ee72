// data_quality.household-split: one household id on 在保 rows of different villages, read as one family.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { HOUSEHOLD_PLACES, householdPlacesQuery } from '../../scanner/load/reused-household-numbers.ts';

export default defineCheck({
  id: 'data_quality.household-split',
  category: 'data_quality',
  severity: 'medium',
  title: '同一家庭编号分属不同村',
  description: '同一个家庭编号的在保行（状态为在保或空）出现在不同的村（社区），且不是各村各有户主：多是家庭迁移后未整体变更，按同一家庭核查。每个涉及的村各列一条。只看在保行：迁出后在原村留下的退保、停保行不算该户在原村（家庭迁移通常如此登记），一个村只有不在保行的不列入。各村的行各有户主的（各村各自编号；不是同一人任两处户主，只有同一人在两个县区都是在保的户主的除外：此人即同时在两个县区在保），按不同家庭分别核查，只在扫描摘要中提示。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第二章 家庭成员认定',
  inputs: ['roll'],
  // The roll's loading finds the numbers and their places over all rows (scanner/load/reused-household-numbers.ts). A
  // number whose rows in each village have a 户主 of their own is a roll numbered per village (户号 001 in every
  // village): each village's rows are checked as a household of their own and a warning names the numbers once.
  // Reported here, one per village, such a roll put an item in every village's ledger for every household, none for
  // anyone to correct. That judgement stays on all rows (it decides whose payments and rows are whose); the places
  // reported are those of the other numbers' 在保 rows only: a 退保 row left in the old village is how a family's move
  // is recorded, and made a false finding there (until 2026-12-06).
  sql: `
    SELECT subject_id, subject_name, '' AS subject_key, county, township, village, household_no AS household_id, program,
           -- One finding per village involved: each village has to act on its part.
           'split|' || place || '|' || places_key AS fact,
           '家庭编号 ' || household_no || ' 出现在多个村：' || all_places || '；按同一家庭核查' AS evidence,
           'roll' AS source_dataset, source_file, source_line
    -- The query's own separate and household_id (told apart by the 在保 rows' 户主) are not read: the number is one
    -- household in the roll, as loaded, and a number one household in two villages is reported whoever heads each.
    FROM (${householdPlacesQuery(`(SELECT * FROM roll WHERE active AND household_id IN (SELECT household_no FROM ${HOUSEHOLD_PLACES} WHERE NOT separate))`)})`,
  remedy: '核实家庭实际居住地，统一家庭编号与所属村（社区）',
  deadlineDays: 30,
});
