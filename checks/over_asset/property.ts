// over_asset.property: the members together hold more than maxResidential homes, or any commercial/office/industrial property.
import { z } from 'zod';
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { PROPERTY_OWNERS } from '../../scanner/load/property-co-owners.ts';
import { IGNORED_USAGES, NON_RESIDENTIAL_USAGES, RESIDENTIAL_USAGES } from '../../scanner/normalise/category-words.ts';
import { USAGE_PARAMS, houseUse, usageKind } from '../../scanner/normalise/property-usage.ts';
import { BASIS_ASSETS, HOUSEHOLD_TABLES, HOUSEHOLDS_AND_MEMBERS, cite, holdingsFact, householdFindings, nameNote } from './shared-sql.ts';

const words = (list: readonly string[]) => z.array(z.string().min(1)).default([...list]);
/**
 * Whether two rows may be one property: of one kind (held keeps homes and other properties only), and nothing both
 * give differs. Where either gives the 坐落 the date tells nothing (a spouse added to the title is registered later, and
 * his row may lack the 坐落: until 2026-12-02 such a pair was 住宅 2 套); only where neither does are the area and date
 * all there is. The 坐落 are compared in simplified characters (and half-width, as every text is read): until
 * 2026-12-03 張莊鎮東村3號 on one co-owner's row and 张庄镇东村3号 on the other's were 住宅 2 套.
 */
const mayBeOneProperty = (r: string, c: string) => `${r}.kind = ${c}.kind
  AND coalesce(${r}.address_key = ${c}.address_key, true) AND coalesce(${r}.area_m2 = ${c}.area_m2, true)
  AND ((${r}.address IS NOT NULL OR ${c}.address IS NOT NULL) OR coalesce(${r}.registered_on = ${c}.registered_on, true))`;

/**
 * Why a co-owned row names no 权利人 among its owners (holder_id_unread, property-co-owners.ts): staff see why the home's
 * 权利人 is not named beside its co-owners, and that his number is to be completed or corrected.
 */
const HOLDER_UNREAD_NOTE = `CASE holder_id_unread WHEN 'missing' THEN '权利人身份证号码为空' WHEN 'invalid' THEN '权利人身份证号码无法识别' END`;

/** An owner beyond the household as the evidence names him: his name, and his ID masked (he is no recipient). */
const OUTSIDE_OWNER = `coalesce(other.name || ' ', '') || left(other.id_number, 6) || '********' || right(other.id_number, 4)`;

export default defineCheck({
  id: 'over_asset.property',
  category: 'over_asset',
  severity: 'high',
  title: '家庭成员房产超标',
  description:
    '在保家庭成员合计拥有住宅超过 maxResidential 套（默认 1 套），或拥有任何商业、办公、商服（含商务金融、批发、餐饮、旅馆、娱乐）、工业、仓储用房（含商铺、门面房、写字楼、厂房、车间、仓库等）。用途写作「土地用途/房屋用途」的（如城镇住宅用地/商业服务、商服用地/住宅）按斜杠后的房屋用途计（房屋用途不是以上任一种的，仍按整个用途计）。商住（商住两用、商住楼）以及同时写明住宅和商业等用途的（商业住宅、住宅/商业、住宅（商业））计为住宅，证据中写明用途供核实实际用途；商品房、商品住宅以及住房、别墅、公寓、民房、私房、自建房是住宅；用途不属于以上任一种、也不属于不计用途的不计入，读取时在提示中列出供核实；车库、车位、储藏室、附属用房不计（随房屋一并写明的，如住宅及车库、住宅（含车位）、商业/储藏室，按房屋本身的用途计），「非住宅」不算住宅；用途词前写有「非」「不」「无」的不算该用途（如非营业用房、非商业用房不算商业用房，也不算住宅，读取时在提示中列出供核实）。多名成员共有的房产各列一行：坐落相同（繁简体、全角半角写法不同的视为相同）、同类用途（成套住宅与住宅同类）、面积相同的计为一处，某行未写面积的不另计；两行都未写坐落的按同类用途、面积和登记日期区分，某行未写的一项不作区分。可能是同一处的两行不算两处。一行的证件号码栏写有多名共有人（以顿号、逗号、分号、斜杠、空格或换行分隔）的，每名共有人都计入；权利人栏按同样顺序写有同样多个姓名的，各人按其姓名核对；证据注明与他人共有及户外的共有人（身份证号码隐去中间位）。每户一条，证据列出各成员计入的房产。家庭编号为空或无法识别的人按本人核查（不带家庭编号单列一条）。',
  basis: BASIS_ASSETS,
  inputs: ['roll', 'properties'],
  params: z.object({
    maxResidential: z.number().int().nonnegative().default(1),
    // 商住 (商住两用, 商住楼): a dwelling that may also be a shop is first a home, counted with the others against the limit,
    // its usage named in the evidence for staff to see how it is used. Read as 商业, a family's only dwelling would be a
    // high finding by itself; until 2026-12-03 it was neither, and a 商住 second home went uncounted.
    // 商品房 (a home sold on the market, as 商品住宅 is) holds no 住宅: until 2026-12-03 it was no usage the check knew.
    // 住房, 别墅, 公寓 … (since 2026-12-07) are the dwellings as lists write them: RESIDENTIAL_USAGES.
    residentialUsages: words(RESIDENTIAL_USAGES),
    // 商服 written as its GB/T 21010 kinds (商务金融用地, 批发市场用地, 餐饮用地, 旅馆用地, 娱乐用地; 零售商业 holds 商业) and
    // 仓储 (of 工矿仓储; 仓储用房): none holds one of the four words, so until 2026-12-06 such a shop or store went uncounted.
    // 商铺, 门面, 写字楼, 厂房 … (since 2026-12-07) are shops, offices and factories as lists write them: NON_RESIDENTIAL_USAGES.
    // A usage none of the lists knows is not counted, and the load warns of its rows (out-of-scope-rows.ts).
    nonResidentialUsages: words(NON_RESIDENTIAL_USAGES),
    // Checked first: 住宅车库 is a garage, not a second home; 住宅附属用房 a shed or kitchen beside the house.
    ignoredUsages: words(IGNORED_USAGES),
  }).strict(),
  prepare: HOUSEHOLD_TABLES,
  sql: `
    WITH ${HOUSEHOLDS_AND_MEMBERS},
    held_rows AS (
      -- The usage and the 坐落 in simplified characters (商業, 辦公 are 商业, 办公), read for the members' rows only.
      SELECT m.household_id, m.id_number AS member_id, m.name AS member_name, p.*, rs_to_simplified(p.usage) AS usage_simplified, ${nameNote('p')} AS note,
             rs_to_simplified(p.address) AS address_key,
             concat_ws('|', p._file, p._sheet, p._line) AS row_ref,
             -- The row's own key, as before rows that may be one property were joined: finding ids rest on it.
             CASE WHEN p.address IS NOT NULL THEN p.address || '|' || p.usage || '|' || coalesce(p.area_m2::VARCHAR, '')
                  ELSE m.id_number || '|' || p.usage || '|' || coalesce(p.area_m2::VARCHAR, '') || '|' || coalesce(p.registered_on::VARCHAR, '') END AS own_key,
             -- How much of what tells properties apart the row leaves blank: the fullest row names the property.
             (p.address IS NULL)::INT + (p.area_m2 IS NULL)::INT + (p.address IS NULL AND p.registered_on IS NULL)::INT AS unknowns
      -- Every owner a row names by ID holds the home: co-owners written in one cell (371329…、371329…) each.
      FROM members m JOIN ${PROPERTY_OWNERS} p ON p.id_number = m.id_number
    ),
    -- The usage read once per row, then sorted (usageKind names it many times: each a copy to plan), by the reader the
    -- load's warning of unknown usages shares (property-usage.ts). Only homes and other properties count: a row
    -- ignored (车库) or of a usage no list knows is in no count.
    held AS (
      SELECT * FROM (
        SELECT * EXCLUDE (usage_simplified, house_usage), ${usageKind('house_usage', USAGE_PARAMS)} AS kind
        FROM (SELECT *, ${houseUse('usage_simplified', USAGE_PARAMS)} AS house_usage FROM held_rows)
      ) WHERE kind IN ('residential', 'other')
    ),
    -- Co-owners each appear on a row of their own, not always alike (成套住宅 beside 住宅, an area left empty, no 坐落 at
    -- all): a row is the property of the most complete row it may be one with, so two rows that may be one co-owned
    -- home never make a high finding by themselves. Rows that differ in what both give stay apart.
    identified AS (
      SELECT held.*, named.property_key FROM held JOIN (
        SELECT r.household_id, r.row_ref, arg_min(c.own_key, (c.unknowns, c.own_key)) AS property_key
        FROM held r JOIN held c ON c.household_id = r.household_id AND ${mayBeOneProperty('r', 'c')} GROUP BY ALL
      ) named USING (household_id, row_ref)
    ),
    counted AS (
      SELECT identified.*, c.homes, c.others FROM identified JOIN (
        SELECT household_id, count(DISTINCT property_key) FILTER (WHERE kind = 'residential') AS homes,
               count(DISTINCT property_key) FILTER (WHERE kind = 'other') AS others
        FROM identified GROUP BY household_id) c USING (household_id)
      -- Only households over the limit get their holdings described (the findings keep no other).
      WHERE c.others > 0 OR c.homes > $maxResidential
    ),
    -- The home's owners beyond the household (a row naming co-owners in one cell): named, their IDs masked, in the
    -- evidence, so that staff see the home is 共有 and with whom. Members who share it are named as before.
    outside_owners AS (
      SELECT household_id, property_key,
             -- Ordered, so that the evidence reads the same every month (unordered, two outside owners swapped places).
             string_agg(DISTINCT ${OUTSIDE_OWNER}, '、' ORDER BY ${OUTSIDE_OWNER}) AS shared_with
      FROM (SELECT household_id, property_key, unnest(co_owners) AS other FROM counted WHERE co_owners IS NOT NULL) c
      WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = c.household_id AND m.id_number = c.other.id_number)
      GROUP BY ALL
    ),
    holdings AS (
      SELECT household_id, property_key AS holding_key, min(member_id) AS member_id, arg_min(member_name, member_id) AS member_name,
             -- What the rows give; without a 坐落, the date that tells the home apart.
             min(usage) || coalesce(' ' || max(address), '') || coalesce(' ' || max(area_m2) || '㎡', '') ||
               CASE WHEN max(address) IS NULL THEN coalesce(' 登记日期 ' || strftime(max(registered_on), '%Y-%m-%d'), '') ELSE '' END ||
               CASE WHEN count(DISTINCT member_id) > 1 THEN '（共有人 ' || string_agg(DISTINCT member_name, '、' ORDER BY member_name) || '）' ELSE '' END ||
               coalesce('（与他人共有，共有人 ' || any_value(shared_with) || '）', '') ||
               -- A row kept for its co-owners beside a 权利人 whose number is empty or unreadable says so.
               coalesce('（' || string_agg(DISTINCT ${HOLDER_UNREAD_NOTE}, '；' ORDER BY ${HOLDER_UNREAD_NOTE}) || '，按共有人计入）', '') ||
               -- Each source row once, in file order: a row naming two members (共有人 of one cell or column) is each's.
               string_agg(note, '' ORDER BY member_id) || '，来源 ' || array_to_string(list_transform(list_sort(list_distinct(
                 list({'file': _file, 'line': _line, 'sheet': _sheet, 'cite': ${cite('properties', 'counted')}}))), source -> source.cite), '、') AS holding,
             any_value(kind = 'other' OR homes > $maxResidential) AS triggers,
             min(_file) AS _file, arg_min(_line, (_file, _line)) AS _line, any_value(homes) AS homes, any_value(others) AS others
      FROM counted LEFT JOIN outside_owners USING (household_id, property_key) GROUP BY household_id, property_key
    )
    ${householdFindings('properties', holdingsFact('property'),
      `'住宅 ' || any_value(homes) || ' 套（上限 ' || $maxResidential || ' 套）' ||
        CASE WHEN any_value(others) > 0 THEN '，商业/办公等非住宅用房 ' || any_value(others) || ' 处' ELSE '' END || '：'`)}`,
  remedy: '入户核查家庭经济状况及房产实际用途，超标的依规清退',
  deadlineDays: 15,
  factListsHoldings: true,
});
