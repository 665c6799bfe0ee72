// The report's lower half: every village in risk order, then the open high-severity findings by name
// (ID numbers masked unless --unmask, like the workbooks).
import { findCheck } from '../engine/registry.ts';
import { townshipLabel, villageLabel } from '../export/ledger-workbook/names.ts';
import { trackingAsOf } from '../export/ledger-workbook/overdue.ts';
import type { LedgerRow } from '../ledger/ledger-rows.ts';
import { TRACKING } from '../ledger/statuses.ts';
import { maskIdNumber, maskIdsUnless } from '../mask-id.ts';
import { formatCount, formatShare, formatYuan } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { OPEN_HIGH_LIMIT, type ReportData } from './report-data.ts';
import { closedShare } from './tally.ts';
import { RISK_ORDER_TEXT } from './village-risk.ts';

export function villageTableSection(data: ReportData): SafeHtml {
  return html`<section data-testid="villages"><h2>五、各村情况（按风险排序）</h2>
    <table data-testid="village-table"><thead><tr><th class="number">序号</th><th>乡镇</th><th>村(社区)</th><th class="number">问题数</th>
      <th class="number">未办结</th><th class="number">逾期</th><th class="number">高风险未办结</th><th class="number">逾期高风险</th>
      <th class="number">应追回（元）</th><th class="number">已追回（元）</th><th class="number">办结率</th></tr></thead><tbody>
      ${data.villages.map((entry, i) => {
        const c = entry.counts;
        const share = closedShare(c);
        return html`<tr data-testid="village-row" data-township="${entry.township}" data-village="${entry.village}">
          <td class="number">${i + 1}</td><td>${entry.township}</td><td>${entry.village}</td>
          <td class="number" data-field="findings">${formatCount(c.findings)}</td><td class="number" data-field="open">${formatCount(c.open)}</td>
          <td class="number" data-field="overdue">${formatCount(c.overdue)}</td><td class="number" data-field="high-open">${formatCount(c.highOpen)}</td>
          <td class="number" data-field="high-overdue">${formatCount(c.highOverdue)}</td>
          <td class="number" data-field="to-recover">${formatYuan(c.toRecoverCents)}</td><td class="number" data-field="recovered">${formatYuan(c.recoveredCents)}</td>
          <td class="number" data-field="closed-share">${formatShare(share.part, share.whole)}</td></tr>`;
      })}
    </tbody></table>
    <p class="note" data-testid="risk-order">${RISK_ORDER_TEXT}</p></section>`;
}

export function openHighSection(data: ReportData, unmask: boolean): SafeHtml {
  const { rows, total } = data.openHigh;
  const shown = total > rows.length ? `共 ${formatCount(total)} 条，列出最紧要的 ${formatCount(rows.length)} 条，其余见整改台账工作簿` : `共 ${formatCount(total)} 条`;
  // The evidence, a note, and the name too: an ID read into a name column was printed whole until 2026-12-06.
  const freeText = (text: string | null) => maskIdsUnless(text, unmask) ?? '';
  return html`<section data-testid="open-high"><h2>六、未办结的高风险问题（${shown}）</h2>
    <table data-testid="open-high-table"><thead><tr><th>问题编号</th><th>乡镇、村(社区)</th><th>姓名</th><th>身份证号</th><th>检查项</th>
      <th>问题描述</th><th class="number">多发金额（元）</th><th>整改时限</th><th>跟踪情况</th><th>备注</th></tr></thead><tbody>
      ${rows.map((row) => openHighRow(row, { overdue: data.isOverdue(row), tracking: trackingAsOf(row, data.asOf) }, unmask, freeText))}
    </tbody></table>
    <p class="note">逾期的排在前面（底色标出），其次按多发金额从高到低；最多列出 ${formatCount(OPEN_HIGH_LIMIT)} 条。${unmask ? '身份证号未遮挡（--unmask）。' : '身份证号已遮挡。'}</p></section>`;
}

/** `tracking` as the workbooks show it (overdue.ts): the scan's 逾期 beside a deadline since extended reads 持续. */
function openHighRow(
  row: LedgerRow, { overdue, tracking }: { overdue: boolean; tracking: string }, unmask: boolean, freeText: (text: string | null) => string,
): SafeHtml {
  const idNumber = row.idNumber === null ? '' : unmask ? row.idNumber : maskIdNumber(row.idNumber);
  return html`<tr data-testid="open-high-row" data-finding-id="${row.findingId}"${overdue ? html` class="overdue"` : ''}>
    <td class="code">${row.findingId}</td><td class="place">${townshipLabel(row.township)}<br>${villageLabel(row.village)}</td>
    <td class="name" data-field="name">${freeText(row.name)}</td><td class="code" data-field="id-number">${idNumber}</td>
    <td class="check">${findCheck(row.checkId)?.title ?? row.checkId}</td><td class="evidence">${freeText(row.evidence)}</td>
    <td class="number">${row.overpaymentCents === null ? '' : formatYuan(row.overpaymentCents)}</td>
    <td class="nowrap">${row.deadline ?? ''}${overdue && tracking !== TRACKING.overdue ? html`<br>已过时限` : ''}</td><td class="nowrap">${tracking}</td><td class="note" data-field="note">${freeText(row.note)}</td></tr>`;
}
