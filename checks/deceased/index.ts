// The deceased checks, in the order they run; listed in the registry checks/index.ts.
import type { CheckInput } from '../../scanner/engine/define-check.ts';
import recipient from './recipient.ts';

export const deceasedChecks: readonly CheckInput[] = [recipient];
