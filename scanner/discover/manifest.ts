// sweep.json: an optional manifest naming the files of each dataset and per-file reading options.
import { z } from 'zod';
import { DATASET_NAMES } from '../datasets/catalog.ts';
import { InputError } from '../errors.ts';
import { readJsonFile } from '../json-file.ts';
import { formatZodIssues } from '../zod-messages.ts';

export const MANIFEST_FILE = 'sweep.json';

const fileOptions = z
  .object({
    file: z.string().min(1),
    sheet: z.string().optional(),
    /** 1-based row of the header; default: found within the first 10 rows. */
    headerRow: z.number().int().positive().optional(),
    encoding: z.enum(['utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be']).optional(),
    delimiter: z.string().length(1).optional(),
    /** canonical column → header text in this file, for headers that are not a known alias. */
    columns: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const fileEntry = z.union([z.string().min(1), fileOptions]);

export const manifestSchema = z
  .object({
    datasets: z.partialRecord(z.enum(DATASET_NAMES), z.union([fileEntry, z.array(fileEntry)])).default({}),
    /** Files (relative paths) to leave out of the scan. */
    ignore: z.array(z.string()).default([]),
    /** What to do with files the manifest does not name: recognise them as usual, or skip them. */
    others: z.enum(['detect', 'skip']).default('detect'),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFileOptions = z.infer<typeof fileOptions>;

export async function readManifest(path: string): Promise<Manifest> {
  let parsed: unknown;
  try {
    parsed = await readJsonFile(path);
  } catch (error) {
    throw new InputError({ file: MANIFEST_FILE }, `不是有效的 JSON：${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new InputError({ file: MANIFEST_FILE }, `清单格式错误：${formatZodIssues(result.error)}`);
  return result.data;
}
