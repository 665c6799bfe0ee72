// How a sampled household's lines are laid out on the 抽查表 (and its CSV rows): each finding beside the member it is
// about, never beside whoever happens to sit on the same line.
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../scanner/ledger/ledger-rows.ts';
import type { HouseholdMember } from '../../scanner/sample/household-details.ts';
import { householdLines } from '../../scanner/sample/household-lines.ts';

const member = (name: string, idNumber: string | null): HouseholdMember =>
  ({ name, idNumber, relation: null, isHead: false, program: null, monthlyAmountCents: null, status: '在保', active: true });
const finding = (findingId: string, name: string | null, idNumber: string | null) => ({ findingId, name, idNumber }) as LedgerRow;

const head = member('郭文', '371329196001011150');
const spouse = member('张颖桂', '371329196203036747');
const grandson = member('郭小', null);

/** The lines as [member name, finding id]. */
const laidOut = (members: HouseholdMember[], findings: LedgerRow[]) =>
  householdLines({ members, findings }).map((line) => [line.member?.name ?? null, line.finding?.findingId ?? null]);

describe('householdLines', () => {
  const cases: { name: string; members: HouseholdMember[]; findings: LedgerRow[]; lines: (string | null)[][] }[] = [
    { name: 'puts a finding about the spouse on her line, not the head\'s (the case the sheet got wrong)',
      members: [head, spouse], findings: [finding('RS-dead', '张颖桂', '371329196203036747')],
      lines: [['郭文', null], ['张颖桂', 'RS-dead']] },
    { name: 'matches the ID whatever the case of its check letter',
      members: [member('王', '37132919600101115X')], findings: [finding('RS1', '王', '37132919600101115x')], lines: [['王', 'RS1']] },
    { name: 'puts a second finding about one member on a line of its own under that member',
      members: [head, spouse], findings: [finding('RS1', '郭文', '371329196001011150'), finding('RS2', '郭文', '371329196001011150')],
      lines: [['郭文', 'RS1'], [null, 'RS2'], ['张颖桂', null]] },
    { name: 'matches a subject without an ID number by its name',
      members: [head, grandson], findings: [finding('RS1', '郭小', null)], lines: [['郭文', null], ['郭小', 'RS1']] },
    { name: 'does not match a namesake whose ID no member has: a line of its own after the members',
      members: [head, grandson], findings: [finding('RS1', '郭小', '371329200101010018')], lines: [['郭文', null], ['郭小', null], [null, 'RS1']] },
    { name: 'does not guess between two members of the same name',
      members: [member('李', null), member('李', null)], findings: [finding('RS1', '李', null)], lines: [['李', null], ['李', null], [null, 'RS1']] },
    { name: 'gives a household with no members and no findings one blank line', members: [], findings: [], lines: [[null, null]] },
  ];
  for (const { name, members, findings, lines } of cases) it(name, () => expect(laidOut(members, findings)).toEqual(lines));
});
