// A backfill that finds again what a later month found under another id (a household renumbered between them): the
// same person's same death is one finding, its money counted once, in findings.csv, --fail-on and the report. And the
// report words an open finding of an earlier month that is not in the month's ledger (one only a backfill raised) as
// open, apart from those closed. Real CLI, real CSV files, real DuckDB ledger.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorkbook } from '../support/ledger-fixture.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/parse-csv.ts';
import { ledgerMonths } from '../support/ledger-months.ts';
import { readLedgerRows } from '../support/read-ledger.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { ROLL_HEADER, validId } from '../support/small-township.ts';
import { tempFolder } from '../support/temp-folder.ts';

const root = await tempFolder('rollsweep-backfill-renumbered-');
const months = ledgerMonths(root, 'ledger');

const id = {
  zhang: validId('370481', '19580302', '113'), // died 2026-06-10, household D0001 in August, H001 from October
  li: validId('370481', '19620715', '224'),
  wang: validId('370481', '19900101', '335'),
  zhao: validId('370481', '19450505', '446'), // died 2026-07-15, on August's roll only: found by the backfill alone
};
const BACKFILL_REASON = '未复查：2026-08 补扫发现，本月扫描不复查该月';

async function writeMonth(period: string): Promise<string> {
  const folder = join(root, `in-${period}`);
  await mkdir(folder, { recursive: true });
  const household = period < '2026-10' ? 'D0001' : 'H001';
  const zhao = period < '2026-10' ? [`张庄镇,西村,D0003,赵老汉,${id.zhao},户主,农村低保,600,在保`] : [];
  await writeFile(join(folder, '低保花名册.csv'), [
    ROLL_HEADER,
    `张庄镇,东村,${household},张大山,${id.zhang},户主,农村低保,1400,在保`,
    `张庄镇,东村,${household},李秀英,${id.li},配偶,农村低保,1400,在保`,
    `张庄镇,西村,H002,王小明,${id.wang},户主,农村低保,700,在保`,
    ...zhao,
  ].join('\n') + '\n');
  await writeFile(join(folder, '死亡人员.csv'),
    `姓名,公民身份号码,死亡日期,数据来源\n张大山,${id.zhang},2026-06-10,公安户籍注销\n赵老汉,${id.zhao},2026-07-15,公安户籍注销\n`);
  const paid = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].filter((month) => month <= period);
  await writeFile(join(folder, '低保发放明细.csv'), ['户编号,发放月份,发放金额', ...paid.map((month) => `${household},${month},1400`),
    ...(zhao.length > 0 ? ['D0003,2026-08,600'] : [])].join('\n') + '\n');
  return folder;
}

/** The headline cards of a report page, by data-testid. */
function cards(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<div class="value" data-testid="([^"]+)">([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]));
}

async function report(period: string): Promise<string> {
  const out = join(root, `report-${period}`);
  await months.cli(['report', '--period', period, '--out', out]);
  return readFile(join(out, `report-${period}.html`), 'utf8');
}

const deaths = (rows: Record<string, string>[], name: string) =>
  rows.filter((row) => row['check_id'] === 'deceased.recipient' && row['name'] === name);

let october: Record<string, string>[];
let august: Record<string, string>[];
let december: Record<string, string>[];
let decemberRun: { code: number; stdout: string; stderr: string };
let decemberSummary: { findings: Record<string, unknown> };
let novemberPage = '';

beforeAll(async () => {
  october = await months.scan(await writeMonth('2026-10'), '2026-10', '2026-11-05');
  await months.scan(await writeMonth('2026-11'), '2026-11', '2026-12-05');
  august = await months.scan(await writeMonth('2026-08'), '2026-08', '2026-12-06');
  const out = join(root, 'december');
  decemberRun = await runCli(['scan', '--input', await writeMonth('2026-12'), '--period', '2026-12', '--as-of', '2027-01-05',
    '--ledger', months.ledger, '--out', out, '--quiet', '--fail-on', 'high']);
  december = parseCsv(await readFile(join(out, 'findings.csv'), 'utf8'));
  decemberSummary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
});

describe('a backfill finding what a later month found under another household number', () => {
  it('records its sighting under the later finding\'s id, saying the household differed, and changes no status', async () => {
    const [tracked] = deaths(october, '张大山');
    const [seen, ...more] = deaths(august, '张大山');
    expect(more).toEqual([]);
    expect(seen).toMatchObject({ finding_id: tracked!['finding_id'], tracking: '补扫', status: '待核实', overpayment_yuan: '1400.00' });
    expect(seen!['evidence']).toContain('2026-07 至 2026-08');
    expect(seen!['evidence']).toContain('该月家庭编号为 D0001，2026-11 为 H001');
    const inLedger = await readLedgerRows(months.ledger,
      `SELECT finding_id, status, deadline::VARCHAR AS deadline, first_seen FROM findings WHERE check_id = 'deceased.recipient' AND name = '张大山'`);
    expect(inLedger).toEqual([{ finding_id: tracked!['finding_id'], status: '待核实', deadline: tracked!['deadline'], first_seen: '2026-08' }]);
  });

  it('December lists the death once, with December\'s money; --fail-on counts it once', async () => {
    expect(looksLikeStackTrace(decemberRun.stderr), decemberRun.stderr).toBe(false);
    expect(decemberRun.code, decemberRun.stderr).toBe(1);
    const zhang = deaths(december, '张大山');
    expect(zhang).toHaveLength(1);
    expect(zhang[0]).toMatchObject({ finding_id: deaths(october, '张大山')[0]!['finding_id'], overpayment_yuan: '4200.00', first_seen: '2026-08' });
    // 赵老汉's death, raised by the backfill alone and duplicating nothing, is still carried until staff close it.
    expect(deaths(december, '赵老汉')).toMatchObject([{ tracking: BACKFILL_REASON, status: '待核实', overpayment_yuan: '600.00' }]);
    expect(decemberSummary.findings).toMatchObject({ open_by_severity: { high: 2 } });
  });

  it('the report counts the money once: December 4,200 + 600, November 3,500 + 600', async () => {
    expect(cards(await report('2026-12'))['to-recover']).toBe('4,800.00');
    novemberPage = await report('2026-11');
    expect(cards(novemberPage)['to-recover']).toBe('4,100.00');
  });

  it('the November report words the backfill\'s open finding, not in its ledger, as open, not as closed', async () => {
    const page = novemberPage || await report('2026-11');
    expect(page).toContain('含补扫发现或本月扫描后重新打开、未列入本月台账的未办结问题 1 条 600.00 元');
    expect(page).toContain('其中补扫发现或本月扫描后重新打开、未列入本月台账的未办结问题 1 条应追回 600.00 元');
    expect(page).not.toContain('已办结、误报或销号、不在本月台账中');
  });

  it('so does the 汇总 sheet of November\'s workbook exported now', async () => {
    const out = join(root, 'november-export');
    await months.cli(['ledger', 'export', '--period', '2026-11', '--out', out]);
    const book = await readWorkbook(join(out, '张庄镇.xlsx'));
    const notes: string[] = [];
    book.getWorksheet('汇总')!.eachRow((row) => {
      const text = String(row.getCell(1).value ?? '');
      if (text.startsWith('注：')) notes.push(text);
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('金额含补扫发现或本月扫描后重新打开、未列入本月台账的未办结问题 1 条（多发 600.00 元，已追回 0.00 元）');
    expect(notes[0]).not.toContain('已办结、误报或销号');
  });

  it('rescanning August gives the same: one finding of the death, no second one', async () => {
    const again = await months.scan(join(root, 'in-2026-08'), '2026-08', '2027-01-06');
    // The remark names the ledger's latest month, December by now.
    const [seen, ...more] = deaths(again, '张大山');
    expect(more).toEqual([]);
    expect(seen).toEqual({ ...deaths(august, '张大山')[0], evidence: seen!['evidence'] });
    expect(seen!['evidence']).toContain('该月家庭编号为 D0001，2026-12 为 H001');
    expect(await readLedgerRows(months.ledger, `SELECT count(*)::INTEGER AS n FROM findings WHERE check_id = 'deceased.recipient' AND name = '张大山'`))
      .toEqual([{ n: 1 }]);
  });
});
