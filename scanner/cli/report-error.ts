// The one choke point that turns an error into a message and an exit code (2 user error, 3 internal).
import { UserFacingError } from '../errors.ts';
import { ROLLSWEEP_VERSION } from '../version.ts';

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

export function reportError(error: unknown, writeError: (text: string) => void): number {
  if (error instanceof UserFacingError) {
    writeError(`错误：${error.message}\n`);
    if (error.hint) writeError(`处理办法：${error.hint}\n`);
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeError(`rollsweep ${ROLLSWEEP_VERSION} 内部错误 (internal error)，请把以下信息报告给维护人员：\n${detail}\n`);
  return EXIT.internal;
}
