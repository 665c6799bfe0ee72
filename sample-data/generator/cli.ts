// Command line: regenerate the committed sample (--preset sample) or write a workload of any size and style.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isPresetName, resolveOptions } from './options.ts';
import type { WorkloadOptions } from './options.ts';
import { generateWorkload } from './workload.ts';

const USAGE = `usage: node --import tsx sample-data/generator/cli.ts [--preset sample|county|b100k|b1m|b3m]
         [--out DIR] [--seed N] [--persons N] [--townships N] [--villages N] [--period YYYY-MM]
         [--style messy|clean|parquet] [--answer-key FILE | --no-answer-key] [--anomaly-rate R]

With no options it regenerates the committed sample (sample-data/demo-township) exactly.
--villages is per township. The answer key is written outside the output folder.`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer, got ${text}`);
  return value;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      preset: { type: 'string', default: 'sample' }, out: { type: 'string' }, seed: { type: 'string' },
      persons: { type: 'string' }, townships: { type: 'string' }, villages: { type: 'string' }, period: { type: 'string' },
      style: { type: 'string' }, 'answer-key': { type: 'string' }, 'no-answer-key': { type: 'boolean' },
      'anomaly-rate': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!isPresetName(values.preset)) throw new Error(`unknown preset ${values.preset}`);
  const overrides: Partial<WorkloadOptions> = {};
  if (values.out !== undefined) overrides.out = values.out;
  if (values.seed !== undefined) overrides.seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const numbers = { persons: values.persons, townships: values.townships, villages: values.villages } as const;
  for (const [name, text] of Object.entries(numbers)) {
    const value = integer(name, text);
    if (value !== undefined) overrides[name as keyof typeof numbers] = value;
  }
  if (values.period !== undefined) overrides.period = values.period;
  if (values.style !== undefined) overrides.style = values.style as WorkloadOptions['style'];
  if (values['anomaly-rate'] !== undefined) overrides.anomalyRate = Number(values['anomaly-rate']);
  if (values['answer-key'] !== undefined) overrides.answerKey = values['answer-key'];
  else if (values['no-answer-key'] || (values.out !== undefined && values.preset === 'sample')) overrides.answerKey = null;
  const changesData = ['seed', 'persons', 'townships', 'villages', 'period', 'style', 'anomalyRate'].some((name) => name in overrides);
  if (values.preset === 'sample' && values.out === undefined && changesData) {
    throw new Error('these options would overwrite the committed sample with other data: give --out DIR');
  }
  const options = resolveOptions(values.preset, overrides);
  const started = Date.now();
  const result = await generateWorkload(options);
  const rows = result.files.reduce((sum, file) => sum + file.rows, 0);
  process.stdout.write(`wrote ${options.out}: ${result.persons} persons in ${result.households} households, ${result.villages.length} villages, `
    + `${rows} rows in ${result.files.length} files, ${result.expected} expected findings, ${result.decoys} decoys `
    + `(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const file of result.files) process.stdout.write(`  ${file.file}  ${file.dataset}  ${file.encoding}  ${file.rows}\n`);
  if (options.answerKey) process.stdout.write(`answer key: ${options.answerKey}\n`);
  return 0;
}

// Run only when executed directly, so tests can import main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
  },
  );
}
