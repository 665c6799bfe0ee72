// A month whose roll lacks a part of the township (a village, or a village's 特困 or 城市低保 persons: their roll file
// was not exported) or delivers a list with its header alone did not look at the findings there: they are carried as
// 未复查, not closed as 自动销号 — and found again the month after, they are 逾期, not 整改未到位, staff's status and
// 整改时限 kept. A person taken off a village's roll that is otherwise there was looked for: 自动销号. Real CLI, real
// DuckDB, month to month through one ledger (ledger.md, carry-over.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();

/** Wrong check character: data_quality.id-invalid. */
const broken = (valid: string) => valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
const person = {
  chen: validId('370481', '19700101', '111'), hao: validId('370481', '19500202', '222'), liu: validId('370481', '19400303', '333'),
  sun: validId('370481', '19800404', '444'), zhou: validId('370481', '19850505', '555'), wu: validId('370481', '19750606', '666'),
  zheng: validId('370481', '19450707', '777'),
};

const RURAL = [
  `张庄镇,东村,H001,张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
  `张庄镇,东村,H001,李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
  `张庄镇,西村,H002,王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
  `张庄镇,东村,H006,郝菊,${person.hao},户主,农村低保,700,在保`, // also on the 特困 roll: duplicate.dibao-and-tekun
];
/** Taken off the 东村 roll in November (停发并核减): looked for, and gone. */
const CHEN = `张庄镇,东村,H005,陈五,${broken(person.chen)},户主,农村低保,700,在保`;
const URBAN = [
  `张庄镇,东村,T002,郝菊,${person.hao},户主,特困供养,900,在保`,
  `张庄镇,南街社区,U001,孙二,${broken(person.sun)},户主,城市低保,800,在保`, // 南街社区 is on this file alone
  `张庄镇,西村,U002,周三,${broken(person.zhou)},户主,城市低保,800,在保`, // 西村's 城市低保, beside its 农村低保
  `张庄镇,东村,U003,吴四,${person.wu},户主,临时救助,300,在保`, // program-unknown: any part of 东村
];
const LIU = (id: string) => `张庄镇,东村,T001,刘一,${id},户主,特困供养,900,在保`;
/** 西村's only 特困 person, who leaves in December. */
const ZHENG = `张庄镇,西村,T003,郑六,${broken(person.zheng)},户主,分散供养特困,900,在保`;

async function writeMonth(name: string, rural: string[], urban: string[] | undefined): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${name}农村低保花名册.csv`), `${[ROLL_HEADER, ...rural].join('\n')}\n`);
  if (urban) await writeFile(join(folder, '城市低保及特困人员花名册.csv'), `${[ROLL_HEADER, ...urban].join('\n')}\n`);
  return folder;
}

describe('a month without one of the township\'s roll files carries the findings about its persons (未复查)', () => {
  const months = ledgerMonths(root, 'roll-parts');
  const ids: Record<string, string> = {};
  let november: Record<string, Record<string, string>>;
  let december: Record<string, Record<string, string>>;
  const statusOf = async (id: string) => (await readLedgerRows(months.ledger,
    `SELECT status, strftime(deadline, '%Y-%m-%d') AS deadline FROM findings WHERE finding_id = '${id}'`))[0];

  beforeAll(async () => {
    const october = await months.scan(await writeMonth('2026年10月', [...RURAL, CHEN], [LIU(broken(person.liu)), ...URBAN, ZHENG]), '2026-10', '2026-10-28');
    const pick = (columns: Record<string, string>) => onlyFindingId(october, columns);
    ids['tekun'] = pick({ check_id: 'data_quality.id-invalid', household_id: 'T001' });
    ids['village'] = pick({ check_id: 'data_quality.id-invalid', household_id: 'U001' });
    ids['urbanDibao'] = pick({ check_id: 'data_quality.id-invalid', household_id: 'U002' });
    ids['unknownProgram'] = pick({ check_id: 'data_quality.program-unknown', household_id: 'U003' });
    ids['duplicateRural'] = pick({ check_id: 'duplicate.dibao-and-tekun', household_id: 'H006' });
    ids['duplicateTekun'] = pick({ check_id: 'duplicate.dibao-and-tekun', household_id: 'T002' });
    ids['removed'] = pick({ check_id: 'data_quality.id-invalid', household_id: 'H005' });
    ids['lastTekun'] = pick({ check_id: 'data_quality.id-invalid', household_id: 'T003' });
    await months.cli(['ledger', 'set', ids['village']!, '--status', '核实中', '--deadline', '2026-11-10', '--note', '待社区核实', '--by', '张三']);
    // November: the urban file was not exported; 陈五 was taken off 东村's roll.
    const rows = await months.scan(await writeMonth('2026年11月', RURAL, undefined), '2026-11', '2026-11-28');
    november = Object.fromEntries(rows.map((r) => [r['finding_id']!, r]));
    // December: the file is back, nothing fixed but 刘一's number; 郑六 has left 西村.
    const back = await months.scan(await writeMonth('2026年12月', RURAL, [LIU(person.liu), ...URBAN]), '2026-12', '2026-12-28');
    december = Object.fromEntries(back.map((r) => [r['finding_id']!, r]));
  });

  it('carries each finding of the missing file, saying which part of the roll is missing', () => {
    expect(november[ids['tekun']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有东村的特困人员' });
    expect(november[ids['village']!]).toMatchObject({ status: '核实中', tracking: '未复查：本月花名册中没有张庄镇南街社区' });
    expect(november[ids['urbanDibao']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有西村的城市低保人员' });
    expect(november[ids['unknownProgram']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有东村上期有的特困人员' });
    // The 低保 row of a 低保-and-特困 duplicate is on the roll delivered, its 特困 row was not.
    expect(november[ids['duplicateRural']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有张庄镇上期有的城市低保、特困人员' });
    expect(november[ids['duplicateTekun']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有东村的特困人员' });
  });

  it('closes as 自动销号 a person taken off a village roll that is otherwise there', async () => {
    expect(await statusOf(ids['removed']!)).toMatchObject({ status: '自动销号' });
    expect(november[ids['removed']!]).toBeUndefined();
    const closed = await readLedgerRows(months.ledger,
      `SELECT finding_id FROM changes WHERE to_value = '自动销号' AND source LIKE '扫描 2026-11%'`);
    expect(closed).toEqual([{ finding_id: ids['removed'] }]);
  });

  it('finds them again the month the file is back as overdue, not 整改未到位: staff\'s status and deadline kept', async () => {
    expect(december[ids['village']!]).toMatchObject({ status: '核实中', tracking: '逾期' });
    expect(await statusOf(ids['village']!)).toEqual({ status: '核实中', deadline: '2026-11-10' });
    for (const key of ['urbanDibao', 'unknownProgram', 'duplicateRural', 'duplicateTekun']) {
      expect(december[ids[key]!]?.['tracking'], key).not.toBe('整改未到位');
    }
    const reopened = await readLedgerRows(months.ledger, `SELECT count(*)::INT AS n FROM changes WHERE note LIKE '整改未到位%'`);
    expect(reopened).toEqual([{ n: 0 }]);
    expect(await statusOf(ids['tekun']!)).toMatchObject({ status: '自动销号' }); // fixed, and looked at
  });

  it('keeps open the findings of a village whose last 特困 person left: conservative, nothing says more', async () => {
    expect(december[ids['lastTekun']!]).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有西村的特困人员' });
  });
});

describe('a list delivered with its header alone shows no one gone (未复查, not 自动销号)', () => {
  const months = ledgerMonths(root, 'header-only');
  const VEHICLES_HEADER = '所有人,所有人身份证号码,号牌号码,车辆类型,状态';
  const month = async (name: string, vehicles: string[]) => {
    const folder = join(root, `header-only-${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '低保花名册.csv'), `${[ROLL_HEADER, ...RURAL].join('\n')}\n`);
    await writeFile(join(folder, '机动车登记信息.csv'), `${[VEHICLES_HEADER, ...vehicles].join('\n')}\n`);
    return folder;
  };
  let car = '';

  beforeAll(async () => {
    const october = await months.scan(await month('2026-10', [`张大山,${PEOPLE.zhang},鲁Q12345,小型普通客车,正常`]), '2026-10', '2026-10-28');
    car = onlyFindingId(october, { check_id: 'over_asset.vehicle', household_id: 'H001' });
    await months.cli(['ledger', 'set', car, '--status', '核实中', '--note', '车辆待车管所确认', '--by', '张三']);
  });

  it('carries the open findings of the list as 未复查：本月<list>没有数据行', async () => {
    const november = await months.scan(await month('2026-11', []), '2026-11', '2026-11-28');
    expect(november.find((r) => r['finding_id'] === car)).toMatchObject({ status: '核实中', tracking: '未复查：本月机动车登记信息没有数据行' });
    expect((await readLedgerRows(months.ledger, `SELECT status FROM findings WHERE finding_id = '${car}'`))[0]).toEqual({ status: '核实中' });
  });

  it('closes them once a month delivers the list with rows and without the car', async () => {
    await months.scan(await month('2026-12', [`王小明,${PEOPLE.wang},鲁Q67890,二轮摩托车,注销`]), '2026-12', '2026-12-28');
    expect((await readLedgerRows(months.ledger, `SELECT status FROM findings WHERE finding_id = '${car}'`))[0]).toEqual({ status: '自动销号' });
  });
});

describe('a roll whose 救助类别 says only 低保, its area in the file\'s name, not delivered the next month', () => {
  // 城市低保花名册.csv and 农村低保花名册.csv, each writing 低保. Until 2026-12-06 the ledger kept the 救助类别 as written:
  // the month only the 农村 file came, the dead man's finding on the 城市 file was closed as 自动销号, nobody having
  // looked for him, as any 低保 of 东村 was there.
  const months = ledgerMonths(root, 'area-in-file-name');
  const dead = validId('370481', '19580302', '113');
  const month = async (name: string, urban: boolean) => {
    const folder = join(root, `area-in-file-name-${name}`);
    await mkdir(folder, { recursive: true });
    if (urban) await writeFile(join(folder, '城市低保花名册.csv'), `${ROLL_HEADER}\n张庄镇,东村,C001,赵大山,${dead},户主,低保,900,在保\n`);
    await writeFile(join(folder, '农村低保花名册.csv'), `${[ROLL_HEADER,
      `张庄镇,东村,R001,李秀英,${PEOPLE.li},户主,低保,700,在保`, `张庄镇,东村,R002,王小明,${PEOPLE.wang},户主,低保,700,在保`].join('\n')}\n`);
    await writeFile(join(folder, '死亡人员.csv'), `姓名,公民身份号码,死亡日期\n赵大山,${dead},2026-06-10\n`);
    return folder;
  };

  it('carries his finding as 未复查 of 东村\'s 城市低保, its program as read', async () => {
    const october = await months.scan(await month('2026-10', true), '2026-10', '2026-10-28');
    const death = onlyFindingId(october, { check_id: 'deceased.recipient', household_id: 'C001' });
    expect(october.find((r) => r['finding_id'] === death)).toMatchObject({ program: '城市低保' });
    const november = await months.scan(await month('2026-11', false), '2026-11', '2026-11-28');
    expect(november.find((r) => r['finding_id'] === death)).toMatchObject({ status: '待核实', tracking: '未复查：本月花名册中没有东村的城市低保人员' });
    expect((await readLedgerRows(months.ledger, `SELECT status FROM findings WHERE finding_id = '${death}'`))[0]).toEqual({ status: '待核实' });
  });
});
