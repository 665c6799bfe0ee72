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
    SELECT NULL AS subject_id, NULL AS subject_name, NULL AS county, NULL AS township, NULL AS village,
           NULL AS household_id, NULL AS program,
           j.dataset || '|' || j.reason || '|' || coalesce(j.raw_row, '') AS fact,
           d.label || ' ' || ${citeRow('j')} || ' 已拒收：' || j.reason || '；原始内容「' || coalesce(j.raw_row, '') || '」' AS evidence,
           j.dataset AS source_dataset, j._file AS source_file, j._line AS source_line
    FROM load_rejects j JOIN dataset_labels d ON d.dataset = j.dataset
    WHERE j.kind IN ('value', 'shape')`,
  remedy: '更正该行数据后重新导出，再次扫描',
  deadlineDays: 15,
});
