// The eleven input datasets of data-contract.md: canonical columns, header aliases, file-name keywords.

/** How a raw cell is read: decides the normalisation applied at load. */
export type ValueKind = 'id' | 'name' | 'date' | 'month' | 'amount' | 'code' | 'text' | 'number';

export interface ColumnSpec {
  /** Canonical English name, also accepted as a header. */
  readonly name: string;
  readonly required: boolean;
  readonly kind: ValueKind;
  /** Chinese header texts accepted for this column (matched after header normalisation). */
  readonly aliases: readonly string[];
  /** Chinese label used in messages to staff. */
  readonly label: string;
  /**
   * Other columns that may take a required one's place: a bank's 代发 file names the payee or his account, not the 家庭编号;
   * a 市场主体 list the 法定代表人's or the 经营者's 证件号码, not a plain 身份证号码. Where none is filled the row is refused.
   */
  readonly standIns?: readonly string[];
  /**
   * Aliases that win when the header also holds another alias of this column, in tiers, best first (所属期 over
   * 发放月份 over 交易日期): the others are left unread. Two of one tier, and none of a better one, are a duplicated column.
   */
  readonly preferred?: readonly (readonly string[])[];
  /**
   * Where a list writes this column under headers of two tiers (所属期 beside 发放月份), the next tier's is read too, row by
   * row where the chosen one's cell is empty or written as none (headers.ts, special-columns.ts): `column` is the raw
   * column its cell lands in, `headers` the one every row of such a sheet is given naming the two headers (所属期、发放月份),
   * so a row with both empty is refused naming them.
   */
  readonly fallback?: { readonly column: string; readonly headers: string };
  /**
   * What reading the column costs where the list has nothing better, added to the summary as `says(header)`: read by
   * one of `headers` (a bank's 交易日期 for the 发放月份), or read where none of `unlessRead` is (a 注销日期 standing in
   * for the 死亡日期).
   */
  readonly caveat?: { readonly headers?: readonly string[]; readonly unlessRead?: readonly string[]; readonly says: (header: string) => string };
}

export interface DatasetSpec {
  readonly name: DatasetName;
  readonly label: string;
  /** File-name keywords, English stems and Chinese words (data-contract.md, step 2). */
  readonly fileKeywords: readonly string[];
  readonly columns: readonly ColumnSpec[];
  /**
   * Headers that look like one of the columns but are not it (车管's 强制报废期止, a deadline ahead, beside no 注销日期):
   * never read; where none of `unlessRead` is read either, staff are told what the file lacks and what that costs.
   */
  readonly lookalikes?: readonly { readonly header: RegExp; readonly unlessRead: readonly string[]; readonly says: (headers: readonly string[]) => string }[];
}

/** Whose row it is: its ID columns and its 家庭编号 (or the payee or account that stands in for it). */
export const identityColumns = (dataset: DatasetSpec): ColumnSpec[] =>
  dataset.columns.filter((c) => c.kind === 'id' || c.name === 'household_id' || c.name === 'payee_id' || c.name === 'payee_account');

/** The columns that may take `column`'s place (payments: the payee, or his account, for the 家庭编号). */
export const standInsOf = (dataset: DatasetSpec, column: ColumnSpec): ColumnSpec[] =>
  (column.standIns ?? []).map((name) => dataset.columns.find((c) => c.name === name)!);

/** The required columns a header lacks (`has`: whether it names a column); one with stand-ins lacks only when they are all missing. */
export const missingRequired = (dataset: DatasetSpec, has: (name: string) => boolean): ColumnSpec[] =>
  dataset.columns.filter((c) => c.required && !has(c.name) && !(c.standIns ?? []).some(has));

export const DATASET_NAMES = [
  'roll', 'payments', 'deaths', 'prisoners', 'vehicles', 'properties',
  'businesses', 'payroll', 'deposits', 'cadres', 'kinship',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

// 公民身份证号 as 身份证号 shortens 身份证号码: until 2026-12-06 a village's sheet so headed was skipped beside the others.
const ID_ALIASES = ['身份证号码', '身份证号', '公民身份号码', '证件号码', '身份证', '公民身份证号码', '公民身份证号', '证件号'];
const NAME_ALIASES = ['姓名'];
const TOWNSHIP_ALIASES = ['乡镇', '乡镇(街道)', '街道', '乡镇街道', '乡(镇、街道)'];
const VILLAGE_ALIASES = ['村', '村(社区)', '村居', '社区', '村(居)', '村(居)委会', '村社区'];
/** The program as a roll writes it (农村低保, 特困供养); a 发放明细 may write it so too. */
const PROGRAM_ALIASES = ['救助类别', '保障类别', '类别', '救助类型'];

function column(name: string, label: string, kind: ValueKind, aliases: readonly string[], required = false): ColumnSpec {
  return { name, label, kind, aliases, required };
}
const required = (name: string, label: string, kind: ValueKind, aliases: readonly string[]) =>
  column(name, label, kind, aliases, true);

/** A bank's date of a payment: its month is when it was paid, not always the month the money is for. */
const PAYMENT_DATE_HEADERS = ['发放日期', '代发日期', '交易日期', '入账日期', '发放时间'];
/** A payment's month as lists write it, in the order one is read when a list writes several. */
const PAYMENT_MONTH_TIERS = [['所属期', '所属月份', '资金所属期'], ['发放月份', '月份', '发放年月'], PAYMENT_DATE_HEADERS];
/**
 * What a death list may date besides the death: a 殡葬 list the cremation, a 公安 list the 户口's cancellation, each
 * days or months after it. Where a row leaves the 死亡日期 empty or unreadable (or the list has none), the first of them
 * that can be read is the date of death (special-columns.ts), and the finding says which. Without a 死亡日期 column,
 * staff are told what it costs.
 */
const deathStandInCaveat = (header: string) => {
  const event = header.includes('火化') ? '火化' : '注销户籍';
  return `没有「死亡日期」列：死亡日期按「${header}」读取；${event}多在死亡之后，死亡次月起的多发金额可能少算，`
    + `本期死亡而本期之后才${event}的也查不到，请向公安或殡葬部门索取带死亡日期的名单`;
};

/** A column whose aliases come in tiers, best first: where a list gives several, the best one is read, the others named unread. */
const tiered = (spec: ColumnSpec, tiers: readonly (readonly string[])[]): ColumnSpec => ({ ...spec, aliases: tiers.flat(), preferred: tiers });

const personId = (extra: readonly string[] = []) => required('id_number', '身份证号码', 'id', [...ID_ALIASES, ...extra]);
const personName = (extra: readonly string[] = []) => column('name', '姓名', 'name', [...NAME_ALIASES, ...extra]);
/**
 * Which document the row's number is of (证件类型: 居民身份证, 统一社会信用代码, 护照 …): a company's house or car, or a
 * foreigner's, is no recipient's, and such a row is out of scope (out-of-scope-rows.ts). Owner-specific headers first:
 * a list may give another party's beside them. 车管's 身份证明名称 is read too.
 */
const personIdType = () => tiered(column('id_type', '证件类型', 'text', []), [
  ['权利人证件类型', '权利人证件种类', '所有人证件类型', '所有人证件种类', '所有人身份证明名称'],
  ['证件类型', '证件种类', '证件类别', '身份证件类型', '身份证件种类', '身份证明名称'],
]);

export const DATASETS: readonly DatasetSpec[] = [
  {
    name: 'roll', label: '救助对象花名册',
    fileKeywords: ['roll', '花名册', '救助对象', '低保', '特困'],
    columns: [
      column('county', '县区', 'text', ['县区', '县(市、区)', '区县', '县(市区)', '县', '县市区']),
      required('township', '乡镇(街道)', 'text', TOWNSHIP_ALIASES),
      required('village', '村(社区)', 'text', VILLAGE_ALIASES),
      column('village_code', '行政区划代码', 'code', ['行政区划代码', '区划代码', '村代码']),
      required('household_id', '家庭编号', 'code', ['家庭编号', '户编号', '户号', '家庭编码']),
      // Rolls giving the head's columns beside each member's (户主姓名, 户主身份证号码 or a plain 身份证号码, 成员姓名,
      // 成员身份证号码): the row is the member's, his columns read first. Until 2026-12-07 成员身份证号码 was no 身份证号码
      // and such a roll stopped the scan (必需的列); beside a plain 身份证号码 it would be a 表头重复.
      tiered(required('name', '姓名', 'name', []), [['成员姓名'], ['姓名']]),
      tiered(required('id_number', '身份证号码', 'id', []), [['成员身份证号码', '成员身份证号', '成员证件号码'], ID_ALIASES]),
      column('relation', '与户主关系', 'text', ['与户主关系', '关系']),
      required('program', '救助类别', 'text', PROGRAM_ALIASES),
      // The household's area where the roll gives it beside the 救助类别 (城乡类别 农村, 户籍性质 非农业): read where the
      // 救助类别 says only 低保 (special-columns.ts), before the area the list states in its title or name (stated_area).
      // A roll may give both (城乡类别 农村 beside 户口性质 非农业, a 农村低保 family living in town): the 城乡类别 is the
      // program's area and is read, the 户口性质 named unread (until 2026-12-06 the two were a 表头重复 that stopped the scan).
      tiered(column('household_area', '城乡类别', 'text', []), [
        ['城乡类别', '城乡属性', '城乡分类'], ['户籍性质', '户口性质', '户籍类别', '户口类别', '户籍类型', '户口类型'],
      ]),
      // No header: the area a roll states in its title, sheet or file name, and where (stated-area.ts).
      column('stated_area', '名单所写城乡', 'text', []),
      column('stated_area_where', '名单所写城乡出处', 'text', []),
      column('monthly_amount', '月保障金', 'amount', ['月保障金', '保障金额', '月救助金额', '月发放金额']),
      // A roll may date the approval (审批日期) beside the start: the start is read.
      tiered(column('start_date', '开始享受时间', 'date', []), [['开始享受时间', '享受起始年月', '纳入时间'], ['审批日期']]),
      column('status', '保障状态', 'text', ['状态', '保障状态']),
      // Township rolls name it many ways; a bank's list that names only the account paid is matched with it (payee-households.ts).
      // A roll may give the 社保卡号 beside the account paid: the account is read.
      tiered(column('bank_account', '银行账号', 'code', []), [
        ['银行账号', '发放账号', '一卡通账号', '银行卡号', '账号', '收款账号', '发放卡号', '一卡通号', '一卡通卡号', '惠民惠农一卡通账号'], ['社保卡号'],
      ]),
      // 集中供养 特困 persons' 供养金 is paid to their 供养服务机构 (敬老院): its one account serves every resident (the
      // program may say it instead: 集中供养特困).
      column('care_mode', '供养方式', 'text', ['供养方式', '供养形式', '特困供养方式']),
      column('cadre_relative_filed', '近亲属备案', 'text', ['近亲属备案', '是否备案', '干部近亲属备案']),
    ],
  },
  {
    name: 'payments', label: '发放明细',
    fileKeywords: ['payments', '发放', '代发'],
    columns: [
      { ...required('household_id', '家庭编号', 'code', ['家庭编号', '户编号', '户号', '家庭编码']), standIns: ['payee_id', 'payee_account'] },
      // A 补发 paid in August for July: 所属期 is the month the money is for, which decides whether it was paid after a death.
      // A bank's 代发 list dates each payment instead (交易日期 2026-10-15): its month, where the list states no other.
      // A list stating both leaves the 所属期 empty on its ordinary rows (filled only on a 补发): such a row's month is its
      // 发放月份 (or, beside a 所属期 and no 发放月份, its payment date's month): until 2026-12-08 every such row was refused.
      {
        ...tiered(required('month', '发放月份', 'month', []), PAYMENT_MONTH_TIERS),
        fallback: { column: 'month_fallback', headers: 'month_headers' },
        caveat: {
          headers: PAYMENT_DATE_HEADERS,
          says: (header) => `没有「发放月份」或「所属期」列：发放月份按「${header}」的月份读取；`
            + '若每月发放的是上月的保障金（如次月初代发），死亡人员的多发金额会多算一个月，请向银行或业务系统索取带「所属期」的明细',
        },
      },
      // No header of their own: the next tier's month cell where the list gives two (发放月份 beside 所属期), and the two
      // headers so read (所属期、发放月份), given to every row of such a sheet. Neither is kept in the typed table.
      column('month_fallback', '发放月份', 'month', []),
      column('month_headers', '发放月份表头', 'text', []),
      required('amount', '发放金额', 'amount', ['发放金额', '金额', '实发金额']),
      // A bank's 代发 file lists the payments it could not make (账户已销户, often a dead man's) beside the others (out-of-scope-rows.ts).
      column('status', '发放状态', 'text', ['发放状态', '发放结果', '处理结果', '代发结果', '到账状态', '入账状态', '状态']),
      // A bank's 一卡通 file pays 高龄津贴, 耕地地力保护补贴 … beside the 低保金: not this benefit (out-of-scope-rows.ts).
      // Its program (低保 or 特困) places a payment where a 低保 roll and a 特困 roll number households alike
      // (reused-household-numbers.ts). A list may write the program as the roll does (救助类别: 农村低保, 特困供养), read
      // where it writes no 发放项目 (until 2026-12-06 unread: only the sheet's or file's name said the program).
      tiered(column('item', '发放项目', 'text', []), [
        ['发放项目', '补贴项目', '资金项目', '项目名称', '补贴名称', '补贴类别', '资金类别', '发放类别', '补贴类型', '项目'], PROGRAM_ALIASES,
      ]),
      // A bank's 代发 file names who was paid instead of the 家庭编号: his household is the one the roll holds him in
      // (payee-households.ts). Read only for a row without a 家庭编号.
      column('payee_id', '收款人身份证号码', 'text', [
        '收款人身份证号码', '收款人身份证号', '收款人证件号码', '户主身份证号码', '户主身份证号', ...ID_ALIASES,
      ]),
      // A bank's 代发 list may name only the account paid (户名, 账号, 金额): the household whose roll rows give it as
      // their 发放账号 (payee-households.ts). Read only for a row with neither 家庭编号 nor a readable payee (the bank may mask his ID).
      column('payee_account', '收款账号', 'text', [
        '收款账号', '收款人账号', '账号', '银行账号', '发放账号', '卡号', '银行卡号', '一卡通账号', '社保卡号', '收款卡号', '入账账号',
      ]),
      // Where a roll numbers its households per village (东村 001, 西村 001), a payment's village (and township) says
      // whose it is (reused-household-numbers.ts). Read only for such numbers.
      column('township', '乡镇(街道)', 'text', TOWNSHIP_ALIASES),
      column('village', '村(社区)', 'text', VILLAGE_ALIASES),
    ],
  },
  {
    name: 'deaths', label: '死亡人员名单',
    fileKeywords: ['deaths', '死亡', '火化', '注销户籍'],
    columns: [
      personId(['死者身份证号码']),
      personName(['死者姓名']),
      personIdType(),
      { ...required('death_date', '死亡日期', 'date', ['死亡日期', '死亡时间']), standIns: ['cremated_on', 'cancelled_on'] },
      { ...column('cremated_on', '火化日期', 'date', ['火化日期', '火化时间']), caveat: { unlessRead: ['death_date'], says: deathStandInCaveat } },
      { ...column('cancelled_on', '注销日期', 'date', ['注销日期', '注销时间']), caveat: { unlessRead: ['death_date', 'cremated_on'], says: deathStandInCaveat } },
      column('source', '来源', 'text', ['来源', '数据来源']),
      // A 公安 注销户籍 list also cancels for 迁出, 参军, 出国定居: only a death is a death (out-of-scope-rows.ts).
      column('reason', '注销原因', 'text', ['注销原因', '注销类别', '注销类型', '注销事由', '变动原因']),
    ],
  },
  {
    name: 'prisoners', label: '服刑/羁押人员名单',
    fileKeywords: ['prisoners', '服刑', '羁押', '在押'],
    columns: [
      personId(),
      personName(),
      personIdType(),
      // 司法 lists often write the whole sentence in one cell (刑期起止 2021.03.05-2028.03.04): read as its start and end.
      // A list may date the detention (羁押日期, from which the sentence counts: 刑期起日) and the prison's admission
      // (入监日期, later) both: custody began with the first, and the whole sentence in one cell, which holds its end too, comes first.
      tiered(required('sentence_start', '羁押/入监日期', 'date', []), [
        ['刑期起止', '刑期起止日期', '刑期起止时间', '刑期起讫', '刑期起讫日期'], ['羁押日期'], ['刑期起日', '刑期开始日期', '刑期起始日期'], ['入监日期'],
      ]),
      // Headers are matched whole: 刑满时间 is the 刑期止日, 刑满释放日期 and 刑满释放时间 the 释放日期. Until 2026-12-06 a
      // 刑满时间 or 释放时间 column went unread: a man released went on being found as held (or one paroled, as held to his 刑满日期).
      column('sentence_end', '刑期止日', 'date', [
        '刑期止日', '刑满日期', '刑期结束日期', '刑期截止日期', '刑期届满日期', '刑期终止日期', '刑期止日期', '刑满时间', '刑期结束时间', '刑期终止时间',
      ]),
      // The day he actually left (减刑, 假释 release him before the 刑满日期): read where given, the 刑期止日 where empty.
      column('released_on', '释放日期', 'date', [
        '释放日期', '刑满释放日期', '实际释放日期', '出监日期', '出所日期', '释放时间', '实际释放时间', '刑满释放时间', '出狱日期', '出狱时间', '出监时间', '出所时间',
      ]),
      column('facility', '监所', 'text', ['监所', '羁押场所', '服刑场所']),
      // 缓刑, 假释, 取保候审 … are on such lists too, and are not 在监狱内服刑 (out-of-scope-rows.ts).
      column('custody', '执行方式', 'text', ['执行方式', '刑罚执行方式', '执行类别', '刑罚执行类别', '强制措施', '羁押状态', '矫正类别']),
    ],
  },
  {
    name: 'vehicles', label: '机动车登记信息',
    fileKeywords: ['vehicles', '车辆', '机动车'],
    columns: [
      // 车管's own field names: 机动车所有人, 身份证明号码 (身份证明名称 beside it says which document: id_type).
      personId(['所有人证件号码', '所有人身份证号码', '身份证明号码', '所有人身份证明号码']),
      personName(['所有人', '所有人姓名', '机动车所有人']),
      personIdType(),
      column('plate', '号牌号码', 'text', ['号牌号码', '车牌号码', '车牌号']),
      // A 车管 export gives both 号牌种类 (02 小型汽车) and the finer 车辆类型 (K33 小型轿车): the latter is read.
      tiered(required('vehicle_type', '车辆类型', 'text', []), [['车辆类型'], ['号牌种类']]),
      column('status', '状态', 'text', ['状态', '机动车状态']),
      column('deregistered_on', '注销日期', 'date', ['注销日期', '注销时间']),
      // The day the car was scrapped, read where the 注销日期 is empty. 车管's 强制报废期止 (报废期止) is the day by which it
      // must be scrapped, still ahead for a car on the road: no alias here may name it, nor 检验有效期止.
      column('scrapped_on', '报废日期', 'date', ['报废日期', '报废时间', '实际报废日期']),
    ],
    lookalikes: [{
      header: /^(强制报废(期止|日期)|报废期止|检验有效期止)/,
      unlessRead: ['deregistered_on', 'scrapped_on'],
      says: (headers) => `${headers.map((h) => `「${h}」`).join('')}是应报废或检验的期限，不是注销或报废的日期，未读取；本表没有「注销日期」或「报废日期」列，`
        + '车辆是否已注销、报废只按「状态」列判断（没有状态的一律按未注销计入），请向车管部门索取带注销日期的登记信息',
    }],
  },
  {
    name: 'properties', label: '不动产登记信息',
    fileKeywords: ['properties', '房产', '不动产', '房屋'],
    columns: [
      personId(['权利人证件号码', '权利人身份证号码']),
      personName(['权利人', '权利人姓名']),
      personIdType(),
      // A 不动产 query names a home's co-owners (共有人) in columns of their own beside the 权利人's: each holds the home
      // (property-co-owners.ts). Read as text, not as an ID column: an unreadable co-owner's number must not refuse the
      // row, and the 权利人's home with it. Until 2026-12-07 these columns went unread, and a co-owner on the roll unfound.
      column('co_owner_id_number', '共有人证件号码', 'text', ['共有人证件号码', '共有人身份证号码', '共有人身份证号', '共有人证件号', '共有权人证件号码', '共有权人身份证号码']),
      column('co_owner_name', '共有人', 'name', ['共有人', '共有人姓名', '共有权人', '共有权人姓名']),
      column('address', '坐落', 'text', ['坐落', '房屋坐落', '地址']),
      // An export may give the planned use (规划用途) beside the home's: the home's is read.
      tiered(required('usage', '用途', 'text', []), [['房屋用途'], ['用途'], ['规划用途']]),
      column('area_m2', '建筑面积', 'number', ['建筑面积', '面积']),
      tiered(column('registered_on', '登记日期', 'date', []), [['登记日期'], ['登簿日期']]),
      // A 不动产 query returns a sold home's record too, as 历史 or 注销 (out-of-scope-rows.ts).
      tiered(column('status', '权利状态', 'text', []), [['权利状态'], ['产权状态'], ['登记状态'], ['状态']]),
    ],
  },
  {
    name: 'businesses', label: '市场主体登记信息',
    fileKeywords: ['businesses', '工商', '市场主体', '个体'],
    columns: [
      // A 市场主体 export names a company's 法定代表人 and an 个体工商户's 经营者, often each in columns of its own side by
      // side, a row filling its own role's (or both, two persons): each role is read apart, and every person a row names
      // by ID holds the business (business-holders.ts). Until 2026-12-06 such a file stopped the scan as a duplicated header.
      { ...personId(['法定代表人/经营者证件号码']), standIns: ['representative_id_number', 'operator_id_number'] },
      personName(),
      personIdType(),
      // Shortened as the plain ID's headers are (身份证号, 证件号): until 2026-12-06 such a column went unread.
      column('representative_id_number', '法定代表人证件号码', 'id', ['法定代表人证件号码', '法定代表人身份证号码', '法定代表人身份证号', '法定代表人证件号']),
      column('representative_name', '法定代表人', 'name', ['法定代表人', '法定代表人姓名']),
      column('operator_id_number', '经营者证件号码', 'id', ['经营者证件号码', '经营者身份证号码', '经营者身份证号', '经营者证件号']),
      column('operator_name', '经营者', 'name', ['经营者', '经营者姓名']),
      column('business_name', '名称', 'text', ['名称', '字号', '企业名称', '主体名称']),
      column('kind', '类型', 'text', ['类型', '市场主体类型', '企业类型']),
      // Which business a row is, where two lists name it (2025年's 存续, 2026年9月's 注销): over_asset.business reads it by the
      // later list. A list giving both reads the 统一社会信用代码 (an old 注册号 is kept beside it on some exports).
      tiered(column('credit_code', '统一社会信用代码', 'code', []), [['统一社会信用代码', '社会信用代码', '信用代码', '统一社会信用代码/注册号'], ['注册号']]),
      // A 市场主体 export gives several of these at once: the registry's own (登记状态, 成立日期) is read.
      tiered(required('status', '登记状态', 'text', []), [['登记状态'], ['经营状态']]),
      tiered(column('registered_on', '成立日期', 'date', []), [['成立日期'], ['登记日期', '注册日期']]),
      column('closed_on', '注销日期', 'date', ['注销日期', '注销时间']),
      // A business whose licence was revoked (吊销) is often never cancelled: its 吊销日期 is read where the 注销日期 is empty.
      column('revoked_on', '吊销日期', 'date', ['吊销日期']),
    ],
  },
  {
    name: 'payroll', label: '财政供养人员名单',
    fileKeywords: ['payroll', '财政供养', '工资'],
    columns: [
      personId(),
      personName(),
      personIdType(),
      column('employer', '单位', 'text', ['单位', '工作单位', '单位名称']),
      // A 工资表 gives several (月工资, 应发工资, 工资): one is read, the others named unread. Until 2026-12-06 two of them
      // stopped the scan as a duplicated header, though the salary decides no finding (it is shown in the evidence).
      tiered(column('monthly_salary', '月工资', 'amount', []), [['月工资'], ['应发工资'], ['工资']]),
      // A payroll roster keeps those who left (离职, 辞退, 减员) beside those still paid (out-of-scope-rows.ts).
      column('staff_status', '人员状态', 'text', ['人员状态', '在职状态', '人员类别状态', '变动情况', '状态']),
      // A 乡村公益性岗位 (护林员, 保洁员) is paid from public funds but is no 财政供养 post (out-of-scope-rows.ts). A roster
      // says what a person is in up to three columns, each read: the class of the person (人员类别: 行政编制, 编外,
      // 公益性岗位), the class of the post (岗位类别: 管理岗位, 工勤技能岗位) and the post's name (岗位: 科员, 保洁员).
      // Until 2026-12-03 a roster headed only 岗位 or 用工类型 went unread, and then only the first of the three a roster
      // gave was read: 编外 beside 岗位「保洁员」 left the worker counted as 财政供养.
      column('staff_kind', '人员类别', 'text', ['人员类别', '人员身份', '人员性质', '人员类型', '编制性质', '编制类型', '编制情况', '用工性质', '用工形式', '用工类型', '用工类别']),
      column('post_class', '岗位类别', 'text', ['岗位类别', '岗位性质', '岗位类型']),
      column('post', '岗位', 'text', ['岗位', '岗位名称']),
      // When he joined and left (payroll-dates.ts): a leaving on or after P's first day leaves him paid in P whatever
      // the 人员状态 says, one before it takes him off as 离职 does; a joining after P's end has him not yet paid. Typed
      // as text, read by payroll-dates.ts: a date that cannot be read keeps the row (a finding that says so), where a
      // date column's would refuse it. Until 2026-12-07 neither was read. Not 离岗日期 (离岗退养 is still paid), nor
      // 调入日期 (paid by another public employer before), nor a contract's 终止日期 (renewed more often than not).
      tiered(column('joined_on', '入职日期', 'text', []), [['入职日期', '入职时间'], ['入编日期', '录用日期', '到岗日期'], ['参加工作时间', '参加工作日期']]),
      tiered(column('left_on', '离职日期', 'text', []), [
        ['离职日期', '离职时间'], ['减员日期', '减员时间', '停发日期', '停发时间', '辞职日期', '辞退日期', '解聘日期'], ['调离日期', '调离时间', '调出日期', '调出时间'],
      ]),
    ],
  },
  {
    name: 'deposits', label: '金融资产核对结果',
    fileKeywords: ['deposits', '存款', '金融资产'],
    columns: [
      personId(),
      personName(),
      personIdType(),
      required('balance', '余额', 'amount', ['余额', '金额', '金融资产', '存款余额']),
      tiered(column('as_of', '截止日期', 'date', []), [['截止日期'], ['查询日期']]),
      // Which bank's (or account's) balance: a later 核对 round's balance of the same one replaces the earlier one.
      column('institution', '金融机构', 'text', ['金融机构', '金融机构名称', '机构名称', '开户行', '开户银行', '开户机构', '银行名称']),
      column('account', '账号', 'code', ['账号', '卡号', '账户', '存款账号', '账户号码', '账号/卡号', '卡号/账号']),
      // No header: the month a list without 截止日期 states in its name or title, its round's (deposit-list-month.ts).
      column('stated_month', '名单所写月份', 'month', []),
    ],
  },
  {
    name: 'cadres', label: '干部及经办人员名册',
    fileKeywords: ['cadres', '干部', '经办人员'],
    columns: [
      personId(),
      personName(),
      personIdType(),
      column('township', '乡镇(街道)', 'text', TOWNSHIP_ALIASES),
      column('village', '村(社区)', 'text', VILLAGE_ALIASES),
      column('position', '职务', 'text', ['职务', '岗位']),
      column('term_start', '任职起', 'date', ['任职起', '任职开始日期', '任职时间']),
      column('term_end', '任职止', 'date', ['任职止', '任职结束日期', '离任时间']),
    ],
  },
  {
    name: 'kinship', label: '亲属关系',
    fileKeywords: ['kinship', '亲属'],
    columns: [
      required('id_number', '本人身份证号', 'id', ['本人身份证号', '本人身份证号码', ...ID_ALIASES]),
      required('relative_id_number', '亲属身份证号', 'id', ['亲属身份证号', '亲属身份证号码', '亲属证件号码']),
      required('relation', '关系', 'text', ['关系', '亲属关系', '与本人关系']),
    ],
  },
];

const BY_NAME = new Map(DATASETS.map((dataset) => [dataset.name, dataset]));

export function datasetSpec(name: DatasetName): DatasetSpec {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`unknown dataset ${name}`);
  return spec;
}

export function isDatasetName(value: string): value is DatasetName {
  return BY_NAME.has(value as DatasetName);
}
