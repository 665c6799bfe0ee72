// Test support: generates workloads into fresh temporary folders and reads their answer keys.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions } from '../../../sample-data/generator/options.ts';
import type { PresetName } from '../../../sample-data/generator/options.ts';
import type { WorkloadOptions } from '../../../sample-data/generator/options.ts';
import { generateWorkload } from '../../../sample-data/generator/workload.ts';
import type { WorkloadResult } from '../../../sample-data/generator/workload.ts';

export interface KeyEntry {
  check_id: string;
  id_number: string | null;
  household_id: string | null;
  file?: string;
  line?: number;
  raw?: string;
  overpayment_cents?: number;
  note: string;
}

export interface AnswerKeyDocument {
  seed: number | string;
  period: string;
  files: WorkloadResult['files'];
  expected: KeyEntry[];
  decoys: (Omit<KeyEntry, 'check_id'> & { kind: string; must_not_flag: string[] })[];
  non_data_rows: { file: string; line: number; raw: string; note: string }[];
}

export interface Generated {
  /** Temporary folder holding the input folder and the key; removed by dispose(). */
  root: string;
  directory: string;
  keyPath: string;
  key: AnswerKeyDocument;
  options: WorkloadOptions;
  result: WorkloadResult;
}

export async function generate(preset: PresetName, overrides: Partial<WorkloadOptions> = {}): Promise<Generated> {
  const root = mkdtempSync(join(tmpdir(), 'rollsweep-generator-'));
  const directory = join(root, 'input');
  const keyPath = join(root, 'answer-key.json');
  const options = resolveOptions(preset, { out: directory, answerKey: keyPath, ...overrides });
  const result = await generateWorkload(options);
  const key = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKeyDocument;
  return { root, directory, keyPath, key, options, result };
}

export function dispose(...generated: (Generated | undefined)[]): void {
  for (const item of generated) if (item) rmSync(item.root, { recursive: true, force: true });
}

/** A small county in the clean style with randomly drawn scenarios: fast enough for a unit test. */
export const SMALL_RANDOM_COUNTY: Partial<WorkloadOptions> = { persons: 4000, townships: 2, villages: 4, style: 'clean', seed: 77 };
