// over_asset.property: the members together hold more than maxResidential homes, or any commercial/office/industrial property.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, containsAny, householdFindings, nameNote } from './shared-sql.ts';

const words = (list: string[]) => z.array(z.string().min(1)).default(list);
/** Usage values arrive as 住宅, 成套住宅, 住宅(成套), 商业服务, 办公楼 …: each list is matched as substrings, ignored words first. */
const kind = (usage: string) => `CASE
  WHEN ${containsAny(usage, '$ignoredUsages')} THEN NULL
  WHEN ${containsAny(usage, '$nonResidentialUsages')} THEN 'other'
  WHEN ${containsAny(usage, '$residentialUsages')} THEN 'residential' END`;

export default defineCheck({
  id: 'over_asset.property',
  category: 'over_asset',
  severity: 'high',
  title: '家庭成员房产超标',
  description:
    '在保家庭成员合计拥有住宅超过 maxResidential 套（默认 1 套），或拥有任何商业、办公、商服、工业用房。车库、车位、储藏室不计。同一坐落、用途、面积的房产（多名成员共有）计为一处。每户一条，证据列出各成员计入的房产。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'properties'],
  params: z.object({
    maxResidential: z.number().int().nonnegative().default(1),
    residentialUsages: words(['住宅']),
    nonResidentialUsages: words(['商业', '办公', '商服', '工业']),
    // Checked first: 住宅车库 is a garage, not a second home.
    ignoredUsages: words(['车库', '车位', '储藏室']),
  }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    held AS (
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name, p.*, ${kind('p.usage')} AS kind, ${nameNote('p')} AS note,
             -- Co-owners each appear on a row of their own: one 坐落 with one usage and area is one property.
             CASE WHEN p.address IS NOT NULL THEN p.address || '|' || p.usage || '|' || coalesce(p.area_m2::VARCHAR, '')
                  ELSE m.id_number || '|' || p.usage || '|' || coalesce(p.area_m2::VARCHAR, '') || '|' || coalesce(p.registered_on::VARCHAR, '') END AS property_key
      FROM members m JOIN properties p ON p.id_number = m.id_number
    ),
    counted AS (
      SELECT held.*, c.homes, c.others FROM held JOIN (
        SELECT household_id, count(DISTINCT property_key) FILTER (WHERE kind = 'residential') AS homes,
               count(DISTINCT property_key) FILTER (WHERE kind = 'other') AS others
        FROM held GROUP BY household_id) c USING (household_id)
      -- Only households over the limit get their holdings described (the findings keep no other).
      WHERE kind IS NOT NULL AND (c.others > 0 OR c.homes > $maxResidential)
    ),
    holdings AS (
      SELECT household_id, property_key AS holding_key, min(member_id) AS member_id, arg_min(member_name, member_id) AS member_name,
             any_value(usage) || coalesce(' ' || any_value(address), '') || coalesce(' ' || any_value(area_m2) || '㎡', '') ||
               CASE WHEN count(DISTINCT member_id) > 1 THEN '（共有人 ' || string_agg(DISTINCT member_name, '、' ORDER BY member_name) || '）' ELSE '' END ||
               string_agg(note, '' ORDER BY member_id) || '，来源 ' || string_agg(${cite('properties', 'counted')}, '、' ORDER BY member_id, _file, _line) AS holding,
             any_value(kind = 'other' OR homes > $maxResidential) AS triggers,
             min(_file) AS _file, arg_min(_line, (_file, _line)) AS _line, any_value(homes) AS homes, any_value(others) AS others
      FROM counted GROUP BY household_id, property_key
    )
    ${householdFindings('properties', `'property|' || string_agg(DISTINCT holding_key, ',' ORDER BY holding_key)`,
      `'住宅 ' || any_value(homes) || ' 套（上限 ' || $maxResidential || ' 套）' ||
        CASE WHEN any_value(others) > 0 THEN '，商业/办公等非住宅用房 ' || any_value(others) || ' 处' ELSE '' END || '：'`)}`,
  remedy: '入户核查家庭经济状况及房产实际用途，超标的依规清退',
  deadlineDays: 15,
});
