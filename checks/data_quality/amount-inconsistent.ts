// data_quality.amount-inconsistent: a household's rows state different monthly amounts.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { headFirstSubject } from '../../scanner/load/household-subject.ts';
import { citeRow, placeOfMostRows, yuan } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.amount-inconsistent',
  category: 'data_quality',
  severity: 'low',
  title: '同户月保障金不一致',
  description: '同一家庭在保人员各行填写的月保障金不同（月保障金是全户金额，只填在户主行或每行相同均可；其他行填 0 视为未填，停保、退保人员的行不比较）。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号) 第四章 保障金额',
  inputs: ['roll'],
  requiresColumns: ['roll.monthly_amount'],
  sql: `
    -- Households found first by min ≠ max, so the evidence text is built for a few, not for every household. Only the
    -- rows of persons paid now: a 停保 or 退保 member's row keeps the amount of its day. A 0 states no amount, as a blank
    -- does: rolls that write the household's amount on the head's row put 0 on the others (until 2026-12-02 both were
    -- a finding on a household whose paid rows agree).
    WITH stated AS (
      SELECT * FROM roll WHERE active AND household_id IS NOT NULL AND monthly_amount_cents IS NOT NULL AND monthly_amount_cents <> 0
    ),
    differing AS (
      SELECT household_id FROM stated GROUP BY household_id HAVING min(monthly_amount_cents) <> max(monthly_amount_cents)
    )
    SELECT ${headFirstSubject()}, '' AS subject_key,
           ${placeOfMostRows('county')} AS county, ${placeOfMostRows('township')} AS township, ${placeOfMostRows('village')} AS village,
           household_id, mode(program ORDER BY program) AS program,
           'amounts|' || string_agg(DISTINCT monthly_amount_cents::VARCHAR, '/' ORDER BY monthly_amount_cents::VARCHAR) AS fact,
           '家庭编号 ' || household_id || ' 的月保障金不一致：' ||
             string_agg(coalesce(name, '?') || ' ' || ${yuan('monthly_amount_cents')} || '元(' || ${citeRow('roll')} || ')', '、' ORDER BY _file, _line) AS evidence,
           'roll' AS source_dataset, ${placeOfMostRows('file')} AS source_file, ${placeOfMostRows('line')} AS source_line
    FROM (SELECT *, count(*) OVER (PARTITION BY household_id, township, village) AS place_rows FROM stated SEMI JOIN differing USING (household_id)) roll
    GROUP BY household_id`,
  remedy: '核实全户月保障金，统一填写',
  deadlineDays: 30,
});
