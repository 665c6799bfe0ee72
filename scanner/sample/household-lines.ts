// The lines of a sampled household, as the sheet and the CSV both lay them out: each finding beside the member it is
// about. Until 2026-12-06 findings were written beside the members in index order, so the first finding sat on the
// head's line whoever it named: a supervisor on a home visit read the head as the dead person of 已死亡人员仍在保.
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import type { HouseholdMember } from './household-details.ts';
import type { SampledHousehold } from './spot-check-content.ts';

export interface HouseholdLine {
  /** Null on a finding's second line under its member, and on a finding about no member shown. */
  member: HouseholdMember | null;
  finding: LedgerRow | null;
}

/**
 * Members in roll order (head first), each followed by further lines for its second and later findings; then the
 * findings about no member shown, a line each. A household-level check (财产超标, 无户主 …) names the member it shows
 * as its subject, the head first, and is placed on that member's line.
 */
export function householdLines(household: Pick<SampledHousehold, 'members' | 'findings'>): HouseholdLine[] {
  const members = household.members;
  const byMember = members.map((): LedgerRow[] => []);
  const aboutNoMember: LedgerRow[] = [];
  for (const finding of household.findings) {
    const index = subjectIndex(members, finding);
    if (index === -1) aboutNoMember.push(finding);
    else byMember[index]!.push(finding);
  }
  const lines: HouseholdLine[] = [];
  members.forEach((member, i) => {
    const [first, ...rest] = byMember[i]!;
    lines.push({ member, finding: first ?? null });
    for (const finding of rest) lines.push({ member: null, finding });
  });
  for (const finding of aboutNoMember) lines.push({ member: null, finding });
  if (lines.length === 0) lines.push({ member: null, finding: null });
  return lines;
}

/** The findings about `member` (by the lines above), for the CSV's one row per member. */
export function findingsAbout(household: Pick<SampledHousehold, 'members' | 'findings'>, member: HouseholdMember): LedgerRow[] {
  const index = household.members.indexOf(member);
  return household.findings.filter((finding) => subjectIndex(household.members, finding) === index);
}

/** The findings about no member shown. */
export function findingsAboutNoMember(household: Pick<SampledHousehold, 'members' | 'findings'>): LedgerRow[] {
  return household.findings.filter((finding) => subjectIndex(household.members, finding) === -1);
}

/**
 * The member a finding is about: the one with its subject's ID number (the roll's, normalised, as the finding's is);
 * for a subject without an ID number, the only member of its name. -1: none of the members shown. A subject whose ID
 * no member has is not matched by name: a namesake is another person.
 */
function subjectIndex(members: readonly HouseholdMember[], finding: LedgerRow): number {
  if (finding.idNumber !== null) {
    return members.findIndex((member) => member.idNumber !== null && member.idNumber.toUpperCase() === finding.idNumber!.toUpperCase());
  }
  if (finding.name === null) return -1;
  const named = members.flatMap((member, i) => (member.name === finding.name ? [i] : []));
  return named.length === 1 ? named[0]! : -1;
}
