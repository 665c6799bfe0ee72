// cadre_relative.filed: the 备案 register — filed near relatives of serving cadres, and filed cadres on the roll (a listing).
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE } from '../shared-sql.ts';
import { nearRelativeParams } from './shared/relation-vocabulary.ts';
import { CADRE_RELATIVE_TABLES, CADRE_RELATIVE_BASIS } from './shared-sql.ts';

export default defineCheck({
  id: 'cadre_relative.filed',
  category: 'cadre_relative',
  severity: 'info',
  title: '干部及其近亲属备案名单',
  description:
    '已备案（近亲属备案为“是”）的在保对象：在任干部的近亲属（认定规则与 cadre_relative.unfiled 相同，参数 relations、sameHousehold ' +
    '应与该检查一致），以及本人为在任干部者。这是备案台账，不是问题。',
  basis: CADRE_RELATIVE_BASIS,
  // Not the kinship list: without one, sharing the cadre's roll household still proves a near relative (checks.md).
  inputs: ['roll', 'cadres'],
  params: nearRelativeParams,
  prepare: CADRE_RELATIVE_TABLES,
  sql: `
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'filed-relative' AS fact, '已备案的干部近亲属。' || r.links_text AS evidence, ${ROLL_SOURCE}
    FROM shared_cadre_relative_people r
    WHERE r.household_filed AND r.links_text IS NOT NULL
    UNION ALL
    SELECT r.id_number, r.name, ${ROLL_LOCATION}, 'filed-cadre', '已备案，本人为在任干部 ' || r.cadre_label, ${ROLL_SOURCE}
    FROM shared_cadre_relative_people r
    WHERE r.household_filed AND r.cadre_label IS NOT NULL`,
  remedy: '无需整改；备案材料留存备查，县级民政部门定期复核',
  deadlineDays: 30,
});
