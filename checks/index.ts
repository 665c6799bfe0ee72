// The one explicit registry of built-in checks, in the order they run and are listed.
import type { CheckInput } from '../scanner/engine/define-check.ts';
import { cadreRelativeChecks } from './cadre_relative/index.ts';
import amountInconsistent from './data_quality/amount-inconsistent.ts';
import amountOverStandard from './data_quality/amount-over-standard.ts';
import badRow from './data_quality/bad-row.ts';
import badValue from './data_quality/bad-value.ts';
import householdNoHead from './data_quality/household-no-head.ts';
import householdSplit from './data_quality/household-split.ts';
import idInvalid from './data_quality/id-invalid.ts';
import idLegacy from './data_quality/id-legacy.ts';
import idNameConflict from './data_quality/id-name-conflict.ts';
import missingField from './data_quality/missing-field.ts';
import programUnknown from './data_quality/program-unknown.ts';
import { deceasedChecks } from './deceased/index.ts';
import { duplicateChecks } from './duplicate/index.ts';
import { imprisonedChecks } from './imprisoned/index.ts';
import { overAssetChecks } from './over_asset/index.ts';

export const BUILT_IN_CHECKS: readonly CheckInput[] = [
  ...deceasedChecks,
  ...imprisonedChecks,
  ...overAssetChecks,
  ...duplicateChecks,
  ...cadreRelativeChecks,
  idInvalid,
  idLegacy,
  idNameConflict,
  missingField,
  programUnknown,
  householdNoHead,
  householdSplit,
  amountInconsistent,
  amountOverStandard,
  badRow,
  badValue,
];
