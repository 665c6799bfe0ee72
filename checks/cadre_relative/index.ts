// The cadre_relative checks, in the order they run; listed in the registry checks/index.ts.
import type { CheckInput } from '../../scanner/engine/define-check.ts';

export const cadreRelativeChecks: readonly CheckInput[] = [];
