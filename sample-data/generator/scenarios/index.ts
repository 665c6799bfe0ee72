// The registry of injected scenarios (anomalies and decoys) and how they are spread over villages.
import type { Random } from '../random.ts';
import { cadreDecoy, cadreRelativeHit, cadreRelativeThroughChild, cadreSelf, cadreTwoHopDecoy } from './cadre-relatives.ts';
import type { Scenario } from './context.ts';
import { amountInconsistent, amountOverStandard, badRow, householdNoHead, householdSplit, missingField, programUnknown } from './data-quality-rows.ts';
import { idInvalid, idLegacy, idNameConflict } from './data-quality-ids.ts';
import {
  cancelledNotDead, deceasedBackPay, deceasedByCancellation, deceasedDecoy, deceasedHit, deceasedPaidByBank, deceasedPaidToAccount, deceasedPaymentReturned,
} from './deceased.ts';
import { accountTypedAsNumber, dibaoAndTekun, duplicateDecoy, institutionAccount, sameHousehold, sharedAccount, twoHouseholds } from './duplicates.ts';
import { imprisonedDecoy, imprisonedHit, notInCustody, prisonerNoEndDate, prisonerReleasedEarly } from './imprisoned.ts';
import { deceasedIdForms, nameForms } from './name-and-id-forms.ts';
import {
  businessDecoy, businessHit, depositsScenario, depositsTwoRounds, payrollDecoy, payrollHit, payrollLeft, payrollWelfarePost, propertyDecoy, propertyHit, propertySold,
  vehicleCodedDecoy, vehicleCodedHit, vehicleDecoy, vehicleHit, vehicleWithoutHousehold,
} from './over-asset.ts';

export const SCENARIOS: readonly Scenario[] = [
  // Scenarios that may move to the next village come first, so the sample's round-robin keeps them cross-village.
  twoHouseholds, sharedAccount,
  deceasedHit, deceasedDecoy, deceasedIdForms, imprisonedHit, imprisonedDecoy,
  vehicleHit, vehicleDecoy, propertyHit, propertyDecoy, businessHit, businessDecoy, payrollHit, payrollDecoy, depositsScenario,
  dibaoAndTekun, duplicateDecoy, sameHousehold,
  cadreRelativeHit, cadreSelf, cadreDecoy,
  idInvalid, idLegacy, idNameConflict, missingField, programUnknown, householdNoHead, householdSplit,
  amountInconsistent, amountOverStandard, badRow, nameForms,
  // Last, so that the sample's earlier villages are dealt what they were before these were added.
  cancelledNotDead, notInCustody, deceasedPaymentReturned, propertySold, payrollLeft, vehicleCodedHit, vehicleCodedDecoy,
  deceasedPaidByBank, institutionAccount, depositsTwoRounds, deceasedBackPay, payrollWelfarePost, accountTypedAsNumber,
  deceasedPaidToAccount, vehicleWithoutHousehold, prisonerNoEndDate, deceasedByCancellation, prisonerReleasedEarly,
  cadreRelativeThroughChild, cadreTwoHopDecoy,
];

export interface PlannedScenario {
  scenario: Scenario;
  variant: number;
}

/** The sample: every variant of every scenario once (plus extra Excel-number IDs), dealt round-robin over the villages. */
export function everyVariantPlan(villages: number): PlannedScenario[][] {
  const plan: PlannedScenario[][] = Array.from({ length: villages }, () => []);
  const all: PlannedScenario[] = SCENARIOS.flatMap((scenario) => Array.from({ length: scenario.variants }, (_, variant) => ({ scenario, variant })));
  all.push({ scenario: idInvalid, variant: 4 });
  all.forEach((item, index) => plan[index % villages]!.push(item));
  return plan;
}

/** Benchmarks: scenarios drawn by weight so that expected findings come to about `rate` × roll persons. */
export function randomPlan(rng: Random, villagePersons: number, rate: number): PlannedScenario[] {
  // Weighted over the registry, a scenario yields about 0.88 expected findings (decoys yield none).
  const count = Math.round((villagePersons * rate) / 0.88 + rng.next() - 0.5);
  const weights = SCENARIOS.map((scenario) => [scenario, scenario.weight] as const);
  return Array.from({ length: Math.max(0, count) }, () => {
    const scenario = rng.weighted(weights);
    return { scenario, variant: rng.int(0, scenario.variants - 1) };
  });
}
