// The one choke point that turns an error into a message and an exit code (2 user error, 3 internal).
import { UserFacingError, isOutOfMemory } from '../errors.ts';
import { maskIdsInText } from '../mask-id.ts';
import { ROLLSWEEP_VERSION } from '../version.ts';

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

export function reportError(error: unknown, writeError: (text: string) => void): number {
  // An error quotes what it met as it was: a file saved under an ID (371329198204115839花名册.csv), a sheet named after
  // a person (张三 371329198204115839), a name cell holding an ID. It goes to the console and to cron's log, kept for
  // years, so its IDs are masked as the scan's own log masks them; until 2026-12-06 they were printed whole. Always,
  // even with --unmask: that flag is for the outputs a run records, and a run stopped by the error records nothing.
  if (error instanceof UserFacingError) {
    writeError(`错误：${maskIdsInText(error.message)}\n`);
    if (error.hint) writeError(`处理办法：${maskIdsInText(error.hint)}\n`);
    return EXIT.badInput;
  }
  // The scan names its --memory-limit (MemoryLimitError); any other command that runs out has met the machine's memory,
  // which is no fault of rollsweep's to report to its maintainers.
  if (isOutOfMemory(error)) {
    writeError(`错误：内存不足 (out of memory)：${(error as Error).message.split('\n')[0]}\n`);
    writeError('处理办法：关闭其他占用内存的程序后重试，或在内存更大的电脑上运行。\n');
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeError(`rollsweep ${ROLLSWEEP_VERSION} 内部错误 (internal error)，请把以下信息报告给维护人员：\n${detail}\n`);
  return EXIT.internal;
}
