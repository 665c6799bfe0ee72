// cadre_relative.self: a serving cadre (村(居)委会成员, 乡镇/县级经办人员) is himself an active recipient, not filed.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE } from '../shared-sql.ts';
import { stillInHousehold } from './shared/left-household.ts';
import { SERVING_CADRES_SQL, CADRE_RELATIVE_BASIS } from './shared-sql.ts';

export default defineCheck({
  id: 'cadre_relative.self',
  category: 'cadre_relative',
  severity: 'high',
  title: '干部本人享受救助未备案',
  description:
    '干部及经办人员名册中任期与本月有交集（任职起 ≤ 月末，任职止为空或 ≥ 月初；任职起为空视为在任）的人员本人在花名册上在保，' +
    '而「近亲属备案」不是“是”。状态写明已离开本户的行（迁出、分户、死亡等，即使无法识别而按在保计）不算。每人每户一条。',
  basis: CADRE_RELATIVE_BASIS,
  inputs: ['roll', 'cadres'],
  sql: `
    WITH ${SERVING_CADRES_SQL}
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           'cadre-on-roll' AS fact,
           '本人为在任干部 ' || s.cadre_label || '，在本户在保，未备案（近亲属备案：' || coalesce(r.filed_raw, '空') || '）' AS evidence,
           ${ROLL_SOURCE}
    FROM roll r JOIN serving_cadres s ON s.cadre_id = r.id_number
    -- A row read as 在保 that says he left the household (死亡, 分户, 在保（已迁出）) is not him paid there.
    WHERE ${stillInHousehold('r')}
    -- 备案 on any of the cadre's rows in the household covers him there (the engine keeps one finding per household).
    QUALIFY NOT bool_or(coalesce(r.filed, false)) OVER (PARTITION BY r.id_number, r.household_id)`,
  remedy: '补办备案，由县级民政部门重点复核',
  deadlineDays: 15,
});
