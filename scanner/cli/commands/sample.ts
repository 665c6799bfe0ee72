// `rollsweep sample [--period P] --villages N --households M [--seed S] --out DIR [--by NAME] [--unmask]`:
// draws a spot check, writes the printable sheet and CSV, and records the sample in the ledger.
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { townshipLabel, villageLabel } from '../../export/ledger-workbook/names.ts';
import { withLedger } from '../../ledger/with-ledger.ts';
import { drawSample } from '../../sample/draw-sample.ts';
import { localDateTime, placesNotKeptNote } from '../../sample/spot-check-content.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';
import { operatorName } from './operator.ts';

export interface SampleArgs {
  ledger: string;
  period?: string;
  villages: number;
  households: number;
  seed?: string;
  out: string;
  by?: string;
  unmask: boolean;
}

/**
 * Without --seed, an 8-digit seed from the system's secure random source: nobody can know the sample before it is
 * drawn (a seed derived from the period could be worked out in advance by those being checked), and it is printed
 * and recorded so the same sample can be drawn again from it.
 */
export function freshSeed(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

export async function runSampleCommand(args: SampleArgs, io: CliIo): Promise<number> {
  const seed = args.seed ?? freshSeed();
  const result = await withLedger(args.ledger, (connection) => drawSample(connection, {
    period: args.period, villages: args.villages, households: args.households, seed, outDir: resolve(args.out),
    drawnBy: args.by ?? operatorName(), unmask: args.unmask,
  }));
  // Told once the sample is drawn: before, a refused --villages 0 printed a seed no sample was ever drawn with.
  if (args.seed === undefined) io.err(`未指定 --seed，已随机生成种子 ${seed}（会打印并记入台账，用它可重现本次抽样）\n`);

  io.out(`抽查样本 ${result.sampleId}（${result.period}，随机种子 ${result.seed}）\n`);
  if (result.villagesAvailable < args.villages) {
    io.out(`要求抽 ${args.villages} 个村，花名册上只有 ${result.villagesAvailable} 个村：全部抽取。\n`);
  }
  io.out(`抽中 ${result.villages.length} 个村（共 ${result.villagesAvailable} 个；权重 = 本月扫描时未销号问题数 + 1），${result.households} 户：\n`);
  result.villages.forEach((village, i) => {
    io.out(`  ${i + 1}. ${townshipLabel(village.township)} ${villageLabel(village.village)}（权重 ${village.weight}）：`
      + `${village.households} 户，其中有问题 ${village.flagged} 户\n`);
  });
  if (result.recordedBefore) {
    io.out(`同一样本已于 ${localDateTime(result.recordedBefore.drawnAt)} 由 ${result.recordedBefore.drawnBy ?? '未记录'} 抽取并记入台账；`
      + '保留原记录，本次只重新生成文件。\n');
  } else {
    io.out(`已记入台账（抽取人 ${args.by ?? operatorName()}）${args.unmask ? '；身份证号未遮挡，注意保密' : ''}。\n`);
  }
  io.out('文件：\n');
  for (const file of result.files) io.out(`  ${file}\n`);
  // Always with --period: a later scan would change what "latest" means.
  io.out(`重现本次抽样：rollsweep sample --period ${result.period} --villages ${args.villages} --households ${args.households} --seed ${shellWord(result.seed)} --out DIR\n`);
  // Where places were not kept, the note below says other months' scans may have changed it: never both.
  const otherMonths = result.placesNotKept > 0 ? '' : '，扫描其他月份也不改变';
  io.out(`（权重取该月扫描时的问题状态和所在村：此后修改整改状态不改变样本${otherMonths}；重新扫描该月则样本可能不同。）\n`);
  if (result.placesNotKept > 0) io.out(`${placesNotKeptNote(result.placesNotKept)}\n`);
  return EXIT.ok;
}

/** The seed as typed into a shell: quoted when it holds anything but letters, digits and a few safe marks. */
function shellWord(text: string): string {
  return /^[\p{L}\p{N}_.:@%+=-]+$/u.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
