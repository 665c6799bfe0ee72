// Rows a list holds beside what the dataset means: a 注销户籍 list's 迁出, a 服刑/羁押 list's 缓刑, a 发放明细's failed
// payment or payment of another benefit, a 不动产 list's sold home, a payroll roster's leavers and 公益性岗位 workers.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import { quoteIdentifier as q, sqlString } from '../sql-text.ts';
import { eitherScriptPattern } from '../normalise/traditional-to-simplified.ts';
import { DEFAULT_USAGE_WORDS, houseUse, usageKind, usageListsOf, type UsageWords } from '../normalise/property-usage.ts';
import { COMPANY_CODE_ONLY } from './business-holders.ts';
import { otherIdDocumentRule } from './other-id-documents.ts';
import { endedListNameSql } from './left-roll-sheets.ts';
import { JOINED_AFTER_P, LEFT_BEFORE_P, PAID_INTO_P, TYPING_PERIOD_START, gives, leavingNotDone, leftOn } from './payroll-dates.ts';
import { blank } from './raw-rows.ts';
import { RELEASED_ON_ITSELF } from './special-columns.ts';
import { mappedField } from './value-maps.ts';

export interface OutOfScopeRule {
  /** The column that tells. */
  column: string;
  /**
   * Where the list's name tells, not a column (an ended list, endedListRules): the name its rejects are listed under in
   * place of the column's label, and what is kept as their value (SQL).
   */
  named?: { label: string; value: string };
  /** SQL over the raw row and its value maps: true when the row is not what the dataset means. */
  when: string;
  /** The reason kept in the ledger's rejects (SQL). */
  why: string;
  /** What the warning says of `rows` such rows of a file, `values` their cells with counts (迁出 10 行、参军 2 行). */
  warning: (rows: number, values: string) => string;
}

/**
 * A 乡村公益性岗位 worker (护林员, 保洁员) is paid from public funds but is no 财政供养 staff: his wage is income in the
 * family's assessment. A roster says so in the 人员类别, the 岗位类别 or the 岗位, or names the posts as the 单位
 * (某某镇公益性岗位). A column decides only where those read before it (人员类别, then 岗位类别; for the 单位 too) say
 * no more than how he is hired (编外, 临时工, or nothing): 编外 beside 岗位「保洁员」 is a 公益性岗位, 工勤人员 beside it is
 * 在编 staff. A value that names the establishment beside the post (事业编制（护林员）, 工勤人员（保洁）) is staff too
 * (rs_welfare_post). The reason names the column that decided and the vague class it passed over. Until 2026-12-03 only
 * the first kind column a roster gave was read, and a 单位 never: such workers counted as 财政供养.
 */
const WELFARE_POST_COLUMNS = [
  { column: 'staff_kind', when: 'rs_welfare_post(staff_kind)', after: [] },
  { column: 'post_class', when: 'rs_welfare_post(post_class)', after: ['staff_kind'] },
  { column: 'post', when: 'rs_welfare_post(post)', after: ['staff_kind', 'post_class'] },
  { column: 'employer', when: 'rs_welfare_post_unit(employer)', after: ['staff_kind', 'post_class'] },
] as const;

const payrollLabel = (column: string) => datasetSpec('payroll').columns.find((c) => c.name === column)!.label;

const WELFARE_POST_RULES: OutOfScopeRule[] = WELFARE_POST_COLUMNS.map(({ column, when, after }) => {
  const label = payrollLabel(column);
  // The vague classes passed over, named in the reason: （人员类别「编外」未说明岗位）.
  const passedOver = after.map((kind) => `CASE WHEN rs_text(${kind}) IS NOT NULL THEN '${payrollLabel(kind)}「' || rs_text(${kind}) || '」' END`);
  const passedNote = passedOver.length === 0 ? "''"
    : `coalesce('（' || nullif(concat_ws('、', ${passedOver.join(', ')}), '') || '未说明岗位）', '')`;
  return {
    column,
    when: [...after.map((kind) => mappedField({ name: kind }, 'vague_staff_kind')), when].join(' AND '),
    why: `'${label}为「' || rs_text(${column}) || '」' || ${passedNote} || '，乡村公益性岗位不是财政供养人员（其工资计入家庭收入核算），未作为财政供养人员'`,
    warning: (rows, values) => `${label}为公益性岗位（护林员、保洁员等）的 ${rows} 行未作为财政供养人员（${values}），已列入拒收记录；其工资应计入家庭收入核算`,
  };
});

/**
 * Off the payroll in P: a 人员状态 of leaving (离职, 减员: rs_off_payroll), unless it names a leaving not done (拟减员,
 * 离职审批中, 辞职未获批准, 解聘（已撤销）: still paid) or the row dates the leaving on or after P's first day (离职 on
 * 11-20 was paid all October) or in words that cannot be read (kept: the finding says so); with no status, a 离职日期
 * before P, as 离职 says; and whatever the status, an 入职日期 after P's end (not yet paid). Until 2026-12-07 the status
 * word alone decided and no date was read: such rows were set aside or flagged against what they said. A row both
 * rules would set aside is listed under the status.
 */
const PAYROLL_LEAVING_RULES: OutOfScopeRule[] = [{
  column: 'staff_status',
  when: `rs_off_payroll(staff_status) AND NOT ${leavingNotDone('staff_status')} AND NOT ${PAID_INTO_P}`,
  why: "'人员状态为「' || rs_text(staff_status) || '」' || coalesce('，离职日期 ' || rs_text(left_on), '') || '，已不由财政供养，未作为财政供养人员'",
  warning: (rows, values) => `人员状态为离职、辞退、减员等（已不由财政供养）的 ${rows} 行未作为财政供养人员（${values}），已列入拒收记录`,
}, {
  column: 'left_on',
  when: LEFT_BEFORE_P,
  why: "'离职日期为「' || rs_text(left_on) || '」，在本期之前，本期已不由财政供养，未作为财政供养人员'",
  warning: (rows, values) => `离职日期在本期之前（本期已不由财政供养）的 ${rows} 行未作为财政供养人员（${values}），已列入拒收记录`,
}, {
  column: 'joined_on',
  when: JOINED_AFTER_P,
  why: "'入职日期为「' || rs_text(joined_on) || '」，在本期之后，本期尚未由财政供养，未作为财政供养人员'",
  warning: (rows, values) => `入职日期在本期之后（本期尚未由财政供养）的 ${rows} 行未作为财政供养人员（${values}），已列入拒收记录`,
}];

/** What an ended list's rows are not, and what is said of them, per dataset whose lists are so named (left-roll-sheets.ts). */
const ENDED_LIST_SAYS: Partial<Record<DatasetName, { left: string; notRead: string; unless: string }>> = {
  // A leaving dated on or after P's first day was paid in P, whatever the list's name says (payroll-dates.ts).
  payroll: { left: '人员已不由财政供养（减员、离职等）', notRead: '未作为财政供养人员', unless: PAID_INTO_P },
  // A car deregistered on or after P's first day was held in P: over_asset.vehicle reads its date (checks.md), a month
  // (2026年10月) as its last day, as leftOn reads a leaving's. A row that states its own 状态 is read by it: the check
  // knows a 注销 from it, and a later list's 注销 is what tells it that a plate an earlier list gave as 正常 is gone
  // (set aside, that row left the earlier 正常 standing: a false finding, tests/checks/over_asset.vehicle.wordings).
  vehicles: {
    left: '车辆已注销、报废或转出', notRead: '未计入车辆',
    unless: `(${gives('status')} OR coalesce(coalesce(${leftOn('deregistered_on')}, ${leftOn('scrapped_on')}) >= ${TYPING_PERIOD_START}, false))`,
  },
  properties: { left: '房产已注销、转移或为历史记录', notRead: '未计入房产', unless: 'false' },
};

/**
 * A list whose file or sheet name says its rows ended (2026年9月财政供养人员减员名单.csv, a 已注销车辆 sheet, 历史注销记录):
 * every row is set aside by the name alone, whatever its columns say (a 减员原因 is kept in the reject's raw row), except
 * one whose own date puts the ending in P or after (and a car's row that states its own 状态). Until 2026-12-08 such a list was read as live: each person on it a
 * high over_asset finding, with no warning. The first rule of its dataset: the name says most of what a row is.
 */
function endedListRules(dataset: DatasetName): OutOfScopeRule[] {
  const name = endedListNameSql(dataset);
  const says = ENDED_LIST_SAYS[dataset];
  if (name === undefined || says === undefined) return [];
  return [{
    // No column tells (the interface asks one): the ID's, which `named` stands in for wherever a rule's column is read.
    column: datasetSpec(dataset).columns[0]!.name,
    named: { label: '清单名称', value: name },
    when: `${name} IS NOT NULL AND NOT ${says.unless}`,
    why: `${name} || '说明表中${says.left}，不是现时名单，${says.notRead}'`,
    warning: (rows, values) => `清单名称说明${says.left}的 ${rows} 行${says.notRead}（${values}），已列入拒收记录；`
      + '如其中有仍在册的，请把它们另列在名称不含减员、注销等字样的名单中',
  }];
}

/** A 监所 cell naming a 司法所 (where 社区矫正 is carried out) or a 矫正 body; prisons and 看守所 name neither. */
const holdsFacilityOutside = `coalesce(regexp_matches(facility, ${sqlString(eitherScriptPattern('司法所|矫正'))}), false)`;

/**
 * Read as a death, a 迁出 asked a living family to repay a year's 保障金; read as a prisoner, a man on 缓刑 (社区矫正, who
 * still counts as a household member) lost his share; read as paid, a payment the bank returned, or a 高龄津贴 paid into
 * the same account, was counted in what a dead man's family is asked to repay; read as held, a home sold years ago made a
 * second home, and a job left years ago a member on the public payroll. Such a row is refused as out of scope: listed
 * with its reason in the ledger's rejects and counted in the warnings, not a data-quality finding (nothing in it is
 * wrong). A row two rules refuse is listed under the first.
 */
const BY_WHAT_ROWS_SAY: Partial<Record<DatasetName, readonly OutOfScopeRule[]>> = {
  payments: [{
    column: 'status',
    when: 'rs_payment_failed(status)',
    why: "'发放状态为「' || rs_text(status) || '」，款项未发出，不计入发放'",
    warning: (rows, values) => `发放状态为失败、退回等（款项未发出）的 ${rows} 行未计入发放（${values}），已列入拒收记录`,
  }, {
    column: 'item',
    when: 'rs_other_benefit(item)',
    why: "'发放项目为「' || rs_text(item) || '」，不是低保/特困保障金，不计入发放'",
    warning: (rows, values) => `发放项目不是低保/特困保障金（高龄津贴、耕地地力补贴等）的 ${rows} 行未计入发放（${values}），已列入拒收记录`,
  }],
  deaths: [{
    column: 'reason',
    when: `${mappedField({ name: 'reason' }, 'cancellation')} = 'not-death'`,
    why: "'注销原因为「' || rs_text(reason) || '」，不是死亡，未作为死亡记录'",
    warning: (rows, values) => `注销原因不是死亡的 ${rows} 行未作为死亡记录（${values}），已列入拒收记录`,
  }],
  prisoners: [{
    column: 'custody',
    // A row that also dates his leaving (释放日期) says he was held until then: paroled (假释) or released on bail in P, he
    // was inside for part of it. Until 2026-12-05 such a row was refused too, and a man held in P was not found.
    when: `rs_out_of_custody(custody) AND ${RELEASED_ON_ITSELF} IS NULL`,
    why: "'执行方式为「' || rs_text(custody) || '」，不在监所内，未作为服刑/羁押记录'",
    warning: (rows, values) => `执行方式为缓刑、假释、取保候审等（不在监所内）的 ${rows} 行未作为服刑/羁押记录（${values}），已列入拒收记录`,
  }, {
    // A 社区矫正 list sent as 服刑人员 names no 执行方式, but its 监所 is the body that supervises him outside
    // (县社区矫正管理局, 司法所): no prison holds him. Until 2026-12-06 such a row was read as held, a false high imprisoned finding.
    // Only where the 执行方式 is empty: one that says held (收监执行) decides. Dated leaving (释放日期) is read as above.
    column: 'facility',
    when: `${blank('custody')} AND (rs_out_of_custody(facility) OR ${holdsFacilityOutside}) AND ${RELEASED_ON_ITSELF} IS NULL`,
    why: "'监所为「' || rs_text(facility) || '」，是社区矫正机构，不在监所内，未作为服刑/羁押记录'",
    warning: (rows, values) => `监所为社区矫正机构、司法所（不在监所内）的 ${rows} 行未作为服刑/羁押记录（${values}），已列入拒收记录`,
  }],
  payroll: [...PAYROLL_LEAVING_RULES, ...WELFARE_POST_RULES],
  // A 市场主体 row whose only numbers are companies' codes (business-holders.ts).
  businesses: COMPANY_CODE_ONLY,
  properties: [{
    column: 'status',
    when: 'rs_right_ended(status)',
    why: "'权利状态为「' || rs_text(status) || '」，已不是现时的权利，不计入房产'",
    warning: (rows, values) => `权利状态为历史、注销等（已不再拥有）的 ${rows} 行未计入房产（${values}），已列入拒收记录`,
  }],
};

/**
 * Each dataset's rules, first the one every list with a 证件类型 column has: a row of a company's or a foreigner's
 * number (统一社会信用代码, 护照) is no recipient's (other-id-documents.ts).
 */
export const OUT_OF_SCOPE_ROWS: Partial<Record<DatasetName, readonly OutOfScopeRule[]>> = Object.fromEntries(DATASETS.flatMap((dataset) => {
  const idType = dataset.columns.some((column) => column.name === 'id_type') ? [otherIdDocumentRule(dataset.name)] : [];
  const rules = [...endedListRules(dataset.name), ...idType, ...(BY_WHAT_ROWS_SAY[dataset.name] ?? [])];
  return rules.length > 0 ? [[dataset.name, rules]] : [];
}));

const columnLabel = (dataset: DatasetName, column: string) => datasetSpec(dataset).columns.find((c) => c.name === column)!.label;
/** The name a rule's rejects are listed under: its column's label, or what its list's name is called (endedListRules). */
const ruleLabel = (dataset: DatasetName, rule: OutOfScopeRule) => rule.named?.label ?? columnLabel(dataset, rule.column);

/** The CASE arms that refuse a dataset's out-of-scope rows, one per rule; nothing for a dataset without such rules. */
export function outOfScopeArm(dataset: DatasetName): string {
  return (OUT_OF_SCOPE_ROWS[dataset] ?? []).map((rule) => {
    const label = sqlString(ruleLabel(dataset, rule));
    return ` WHEN ${rule.when} THEN [{'kind': 'out-of-scope', 'col': ${label}, 'why': ${rule.why}, 'raw': ${rule.named?.value ?? q(rule.column)}}]`;
  }).join('');
}

export interface SheetWarning {
  file: string;
  sheet: string | null;
  message: string;
}

/**
 * A 不动产 row whose 房屋用途 over_asset.property neither counts (住宅, 商业 …) nor ignores (车库 …), read by the check's
 * own reader (property-usage.ts) with the word lists the county's config gives it: a word the county adds is counted and
 * not warned of, and 非住宅 or 非营业用房 is warned of as the check counts neither. Such a row is in no count, and said
 * nothing: until 2026-12-07 a 商铺 or a 厂房 was silently no property at all. It is read and used, not refused (a config
 * may list its usage); the warning names its values for staff to look at.
 */
const usageUnknown = (usage: string, words: UsageWords) => {
  const lists = usageListsOf(words);
  return `${usageKind(houseUse(`rs_to_simplified(coalesce(${usage}, ''))`, lists), lists)} IS NULL`;
};

/** The warnings of rows read as they are, not refused: what they are read as, for staff to verify. */
const READ_BUT_UNSURE: Record<string, (rows: number, values: string) => string> = {
  'unclear-deaths': (rows, values) => `注销原因无法判断是否死亡的 ${rows} 行已按死亡读取（${values}），其发现的证据中注明需核实是否死亡`,
  'unknown-usages': (rows, values) => `房屋用途不是住宅、商业、办公、工业等可识别用途（也不是车库、车位等不计用途）的 ${rows} 行未计入房产核查（${values}），`
    + '请核实实际用途；确属住宅或商业等用途的，请在配置中为 over_asset.property 的 residentialUsages 或 nonResidentialUsages 加上该用途后重新扫描',
};

/**
 * Per file (and sheet): the rows refused as out of scope, the deaths whose 注销原因 says neither death nor another
 * reason (其他): those are read as deaths, and their findings' evidence asks to verify, and the properties of a usage
 * no count knows (usageUnknown, by the word lists over_asset.property reads: its defaults unless the scan gives the
 * county's). The payments set aside once P is known (a payee no longer on the roll,
 * departed-payees.ts) are warned of there.
 */
export async function outOfScopeWarnings(connection: DuckDBConnection, usageWords: UsageWords = DEFAULT_USAGE_WORDS): Promise<SheetWarning[]> {
  const reader = await connection.runAndReadAll(`
    SELECT dataset, column_name, _file, _sheet, sum(n)::BIGINT AS rows, string_agg(value || ' ' || n || ' 行', '、' ORDER BY n DESC, value) AS values
    FROM (
      SELECT dataset, column_name, _file, _sheet, rs_text(raw_value) AS value, count(*) AS n FROM load_rejects WHERE kind = 'out-of-scope' GROUP BY ALL
      UNION ALL
      SELECT 'unclear-deaths', NULL, _file, _sheet, reason, count(*) FROM deaths WHERE reason_kind = 'unclear' GROUP BY ALL
      UNION ALL
      SELECT 'unknown-usages', NULL, _file, _sheet, usage, count(*) FROM properties WHERE ${usageUnknown('usage', usageWords)} GROUP BY ALL
    )
    GROUP BY dataset, column_name, _file, _sheet ORDER BY _file, _sheet, dataset, column_name`);
  return reader.getRowObjectsJson().flatMap((row) => {
    const rows = Number(row['rows']);
    const values = String(row['values']);
    const dataset = row['dataset'] as DatasetName;
    // The rule is known by the column its rows were refused under.
    const rule = OUT_OF_SCOPE_ROWS[dataset]?.find((candidate) => ruleLabel(dataset, candidate) === row['column_name']);
    const warning = rule?.warning ?? READ_BUT_UNSURE[String(row['dataset'])];
    if (!warning) return [];
    return [{ file: String(row['_file']), sheet: row['_sheet'] === null ? null : String(row['_sheet']), message: warning(rows, values) }];
  });
}
