// The duplicate checks, in the order they run; listed in the registry checks/index.ts.
import type { CheckInput } from '../../scanner/engine/define-check.ts';
import dibaoAndTekun from './dibao-and-tekun.ts';
import sameHousehold from './same-household.ts';
import sharedAccount from './shared-account.ts';
import twoHouseholds from './two-households.ts';

export const duplicateChecks: readonly CheckInput[] = [dibaoAndTekun, twoHouseholds, sameHousehold, sharedAccount];
