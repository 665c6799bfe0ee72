// data_quality.id-invalid: an ID number that cannot be recovered; such a row is matched by nothing else.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { UNREADABLE_IDS_OF_KEPT_ROWS } from '../../scanner/load/business-holders.ts';
import { UNREADABLE_CO_OWNER_IDS, UNREADABLE_HOLDER_IDS } from '../../scanner/load/property-co-owners.ts';
import { ROLL_LOCATION, ROLL_SOURCE, citeRow, numberedRejects } from '../shared-sql.ts';
import { idsInRowText, villageNamedInRow } from './shared-sql.ts';

export default defineCheck({
  id: 'data_quality.id-invalid',
  category: 'data_quality',
  severity: 'medium',
  title: '身份证号码无效',
  description: '身份证号码无法识别（校验码错误、出生日期不合法、位数错误、被 Excel 改成科学计数法等），不作猜测。花名册中的此人不参与任何比对；其他名单中的此行被拒收，列入行中所写低保/特困对象（如亲属关系的另一人）所在村的台账，干部及经办人员名册的行列入其所写的村；市场主体名单的一行另有可识别的法定代表人或经营者（或身份证号码列）号码的不拒收，按可识别的号码照常比对，无法识别的号码仍在此列出；不动产登记信息的「共有人证件号码」无法识别的，该行不拒收（权利人照常比对），无法识别的共有人号码在此列出；「权利人」证件号码无法识别、「共有人证件号码」可识别的，该行同样不拒收（可识别的共有人照常比对），无法识别的权利人号码在此列出。写作“无”“暂无”“/”“—”“不详”等的不是号码：花名册中的见 data_quality.missing-field，其他名单中的此行按身份证号码为空拒收，见 data_quality.bad-row。',
  basis: '《公民身份号码》(GB 11643-1999)；《最低生活保障审核确认办法》(民发〔2021〕57号)',
  inputs: ['roll'],
  sql: `
    -- The refused rows' unreadable IDs, and those of rows kept for a readable number beside: 市场主体 rows
    -- (business-holders.ts), 不动产 rows whose 共有人证件号码 cannot be read, and 不动产 rows kept for their readable co-owners
    -- beside an unreadable 权利人 (property-co-owners.ts), numbered together in file order: a row refused one month and
    -- kept the next keeps its fact (numberedRejects).
    WITH unreadable AS (
      SELECT *, false AS kept FROM load_rejects
      UNION ALL
      SELECT *, true FROM ${UNREADABLE_IDS_OF_KEPT_ROWS}
      UNION ALL
      SELECT *, true FROM ${UNREADABLE_CO_OWNER_IDS}
      UNION ALL
      SELECT *, true FROM ${UNREADABLE_HOLDER_IDS}
    ),
    numbered AS (
      SELECT *, row_number() OVER () AS row_key
      FROM ${numberedRejects(`'id'`, `dataset || '|' || coalesce(column_name, '') || '|' || coalesce(raw_value, '')`, 'unreadable')}
    ),
    -- A refused row's place, as data_quality.bad-row's: the one village of the recipients its other IDs name (a kinship
    -- row's other person), else the village a roster row names. Until 2026-12-06 every such row went to 未关联乡镇,
    -- where no village's staff see that a cadre's relatives went unchecked.
    persons_place AS (
      SELECT n.row_key, any_value(r.county) AS county, any_value(r.township) AS township, any_value(r.village) AS village
      FROM ${idsInRowText('numbered')} n JOIN roll r ON r.id_number = n.id
      GROUP BY n.row_key
      HAVING count(DISTINCT (coalesce(r.county, ''), coalesce(r.township, ''), coalesce(r.village, ''))) = 1
    ),
    village_of AS (SELECT * FROM ${villageNamedInRow('numbered')})
    SELECT NULL AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'roll|' || coalesce(r.id_raw, '') || '|' || coalesce(r.name, '') AS fact,
           '身份证号码无法识别（' || r.id_problem || '）：原始值「' || r.id_raw || '」，见花名册 ' || ${citeRow('r')}
             || '；此人不参与死亡、服刑、财产等任何比对，请核对后更正' AS evidence,
           ${ROLL_SOURCE}
    FROM roll r WHERE r.id_status = 'invalid' AND NOT rs_no_value(r.id_raw)
    UNION ALL
    SELECT NULL, NULL, coalesce(p.county, v.county), coalesce(p.township, v.township), coalesce(p.village, v.village), NULL, NULL, j.fact,
           j.reason || '：原始值「' || j.raw_value || '」，见' || d.label || ' ' || ${citeRow('j')}
             || CASE WHEN j.kept THEN '；此号码不参与比对，此行所写的其他人员照常比对' ELSE '；此行已拒收，不参与比对' END,
           j.dataset, j._file, j._line
    FROM numbered j JOIN dataset_labels d ON d.dataset = j.dataset
    LEFT JOIN persons_place p ON p.row_key = j.row_key
    LEFT JOIN village_of v ON v.row_key = j.row_key AND p.row_key IS NULL`,
  remedy: '对照户口簿或身份证原件更正身份证号码，重新导出后复查',
  deadlineDays: 15,
});
