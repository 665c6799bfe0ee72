// How much memory a scan's DuckDB may hold before it spills to disk (--memory-limit).
import { UsageError } from './errors.ts';

/**
 * The default keeps a province-sized scan (a million persons) within quality-bars.md's 2.5 GB on an office PC
 * (2.2–2.3 GB of process memory, measured: what DuckDB holds plus the rest of the process); a county's scan never
 * reaches it. DuckDB's own default (80% of RAM) would take 9 GB for the same scan. Until 2026-12-02 it was 1.75GB: as
 * the scan learned more, B1M's peak reached 2.29–2.53 GB under the benchmark (median 2.50 GB, over the target), with
 * the peak depending on how DuckDB's threads overlap; at 1.6GB two runs peaked at 2.19 and 2.26 GB, a few seconds slower.
 */
export const DEFAULT_MEMORY_LIMIT = '1.6GB';

/** '2GB', '1.5GB', '800MB' (GiB/MiB too); anything else is a usage error naming the option. */
export function parseMemoryLimit(text: string | undefined): string {
  if (text === undefined) return DEFAULT_MEMORY_LIMIT;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(MB|GB|MiB|GiB)\s*$/i.exec(text);
  if (!match || Number(match[1]) <= 0) {
    throw new UsageError(`--memory-limit 的值「${text}」无法识别`, '请写成数字加单位，如 2GB、1.5GB、800MB。');
  }
  return `${match[1]}${match[2]!.toUpperCase().replace('IB', 'iB')}`;
}
