// The same person's same problem found again under another id (continued-findings.ts): a village renumbers its
// households, the county raises the 低保标准, 公安 fills in a 死亡日期. Until 2026-12-06 each was a new 待核实 finding: a
// 误报 judged again, the finding staff worked on closed as 自动销号 beside a blank one, a 已追回 left closed while a new
// one asked for the money again. Real CLI, real DuckDB, month after month.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyFindingId } from '../support/finding-rows.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { PEOPLE, ROLL_HEADER } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder();

/** The roll: 张大山 and 李秀英 in 东村 (household `east`), 王小明 in 西村 (`west`), and any rows more. */
function roll(east: string, west: string, more: string[] = []): string {
  return [
    ROLL_HEADER,
    `张庄镇,东村,${east},张大山,${PEOPLE.zhang},户主,农村低保,1400,在保`,
    `张庄镇,东村,${east},李秀英,${PEOPLE.li},配偶,农村低保,1400,在保`,
    `张庄镇,西村,${west},王小明,${PEOPLE.wang},户主,农村低保,700,在保`,
    ...more,
  ].join('\n') + '\n';
}

/** A month's folder of files (name → text) and a config whose rural 低保标准 is `rural` yuan. */
async function month(name: string, files: Record<string, string>, rural = 1000): Promise<{ folder: string; config: string }> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
  const config = join(root, `${name}.config.json`);
  await writeFile(config, JSON.stringify({ standards: { default: { urban: 1000, rural } }, checks: {} }));
  return { folder, config };
}

const DEATHS = '死亡人员名单.csv';
const deaths = (...rows: string[]) => `${['姓名,身份证号码,死亡日期,注销日期', ...rows].join('\n')}\n`;

function ledgerKit(name: string) {
  const { ledger, cli } = ledgerMonths(root, name);
  let step = 0;
  const scan = async ({ folder, config }: { folder: string; config: string }, period: string, asOf: string) => {
    const out = join(root, `${name}-${period}-${++step}`);
    await cli(['scan', '--input', folder, '--period', period, '--as-of', asOf, '--config', config, '--out', out, '--quiet']);
    return parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  };
  const findings = (check: string) => readLedgerRows(ledger,
    `SELECT finding_id, household_id, status, responsible, note, strftime(deadline, '%Y-%m-%d') AS deadline,
            recovered_cents::INTEGER AS recovered_cents
     FROM findings WHERE check_id = '${check}' ORDER BY first_seen, finding_id`);
  return { ledger, cli, scan, findings };
}

describe('a finding found again under another id continues the one staff worked on', () => {
  it('households renumbered: a 误报 stays 误报, a finding 核实中 keeps its 责任人, note and deadline', async () => {
    const { cli, scan, findings } = ledgerKit('renumbered');
    const dead = deaths(`张大山,${PEOPLE.zhang},2026-07-15,`, `王小明,${PEOPLE.wang},2026-07-20,`);
    const september = await scan(await month('renumber-09', { '低保花名册.csv': roll('H001', 'H002'), [DEATHS]: dead }), '2026-09', '2026-10-05');
    const judged = onlyFindingId(september, { check_id: 'deceased.recipient', name: '张大山' });
    const worked = onlyFindingId(september, { check_id: 'deceased.recipient', name: '王小明' });
    await cli(['ledger', 'set', judged, '--status', '误报', '--note', '同名不同人，本人在世']);
    await cli(['ledger', 'set', worked, '--status', '核实中', '--responsible', '李四', '--note', '已入户', '--deadline', '2026-12-31']);

    const october = await scan(await month('renumber-10', { '低保花名册.csv': roll('H101', 'H102'), [DEATHS]: dead }), '2026-10', '2026-11-05');
    // Was: two new ids 新发现 待核实; 王小明's finding 自动销号, 张大山's 误报 left behind unseen.
    const deceased = october.filter((row) => row['check_id'] === 'deceased.recipient');
    expect(deceased).toHaveLength(2);
    expect(deceased.find((row) => row['name'] === '张大山')).toMatchObject({ finding_id: judged, household_id: 'H101', status: '误报', tracking: '误报' });
    expect(deceased.find((row) => row['name'] === '王小明')).toMatchObject({ finding_id: worked, household_id: 'H102', status: '核实中', tracking: '持续' });
    expect(deceased.find((row) => row['name'] === '张大山')!['evidence']).toContain('（2026-09 起跟踪的同一问题：家庭编号由 H001 改为 H101）');
    const byId = async () => Object.fromEntries((await findings('deceased.recipient')).map((row) => [row['finding_id'], row]));
    expect(await byId()).toEqual({
      [judged]: expect.objectContaining({ household_id: 'H101', status: '误报', note: '同名不同人，本人在世' }),
      [worked]: { finding_id: worked, household_id: 'H102', status: '核实中', responsible: '李四', note: '已入户', deadline: '2026-12-31', recovered_cents: null },
    });

    // The month after, the same renumbered roll: the same findings, nothing new, nothing closed.
    const november = await scan(await month('renumber-11', { '低保花名册.csv': roll('H101', 'H102'), [DEATHS]: dead }), '2026-11', '2026-12-05');
    expect(november.filter((row) => row['check_id'] === 'deceased.recipient').map((row) => row['finding_id']).sort()).toEqual([judged, worked].sort());
    expect(november.filter((row) => row['tracking'] === '新发现')).toEqual([]);
    expect((await findings('deceased.recipient')).map((row) => row['status']).sort()).toEqual(['核实中', '误报'].sort());
  });

  it('the 低保标准 raised: amount-over-standard found again with the new standard keeps its 误报 and its 核实中', async () => {
    const { cli, scan, findings } = ledgerKit('standard');
    // Rural 600 yuan: 张大山's household (1400 for 2) and 王小明's (700 for 1) are over it; raised to 650, still over.
    const september = await scan(await month('standard-09', { '低保花名册.csv': roll('H001', 'H002') }, 600), '2026-09', '2026-10-05');
    const judged = onlyFindingId(september, { check_id: 'data_quality.amount-over-standard', household_id: 'H001' });
    const worked = onlyFindingId(september, { check_id: 'data_quality.amount-over-standard', household_id: 'H002' });
    await cli(['ledger', 'set', judged, '--status', '误报', '--note', '分类施保加发，金额无误']);
    await cli(['ledger', 'set', worked, '--status', '核实中', '--note', '待民政办复核']);

    const october = await scan(await month('standard-10', { '低保花名册.csv': roll('H001', 'H002') }, 650), '2026-10', '2026-11-05');
    const over = october.filter((row) => row['check_id'] === 'data_quality.amount-over-standard');
    expect(over).toHaveLength(2);
    expect(over.find((row) => row['household_id'] === 'H001')).toMatchObject({ finding_id: judged, status: '误报', tracking: '误报' });
    expect(over.find((row) => row['household_id'] === 'H002')).toMatchObject({ finding_id: worked, status: '核实中', tracking: '逾期' });
    // This month's evidence (the new standard), and that it changed.
    expect(over.find((row) => row['finding_id'] === judged)!['evidence']).toBe('月保障金 1400.00 元，超过农村低保上限 650.00 元 × 2 人 = 1300.00 元（2026-09 起跟踪的同一问题：所据数值较 2026-09 有变化）');
    const ledgerRows = await findings('data_quality.amount-over-standard');
    expect(ledgerRows).toHaveLength(2);
    expect(ledgerRows.find((row) => row['finding_id'] === judged)).toMatchObject({ status: '误报', note: '分类施保加发，金额无误' });
    expect(ledgerRows.find((row) => row['finding_id'] === worked)).toMatchObject({ status: '核实中', note: '待民政办复核' });
  });

  it('a 死亡日期 filled in: the 已追回 finding is reopened with its recovered amount, the one 核实中 goes on', async () => {
    const { cli, scan, findings } = ledgerKit('death-date');
    // September's list left 张大山's 死亡日期 不详 (read by the 注销日期) and 王小明's empty; October's has both.
    const payments = ['发放记录.csv', `${['姓名,身份证号码,发放月份,发放金额', ...['2026-08', '2026-09', '2026-10'].flatMap((m) => [
      `张大山,${PEOPLE.zhang},${m},1400`, `王小明,${PEOPLE.wang},${m},700`])].join('\n')}\n`] as const;
    const september = await scan(await month('dates-09', {
      '低保花名册.csv': roll('H001', 'H002'), [DEATHS]: deaths(`张大山,${PEOPLE.zhang},不详,2026-08-10`, `王小明,${PEOPLE.wang},,2026-08-12`),
      [payments[0]]: payments[1],
    }), '2026-09', '2026-10-05');
    const recovered = onlyFindingId(september, { check_id: 'deceased.recipient', name: '张大山' });
    const worked = onlyFindingId(september, { check_id: 'deceased.recipient', name: '王小明' });
    await cli(['ledger', 'set', recovered, '--status', '已追回', '--recovered', '300', '--note', '家属已退回 300 元']);
    await cli(['ledger', 'set', worked, '--status', '核实中', '--note', '入户核实中']);

    const october = await scan(await month('dates-10', {
      '低保花名册.csv': roll('H001', 'H002'), [DEATHS]: deaths(`张大山,${PEOPLE.zhang},2026-07-30,2026-08-10`, `王小明,${PEOPLE.wang},2026-07-31,2026-08-12`),
      [payments[0]]: payments[1],
    }), '2026-10', '2026-11-05');
    const deceased = october.filter((row) => row['check_id'] === 'deceased.recipient');
    // Was: both new 待核实 findings; the 已追回 one left closed while the new one asked for the money again.
    expect(deceased.map(({ finding_id, status, tracking }) => ({ finding_id, status, tracking })).sort((a, b) => a.finding_id!.localeCompare(b.finding_id!)))
      .toEqual([
        { finding_id: recovered, status: '待核实', tracking: '整改未到位' },
        { finding_id: worked, status: '核实中', tracking: '逾期' },
      ].sort((a, b) => a.finding_id.localeCompare(b.finding_id)));
    expect(deceased.find((row) => row['finding_id'] === recovered)!['evidence']).toMatch(/死亡日期 2026-07-30.*所据数值较 2026-09 有变化/);
    const ledgerRows = await findings('deceased.recipient');
    expect(ledgerRows).toHaveLength(2);
    expect(ledgerRows.find((row) => row['finding_id'] === recovered)).toMatchObject({ status: '待核实', recovered_cents: 30000, note: '家属已退回 300 元' });
    expect(ledgerRows.find((row) => row['finding_id'] === worked)).toMatchObject({ status: '核实中', note: '入户核实中' });
  });

  it('a person with two findings of one check in one village, one household renumbered: left as before', async () => {
    const { ledger, cli, scan, findings } = ledgerKit('two-households');
    // 王小明 on two households of 西村: duplicate.two-households raises one finding for each. Renumber one, and both
    // findings' facts change (they list the households): each new one could be either earlier one.
    const second = (household: string) => [`张庄镇,西村,${household},王小明,${PEOPLE.wang},户主,农村低保,700,在保`];
    const september = await scan(await month('two-09', { '低保花名册.csv': roll('H001', 'H002', second('H003')) }), '2026-09', '2026-10-05');
    const judged = onlyFindingId(september, { check_id: 'duplicate.two-households', household_id: 'H002' });
    const other = onlyFindingId(september, { check_id: 'duplicate.two-households', household_id: 'H003' });
    await cli(['ledger', 'set', judged, '--status', '误报', '--note', '已核实']);

    const october = await scan(await month('two-10', { '低保花名册.csv': roll('H001', 'H202', second('H003')) }), '2026-10', '2026-11-05');
    const fresh = october.filter((row) => row['check_id'] === 'duplicate.two-households');
    expect(fresh.map((row) => [row['household_id'], row['tracking']]).sort()).toEqual([['H003', '新发现'], ['H202', '新发现']]);
    expect(fresh.map((row) => row['finding_id'])).not.toContain(judged);
    expect(fresh.map((row) => row['finding_id'])).not.toContain(other);
    const rows = await findings('duplicate.two-households');
    expect(rows.find((row) => row['finding_id'] === judged)).toMatchObject({ status: '误报', household_id: 'H002' });
    expect(rows.find((row) => row['finding_id'] === other)).toMatchObject({ status: '自动销号', household_id: 'H003' });
    expect(await readLedgerRows(ledger, `SELECT count(*)::INT AS n FROM findings WHERE check_id = 'duplicate.two-households'`)).toEqual([{ n: 4 }]);
  });
});
