// The report's upper half: headline figures, findings by category and village, remediation and money, the trend.
import { categoryLabel, SEVERITY_LABELS } from '../ledger/labels.ts';
import { formatCount, formatShare, formatYuan } from './format.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';
import type { ReportData } from './report-data.ts';
import { monthlyChart, progressBar, stackedBarChart, type BarRow, type LegendEntry } from './svg-charts.ts';
import { statusMomentText } from './month-close.ts';
import { closedShare, type Tally } from './tally.ts';

/** Villages drawn in the chart; the table below lists them all. */
export const VILLAGE_CHART_LIMIT = 20;
/**
 * A backfill's row counts open as its summary.json does (trend.ts): the scan changed no status, so its month's findings
 * open in the ledger when it ended, not by how it met them (补扫).
 */
const BACKFILL_NOTE = '标（补扫）的月份是在以后月份之后才扫描的（补扫或重扫），扫描不改变整改状态：其未办结为扫描结束时台账中尚未办结的问题。';

/** Months drawn in the trend chart (more would crowd the axis); the table lists every month. */
export const TREND_CHART_MONTHS = 24;

const STANDING_LEGEND: LegendEntry[] = [
  { label: '未办结', tone: 'open' }, { label: '已办结', tone: 'closed' }, { label: '误报', tone: 'false-positive' }, { label: '自动销号', tone: 'auto-closed' },
];

function standingSegments(counts: Tally): BarRow['segments'] {
  return [
    { value: counts.open, tone: 'open' }, { value: counts.closed, tone: 'closed' },
    { value: counts.falsePositive, tone: 'false-positive' }, { value: counts.autoClosed, tone: 'auto-closed' },
  ];
}

function card(options: { label: string; value: string; testId: string; detail?: HtmlValue; alert?: boolean }): SafeHtml {
  return html`<div class="card${options.alert ? ' alert' : ''}"><div class="label">${options.label}</div>
    <div class="value" data-testid="${options.testId}">${options.value}</div>${options.detail ? html`<div class="detail">${options.detail}</div>` : ''}</div>`;
}

/** What the month's scan found, the findings it carried unjudged apart (they are in the ledger's count), and what it closed. */
function foundDetail(carryOver: ReportData['carryOver']): string {
  const carried = carryOver.carried > 0 ? `，另有未复查 ${formatCount(carryOver.carried)}` : '';
  return `本月扫描发现 ${formatCount(carryOver.found)}${carried}，本月自动销号 ${formatCount(carryOver.autoClosed)}`;
}

/** What the earlier findings no longer in the month's rows are, closed or open (tally.ts), as the page names them. */
const EARLIER_CLOSED = '此前各月已办结、误报或销号、不在本月台账中的';
const EARLIER_OPEN = '补扫发现或本月扫描后重新打开、未列入本月台账的未办结问题';

/** The part of a money figure that is earlier months' findings, no longer in the month's rows; '' when there is none. */
function earlierPart(t: Tally, money: 'toRecoverCents' | 'recoveredCents'): string {
  const { closed, open } = t.earlier;
  return [
    closed.findings > 0 ? `含${EARLIER_CLOSED} ${formatCount(closed.findings)} 条问题 ${formatYuan(closed[money])} 元` : '',
    open.findings > 0 ? `含${EARLIER_OPEN} ${formatCount(open.findings)} 条 ${formatYuan(open[money])} 元` : '',
  ].filter(Boolean).join('；');
}

/** The money paragraph's sentence on the earlier findings; '' when there is none. */
function earlierSentence(t: Tally): string {
  const { closed, open } = t.earlier;
  const parts = [
    closed.findings > 0 ? `${EARLIER_CLOSED} ${formatCount(closed.findings)} 条问题应追回 ${formatYuan(closed.toRecoverCents)} 元，已追回 ${formatYuan(closed.recoveredCents)} 元` : '',
    open.findings > 0 ? `${EARLIER_OPEN} ${formatCount(open.findings)} 条应追回 ${formatYuan(open.toRecoverCents)} 元，已追回 ${formatYuan(open.recoveredCents)} 元` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return `其中${parts.join('；')}${closed.findings > 0 ? '；问题办结后，追回的钱仍计入' : ''}。`;
}

/** `notice`: what the reader must know before the figures (checks-not-run.ts), above the cards. */
export function totalsSection(data: ReportData, notice: SafeHtml): SafeHtml {
  const t = data.totals;
  const share = closedShare(t);
  const previous = data.previousPeriod ? `较上期（${data.previousPeriod}）` : '首次扫描';
  const toRecoverEarlier = earlierPart(t, 'toRecoverCents');
  const recoveredEarlier = earlierPart(t, 'recoveredCents');
  return html`<section data-testid="totals"><h2>一、总体情况</h2>
    <p class="note" data-testid="status-moment">${statusMomentText(data.statusMoment, data.generatedAt)}</p>
    ${notice}
    <div class="cards">
      ${card({ label: '台账问题数', value: formatCount(t.findings), testId: 'total-findings', detail: foundDetail(data.carryOver) })}
      ${data.bySeverity.map((entry) => card({ label: `${SEVERITY_LABELS[entry.severity]}风险`, value: formatCount(entry.count), testId: `severity-${entry.severity}` }))}
      ${card({ label: '未办结', value: formatCount(t.open), testId: 'open', detail: `其中高风险 ${formatCount(t.highOpen)}`, alert: t.open > 0 })}
      ${card({ label: '逾期', value: formatCount(t.overdue), testId: 'overdue', detail: `其中高风险 ${formatCount(t.highOverdue)}；逾期按 ${data.asOf} 计`, alert: t.overdue > 0 })}
      ${card({ label: '已办结', value: formatCount(t.closed), testId: 'closed', detail: '已整改、已清退、已追回、已备案' })}
      ${card({ label: '误报', value: formatCount(t.falsePositive), testId: 'false-positive', detail: '单列，不计入未办结' })}
      ${card({ label: '自动销号', value: formatCount(t.autoClosed), testId: 'auto-closed', detail: '扫描未再发现' })}
      ${card({ label: '办结率', value: formatShare(share.part, share.whole), testId: 'closed-share', detail: `${formatCount(share.part)} / ${formatCount(share.whole)}（不含误报）` })}
      ${card({ label: '应追回金额（元）', value: formatYuan(t.toRecoverCents), testId: 'to-recover',
        detail: `扫描估算的多发金额，不含误报${toRecoverEarlier ? `；${toRecoverEarlier}` : ''}` })}
      ${card({ label: '已追回金额（元）', value: formatYuan(t.recoveredCents), testId: 'recovered',
        detail: `追回率 ${formatShare(t.recoveredCents, t.toRecoverCents)}${recoveredEarlier ? `；${recoveredEarlier}` : ''}` })}
      ${card({ label: '新发现', value: formatCount(data.carryOver.new), testId: 'new', detail: previous })}
      ${card({ label: '整改未到位（再次发现）', value: formatCount(data.carryOver.reopened), testId: 'reopened', detail: previous, alert: data.carryOver.reopened > 0 })}
      ${card({ label: '本月自动销号', value: formatCount(data.carryOver.autoClosed), testId: 'auto-closed-this-period', detail: previous })}
    </div></section>`;
}

export function distributionSection(data: ReportData): SafeHtml {
  const categories = data.byCategory;
  const villages = data.villages.slice(0, VILLAGE_CHART_LIMIT);
  return html`<section data-testid="distribution"><h2>二、问题分布</h2>
    <h3>按问题类型</h3>
    ${stackedBarChart({ title: '按问题类型的问题数', testId: 'chart-by-category', legend: STANDING_LEGEND,
      rows: categories.map((entry) => ({ label: categoryLabel(entry.category), segments: standingSegments(entry.counts) })) })}
    <table data-testid="category-table"><thead><tr><th>问题类型</th><th class="number">问题数</th><th class="number">未办结</th>
      <th class="number">逾期</th><th class="number">应追回（元）</th><th class="number">已追回（元）</th></tr></thead><tbody>
      ${categories.map((entry) => html`<tr data-category="${entry.category}"><td>${categoryLabel(entry.category)}</td>
        <td class="number">${formatCount(entry.counts.findings)}</td><td class="number">${formatCount(entry.counts.open)}</td>
        <td class="number">${formatCount(entry.counts.overdue)}</td><td class="number">${formatYuan(entry.counts.toRecoverCents)}</td>
        <td class="number">${formatYuan(entry.counts.recoveredCents)}</td></tr>`)}
    </tbody></table>
    <h3>按村（风险最高的 ${formatCount(villages.length)} 个村${data.villages.length > villages.length ? `，共 ${formatCount(data.villages.length)} 个` : ''}）</h3>
    ${stackedBarChart({ title: '各村问题数', testId: 'chart-by-village', legend: STANDING_LEGEND,
      rows: villages.map((entry) => ({ label: `${entry.township} ${entry.village}`, segments: standingSegments(entry.counts) })) })}
    <p class="note">村的先后与第五部分“各村情况”的风险排序一致。</p></section>`;
}

export function progressSection(data: ReportData): SafeHtml {
  const t = data.totals;
  const share = closedShare(t);
  return html`<section data-testid="progress"><h2>三、整改进度与资金追回</h2><div class="two-columns">
    <div><h3>整改进度</h3>
      ${progressBar({ title: '办结率', part: share.part, whole: share.whole, tone: 'closed' })}
      <p>办结 ${formatCount(share.part)} 条（已办结 ${formatCount(t.closed)}，自动销号 ${formatCount(t.autoClosed)}），占问题数（不含误报）${formatCount(share.whole)} 条的
        <strong>${formatShare(share.part, share.whole)}</strong>；未办结 ${formatCount(t.open)} 条，其中逾期 <strong>${formatCount(t.overdue)}</strong> 条（高风险 ${formatCount(t.highOverdue)} 条；逾期按 ${data.asOf} 计）。</p></div>
    <div><h3>多发资金追回</h3>
      ${progressBar({ title: '追回率', part: t.recoveredCents, whole: t.toRecoverCents, tone: 'closed' })}
      <p>应追回 <strong>${formatYuan(t.toRecoverCents)}</strong> 元，已追回 <strong>${formatYuan(t.recoveredCents)}</strong> 元，
        追回率 ${formatShare(t.recoveredCents, t.toRecoverCents)}。${earlierSentence(t)}</p></div>
  </div></section>`;
}

export function trendSection(data: ReportData): SafeHtml {
  const charted = data.trend.slice(-TREND_CHART_MONTHS);
  return html`<section data-testid="trend"><h2>四、逐月趋势</h2>
    ${monthlyChart({ title: '逐月问题数、未办结数、新发现数', testId: 'chart-trend', periods: charted.map((point) => point.period), series: [
      { label: '问题数', tone: 'series-1', shape: 'columns', values: charted.map((point) => point.findings) },
      { label: '未办结', tone: 'series-2', shape: 'line', values: charted.map((point) => point.open) },
      { label: '新发现', tone: 'series-3', shape: 'line', values: charted.map((point) => point.new) },
    ] })}${data.trend.length > charted.length ? html`<p class="note">图中为最近 ${TREND_CHART_MONTHS} 个月，下表列出全部月份。</p>` : ''}
    <table data-testid="trend-table"><thead><tr><th>月份</th><th class="number">问题数</th><th class="number">未办结</th><th class="number">逾期</th>
      <th class="number">新发现</th><th class="number">整改未到位</th><th class="number">自动销号</th><th class="number">估算多发金额（元）</th></tr></thead><tbody>
      ${data.trend.map((point) => html`<tr data-testid="trend-row" data-period="${point.period}">
        <td>${point.period}${point.backfill ? '（补扫）' : ''}</td><td class="number" data-field="findings">${formatCount(point.findings)}</td>
        <td class="number" data-field="open">${formatCount(point.open)}</td><td class="number" data-field="overdue">${formatCount(point.overdue)}</td>
        <td class="number" data-field="new">${formatCount(point.new)}</td><td class="number" data-field="reopened">${formatCount(point.reopened)}</td>
        <td class="number" data-field="auto-closed">${point.autoClosed === null ? '—' : formatCount(point.autoClosed)}</td>
        <td class="number" data-field="overpayment">${formatYuan(point.overpaymentCents)}</td></tr>`)}
    </tbody></table>
    <p class="note">各月数字为当月扫描时的情况，与当月 findings.csv、summary.json 和扫描时的输出一致，扫描后的修改（办结、标为误报、改动整改时限）都不改变它（本月一行也是，扫描后办结的问题在其中仍计为未办结，扫描后延长整改时限的问题在其中仍计为逾期，与上面按${data.statusMoment.kind === 'month-close' ? '月末' : '生成报告时'}状态计的卡片不同）：问题数含当月未能复查、沿用此前结果的问题（未复查）；未办结 = 新发现、持续、逾期、整改未到位、未复查；逾期 = 其中整改时限（按扫描时的）早于扫描日的；估算多发金额不含扫描时已标为误报的。${data.trend.some((point) => point.backfill) ? BACKFILL_NOTE : ''}</p></section>`;
}
