// data_quality.bad-row: a row of any dataset refused at load (unreadable value, shifted columns), with file, line and reason.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { citeRow } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.bad-row',
  category: 'data_quality',
  severity: 'medium',
  title: '数据行无法使用（已拒收）',
  description: '名单中的一行因日期、金额等无法识别，或列数与表头不符而被拒收，不参与比对；请更正后重新导出。身份证号码无效的行见 data_quality.id-invalid。',
  basis: '《最低生活保障审核确认办法》(民发〔2021〕57号)；部门间数据比对工作规范',
  inputs: ['roll'],
  sql: `
    -- The fact names no file or line, so that a list re-exported re-sorted or renamed keeps its ids. Identical rows would
    -- then share one id, and one finding (the engine keeps one per id): each after the first is numbered by its place.
    WITH rejected AS (
      SELECT j.*, j.dataset || '|' || j.reason || '|' || coalesce(j.raw_row, '') AS row_fact
      FROM load_rejects j WHERE j.kind IN ('value', 'shape')
    ),
    numbered AS (
      SELECT *, dense_rank() OVER (PARTITION BY row_fact ORDER BY _file, _sheet, _line) AS occurrence FROM rejected
    )
    SELECT NULL AS subject_id, NULL AS subject_name, NULL AS county, NULL AS township, NULL AS village,
           NULL AS household_id, NULL AS program,
           j.row_fact || CASE WHEN j.occurrence > 1 THEN '|#' || j.occurrence ELSE '' END AS fact,
           d.label || ' ' || ${citeRow('j')} || ' 已拒收：' || j.reason || '；原始内容「' || coalesce(j.raw_row, '') || '」' AS evidence,
           j.dataset AS source_dataset, j._file AS source_file, j._line AS source_line
    FROM numbered j JOIN dataset_labels d ON d.dataset = j.dataset`,
  remedy: '更正该行数据后重新导出，再次扫描',
  deadlineDays: 15,
});
