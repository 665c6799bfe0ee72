// The over_asset checks, in the order they run; listed in the registry checks/index.ts.
import type { CheckInput } from '../../scanner/engine/define-check.ts';
import business from './business.ts';
import deposits from './deposits.ts';
import payroll from './payroll.ts';
import property from './property.ts';
import vehicle from './vehicle.ts';

export const overAssetChecks: readonly CheckInput[] = [vehicle, property, business, payroll, deposits];
