// Builders for reference-list rows (deaths, prisoners, vehicles …), shared by the background and the scenarios.
import { addDays } from './calendar.ts';
import type { County, Township, Village } from './geography.ts';
import type { FieldValue, Person, ReferenceRow } from './model.ts';
import type { Random } from './random.ts';

const PROVINCE_PLATES: Readonly<Record<string, string>> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏',
  '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂',
  '46': '琼', '50': '渝', '51': '川', '52': '贵', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

/** The name cell: the person's name, or a given spelling written verbatim (variants, conflicts). */
function nameCell(person: Person, spelled?: string): FieldValue {
  return spelled === undefined ? person.name : { text: spelled };
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function plate(rng: Random, county: County): string {
  let text = (PROVINCE_PLATES[county.code.slice(0, 2)] ?? '鲁') + PLATE_LETTERS[rng.int(0, 7)];
  for (let i = 0; i < 5; i++) text += rng.chance(0.7) ? String(rng.int(0, 9)) : PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)];
  return text;
}

export function address(rng: Random, village: Village): string {
  return village.area === 'urban'
    ? `${village.township.name}${village.name}${rng.pick(['人民路', '建设街', '文化路', '新华街', '朝阳路'])}${rng.int(1, 188)}号`
    : `${village.township.name}${village.name}${rng.int(1, 320)}号`;
}

export const DEATH_SOURCES = ['公安户籍注销', '殡葬火化', '卫健死亡医学证明'] as const;

/**
 * A 公安 注销户籍 row says why the 户口 was cancelled (死亡 here; 迁出, 参军 … in the decoys); the other lists do not. It
 * dates the cancellation too (注销日期), 3 to 45 days after the death: the death's own date is read.
 */
export function deathRow(person: Person, deathDate: FieldValue, source: string, spelled?: string, reason?: string): ReferenceRow {
  const cancelledOn = source === '公安户籍注销' && deathDate instanceof Date ? addDays(deathDate, 3 + (Number(person.id.slice(14, 17)) % 43)) : null;
  return {
    dataset: 'deaths',
    values: {
      name: nameCell(person, spelled), gender: person.male ? '男' : '女', id_number: person.id, death_date: deathDate, source,
      reason: reason ?? (source === '公安户籍注销' ? '死亡' : null), cancelled_on: cancelledOn,
    },
  };
}

/** 执行方式: 羁押 in a 看守所, 监内服刑 in a prison, unless given (缓刑, 取保候审 … in the decoys); a 释放日期 only where given. */
export function prisonerRow(person: Person, start: FieldValue, end: FieldValue, facility: string, custody?: string, released?: Date): ReferenceRow {
  return {
    dataset: 'prisoners',
    values: {
      name: person.name, id_number: person.id, facility, sentence_start: start, sentence_end: end, released_on: released ?? null,
      custody: custody ?? (facility.endsWith('看守所') ? '羁押' : '监内服刑'),
    },
  };
}

export function facility(rng: Random, county: County): string {
  return rng.pick([`${county.name}看守所`, '省第一监狱', '省第三监狱', '省女子监狱', '省未成年犯管教所']);
}

/** The 号牌种类 (GA 24.7) a 车管 export gives beside the 车辆类型, in the messy file only: the scanner reads the latter. */
function plateKind(type: string): string {
  if (/^\d{2}$/.test(type)) return type;
  if (/摩托|^M/.test(type)) return '07';
  if (/低速|三轮汽车|^N|^H5/.test(type)) return '13';
  if (/拖拉机|^T/.test(type)) return '14';
  return /大型|中型/.test(type) ? '01' : '02';
}

export function vehicleRow(rng: Random, person: Person, type: string, status: string, deregisteredOn: FieldValue, spelled?: string): ReferenceRow {
  return {
    dataset: 'vehicles',
    values: {
      plate: plate(rng, person.county), plate_kind: plateKind(type), vehicle_type: type, name: nameCell(person, spelled), id_number: person.id, status,
      deregistered_on: deregisteredOn,
    },
  };
}

export const EXEMPT_VEHICLE_TYPES = ['普通二轮摩托车', '轻便二轮摩托车', '普通正三轮摩托车', '三轮汽车', '低速货车', '变型拖拉机', '手扶拖拉机', '残疾人专用小型自动挡载客汽车'] as const;
export const COUNTED_VEHICLE_TYPES = ['小型轿车', '小型普通客车', '小型越野客车', '轻型普通货车', '中型普通客车', '轻型厢式货车'] as const;

/** 权利状态 is left empty but for a right no longer held (历史, 注销: the decoys). */
export function propertyRow(rng: Random, person: Person, village: Village, usage: string, registeredOn: Date, status?: string): ReferenceRow {
  const area = usage === '住宅' ? rng.int(450, 1600) / 10 : usage === '车库' || usage === '车位' || usage === '储藏室' ? rng.int(80, 350) / 10 : rng.int(300, 2500) / 10;
  return {
    dataset: 'properties',
    values: { name: person.name, id_number: person.id, address: address(rng, village), usage, area_m2: { number: area }, registered_on: registeredOn, status: status ?? null },
  };
}

export function businessRow(
  rng: Random, person: Person, township: Township, kind: string, status: string, registeredOn: FieldValue, closedOn: Date | null,
): ReferenceRow {
  const trade = kind === '个体工商户'
    ? `${township.name}${person.name.slice(0, 1)}${rng.pick(['记便民超市', '记五金店', '氏农家乐', '记餐馆', '记农资店', '记理发店', '记养殖场'])}`
    : `${township.county.name}${rng.pick(['恒泰', '鑫源', '绿丰', '宏达', '金穗', '顺通'])}${rng.pick(['农业科技', '建材', '商贸', '物流'])}有限公司`;
  return {
    dataset: 'businesses',
    values: { business_name: trade, kind, name: person.name, id_number: person.id, status, registered_on: registeredOn, closed_on: closedOn },
  };
}

export function employer(rng: Random, township: Township): string {
  const county = township.county.name;
  return rng.pick([`${township.name}人民政府`, `${township.name}中心小学`, `${township.name}卫生院`, `${county}人民医院`,
    `${county}第一中学`, `${county}公安局`, `${county}自然资源局`, `${township.name}初级中学`]);
}

/**
 * One of `values` chosen by the person's ID (its sequence number, moved on by `offset`) rather than drawn: a column
 * written this way redeals nothing else in the workload.
 */
function chosenById<T>(person: Person, values: readonly T[], offset = 0): T {
  return values[(Number(person.id.slice(14, 17)) + offset) % values.length]!;
}

const STAFF_KINDS = ['行政编制', '事业编制', '参照公务员法管理', '工勤人员', '事业编制（公益一类）'];

/**
 * 人员状态 is left empty but for someone the roster no longer pays (离职, 减员: the decoys); 人员类别 is a 财政供养 post
 * but for a 乡村公益性岗位 (the decoys of over_asset.payroll-welfare-post).
 */
export function payrollRow(person: Person, employerName: string, salaryCents: number, staffStatus?: string, staffKind = chosenById(person, STAFF_KINDS)): ReferenceRow {
  return {
    dataset: 'payroll',
    values: {
      employer: employerName, name: person.name, id_number: person.id, monthly_salary: { cents: salaryCents }, staff_status: staffStatus ?? null,
      staff_kind: staffKind,
    },
  };
}

const BANKS = ['中国农业银行', '中国邮政储蓄银行', '农村商业银行', '中国工商银行', '中国建设银行', '中国银行'];

/** A person's usual bank (`offset` 1: another one), chosen by his ID. */
export const bankOf = (person: Person, offset = 0) => chosenById(person, BANKS, offset);

/**
 * How another 核对 round, or a list kept by hand, spells each bank: its short name, or a branch. One per bank: the
 * bank is chosen by the same digits of the ID as anything else chosenById would choose, so a second spelling per bank
 * was never written.
 */
export const BANK_SPELLED_ANOTHER_WAY: Readonly<Record<string, string>> = {
  中国农业银行: '农行',
  中国邮政储蓄银行: '中国邮政储蓄银行城关营业所',
  农村商业银行: '农商行',
  中国工商银行: '中国工商银行城关支行',
  中国建设银行: '建行',
  中国银行: '中国银行股份有限公司城关支行',
};

/** The person's usual bank (bankOf) spelled another way: the same institution. */
export const bankSpelledAnotherWay = (person: Person) => BANK_SPELLED_ANOTHER_WAY[bankOf(person)]!;

export function depositRow(person: Person, balance: FieldValue, asOf: Date, spelled?: string, institution = bankOf(person)): ReferenceRow {
  return { dataset: 'deposits', values: { name: nameCell(person, spelled), id_number: person.id, balance, as_of: asOf, institution } };
}

export function cadreRow(person: Person, township: Township, village: Village | null, position: string, start: Date, end: Date | null): ReferenceRow {
  return {
    dataset: 'cadres',
    values: { township: township.name, village: village?.name ?? null, name: person.name, id_number: person.id, position, term_start: start, term_end: end },
  };
}

/** "relative is person's relation" (data-contract.md kinship). */
export function kinshipRow(person: Person, relative: Person, relation: string): ReferenceRow {
  return { dataset: 'kinship', values: { id_number: person.id, relative_id_number: relative.id, relation } };
}
