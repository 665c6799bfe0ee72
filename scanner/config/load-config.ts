// Reads and validates the config file; without one, the defaults of every check apply.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { readJsonFile } from '../json-file.ts';
import { formatZodIssues } from '../zod-messages.ts';
import { configSchema, type Config } from './schema.ts';

export const DEFAULT_CONFIG_FILE = 'rollsweep.config.json';

/**
 * Without --config: ./rollsweep.config.json, then one kept with the exports (in the input folder or
 * the folder above it, where a township keeps one config for every month's folder).
 */
async function findConfig(inputFolder: string | undefined): Promise<string | null> {
  const candidates = [DEFAULT_CONFIG_FILE];
  if (inputFolder) candidates.push(join(inputFolder, DEFAULT_CONFIG_FILE), join(dirname(resolve(inputFolder)), DEFAULT_CONFIG_FILE));
  for (const candidate of candidates) {
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  return null;
}

export async function loadConfig(
  path: string | undefined,
  knownCheckIds: readonly string[],
  inputFolder?: string,
): Promise<{ config: Config; source: string | null }> {
  const source = path ?? (await findConfig(inputFolder));
  if (source === null) return { config: configSchema.parse({}), source: null };
  let raw: unknown;
  try {
    raw = await readJsonFile(source);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是有效的 JSON：${(error as Error).message}`;
    throw new ConfigError(`配置文件 ${source} ${reason}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`配置文件 ${source} 有误：${formatZodIssues(parsed.error)}`);
  const unknown = Object.keys(parsed.data.checks).filter((id) => !knownCheckIds.includes(id));
  if (unknown.length > 0) {
    throw new ConfigError(`配置文件 ${source} 中有未知的检查项：${unknown.join('、')}（位置：checks）`, '用 `rollsweep checks` 查看检查项编号。');
  }
  return { config: parsed.data, source };
}
