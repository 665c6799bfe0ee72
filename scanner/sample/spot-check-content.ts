// What a drawn sample's outputs show (sheet and CSV alike), and how its values are written for people.
import { builtInChecks } from '../engine/registry.ts';
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { maskIdNumber, maskIdsUnless } from '../mask-id.ts';
import type { HouseholdMember, HouseholdSummary } from './household-details.ts';

export interface SampledHousehold {
  /** 1-based, across the whole sample: village draw order, then the household's place in its village's picks. */
  drawOrder: number;
  township: string | null;
  village: string | null;
  householdId: string;
  flagged: boolean;
  summary: HouseholdSummary;
  members: HouseholdMember[];
  /** Findings above info raised by the period's scan for this household. */
  findings: LedgerRow[];
}

/** One line per village on the roll, for the 抽样说明 sheet. */
export interface VillageLine {
  township: string | null;
  village: string | null;
  openFindings: number;
  weight: number;
  households: number;
  flaggedHouseholds: number;
  /** 1-based order in which it was drawn; null when not drawn. */
  drawOrder: number | null;
  drawnHouseholds: number;
}

/** What identifies a draw: the ledger record and the sheets both carry it. */
export interface SampleIdentity {
  sampleId: string;
  period: string;
  runId: string;
  seed: string;
  villagesRequested: number;
  householdsPerVillage: number;
  drawnBy: string | null;
  drawnAt: Date;
}

export interface SpotCheckContent extends SampleIdentity {
  unmask: boolean;
  /** Every village on the roll, in canonical order (the order the draw reads them in). */
  villages: VillageLine[];
  openFindingsOutsideVillages: number;
  /** Findings placed by their current record, where the ledger did not keep the month's place (places-at-scan.ts). */
  placesNotKept: number;
  households: SampledHousehold[];
}

export const FLAGGED_LABEL = '有问题';
export const UNFLAGGED_LABEL = '无问题';

const checkTitles = new Map(builtInChecks().map((check) => [check.id, check.title]));

export function flagLabel(flagged: boolean): string {
  return flagged ? FLAGGED_LABEL : UNFLAGGED_LABEL;
}

export function checkTitle(checkId: string): string {
  return checkTitles.get(checkId) ?? checkId;
}

export function shownIdNumber(idNumber: string | null, unmask: boolean): string {
  return unmask ? (idNumber ?? '') : maskIdNumber(idNumber);
}

/** The person a finding is about, as the member columns show one: name and ID number, masked unless --unmask. */
export function findingSubject(finding: Pick<LedgerRow, 'name' | 'idNumber'>, unmask: boolean): string {
  return [maskIdsUnless(finding.name, unmask), shownIdNumber(finding.idNumber, unmask)].filter((part) => part).join(' ');
}

/** Evidence quotes other people's ID numbers: masked like the ID column unless --unmask. */
export function shownEvidence(evidence: string | null, unmask: boolean): string {
  return maskIdsUnless(evidence, unmask) ?? '';
}

/** Local time, to the minute, as a supervisor writes it. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Said only when it may matter: findings a later month's scan refreshed, whose place at this month's scan the ledger
 * recorded before 2026-12-06 did not keep. They stand where their current record puts them.
 */
export function placesNotKeptNote(count: number): string {
  return count > 0
    ? `注意：有 ${count} 条问题的所在村、户本月扫描时的记录台账未留存（2026-12-06 之前的扫描不留存），而之后月份的扫描已更新了这些问题，抽样按其当前记录计；若期间其所在村、户有变，重新抽样结果可能与当初不同。`
    : '';
}
