// data_quality.id-invalid: an ID number that cannot be recovered; such a row is matched by nothing else.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow, numberedRejects } from '../shared-sql.ts';

export default defineCheck({
  id: 'data_quality.id-invalid',
  category: 'data_quality',
  severity: 'medium',
  title: '身份证号码无效',
  description: '身份证号码无法识别（校验码错误、出生日期不合法、位数错误、被 Excel 改成科学计数法等），不作猜测。花名册中的此人不参与任何比对；其他名单中的此行被拒收。',
  basis: '《公民身份号码》(GB 11643-1999)；《最低生活保障审核确认办法》(民发〔2021〕57号)',
  inputs: ['roll'],
  sql: `
    SELECT NULL AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'roll|' || coalesce(r.id_raw, '') || '|' || coalesce(r.name, '') AS fact,
           '身份证号码无法识别（' || r.id_problem || '）：原始值「' || r.id_raw || '」，见花名册 ' || ${citeRow('r')}
             || '；此人不参与死亡、服刑、财产等任何比对，请核对后更正' AS evidence,
           ${ROLL_SOURCE}
    FROM roll r WHERE r.id_status = 'invalid'
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, j.fact,
           j.reason || '：原始值「' || j.raw_value || '」，见' || d.label || ' ' || ${citeRow('j')} || '；此行已拒收，不参与比对',
           j.dataset, j._file, j._line
    FROM ${numberedRejects(`'id'`, `dataset || '|' || coalesce(column_name, '') || '|' || coalesce(raw_value, '')`)} j
    JOIN dataset_labels d ON d.dataset = j.dataset`,
  remedy: '对照户口簿或身份证原件更正身份证号码，重新导出后复查',
  deadlineDays: 15,
});
