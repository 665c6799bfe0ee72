// Which files each style writes: the messy sample's Chinese file names, header aliases and habits; clean CSV; Parquet.
import { DATASETS } from '../../../scanner/datasets/catalog.ts';
import type { DatasetName } from '../../../scanner/datasets/catalog.ts';
import { monthNumber, monthYear } from '../calendar.ts';
import type { MonthIndex } from '../calendar.ts';
import type { Township } from '../geography.ts';
import type { TableSpec } from './table.ts';

export type Style = 'messy' | 'clean' | 'parquet';

const columns = (pairs: string): { header: string; field: string }[] =>
  pairs.trim().split(/\s+/).map((pair) => {
    const [header, field] = pair.split('=') as [string, string];
    return { header, field };
  });

/** Canonical English headers in catalog order (clean CSV and Parquet). */
export function canonicalSpec(dataset: DatasetName, style: 'clean' | 'parquet'): TableSpec {
  const spec = DATASETS.find((candidate) => candidate.name === dataset)!;
  return {
    file: `${dataset}.${style === 'clean' ? 'csv' : 'parquet'}`, dataset,
    format: style === 'clean' ? 'csv' : 'parquet', encoding: 'utf8',
    columns: spec.columns.map((column) => ({ header: column.name, field: column.name })),
    dates: 'iso', amounts: 'plain', months: 'iso', messyIdShare: 0,
  };
}

const MESSY_ID_SHARE = 0.03;

function period(month: MonthIndex): string {
  return `${monthYear(month)}年${monthNumber(month)}月`;
}

/** The rural 低保 roll of one township: XLSX with a merged title row, a blank row above the header, household cells merged. */
export function messyRuralRollSpec(township: Township, month: MonthIndex, oneTownship: boolean): TableSpec {
  return {
    file: oneTownship ? `${period(month)}农村低保花名册.xlsx` : `${period(month)}${township.name}农村低保花名册.xlsx`,
    dataset: 'roll', format: 'xlsx', sheetName: '花名册',
    preamble: [`${township.name}${period(month)}农村低保花名册`, ''],
    columns: columns(`县区=county 乡镇=township 村=village 行政区划代码=village_code 家庭编号=household_id 姓名=name
      身份证号码=id_number 与户主关系=relation 救助类别=program 月保障金=monthly_amount 开始享受时间=start_date
      状态=status 银行账号=bank_account 近亲属备案=cadre_relative_filed`),
    dates: 'cell', amounts: 'number', months: 'iso', messyIdShare: MESSY_ID_SHARE,
    // As townships keep them: a household's place, number, program, amount and account merged across its members.
    mergeDown: { key: 'household_id', fields: ['township', 'village', 'village_code', 'household_id', 'program', 'monthly_amount', 'bank_account'] },
  };
}

/** Every dataset's messy file except the per-township rural rolls. */
export function messySpecs(townships: Township[], month: MonthIndex): Record<Exclude<DatasetName, 'roll'> | 'urbanRoll' | 'bankPayments', TableSpec> {
  const county = townships[0]!.county.name;
  const place = townships.length === 1 ? townships[0]!.name : county;
  const messy = { messyIdShare: MESSY_ID_SHARE, months: 'mixed' as const, nameVariantShare: 0.02 };
  return {
    urbanRoll: {
      file: '城市低保及特困人员花名册.csv', dataset: 'roll', format: 'csv', encoding: 'gb18030',
      columns: columns(`序号=serial 区县=county 乡镇(街道)=township 村(社区)=village 区划代码=village_code 户编号=household_id
        成员姓名=name 公民身份号码=id_number 关系=relation 保障类别=program 保障金额=monthly_amount 纳入时间=start_date
        保障状态=status 发放账号=bank_account 供养方式=care_mode 是否备案=cadre_relative_filed`),
      dates: 'mixed', amounts: 'mixed', ...messy, nameVariantShare: 0,
    },
    payments: {
      file: '低保发放明细.csv', dataset: 'payments', format: 'csv', encoding: 'utf8-bom',
      columns: columns('户编号=household_id 户主姓名=head_name 发放月份=paid_month 所属期=month 发放金额（元）=amount 发放状态=status'),
      dates: 'mixed', amounts: 'mixed', ...messy, nameVariantShare: 0,
    },
    bankPayments: {
      file: '低保特困资金代发明细.xlsx', dataset: 'payments', format: 'xlsx', sheetName: '代发明细',
      preamble: [`${place}低保特困资金银行代发明细`],
      columns: columns('收款人姓名=head_name 收款人身份证号码=payee_id 账号=payee_account 补贴项目=item 发放月份=month 金额=amount 处理结果=status'),
      dates: 'mixed', amounts: 'number', ...messy, nameVariantShare: 0,
    },
    deaths: {
      file: '公安户籍注销死亡人员.csv', dataset: 'deaths', format: 'csv', encoding: 'utf8',
      columns: columns('姓名=name 性别=gender 公民身份号码=id_number 死亡日期=death_date 数据来源=source 注销原因=reason 注销日期=cancelled_on'),
      dates: 'mixed', amounts: 'mixed', ...messy,
    },
    prisoners: {
      file: '服刑在押人员名单.xlsx', dataset: 'prisoners', format: 'xlsx', sheetName: '名单',
      preamble: [`${county}${period(month)}服刑在押人员名单`],
      columns: columns('姓名=name 身份证号=id_number 羁押场所=facility 执行方式=custody 入监日期=sentence_start 刑满日期=sentence_end 释放日期=released_on'),
      dates: 'cell', amounts: 'number', ...messy,
    },
    vehicles: {
      file: '机动车登记信息.csv', dataset: 'vehicles', format: 'csv', encoding: 'gb18030',
      columns: columns('号牌种类=plate_kind 号牌号码=plate 车辆类型=vehicle_type 机动车所有人=name 身份证明号码=id_number 机动车状态=status 注销日期=deregistered_on'),
      dates: 'mixed', amounts: 'mixed', ...messy,
    },
    properties: {
      file: '不动产登记信息.xlsx', dataset: 'properties', format: 'xlsx', sheetName: '登记信息',
      columns: columns('权利人=name 权利人证件号码=id_number 坐落=address 规划用途=usage 建筑面积(㎡)=area_m2 登记日期=registered_on 权利状态=status'),
      dates: 'mixed', amounts: 'number', ...messy,
    },
    businesses: {
      file: '市场主体登记信息.csv', dataset: 'businesses', format: 'csv', encoding: 'utf8-bom',
      columns: columns('主体名称=business_name 市场主体类型=kind 经营者=name 经营者证件号码=id_number 登记状态=status 成立日期=registered_on 注销日期=closed_on'),
      dates: 'mixed', amounts: 'mixed', ...messy,
    },
    payroll: {
      file: '财政供养人员工资.csv', dataset: 'payroll', format: 'csv', encoding: 'utf8',
      columns: columns('单位名称=employer 姓名=name 身份证号码=id_number 人员类别=staff_kind 应发工资(元)=monthly_salary 人员状态=staff_status'),
      dates: 'mixed', amounts: 'mixed', ...messy,
    },
    deposits: {
      file: '金融资产核对反馈.csv', dataset: 'deposits', format: 'csv', encoding: 'gb18030',
      columns: columns('姓名=name 证件号码=id_number 金融机构名称=institution 金融资产=balance 截止日期=as_of'),
      dates: 'mixed', amounts: 'mixed', ...messy,
    },
    cadres: {
      file: '村干部及经办人员名册.xlsx', dataset: 'cadres', format: 'xlsx', sheetName: '名册',
      preamble: [`${place}村(社区)干部及低保经办人员名册`, `填报单位：${place}人民政府    填报时间：${period(month)}`],
      columns: columns('乡镇=township 村(社区)=village 姓名=name 身份证号码=id_number 职务=position 任职起=term_start 任职止=term_end'),
      dates: 'cell', amounts: 'number', ...messy,
    },
    kinship: {
      file: 'kinship.parquet', dataset: 'kinship', format: 'parquet',
      columns: columns('本人身份证号=id_number 亲属身份证号=relative_id_number 关系=relation'),
      dates: 'iso', amounts: 'plain', months: 'iso', messyIdShare: 0,
    },
  };
}
