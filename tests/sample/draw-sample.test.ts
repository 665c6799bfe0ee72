// `sample` on a real ledger scanned from the demo township: reproducible draws, the ledger's record of them,
// the sheet read back with exceljs, the CSV, weights from open findings, and the real CLI.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type * as ExcelTypes from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scanner/cli/main.ts';
import { UsageError } from '../../scanner/errors.ts';
import { withLedger } from '../../scanner/ledger/with-ledger.ts';
import { TERMINAL_SQL } from '../../scanner/ledger/statuses.ts';
import { maskIdNumber, maskIdsInText } from '../../scanner/mask-id.ts';
import { drawFromPopulation } from '../../scanner/sample/draw.ts';
import { drawSample, type DrawSampleOptions, type DrawSampleResult } from '../../scanner/sample/draw-sample.ts';
import { loadSamplePopulation } from '../../scanner/sample/population.ts';
import { copyLedger, queryLedger, readWorkbook, SAMPLE_PERIOD, scanSampleLedger } from '../support/ledger-fixture.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { looksLikeStackTrace, runCli } from '../support/run-cli.ts';
import { tempFolder } from '../support/temp-folder.ts';

const HEADER = [
  '序号', '乡镇', '村(社区)', '家庭编号', '户主', '救助类别', '在保人数', '标记', '姓名', '身份证号', '与户主关系', '保障状态', '月保障金(元)',
  '对象', '问题编号', '检查项', '问题描述', '整改状态', '核查结果', '核查人', '核查日期',
];
const HANDWRITTEN = ['核查结果', '核查人', '核查日期'];
const SEED = '2026年10月 抽查';
const AT = new Date('2026-11-06T09:30:00+08:00');
const MASKED_ID = /^\d{6}\*{8}[\dXx]{4}$/;
/** A valid ID masked, or a raw value the roll could not read as one (3.71329E+17) masked the same way, first 6 and last 4 kept. */
const expectMasked = (shown: unknown) => {
  if (MASKED_ID.test(String(shown))) return;
  expect(shown).toMatch(/^.{6}\*+.{4}$/);
  expect(shown).not.toMatch(/\d{7}/);
};

const root = await tempFolder();
let ledger: string;
let first: DrawSampleResult;
let again: DrawSampleResult;
let other: DrawSampleResult;
let unmasked: DrawSampleResult;
let everyVillage: DrawSampleResult;

const options = (outDir: string, extra: Partial<DrawSampleOptions> = {}): DrawSampleOptions =>
  ({ villages: 3, households: 4, seed: SEED, outDir: join(root, outDir), drawnBy: '测试员', at: AT, ...extra });

beforeAll(async () => {
  ledger = await scanSampleLedger(root);
  await withLedger(ledger, async (connection) => {
    first = await drawSample(connection, options('first', { period: SAMPLE_PERIOD }));
    // No period: the latest scanned, which is the same one.
    again = await drawSample(connection, options('again', { drawnBy: '另一人', at: new Date() }));
    other = await drawSample(connection, options('other', { seed: '另一个种子' }));
    unmasked = await drawSample(connection, options('unmasked', { unmask: true }));
    everyVillage = await drawSample(connection, options('every', { villages: 50, households: 2, seed: 'all' }));
  });
});

/** The households a sample recorded in the ledger, in draw order. */
async function recordedHouseholds(sampleId: string) {
  return queryLedger(ledger, `SELECT draw_order, township, village, household_id, flagged FROM ledger.sample_households
    WHERE sample_id = '${sampleId}' ORDER BY draw_order`);
}

describe('reproducibility', () => {
  it('gives the same households, id and CSV bytes for the same seed and ledger', async () => {
    expect(again.sampleId).toBe(first.sampleId);
    expect(again.villages).toEqual(first.villages);
    expect(first.seed).toBe('2026年10月 抽查');
    const [a, b] = await Promise.all([readFile(first.files[1]!), readFile(again.files[1]!)]);
    expect(a.length).toBeGreaterThan(500);
    expect(b.equals(a)).toBe(true);
  });

  it('keeps the first record of a sample drawn again', async () => {
    expect(first.recordedBefore).toBeUndefined();
    expect(again.recordedBefore).toEqual({ drawnAt: AT, drawnBy: '测试员' });
    const rows = await queryLedger(ledger, `SELECT drawn_by FROM ledger.samples WHERE sample_id = '${first.sampleId}'`);
    expect(rows).toEqual([{ drawn_by: '测试员' }]);
  });

  it('gives a different sample for a different seed', async () => {
    expect(other.sampleId).not.toBe(first.sampleId);
    const ids = async (result: DrawSampleResult) => (await recordedHouseholds(result.sampleId)).map((row) => row['household_id']);
    expect(await ids(other)).not.toEqual(await ids(first));
  });
});

describe('the ledger record', () => {
  it('records who drew what, when, with which seed, and the files', async () => {
    const [sample] = await queryLedger(ledger, `SELECT s.period, s.run_id = r.run_id AS same_run, s.seed, s.villages_requested, s.households_per_village,
        s.drawn_by, epoch_ms(s.drawn_at) AS drawn_at_ms, s.files_json, s.unmasked
      FROM ledger.samples s JOIN ledger.runs r ON r.period = s.period WHERE s.sample_id = '${first.sampleId}'`);
    expect(sample).toEqual({
      period: SAMPLE_PERIOD, same_run: true, seed: SEED, villages_requested: 3, households_per_village: 4, drawn_by: '测试员',
      // The same sample was printed again with --unmask (beforeAll): the record keeps that full IDs went out.
      drawn_at_ms: String(AT.getTime()), files_json: JSON.stringify(first.files), unmasked: true,
    });
    expect(first.files.map((file) => basename(file))).toEqual([`抽查-${SAMPLE_PERIOD}-${SEED}-3村4户.xlsx`, `抽查-${SAMPLE_PERIOD}-${SEED}-3村4户.csv`]);
  });

  it('records every household drawn, in order, flagged exactly when the scan raised a finding above info for it', async () => {
    const rows = await queryLedger(ledger, `SELECT h.draw_order, h.flagged,
        EXISTS (SELECT 1 FROM ledger.run_findings rf JOIN ledger.findings f USING (finding_id) JOIN ledger.runs r USING (run_id)
                WHERE r.period = '${SAMPLE_PERIOD}' AND f.household_id = h.household_id AND f.severity <> 'info') AS has_finding,
        EXISTS (SELECT 1 FROM ledger.roll_members m WHERE m.household_id = h.household_id AND m.village = h.village) AS on_roll_there
      FROM ledger.sample_households h WHERE h.sample_id = '${first.sampleId}' ORDER BY h.draw_order`);
    expect(rows).toHaveLength(first.households);
    expect(first.households).toBe(12);
    rows.forEach((row, i) => {
      expect(row['draw_order']).toBe(i + 1);
      expect(row['flagged']).toBe(row['has_finding']);
      expect(row['on_roll_there']).toBe(true);
    });
  });

  it('takes half flagged and half unflagged households in each village when it can', async () => {
    for (const village of first.villages) expect(village).toMatchObject({ households: 4, flagged: 2 });
    const perVillage = await queryLedger(ledger, `SELECT village, count(*)::INT AS households, count(*) FILTER (WHERE flagged)::INT AS flagged
      FROM ledger.sample_households WHERE sample_id = '${first.sampleId}' GROUP BY village ORDER BY village`);
    expect(perVillage).toHaveLength(3);
    for (const row of perVillage) expect(row).toMatchObject({ households: 4, flagged: 2 });
  });

  it('draws every village when asked for more villages than the roll has', async () => {
    expect(everyVillage.villagesAvailable).toBe(8);
    expect(everyVillage.villages).toHaveLength(8);
    expect(new Set(everyVillage.villages.map((v) => v.village)).size).toBe(8);
  });
});

describe('weights', () => {
  it('weighs each village by its open findings + 1, so a village whose findings are all closed can still be drawn', async () => {
    const copy = await copyLedger(ledger);
    await withLedger(copy, async (connection) => {
      await connection.run(`UPDATE ledger.findings SET status = '已整改' WHERE village = '官庄村'`);
      const population = await loadSamplePopulation(connection, SAMPLE_PERIOD);
      const [{ open }] = (await connection.runAndReadAll(`SELECT count(*)::INT AS open FROM ledger.run_findings JOIN ledger.findings USING (finding_id)
        WHERE severity <> 'info' AND status NOT IN ${TERMINAL_SQL}`)).getRowObjectsJson() as [{ open: number }];
      expect(population.villages.reduce((sum, v) => sum + v.openFindings, 0) + population.openFindingsOutsideVillages).toBe(open);
      const guanzhuang = population.villages.find((v) => v.village === '官庄村')!;
      expect(guanzhuang.openFindings).toBe(0);
      expect(guanzhuang.flaggedHouseholds).toBeGreaterThan(0);

      const drawn = new Map<string, number>();
      for (let i = 0; i < 300; i++) {
        for (const village of await drawFromPopulation(population.villages, { villages: 3, households: 1, seed: `weights-${i}` }, population.householdsOf)) {
          drawn.set(village.village!, (drawn.get(village.village!) ?? 0) + 1);
        }
      }
      expect(drawn.get('官庄村') ?? 0).toBeGreaterThan(0);
      expect(drawn.get('官庄村')!).toBeLessThan(drawn.get('东八里巷村')! / 4);
    });
  });
});

describe('households placed without a township or village', () => {
  it('are a village of their own, counted, drawn and flagged like any other', async () => {
    const copy = await copyLedger(ledger);
    await withLedger(copy, async (connection) => {
      // A flagged household whose head's row lost its township, and one whose head lost both township and village.
      const [flagged, plain] = (await connection.runAndReadAll(`
        SELECT (SELECT min(f.household_id) FROM ledger.run_findings JOIN ledger.findings f USING (finding_id) WHERE f.severity <> 'info'),
               (SELECT min(household_id) FROM ledger.roll_members WHERE household_id NOT IN (SELECT household_id FROM ledger.findings WHERE household_id IS NOT NULL))`,
      )).getRowsJson()[0] as [string, string];
      await connection.run(`UPDATE ledger.roll_members SET township = NULL WHERE household_id = $id AND is_head`, { id: flagged });
      await connection.run(`UPDATE ledger.findings SET township = NULL WHERE household_id = $id`, { id: flagged });
      await connection.run(`UPDATE ledger.roll_members SET township = NULL, village = NULL WHERE household_id = $id AND is_head`, { id: plain });
      const population = await loadSamplePopulation(connection, SAMPLE_PERIOD);
      const unplaced = population.villages.filter((v) => v.township === null);
      expect(unplaced.map((v) => [v.households, v.flaggedHouseholds])).toEqual([[1, 1], [1, 0]]);
      expect(unplaced[1]!.village).toBeNull();
      // Drawn with every village: each gives its one household, flagged as the ledger has it.
      const drawn = await drawFromPopulation(population.villages, { villages: 50, households: 3, seed: 'unplaced' }, population.householdsOf);
      const households = drawn.filter((v) => v.township === null).map((v) => v.households);
      expect(households).toEqual(expect.arrayContaining([[{ householdId: flagged, flagged: true }], [{ householdId: plain, flagged: false }]]));
      expect(population.findingsByHousehold.get(flagged)?.length).toBeGreaterThan(0);
    });
  });
});

describe('the spot-check sheet', () => {
  let workbook: ExcelTypes.Workbook;
  let sheet: ExcelTypes.Worksheet;
  beforeAll(async () => {
    workbook = await readWorkbook(first.files[0]!);
    sheet = workbook.getWorksheet('抽查表')!;
  });

  /** Rows of each household block, by 序号 (merged over the block, so every row of it reads the same). */
  function blocks(target: ExcelTypes.Worksheet) {
    const byOrder = new Map<number, ExcelTypes.Row[]>();
    target.eachRow((row, number) => {
      if (number < 4) return;
      const order = Number(row.getCell(1).value);
      byOrder.set(order, [...(byOrder.get(order) ?? []), row]);
    });
    return byOrder;
  }
  const column = (header: string) => HEADER.indexOf(header) + 1;
  const texts = (rows: ExcelTypes.Row[], header: string) =>
    rows.map((row) => row.getCell(column(header)).value).filter((value) => value !== null && value !== undefined).map(String);

  it('has the header, prints A4 landscape fitted to width with the title rows on every page, and freezes the header', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['抽查表', '抽样说明']);
    expect(sheet.getRow(3).values).toEqual([undefined, ...HEADER]);
    expect(String(sheet.getCell(1, 1).value)).toContain('抽查核查表');
    expect(String(sheet.getCell(2, 1).value)).toContain(first.sampleId);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('lists each sampled household with its members, masked IDs, and its findings with evidence', async () => {
    const recorded = await recordedHouseholds(first.sampleId);
    const inSample = `household_id IN (SELECT household_id FROM ledger.sample_households WHERE sample_id = '${first.sampleId}')`;
    const members = await queryLedger(ledger, `SELECT household_id, name, id_number FROM ledger.roll_members WHERE ${inSample}
      ORDER BY household_id, is_head DESC, source_line`);
    const findings = await queryLedger(ledger, `SELECT f.household_id, f.finding_id FROM ledger.run_findings rf JOIN ledger.findings f USING (finding_id)
      WHERE f.${inSample} AND f.severity <> 'info' ORDER BY f.finding_id`);
    const of = (rows: Record<string, unknown>[], id: string, field: string) => rows.filter((row) => row['household_id'] === id).map((row) => row[field]);
    const byOrder = blocks(sheet);
    expect([...byOrder.keys()]).toEqual(recorded.map((row) => row['draw_order']));
    for (const household of recorded) {
      const rows = byOrder.get(Number(household['draw_order']))!;
      const id = String(household['household_id']);
      expect(rows[0]!.getCell(column('家庭编号')).value).toBe(id);
      expect(rows[0]!.getCell(column('标记')).value).toBe(household['flagged'] ? '有问题' : '无问题');
      expect(texts(rows, '姓名')).toEqual(of(members, id, 'name').filter((name) => name !== null));
      const ids = texts(rows, '身份证号');
      expect(ids).toHaveLength(of(members, id, 'id_number').length);
      for (const shown of ids) expectMasked(shown);
      expect(texts(rows, '问题编号').sort()).toEqual(of(findings, id, 'finding_id'));
      expect(texts(rows, '问题描述')).toHaveLength(of(findings, id, 'finding_id').length);
      expect(texts(rows, '整改状态')).toHaveLength(of(findings, id, 'finding_id').length);
    }
    expect(findings.length).toBeGreaterThanOrEqual(6);
  });

  it('writes each finding on the line of the member it is about, and names that member in 对象', async () => {
    // The sample's findings with whom they are about: the scan's subject (name, ID) and whether it is the household's head.
    const subjects = new Map<string, { name: string; id: string; head: boolean }>();
    for (const result of [first, everyVillage]) {
      const rows = await queryLedger(ledger, `SELECT f.finding_id, f.name, f.id_number,
          EXISTS (SELECT 1 FROM ledger.roll_members m WHERE m.household_id = f.household_id AND m.id_number = f.id_number AND m.is_head) AS head
        FROM ledger.run_findings rf JOIN ledger.findings f USING (finding_id)
        WHERE f.severity <> 'info' AND f.household_id IN (SELECT household_id FROM ledger.sample_households WHERE sample_id = '${result.sampleId}')`);
      for (const row of rows) subjects.set(String(row['finding_id']), { name: String(row['name']), id: maskIdNumber(String(row['id_number'])), head: row['head'] === true });
    }
    const checked = new Set<string>();
    const aboutOthers = new Set<string>();
    for (const file of [first.files[0]!, everyVillage.files[0]!]) {
      for (const rows of blocks((await readWorkbook(file)).getWorksheet('抽查表')!).values()) {
        const memberIds = texts(rows, '身份证号');
        let memberAbove: string | null = null;
        for (const row of rows) {
          const shownId = row.getCell(column('身份证号')).value;
          if (shownId) memberAbove = String(shownId);
          const findingId = row.getCell(column('问题编号')).value;
          if (!findingId) continue;
          const subject = subjects.get(String(findingId))!;
          expect(row.getCell(column('对象')).value).toBe(`${subject.name} ${subject.id}`);
          // On its subject's line, or the lines under it; one about no member shown on a line with no member.
          if (memberIds.includes(subject.id)) expect(memberAbove).toBe(subject.id);
          else expect(shownId ?? null).toBeNull();
          checked.add(String(findingId));
          if (!subject.head) aboutOthers.add(String(findingId));
        }
      }
    }
    expect(checked.size).toBe(subjects.size);
    // Findings about a spouse or child, which the head's line used to carry: the case the sheet got wrong.
    expect(aboutOthers.size).toBeGreaterThanOrEqual(2);
  });

  it('quotes each finding\'s evidence from the scan, with the ID numbers in it masked', async () => {
    const idColumn = column('问题编号');
    const shown = new Map<string, string>();
    sheet.eachRow((row, number) => {
      const id = row.getCell(idColumn).value;
      if (number > 3 && id) shown.set(String(id), String(row.getCell(column('问题描述')).value));
    });
    const evidence = await queryLedger(ledger, `SELECT finding_id, evidence FROM ledger.run_findings
      WHERE finding_id IN (${[...shown.keys()].map((id) => `'${id}'`).join(', ')})`);
    expect(evidence).toHaveLength(shown.size);
    for (const row of evidence) expect(shown.get(String(row['finding_id']))).toBe(maskIdsInText(String(row['evidence'])));
  });

  it('leaves 核查结果, 核查人 and 核查日期 blank, with borders to write between', () => {
    let cells = 0;
    for (const rows of blocks(sheet).values()) {
      for (const row of rows) {
        for (const header of HANDWRITTEN) {
          const cell = row.getCell(column(header));
          // A merged cell reads its block's first cell: blank too.
          expect(cell.value ?? null).toBeNull();
          expect(cell.border).toMatchObject({ top: expect.anything(), left: expect.anything(), bottom: expect.anything(), right: expect.anything() });
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(first.households * HANDWRITTEN.length);
  });

  it('shows full ID numbers only when unmasked', async () => {
    const unmaskedSheet = (await readWorkbook(unmasked.files[0]!)).getWorksheet('抽查表')!;
    const full = [...blocks(unmaskedSheet).values()].flatMap((rows) => texts(rows, '身份证号'));
    const masked = [...blocks(sheet).values()].flatMap((rows) => texts(rows, '身份证号'));
    expect(full).toHaveLength(masked.length);
    expect(full.some((id) => /^\d{17}[\dXx]$/.test(id))).toBe(true);
    full.forEach((id, i) => expect(masked[i]).toBe(`${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`));
    // Nowhere else in the masked workbook does a full ID appear either (evidence quotes other people's).
    sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.value)).not.toMatch(/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/)));
  });

  it('explains the draw on 抽样说明: parameters, every village with its weight, the method', () => {
    const notes = workbook.getWorksheet('抽样说明')!;
    const all: string[] = [];
    notes.eachRow((row) => row.eachCell((cell) => all.push(String(cell.value))));
    for (const expected of [first.sampleId, SEED, SAMPLE_PERIOD, '测试员', 'sfc32', 'SHA-256', '权重']) expect(all.join('\n')).toContain(expected);
    for (const village of first.villages) expect(all).toContain(village.village);
    expect(all.filter((text) => text === '未抽中')).toHaveLength(8 - 3);
  });
});

describe('the CSV and the files', () => {
  it('has a BOM, one row per member of each sampled household, masked IDs and the finding ids', async () => {
    const bytes = await readFile(first.files[1]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    const [{ members }] = await queryLedger(ledger, `SELECT count(*)::INT AS members FROM ledger.roll_members
      WHERE household_id IN (SELECT household_id FROM ledger.sample_households WHERE sample_id = '${first.sampleId}')`) as [{ members: number }];
    expect(rows).toHaveLength(members);
    expect(new Set(rows.map((row) => row['抽样编号']))).toEqual(new Set([first.sampleId]));
    expect(new Set(rows.map((row) => row['家庭编号'])).size).toBe(first.households);
    for (const row of rows) expectMasked(row['身份证号']);
    // Each finding once, on the row of the member it is about (as on the sheet), with that member in 问题对象.
    const findings = await queryLedger(ledger, `SELECT f.finding_id, f.name, f.id_number FROM ledger.run_findings rf JOIN ledger.findings f USING (finding_id)
      WHERE f.severity <> 'info' AND f.household_id IN (SELECT household_id FROM ledger.sample_households WHERE sample_id = '${first.sampleId}')`);
    expect(findings.length).toBeGreaterThanOrEqual(6);
    const listed = rows.flatMap((row) => (row['问题编号'] ? row['问题编号'].split(';').map((id) => ({ id, row })) : []));
    expect(listed.map((entry) => entry.id).sort()).toEqual(findings.map((finding) => finding['finding_id']).sort());
    for (const finding of findings) {
      const { row } = listed.find((entry) => entry.id === finding['finding_id'])!;
      expect(row['身份证号']).toBe(maskIdNumber(String(finding['id_number'])));
      expect(row['问题对象']!.split(';')).toContain(`${String(finding['name'])} ${maskIdNumber(String(finding['id_number']))}`);
    }
    for (const row of rows.filter((r) => r['标记'] === '无问题')) expect(row['问题编号']).toBe('');
  });

  it('writes owner-only files in an owner-only folder', async () => {
    for (const file of first.files) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'first'))).mode & 0o777).toBe(0o700);
  });

  it('refuses a bad count, an unknown period and an empty seed', async () => {
    await withLedger(ledger, async (connection) => {
      await expect(drawSample(connection, options('bad', { villages: 0 }))).rejects.toThrow(UsageError);
      await expect(drawSample(connection, options('bad', { period: '2025-01' }))).rejects.toThrow(/2025-01/);
      await expect(drawSample(connection, options('bad', { seed: ' ' }))).rejects.toThrow(UsageError);
    });
  });
});

describe('rollsweep sample (the real CLI)', () => {
  it('prints a fresh seed when none is given, the villages and the files, and records the sample', async () => {
    const run = await runCli(['sample', '--ledger', ledger, '--villages', '2', '--households', '3', '--out', join(root, 'command'), '--by', '王督查']);
    expect(run.stderr).not.toContain('内部错误');
    expect(run.code).toBe(0);
    const seed = /随机生成种子 (\d{8})/.exec(run.stderr)?.[1];
    expect(seed).toBeDefined();
    expect(run.stdout).toContain(`随机种子 ${seed}`);
    expect(run.stdout).toContain(`--period ${SAMPLE_PERIOD} --villages 2 --households 3 --seed ${seed}`);
    expect(run.stdout).toMatch(/抽中 2 个村/);
    const sampleId = /抽查样本 (SMP-\S+)（/.exec(run.stdout)![1]!;
    const [record] = await queryLedger(ledger, `SELECT seed, drawn_by, files_json FROM ledger.samples WHERE sample_id = '${sampleId}'`);
    expect(record).toMatchObject({ seed, drawn_by: '王督查' });
    for (const file of JSON.parse(String(record!['files_json'])) as string[]) expect(run.stdout).toContain(file);
  });

  it('answers a bad count with a plain message and exit 2', async () => {
    const err: string[] = [];
    const code = await main(['sample', '--ledger', ledger, '--villages', '0', '--households', '3', '--out', join(root, 'bad')],
      { out: () => {}, err: (text) => err.push(text), isTerminal: false });
    expect(code).toBe(2);
    expect(err.join('')).toContain('--villages 应为正整数');
    // No seed is announced for a sample that was never drawn.
    expect(err.join('')).not.toContain('随机生成种子');
    expect(looksLikeStackTrace(err.join(''))).toBe(false);
  });
});
