// The columns of the 抽查表 sheet, left to right: the household (one merged cell per household), its members and
// its findings (each finding on the line of the member it is about: household-lines.ts), then the blank columns the
// checker writes in (merged per household).
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { maskIdsUnless } from '../mask-id.ts';
import { townshipLabel, villageLabel } from '../export/ledger-workbook/names.ts';
import type { HouseholdMember } from './household-details.ts';
import type { CellKind } from './sheet-styles.ts';
import { checkTitle, findingSubject, flagLabel, shownEvidence, shownIdNumber, type SampledHousehold } from './spot-check-content.ts';

export type CellValue = string | number | null;

interface ColumnBase {
  header: string;
  /** Excel width in characters; chosen so that the sheet fits A4 landscape at a readable scale. */
  width: number;
  kind: CellKind;
  wrap: boolean;
}

export type SpotCheckColumn =
  | (ColumnBase & { part: 'household'; value: (household: SampledHousehold, unmask: boolean) => CellValue })
  | (ColumnBase & { part: 'member'; value: (member: HouseholdMember, unmask: boolean) => CellValue })
  | (ColumnBase & { part: 'finding'; value: (finding: LedgerRow, unmask: boolean) => CellValue })
  | (ColumnBase & { part: 'handwritten' });

export const HANDWRITTEN_HEADERS = ['核查结果', '核查人', '核查日期'] as const;

const text = { kind: 'text', wrap: true } as const;

export const SPOT_CHECK_COLUMNS: readonly SpotCheckColumn[] = [
  { part: 'household', header: '序号', width: 5, kind: 'integer', wrap: false, value: (h) => h.drawOrder },
  { part: 'household', header: '乡镇', width: 8, ...text, value: (h) => townshipLabel(h.township) },
  { part: 'household', header: '村(社区)', width: 10, ...text, value: (h) => villageLabel(h.village) },
  { part: 'household', header: '家庭编号', width: 18, ...text, value: (h, unmask) => maskIdsUnless(h.householdId, unmask) },
  { part: 'household', header: '户主', width: 8, ...text, value: (h, unmask) => maskIdsUnless(h.summary.headName, unmask) },
  { part: 'household', header: '救助类别', width: 9, ...text, value: (h, unmask) => maskIdsUnless(h.summary.program, unmask) },
  { part: 'household', header: '在保人数', width: 6, kind: 'integer', wrap: false, value: (h) => h.summary.activeMembers },
  { part: 'household', header: '标记', width: 7, ...text, value: (h) => flagLabel(h.flagged) },
  { part: 'member', header: '姓名', width: 8, ...text, value: (m, unmask) => maskIdsUnless(m.name, unmask) },
  { part: 'member', header: '身份证号', width: 20, kind: 'text', wrap: false, value: (m, unmask) => shownIdNumber(m.idNumber, unmask) || null },
  { part: 'member', header: '与户主关系', width: 7, ...text, value: (m, unmask) => maskIdsUnless(m.relation, unmask) },
  { part: 'member', header: '保障状态', width: 6, ...text, value: (m, unmask) => maskIdsUnless(m.status, unmask) },
  { part: 'member', header: '月保障金(元)', width: 10, kind: 'amount', wrap: false, value: (m) => (m.monthlyAmountCents === null ? null : m.monthlyAmountCents / 100) },
  // Whom the finding is about, as the member columns show a person: read on its own, a line cannot be mistaken.
  { part: 'finding', header: '对象', width: 14, ...text, value: (f, unmask) => findingSubject(f, unmask) || null },
  { part: 'finding', header: '问题编号', width: 11, ...text, value: (f) => f.findingId },
  { part: 'finding', header: '检查项', width: 14, ...text, value: (f) => checkTitle(f.checkId) },
  { part: 'finding', header: '问题描述', width: 34, ...text, value: (f, unmask) => shownEvidence(f.evidence, unmask) || null },
  { part: 'finding', header: '整改状态', width: 8, ...text, value: (f) => f.status },
  { part: 'handwritten', header: '核查结果', width: 24, ...text },
  { part: 'handwritten', header: '核查人', width: 9, ...text },
  { part: 'handwritten', header: '核查日期', width: 11, ...text },
];
