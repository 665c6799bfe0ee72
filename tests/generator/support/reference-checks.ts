// Test support: an independent, straightforward reading of checks.md over a clean workload, to audit the answer key.
import { join } from 'node:path';
import { monthOfDay, normaliseId, normaliseName, parseCents, parseDate, parseMonth, readCsv } from './clean-files.ts';
import type { Row } from './clean-files.ts';
import { BANK_SPELLED_ANOTHER_WAY } from '../../../sample-data/generator/references.ts';

export interface Finding {
  check_id: string;
  id_number: string | null;
  household_id: string | null;
  file?: string;
  line?: number;
  overpayment_cents?: number;
}

/** The words the generator writes for a sentence with no end date (无期徒刑, 死缓, a detainee's 待定): still held. */
const NO_END_DATE = ['无期徒刑', '死刑缓期二年执行', '待定'];
const EXEMPT = ['摩托', '残疾人专用', '残疾人机动轮椅车', '三轮汽车', '低速货车', '低速车', '拖拉机', '农用车', '农用运输车'];
/** The 车管 codes the generator writes (vehicleCoded scenarios), by their meaning. */
const VEHICLE_TYPE_CODES: Record<string, string> = {
  K33: '小型轿车', '02': '小型汽车', M21: '普通二轮摩托车', N11: '三轮汽车', H51: '普通低速货车', T22: '手扶拖拉机', '07': '普通摩托车', '13': '低速车',
};
const DEREGISTERED_STATES = ['注销', '报废', 'E', '注销(E)', 'E-注销', 'M'];
/** The other spellings of a bank the generator writes (a short name, a branch), by the bank they are. */
const SAME_BANK: Record<string, string> = Object.fromEntries(Object.entries(BANK_SPELLED_ANOTHER_WAY).map(([bank, spelling]) => [spelling, bank]));
/** Whose balance a deposits row reports: its bank, however spelled, else its account. */
const depositHolder = (values: Record<string, string>) => (values['institution'] && (SAME_BANK[values['institution']] ?? values['institution'])) || values['account'];
// Relations "R is C's rel" that make R a near relative (checks.md default list).
const NEAR = new Set(['配偶', '父亲', '母亲', '岳父', '岳母', '公公', '婆婆', '兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹', '儿子', '女儿',
  '长子', '次子', '长女', '次女', '儿媳', '女婿', '祖父', '祖母', '爷爷', '奶奶', '外祖父', '外祖母', '外公', '外婆', '孙子', '孙女',
  '外孙子', '外孙女', '伯父', '叔叔', '姑姑', '舅舅', '姨妈', '伯母', '婶婶', '姑父', '舅妈', '姨父']);
// (R, C, rel) says C is R's rel; what R then is to C (only whether it is near matters).
const INVERSE_NEAR = new Set(['配偶', '父亲', '母亲', '兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹', '儿子', '女儿', '长子', '次子', '长女', '次女',
  '儿媳', '女婿', '岳父', '岳母', '公公', '婆婆', '孙子', '孙女', '外孙子', '外孙女', '祖父', '祖母', '爷爷', '奶奶', '外祖父', '外祖母',
  '外公', '外婆', '侄子', '侄女', '外甥', '外甥女']);
const PARENT = new Set(['父亲', '母亲']);
const SIBLING = new Set(['兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹']);
const CHILD = new Set(['儿子', '女儿', '长子', '次子', '长女', '次女']);
const CHILD_IN_LAW = new Set(['儿媳', '女婿']);
const PARENT_IN_LAW = new Set(['岳父', '岳母', '公公', '婆婆']);
const GRANDCHILD = new Set(['孙子', '孙女', '外孙子', '外孙女']);
const GRANDPARENT = new Set(['祖父', '祖母', '爷爷', '奶奶', '外祖父', '外祖母', '外公', '外婆']);

const ALONE = '\u0001';

/** What Excel shows of a number too long to keep (6.22848E+15): its last digits are gone. */
const lostDigits = (text: string | undefined) => /^[0-9.]+E\+[0-9]+$/i.test(text ?? '');

export function referenceFindings(directory: string, period: string, standards: { urban: number; rural: number }): Finding[] {
  const P = parseMonth(period)!;
  const pStart = Date.UTC(Math.floor(P / 12), P % 12, 1) / 86_400_000;
  const pEnd = Date.UTC(Math.floor(P / 12), (P % 12) + 1, 0) / 86_400_000;
  const read = (dataset: string) => readCsv(join(directory, `${dataset}.csv`), `${dataset}.csv`);
  const findings: Finding[] = [];
  // A person without a 家庭编号 is a household of his own (ALONE + ID), reported without one.
  const add = (finding: Finding) => findings.push({ ...finding, household_id: finding.household_id?.startsWith(ALONE) ? null : finding.household_id });
  const names = new Map<string, Set<string>>();
  const rollIds = new Set<string>();

  /** Rows with a usable ID; the others are id-invalid findings. */
  const usable = (rows: Row[], column = 'id_number') => rows.flatMap((row) => {
    const { id, legacy } = normaliseId(row.values[column]!);
    if (!id) { add({ check_id: 'data_quality.id-invalid', id_number: null, household_id: row.values['household_id'] ?? null, file: row.file, line: row.line }); return []; }
    return [{ ...row, id, legacy }];
  });
  const badRow = (row: Row, ok: boolean) => { if (!ok) add({ check_id: 'data_quality.bad-row', id_number: null, household_id: null, file: row.file, line: row.line }); return ok; };

  const roll = usable(read('roll')).map((row) => ({ ...row, hh: row.values['household_id'] || ALONE + row.id, active: ['', '在保'].includes(row.values['status']!) }));
  for (const row of roll) {
    rollIds.add(row.id);
    if (row.legacy) add({ check_id: 'data_quality.id-legacy', id_number: row.id, household_id: row.hh, file: row.file, line: row.line });
    if (['township', 'village', 'household_id', 'name', 'program'].some((column) => row.values[column] === '')) {
      add({ check_id: 'data_quality.missing-field', id_number: row.id, household_id: row.hh, file: row.file, line: row.line });
    }
    if (row.values['name']) names.set(row.id, new Set([...(names.get(row.id) ?? []), normaliseName(row.values['name'])]));
    if (lostDigits(row.values['bank_account'])) add({ check_id: 'data_quality.bad-value', id_number: row.id, household_id: row.hh, file: row.file, line: row.line });
  }
  const households = new Map<string, typeof roll>();
  for (const row of roll) {
    const list = households.get(row.hh);
    if (list) list.push(row);
    else households.set(row.hh, [row]);
  }
  const programOf = (text: string) => {
    if (['农村低保', '农村最低生活保障'].includes(text)) return { family: '低保', urban: false };
    if (['城市低保', '城镇低保'].includes(text)) return { family: '低保', urban: true };
    if (['城市特困', '三无'].includes(text)) return { family: '特困', urban: true };
    if (['农村特困', '特困供养', '分散供养特困', '集中供养特困', '五保'].includes(text)) return { family: '特困', urban: /城市|城镇/.test(text) };
    return null;
  };
  const head = (hh: string) => households.get(hh)![0]!.id;

  for (const [hh, rows] of households) {
    const program = programOf(rows[0]!.values['program']!);
    for (const row of rows) if (!programOf(row.values['program']!)) add({ check_id: 'data_quality.program-unknown', id_number: row.id, household_id: hh, file: row.file, line: row.line });
    if (hh.startsWith(ALONE)) continue; // the household checks need a 家庭编号
    if (!rows.some((row) => ['户主', '本人'].includes(row.values['relation']!))) add({ check_id: 'data_quality.household-no-head', id_number: null, household_id: hh });
    // One finding per village involved.
    const villages = new Set(rows.map((row) => row.values['village']));
    if (villages.size > 1) for (const _village of villages) add({ check_id: 'data_quality.household-split', id_number: null, household_id: hh });
    // A paid person's row stating an amount (0 states none).
    const amounts = new Set(rows.filter((row) => row.active).map((row) => row.values['monthly_amount']!).filter(Boolean).map(parseCents).filter((cents) => cents !== 0));
    if (amounts.size > 1) add({ check_id: 'data_quality.amount-inconsistent', id_number: null, household_id: hh });
    const amount = parseCents(rows[0]!.values['monthly_amount']!)!;
    if (program) {
      // Persons, not rows: a member on two rows of the household is one (as the check counts since 2026-12-06).
      const standard = (program.urban ? standards.urban : standards.rural) * 100 * new Set(rows.map((row) => row.id)).size;
      if (amount > (program.family === '低保' ? standard : standard * 1.3)) add({ check_id: 'data_quality.amount-over-standard', id_number: null, household_id: hh });
    }
  }

  const payments = new Map<string, Row[]>();
  /**
   * A bank's row names the head (payee_id) instead of the household: the one household the roll holds him in; or only
   * the account paid (payee_account): the one household whose roll rows give it as their 发放账号.
   */
  const householdOf = (row: Row) => {
    if (row.values['household_id']) return row.values['household_id'];
    const payee = row.values['payee_id'] ? normaliseId(row.values['payee_id']).id : null;
    const account = row.values['payee_account'];
    const holding = new Set(roll.filter((member) => (payee ? member.id === payee : member.values['bank_account'] === account)).map((member) => member.hh));
    return holding.size === 1 ? [...holding][0]! : null;
  };
  for (const row of read('payments')) {
    // A payment the bank returned was not made (the generator writes 成功 or nothing for the others); a 高龄津贴 is no
    // 低保/特困 payment (the generator names those 低保金 and 特困供养金).
    if (row.values['status'] && row.values['status'] !== '成功') continue;
    if (row.values['item'] && !['低保金', '特困供养金'].includes(row.values['item'])) continue;
    const household = householdOf(row);
    if (!badRow(row, household !== null && parseMonth(row.values['month']!) !== null && parseCents(row.values['amount']!) !== null)) continue;
    const list = payments.get(household!);
    if (list) list.push(row);
    else payments.set(household!, [row]);
  }
  const reference = (dataset: string, dates: string[], amounts: string[] = []) => usable(read(dataset)).filter((row) =>
    badRow(row, dates.every((column) => row.values[column] === '' || parseDate(row.values[column]!) !== null || (column === 'sentence_end' && NO_END_DATE.includes(row.values[column]!)))
      && amounts.every((column) => parseCents(row.values[column]!) !== null)));
  /** A death's date: the 死亡日期, else (empty or unreadable) the earlier of the 火化日期 and 注销日期; a row with none readable is refused. */
  const deathDay = (row: Row) => {
    const [death, ...afterDeath] = ['death_date', 'cremated_on', 'cancelled_on'].map((column) => parseDate(row.values[column] ?? ''));
    const fallbacks = afterDeath.filter((day) => day !== null);
    return death ?? (fallbacks.length === 0 ? null : Math.min(...fallbacks));
  };
  /** A sentence's end: the 释放日期 where given, else the 刑满日期 (Infinity: still held). */
  const sentenceEnd = (row: Row) => {
    const end = row.values['released_on'] || row.values['sentence_end'];
    return end && !NO_END_DATE.includes(end) ? parseDate(end)! : Infinity;
  };
  const byId = <T extends { id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.id);
      if (list) list.push(row);
      else map.set(row.id, [row]);
    }
    return map;
  };
  const lists = {
    // A 户口 cancelled for another reason than death, a person on the list who is not held and a home sold are neither a
    // death, a sentence nor a holding: the scanner refuses them as out of scope (the generator writes 死亡, 羁押 and
    // 监内服刑 for the others, and no 权利状态 for the homes held).
    deaths: usable(read('deaths')).filter((row) => badRow(row, deathDay(row) !== null)).filter((row) => !row.values['reason'] || row.values['reason'] === '死亡'),
    // A 刑满日期 of 无期徒刑, 死缓 or 待定 is no end date (still held): the generator writes those three words.
    prisoners: reference('prisoners', ['sentence_start', 'sentence_end', 'released_on'])
      .filter((row) => !row.values['custody'] || ['羁押', '监内服刑'].includes(row.values['custody'])),
    vehicles: reference('vehicles', ['deregistered_on']),
    properties: reference('properties', ['registered_on']).filter((row) => !row.values['status']),
    businesses: reference('businesses', ['registered_on', 'closed_on']),
    // Those the roster no longer pays, and 乡村公益性岗位 workers, are not 财政供养.
    payroll: reference('payroll', [], ['monthly_salary'])
      .filter((row) => !row.values['staff_status'] && !/公益性|护林|保洁|护路/.test(row.values['staff_kind'] ?? '')),
    deposits: reference('deposits', ['as_of'], ['balance']), cadres: reference('cadres', ['term_start', 'term_end']),
  };
  for (const rows of Object.values(lists)) {
    for (const row of rows) if (rollIds.has(row.id) && row.values['name']) names.get(row.id)?.add(normaliseName(row.values['name']));
  }
  for (const [id, spelled] of names) {
    // One finding in each roll household that holds the ID.
    if (spelled.size > 1) for (const hh of new Set(roll.filter((row) => row.id === id).map((row) => row.hh))) add({ check_id: 'data_quality.id-name-conflict', id_number: id, household_id: hh });
  }
  const kinship = usable(read('kinship')).flatMap((row) => usable([row], 'relative_id_number').map((relative) => ({ from: row.id, to: relative.id, rel: row.values['relation']! })));

  const active = roll.filter((row) => row.active);
  const deaths = byId(lists.deaths);
  const prisoners = byId(lists.prisoners);
  for (const row of active) {
    for (const death of deaths.get(row.id) ?? []) {
      const day = deathDay(death)!;
      if (day > pEnd) continue;
      const members = households.get(row.hh)!.length;
      let overpayment = 0;
      for (const payment of payments.get(row.hh) ?? []) {
        const month = parseMonth(payment.values['month']!)!;
        if (month > monthOfDay(day) && month <= P) {
          overpayment += Math.floor((2 * parseCents(payment.values['amount']!)! + members) / (2 * members));
        }
      }
      add({ check_id: 'deceased.recipient', id_number: row.id, household_id: row.hh, overpayment_cents: overpayment });
    }
    for (const prisoner of prisoners.get(row.id) ?? []) {
      if (parseDate(prisoner.values['sentence_start']!)! <= pEnd && sentenceEnd(prisoner) >= pStart) add({ check_id: 'imprisoned.recipient', id_number: row.id, household_id: row.hh });
    }
  }

  const activeHouseholds = new Map<string, typeof roll>();
  for (const row of active) {
    const list = activeHouseholds.get(row.hh);
    if (list) list.push(row);
    else activeHouseholds.set(row.hh, [row]);
  }
  const holdings = (dataset: keyof typeof lists) => byId(lists[dataset]);
  const [vehicles, properties, businesses, payroll, deposits] = (['vehicles', 'properties', 'businesses', 'payroll', 'deposits'] as const).map(holdings);
  const day = (text: string | undefined) => (text ? parseDate(text) : null);
  for (const [hh, rows] of activeHouseholds) {
    const own = (map: Map<string, Row[]>) => [...new Set(rows.map((row) => row.id))].flatMap((id) => (map.get(id) ?? []).map((holding) => ({ id, holding })));
    const flag = (checkId: string, hits: { id: string }[]) => { if (hits.length) add({ check_id: checkId, id_number: hits[0]!.id, household_id: hh }); };
    const vehicleType = (v: Row) => VEHICLE_TYPE_CODES[v.values['vehicle_type']!] ?? v.values['vehicle_type']!;
    flag('over_asset.vehicle', own(vehicles!).filter(({ holding: v }) => !EXEMPT.some((word) => vehicleType(v).includes(word))
      && !(DEREGISTERED_STATES.includes(v.values['status']!) && (!v.values['deregistered_on'] || day(v.values['deregistered_on'])! < pStart))));
    const props = own(properties!);
    const homes = props.filter(({ holding }) => holding.values['usage'] === '住宅');
    const business = props.filter(({ holding }) => ['商业', '办公', '商服', '工业'].includes(holding.values['usage']!));
    flag('over_asset.property', homes.length > 1 ? homes : business);
    flag('over_asset.business', own(businesses!).filter(({ holding: b }) => {
      const registered = day(b.values['registered_on']);
      const closed = day(b.values['closed_on']);
      return ((registered === null || registered <= pEnd) && !['注销', '吊销'].includes(b.values['status']!)) || (closed !== null && closed >= pStart);
    }));
    flag('over_asset.payroll', own(payroll!));
    const program = programOf(rows[0]!.values['program']!);
    // A bank's (or account's) latest round replaces its earlier ones; rows naming neither, or undated, all count.
    const balances = own(deposits!).filter(({ id, holding }) => {
      const where = depositHolder(holding.values);
      if (!where || !holding.values['as_of']) return true;
      const rounds = deposits!.get(id)!.filter((other) => depositHolder(other.values) === where && other.values['as_of']);
      return rounds.every((other) => parseDate(other.values['as_of']!)! <= parseDate(holding.values['as_of']!)!);
    });
    const total = balances.reduce((sum, { holding }) => sum + parseCents(holding.values['balance']!)!, 0);
    // Alone for want of a 家庭编号: the household's members, and so its limit, are not known.
    if (program && !hh.startsWith(ALONE) && total > 24 * (program.urban ? standards.urban : standards.rural) * 100 * rows.length) flag('over_asset.deposits', balances);
  }

  const byPerson = byId(active);
  for (const [id, rows] of byPerson) {
    const families = new Set(rows.map((row) => programOf(row.values['program']!)?.family));
    const perHousehold = new Map<string, number>();
    for (const row of rows) perHousehold.set(row.hh, (perHousehold.get(row.hh) ?? 0) + 1);
    if (families.has('低保') && families.has('特困')) for (const hh of perHousehold.keys()) add({ check_id: 'duplicate.dibao-and-tekun', id_number: id, household_id: hh });
    else if (perHousehold.size > 1) for (const hh of perHousehold.keys()) add({ check_id: 'duplicate.two-households', id_number: id, household_id: hh });
    for (const [hh, count] of perHousehold) if (count > 1) for (let i = 0; i < count; i++) add({ check_id: 'duplicate.same-household', id_number: id, household_id: hh });
  }
  const accounts = new Map<string, Set<string>>();
  for (const row of active) {
    if (lostDigits(row.values['bank_account']) || row.hh.startsWith(ALONE)) continue;
    const set = accounts.get(row.values['bank_account']!);
    if (set) set.add(row.hh);
    else accounts.set(row.values['bank_account']!, new Set([row.hh]));
  }
  // 集中供养 (供养方式, else the program): paid into the 敬老院's account, so sharing it is no finding.
  const institutional = (hh: string) => households.get(hh)!.every((row) => (row.values['care_mode'] || row.values['program']!).includes('集中'));
  for (const hhs of accounts.values()) {
    const outside = [...hhs].filter((hh) => !institutional(hh));
    if (hhs.size > 1) for (const hh of outside) add({ check_id: 'duplicate.shared-account', id_number: head(hh), household_id: hh });
  }

  // Cadre relatives: one and two hops over kinship read both ways, plus the cadre's own roll household.
  const serving = lists.cadres.filter((c) => parseDate(c.values['term_start']!)! <= pEnd && (!c.values['term_end'] || parseDate(c.values['term_end'])! >= pStart));
  const edges = new Map<string, { other: string; rel: string; forward: boolean }[]>();
  for (const { from, to, rel } of kinship) {
    for (const [person, edge] of [[from, { other: to, rel, forward: true }], [to, { other: from, rel, forward: false }]] as const) {
      const list = edges.get(person);
      if (list) list.push(edge);
      else edges.set(person, [edge]);
    }
  }
  const near = new Set<string>();
  for (const cadre of serving) {
    const c = cadre.id;
    // His own household by any of his rows: a cadre 停保 or 退保 himself still lives with those the roll pays. Not one
    // he left (a row of his there 迁出, 分户, 死亡 …), nor a member who left it; the generator writes no such status.
    const left = (person: string, hh: string) => households.get(hh)!.some((r) => r.id === person && /迁出|迁移|分户|死亡/.test(r.values['status'] ?? ''));
    for (const row of roll.filter((r) => r.id === c)) {
      if (row.active && row.values['cadre_relative_filed'] !== '是') add({ check_id: 'cadre_relative.self', id_number: c, household_id: row.hh });
      if (left(c, row.hh)) continue;
      // One household: the same 家庭编号 in the same county, township and village (rolls may number households per village).
      const samePlace = (member: Row) => ['county', 'township', 'village'].every((column) => (member.values[column] ?? '') === (row.values[column] ?? ''));
      for (const member of households.get(row.hh)!) if (member.id !== c && samePlace(member) && !left(member.id, row.hh)) near.add(member.id);
    }
    for (const edge of edges.get(c) ?? []) {
      if (edge.forward ? NEAR.has(edge.rel) : INVERSE_NEAR.has(edge.rel)) near.add(edge.other);
      // Second hops: the spouse's parents, siblings, children, children's spouses and grandchildren; the parents'
      // siblings, children, spouses and parents; the children's spouses and children; a parent-in-law's spouse.
      const spouse = edge.rel === '配偶';
      const parent = edge.forward ? PARENT.has(edge.rel) : CHILD.has(edge.rel);
      const child = edge.forward ? CHILD.has(edge.rel) : PARENT.has(edge.rel);
      const parentInLaw = edge.forward ? PARENT_IN_LAW.has(edge.rel) : CHILD_IN_LAW.has(edge.rel);
      if (!spouse && !parent && !child && !parentInLaw) continue;
      for (const second of edges.get(edge.other) ?? []) {
        if (second.other === c) continue;
        const secondIsParent = second.forward ? PARENT.has(second.rel) : CHILD.has(second.rel);
        const secondIsChild = second.forward ? CHILD.has(second.rel) : PARENT.has(second.rel);
        const secondIsChildInLaw = second.forward ? CHILD_IN_LAW.has(second.rel) : PARENT_IN_LAW.has(second.rel);
        const secondIsGrandchild = second.forward ? GRANDCHILD.has(second.rel) : GRANDPARENT.has(second.rel);
        const ok = parentInLaw ? second.rel === '配偶'
          : child ? second.rel === '配偶' || secondIsChild
          : secondIsParent || SIBLING.has(second.rel) || secondIsChild || (parent && second.rel === '配偶')
            || (spouse && (secondIsChildInLaw || secondIsGrandchild));
        if (ok) near.add(second.other);
      }
    }
  }
  const cadreIds = new Set(serving.map((c) => c.id));
  for (const row of active) {
    if (!near.has(row.id) || cadreIds.has(row.id)) continue;
    add({ check_id: row.values['cadre_relative_filed'] === '是' ? 'cadre_relative.filed' : 'cadre_relative.unfiled', id_number: row.id, household_id: row.hh });
  }
  return findings;
}
