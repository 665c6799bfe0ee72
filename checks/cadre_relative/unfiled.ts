// cadre_relative.unfiled: an active recipient who is a near relative (近亲属) of a serving cadre and has no 备案.
import { defineCheck } from '../../scanner/engine/define-check.ts';
import { ROLL_LOCATION, ROLL_SOURCE } from '../shared-sql.ts';
import { RELATION_KINDS_DOC, nearRelativeParams } from './shared/relation-vocabulary.ts';
import { CADRE_RELATIVE_TABLES, CADRE_RELATIVE_BASIS } from './shared-sql.ts';

export default defineCheck({
  id: 'cadre_relative.unfiled',
  category: 'cadre_relative',
  severity: 'high',
  title: '干部近亲属享受救助未备案',
  description:
    '在保对象是任期与本月有交集的村(居)委会成员、乡镇或县级低保经办人员的近亲属，而花名册「近亲属备案」不是“是”。' +
    '近亲属按配置 relations（默认：配偶、父母、配偶的父母、兄弟姐妹、配偶的兄弟姐妹、子女、子女的配偶、祖父母/外祖父母、孙子女/外孙子女、' +
    '父母的兄弟姐妹，含继、养关系；堂表兄弟姐妹、侄甥、其他不算）。关系的写法带排行或大小（二弟、小妹、长孙、三叔、大儿媳）或胞、亲的，按其后的关系读（父母、祖父母除外：大爹、二娘、大爷爷另有所指）；无法识别的写法按“其他”。亲属关系表的每一行双向读取（甲的儿子是乙，即乙的父母是甲）；' +
    '经配偶可到配偶的父母、兄弟姐妹、子女（继子女）、子女的配偶和孙子女（户籍名单按户主登记：干部是户主之妻的，户主的儿媳、孙子女），经配偶的父母可到其配偶（干部登记为户主儿媳的，户主之妻是其婆婆），经父母可到父母的兄弟姐妹、子女（兄弟姐妹）、配偶（父母）和父母（祖父母），经子女可到子女的配偶和子女的子女（孙子女/外孙子女），其他两步不算（兄弟姐妹的子女是侄甥，祖父母的孙子女可能是堂表兄弟姐妹，继兄弟姐妹的父母未必是亲属）；与干部同在花名册的一个家庭（同一县区、乡镇、村的同一家庭编号：手工花名册常按村编户号；干部本人停保、退保也算，证据注明其状态原文；干部或该成员在该户的状态写明已离开本户的——迁出、迁移、分户、出嫁、户口注销、死亡等，“未迁出”“拟迁出”除外——不算）也算（sameHousehold）。状态写明已离开本户的行（即使无法识别而按在保计）不作为在保对象。' +
    '每人每户一条，证据列出每位干部及证明关系的路径。任职起为空视为在任。relations 可选值：' + RELATION_KINDS_DOC + '。',
  basis: CADRE_RELATIVE_BASIS,
  // Not the kinship list: without one, sharing the cadre's roll household still proves a near relative (checks.md).
  inputs: ['roll', 'cadres'],
  params: nearRelativeParams,
  prepare: CADRE_RELATIVE_TABLES,
  sql: `
    SELECT r.id_number AS subject_id, r.name AS subject_name, ${ROLL_LOCATION},
           -- The act asked for (备案 of this person in this household) does not change with which cadre or path
           -- proves the relation this month, so neither is part of the finding id; both are in the evidence.
           'near-relative-unfiled' AS fact,
           '在任干部近亲属，未备案（近亲属备案：' || coalesce(r.filed_raw, '空') || '）。' || r.links_text AS evidence,
           ${ROLL_SOURCE},
           -- The kinship list may be what proves the relation: a month without one cannot show that it no longer holds.
           'kinship' AS compared_datasets
    FROM shared_cadre_relative_people r
    WHERE r.links_text IS NOT NULL AND NOT r.household_filed`,
  remedy: '补办备案，由县级民政部门重点复核',
  deadlineDays: 15,
});
