// The typed errors a user can cause; cli/report-error.ts turns them into plain messages and exit code 2.

/** Where in an input file something went wrong. Lines are 1-based as a spreadsheet shows them. */
export interface InputLocation {
  file: string;
  sheet?: string;
  line?: number;
  column?: string;
}

/** Bad usage or bad input: the message says which file, row and column, and what to do. */
export class UserFacingError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

export class InputError extends UserFacingError {
  readonly location: InputLocation;
  constructor(location: InputLocation, message: string, hint?: string) {
    super(`${describeLocation(location)}: ${message}`, hint);
    this.location = location;
  }
}

export class ConfigError extends UserFacingError {}
export class CheckDefinitionError extends UserFacingError {}
export class UsageError extends UserFacingError {}

export class LedgerInUseError extends UserFacingError {
  constructor(ledgerPath: string) {
    super(
      `台账文件正被另一个进程使用 (ledger in use): ${ledgerPath}`,
      '等待正在运行的扫描结束后再试；定时任务请勿重叠运行。',
    );
  }
}

/**
 * DuckDB ran out of the memory the scan may use (--memory-limit); what was spilled to disk was not enough. Before the
 * run is in the ledger nothing was written; after it (while exporting) the run stands and only the exports are missing.
 */
export class MemoryLimitError extends UserFacingError {
  constructor(limit: string, recorded?: { runId: string; period: string }) {
    const raise = '用 --memory-limit 调大上限（如 --memory-limit 4GB）';
    if (recorded) {
      super(
        `内存不足：扫描超出了内存上限 ${limit}；本次运行 ${recorded.runId} 已记入台账，但导出（findings.csv、整改台账工作簿）未完成 (out of memory)`,
        `用 rollsweep ledger export --period ${recorded.period} --out 目录 导出台账工作簿；或${raise}后重新扫描，或在内存更大的电脑上运行。`,
      );
    } else {
      super(`内存不足：扫描超出了内存上限 ${limit}，未写入台账 (out of memory)`, `${raise}后重新扫描，或在内存更大的电脑上运行。`);
    }
  }
}

// DuckDB's own wording when its buffer pool is full. An appender's error arrives as "Failed to append: " and the bare
// message, without the "Out of Memory Error" its queries' errors start with, so the wording itself is what is matched.
const OUT_OF_MEMORY_WORDING = /Out of Memory Error|(could not allocate block|failed to allocate data|failed to pin block|failed to reserve memory data|failed to offload data block) of size/;

export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && OUT_OF_MEMORY_WORDING.test(error.message);
}

export function describeLocation(location: InputLocation): string {
  const parts = [location.file];
  if (location.sheet) parts.push(`工作表「${location.sheet}」`);
  if (location.line !== undefined) parts.push(`第 ${location.line} 行`);
  if (location.column) parts.push(`列「${location.column}」`);
  return parts.join(' ');
}
