// data_quality.bad-row: a row of any dataset refused at load (unreadable value, shifted columns), with file, line and reason.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { refusedPaymentHouseholds } from '../../scanner/load/refused-payment-households.ts';
import { citeRow, numberedRejects } from '../shared-sql.ts';
import { idsInRowText, villageNamedInRow } from './shared-sql.ts';

export default defineCheck({
  id: 'data_quality.bad-row',
  category: 'data_quality',
  severity: 'medium',
  title: '数据行无法使用（已拒收）',
  description: '名单中的一行因身份证号码为空（含写作“无”“暂无”“不详”“—”等）、日期、金额等无法识别，或列数与表头不符而被拒收，不参与比对；请更正后重新导出。身份证号码无效的行见 data_quality.id-invalid。涉及低保/特困对象的（行中写有其身份证号码，或发放明细的行写有其家庭编号），列入其所在村的台账；干部及经办人员名册的行列入其所写的村。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号)；部门间数据比对工作规范',
  inputs: ['roll'],
  sql: `
    WITH numbered AS (
      SELECT *, row_number() OVER () AS row_key
      FROM ${numberedRejects(`'value', 'shape'`, `dataset || '|' || reason || '|' || coalesce(raw_row, '')`)}
    ),
    -- Whom a refused row is about: the roll's persons whose ID its cells hold, in any form the loader reads (a death
    -- list's row about a recipient, a roll row refused as shifted whose person has another roll row). Otherwise its
    -- finding would go to no village's ledger (未关联乡镇), where no village's staff see that a recipient went unchecked.
    persons_named AS (
      SELECT DISTINCT n.row_key, r.id_number, r.name, r.county, r.township, r.village, r.household_id, r.program
      FROM ${idsInRowText('numbered')} n JOIN roll r ON r.id_number = n.id
    ),
    -- A row naming no one on the roll: the village it names (a shifted roll row's, a refused roster row's); until
    -- 2026-12-05 a roster row went to 未关联乡镇.
    village_of AS (SELECT * FROM ${villageNamedInRow('numbered')}),
    -- One place (and one person, one household) or none: a row naming people of two villages stays unplaced.
    one_of AS (
      SELECT row_key,
             CASE WHEN count(DISTINCT id_number) = 1 THEN any_value(id_number) END AS subject_id,
             CASE WHEN count(DISTINCT id_number) = 1 THEN any_value(name) END AS subject_name,
             any_value(county) AS county, any_value(township) AS township, any_value(village) AS village,
             CASE WHEN count(DISTINCT household_id) = 1 THEN any_value(household_id) END AS household_id,
             CASE WHEN count(DISTINCT program) = 1 THEN any_value(program) END AS program
      FROM persons_named GROUP BY row_key
      HAVING count(DISTINCT (coalesce(county, ''), coalesce(township, ''), coalesce(village, ''))) = 1
    ),
    -- A refused payment row naming no one by ID: the household its 家庭编号 names (refused-payment-households.ts), in one
    -- village. Until 2026-12-03 it went to 未关联乡镇 though its household was on the roll.
    households_named AS (
      SELECT n.row_key, h.household_id, h.county, h.township, h.village
      FROM numbered n JOIN ${refusedPaymentHouseholds()} h
        ON n.dataset = 'payments' AND h._file = n._file AND h._sheet IS NOT DISTINCT FROM n._sheet AND h._line = n._line
    ),
    household_of AS (
      SELECT row_key, any_value(county) AS county, any_value(township) AS township, any_value(village) AS village,
             CASE WHEN count(DISTINCT household_id) = 1 THEN any_value(household_id) END AS household_id
      FROM households_named GROUP BY row_key
      HAVING count(DISTINCT (coalesce(county, ''), coalesce(township, ''), coalesce(village, ''))) = 1
    ),
    -- Whose household it is: its 户主 (an active one first), else its first member, as household_places names one.
    household_heads AS (
      SELECT household_id,
             arg_min(id_number, (NOT coalesce(is_head, false), NOT active, id_number IS NULL, id_number, _file, _line)) AS subject_id,
             arg_min(name, (NOT coalesce(is_head, false), NOT active, id_number IS NULL, id_number, _file, _line)) AS subject_name,
             CASE WHEN count(DISTINCT program) = 1 THEN any_value(program) END AS program
      FROM roll WHERE household_id IN (SELECT household_id FROM household_of) GROUP BY household_id
    ),
    household_placed AS (
      SELECT o.*, hh.subject_id, hh.subject_name, hh.program FROM household_of o LEFT JOIN household_heads hh USING (household_id)
    )
    SELECT coalesce(p.subject_id, h.subject_id) AS subject_id, coalesce(p.subject_name, h.subject_name) AS subject_name,
           coalesce(p.county, h.county, v.county) AS county, coalesce(p.township, h.township, v.township) AS township,
           coalesce(p.village, h.village, v.village) AS village,
           coalesce(p.household_id, h.household_id) AS household_id, coalesce(p.program, h.program) AS program,
           j.fact,
           d.label || ' ' || ${citeRow('j')} || ' 已拒收：' || j.reason || '；原始内容「' || coalesce(j.raw_row, '') || '」' ||
             coalesce('；按家庭编号属' || coalesce(h.township, '') || coalesce(h.village, '') || ' ' || coalesce(h.subject_name, '') || ' 户（' || h.household_id || '）', '') AS evidence,
           j.dataset AS source_dataset, j._file AS source_file, j._line AS source_line
    FROM numbered j JOIN dataset_labels d ON d.dataset = j.dataset
    LEFT JOIN one_of p ON p.row_key = j.row_key
    LEFT JOIN household_placed h ON h.row_key = j.row_key AND p.row_key IS NULL
    LEFT JOIN village_of v ON v.row_key = j.row_key AND p.row_key IS NULL AND h.row_key IS NULL`,
  remedy: '更正该行数据后重新导出，再次扫描',
  deadlineDays: 15,
});
