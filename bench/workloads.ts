// Benchmark workloads: which ones exist, and generating each once into bench/workloads/<name>/ (reused while
// its stamp — the generator options and a hash of the generator's source — still matches).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkload, resolveOptions } from '../sample-data/generator/index.ts';
import type { PresetName, WorkloadOptions } from '../sample-data/generator/index.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_WORKLOADS_ROOT = join(REPO_ROOT, 'bench', 'workloads');

/** csv = the generator's 'clean' style (UTF-8 CSV only); messy = XLSX + GB18030/UTF-8 CSV as files really arrive. */
export type InputFormat = 'csv' | 'parquet' | 'messy';

const STYLE_OF: Record<InputFormat, WorkloadOptions['style']> = { csv: 'clean', parquet: 'parquet', messy: 'messy' };

export interface WorkloadSpec {
  /** Folder name under the workloads root and the name in the report, e.g. B100k-csv. */
  name: string;
  /** The preset it comes from (b100k, b1m, county) or 'custom'. */
  preset: PresetName | 'custom';
  format: InputFormat;
  /** bench/workloads/<name>/: input/, answer-key.json, rollsweep.config.json, stamp.json. */
  dir: string;
  /** Generator options, with out = <dir>/input and answerKey = <dir>/answer-key.json. */
  options: WorkloadOptions;
  /** Run only when --only names it (B3M: minutes per run and 3.5 GB of input). */
  onRequest?: boolean;
}

/** A workload of a preset in one input format; `overrides` (persons, townships …) make smaller ones for tests. */
export function workloadSpec(
  name: string, preset: PresetName, format: InputFormat, root: string = DEFAULT_WORKLOADS_ROOT, overrides: Partial<WorkloadOptions> = {},
): WorkloadSpec {
  const dir = resolve(root, name);
  const options = resolveOptions(preset, { ...overrides, style: STYLE_OF[format], out: join(dir, 'input'), answerKey: join(dir, 'answer-key.json') });
  const custom = Object.keys(overrides).some((key) => key !== 'style');
  return { name, preset: custom ? 'custom' : preset, format, dir, options };
}

/** The benchmark's workloads: B100k and B1M in CSV and Parquet (quality-bars.md), and the 50k county as it arrives (messy). */
function defaultWorkloads(root: string = DEFAULT_WORKLOADS_ROOT): WorkloadSpec[] {
  return [
    workloadSpec('county', 'county', 'messy', root),
    workloadSpec('B100k-csv', 'b100k', 'csv', root),
    workloadSpec('B100k-parquet', 'b100k', 'parquet', root),
    workloadSpec('B1M-csv', 'b1m', 'csv', root),
    workloadSpec('B1M-parquet', 'b1m', 'parquet', root),
  ];
}

/** Every workload --only can name: the benchmark's, and a province of three million persons (CSV) on request. */
export function allWorkloads(root: string = DEFAULT_WORKLOADS_ROOT): WorkloadSpec[] {
  return [...defaultWorkloads(root), { ...workloadSpec('B3M-csv', 'b3m', 'csv', root), onRequest: true }];
}

/** Which workloads --only (presets or names) and --formats (csv, parquet; the county is always messy) select. */
export function selectWorkloads(all: WorkloadSpec[], only: string[] | null, formats: InputFormat[] | null): WorkloadSpec[] {
  const wanted = only?.map((token) => token.toLowerCase());
  return all.filter((spec) => {
    const named = Boolean(wanted?.includes(spec.preset) || wanted?.includes(spec.name.toLowerCase()));
    const byOnly = spec.onRequest ? named : !wanted || named;
    const byFormat = !formats || spec.format === 'messy' || formats.includes(spec.format) || Boolean(wanted?.includes(spec.name.toLowerCase()));
    return byOnly && byFormat;
  });
}

export interface Stamp {
  /** What decides reuse: the options (without the paths) and the hash of the generator's source files. */
  options: Omit<WorkloadOptions, 'out' | 'answerKey'>;
  generator_sha256: string;
  /** Informational. */
  generated_at: string;
  generation_s: number;
  persons: number;
  households: number;
  files: { file: string; dataset: string; rows: number }[];
  expected_findings: number;
}

export interface PreparedWorkload {
  spec: WorkloadSpec;
  input: string;
  config: string;
  stamp: Stamp;
  reused: boolean;
  /** Input files on disk, in bytes. */
  input_bytes: number;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Hash of every file of sample-data/generator/ and the dataset catalog it writes by. */
export function generatorHash(): string {
  const files = [...listFiles(join(REPO_ROOT, 'sample-data', 'generator')), join(REPO_ROOT, 'scanner', 'datasets', 'catalog.ts')];
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(REPO_ROOT, file)}\0${sha256(readFileSync(file))}\n`);
  return hash.digest('hex');
}

function stampKey(options: WorkloadOptions): Stamp['options'] {
  const { out: _out, answerKey: _key, ...rest } = options;
  return rest;
}

function readStamp(path: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function folderBytes(dir: string): number {
  return listFiles(dir).reduce((sum, file) => sum + statSync(file).size, 0);
}

/** The scan config: the 低保 standards the generator paid by (options.standards). */
function configFor(options: WorkloadOptions): string {
  return `${JSON.stringify({ standards: { default: { urban: options.standards.urban, rural: options.standards.rural } }, checks: {} }, null, 2)}\n`;
}

/** Generates the workload unless bench/workloads/<name>/ already holds one made with the same options and generator. */
export async function prepareWorkload(spec: WorkloadSpec, log: (line: string) => void = () => {}): Promise<PreparedWorkload> {
  const stampPath = join(spec.dir, 'stamp.json');
  const configPath = join(spec.dir, 'rollsweep.config.json');
  const input = spec.options.out;
  const hash = generatorHash();
  const key = stampKey(spec.options);
  const existing = readStamp(stampPath);
  const matches = existing !== null && existing.generator_sha256 === hash
    && JSON.stringify(existing.options) === JSON.stringify(key) && existsSync(input);
  if (matches) {
    if (!existsSync(configPath)) writeFileSync(configPath, configFor(spec.options));
    return { spec, input, config: configPath, stamp: existing, reused: true, input_bytes: folderBytes(input) };
  }
  log(existing ? `${spec.name}: generator or options changed, regenerating ${spec.dir}` : `${spec.name}: generating ${spec.options.persons.toLocaleString('en')} persons (${spec.options.style}) into ${spec.dir}`);
  // The stamp goes last: a generation cut short leaves no stamp, so it is redone next time.
  rmSync(stampPath, { force: true });
  rmSync(input, { recursive: true, force: true });
  mkdirSync(spec.dir, { recursive: true });
  const started = performance.now();
  const result = await generateWorkload(spec.options);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(configPath, configFor(spec.options));
  const stamp: Stamp = {
    options: key, generator_sha256: hash, generated_at: new Date().toISOString(), generation_s: Math.round(seconds * 10) / 10,
    persons: result.persons, households: result.households,
    files: result.files.map((file) => ({ file: file.file, dataset: file.dataset, rows: file.rows })), expected_findings: result.expected,
  };
  writeFileSync(stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
  const bytes = folderBytes(input);
  log(`${spec.name}: generated in ${seconds.toFixed(1)} s — ${result.files.length} files, ${(bytes / 1e6).toFixed(0)} MB`);
  return { spec, input, config: configPath, stamp, reused: false, input_bytes: bytes };
}
