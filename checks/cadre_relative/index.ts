// The cadre_relative checks, in the order they run; listed in the registry checks/index.ts.
import type { CheckInput } from '../../scanner/engine/define-check.ts';
import filed from './filed.ts';
import self from './self.ts';
import unfiled from './unfiled.ts';

export const cadreRelativeChecks: readonly CheckInput[] = [unfiled, self, filed];
