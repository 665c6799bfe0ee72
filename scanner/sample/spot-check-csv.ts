// 抽查-<period>-<seed>-<N>村<M>户.csv: one row per member of each sampled household, for Excel (UTF-8 with BOM) and for
// checking two draws against each other. Nothing in it depends on the time of the draw. A member's row lists the
// findings about that member, as the sheet's line does (household-lines.ts); a finding about no member shown has a
// row of its own with the member columns empty. 问题对象 says whom each listed finding is about, as the sheet's 对象.
import { townshipLabel, villageLabel } from '../export/ledger-workbook/names.ts';
import { maskIdsUnless } from '../mask-id.ts';
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { findingsAbout, findingsAboutNoMember } from './household-lines.ts';
import { findingSubject, flagLabel, shownIdNumber, type SpotCheckContent } from './spot-check-content.ts';

export const SPOT_CHECK_CSV_HEADER = [
  '抽样编号', '抽取顺序', '乡镇', '村(社区)', '家庭编号', '标记', '户主', '姓名', '身份证号', '与户主关系', '保障状态', '问题编号', '问题对象',
] as const;

/** Excel reads a CSV as the local code page (GBK in China) unless it starts with a UTF-8 byte-order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

export function spotCheckCsv(content: SpotCheckContent): string {
  // The roll's text as the sheet shows it: an ID in it (a 家庭编号 that is the head's ID) masked unless --unmask.
  const shown = (value: string | null) => maskIdsUnless(value, content.unmask) ?? '';
  const lines = [SPOT_CHECK_CSV_HEADER.map(csvField).join(',')];
  const ids = (findings: readonly LedgerRow[]) => findings.map((finding) => finding.findingId).join(';');
  const subjects = (findings: readonly LedgerRow[]) => findings.map((finding) => findingSubject(finding, content.unmask)).join(';');
  for (const household of content.households) {
    const householdFields = [
      content.sampleId, String(household.drawOrder), townshipLabel(household.township), villageLabel(household.village),
      shown(household.householdId), flagLabel(household.flagged), shown(household.summary.headName),
    ];
    for (const member of household.members) {
      const about = findingsAbout(household, member);
      lines.push([
        ...householdFields, shown(member.name), shownIdNumber(member.idNumber, content.unmask), shown(member.relation), shown(member.status),
        ids(about), subjects(about),
      ].map(csvField).join(','));
    }
    for (const finding of findingsAboutNoMember(household)) {
      lines.push([...householdFields, '', '', '', '', ids([finding]), subjects([finding])].map(csvField).join(','));
    }
  }
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}

/**
 * A spreadsheet runs a cell starting with = + - @ tab or CR as a formula: such values get a leading ' (as
 * findings.csv does). Then RFC 4180 quoting for commas, quotes and line breaks.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
