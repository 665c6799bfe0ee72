// How much memory a scan's DuckDB may hold before it spills to disk (--memory-limit).
import { UsageError } from './errors.ts';

/**
 * The default keeps a province-sized scan (a million persons) within quality-bars.md's 2.5 GB on an office PC
 * (2.2 GB of process memory, measured: what DuckDB holds plus the rest of the process); a county's scan never
 * reaches it, and at a million persons it costs no measurable time against 2GB. DuckDB's own default (80% of RAM)
 * would take 9 GB for the same scan.
 */
export const DEFAULT_MEMORY_LIMIT = '1.75GB';

/** '2GB', '1.5GB', '800MB' (GiB/MiB too); anything else is a usage error naming the option. */
export function parseMemoryLimit(text: string | undefined): string {
  if (text === undefined) return DEFAULT_MEMORY_LIMIT;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(MB|GB|MiB|GiB)\s*$/i.exec(text);
  if (!match || Number(match[1]) <= 0) {
    throw new UsageError(`--memory-limit 的值「${text}」无法识别`, '请写成数字加单位，如 2GB、1.5GB、800MB。');
  }
  return `${match[1]}${match[2]!.toUpperCase().replace('IB', 'iB')}`;
}
