// The whole report as one self-contained HTML document: inline CSS and SVG, no script, and a Content-Security-Policy
// that forbids every fetch, so the file shows the same offline and cannot be made to call anywhere.
import { format } from 'date-fns';
import { NO_TOWNSHIP } from '../export/ledger-workbook/names.ts';
import { ROLLSWEEP_VERSION } from '../version.ts';
import { html, type SafeHtml } from './html.ts';
import { PAGE_STYLE } from './page-style.ts';
import type { ReportData } from './report-data.ts';
import { openHighSection, villageTableSection } from './detail-tables.ts';
import { statusMomentLabel, statusMomentText } from './month-close.ts';
import { checksNotRunNotice } from './checks-not-run.ts';
import { distributionSection, progressSection, totalsSection, trendSection } from './summary-sections.ts';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderReport(data: ReportData, options: { unmask: boolean; generatedAt: Date }): string {
  const title = [placeName(data), `社会救助对象排查整改报告（${data.period}）`].filter(Boolean).join(' ');
  const page: SafeHtml = html`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rollsweep ${ROLLSWEEP_VERSION}">
<title>${title}</title>
<style>${PAGE_STYLE}</style></head>
<body>
<header><h1 data-testid="title">${title}</h1>
<p class="meta">扫描月份 <span data-testid="period">${data.period}</span> · 扫描日期 ${data.scannedAsOf ?? '—'} · 逾期按 <span data-testid="as-of">${data.asOf}</span> 计
 · 整改状态截至 <span data-testid="status-as-of">${statusMomentLabel(data.statusMoment, options.generatedAt)}</span>
 · 上期 ${data.previousPeriod ?? '无'} · 运行编号 ${data.runId} · 生成于 ${format(options.generatedAt, 'yyyy-MM-dd HH:mm')}
 · ${options.unmask ? '身份证号未遮挡，注意保密' : '身份证号已遮挡'}</p></header>
<main>
${totalsSection(data, checksNotRunNotice(data.checksNotRun, options.unmask))}
${distributionSection(data)}
${progressSection(data)}
${trendSection(data)}
${villageTableSection(data)}
${openHighSection(data, options.unmask)}
</main>
<footer><h2>口径说明</h2><ul class="note">
<li>问题数：本月扫描发现的问题（不含“提示”级清单），加上本月扫描自动销号的问题；与本月整改台账工作簿的行一致。</li>
<li>${statusMomentText(data.statusMoment, options.generatedAt)}未办结：待核实、核实中；已办结：已整改、已清退、已追回、已备案；误报与自动销号单列。</li>
<li>办结率 =（已办结 + 自动销号）÷（问题数 − 误报）。逾期：未办结，且整改时限早于 ${data.asOf}（延期后未到期的不算）。</li>
<li>应追回金额为扫描估算的多发金额（不含误报）；已追回金额为各村填报的数字。金额单位为元。两者都含此前各月发现、已不在本月台账中的问题（已办结、误报或自动销号；应追回按其最后一次扫描的估算）：问题办结后追回的钱仍计入，尚未追回的仍在应追回中；也含本月扫描后才由补扫发现或由工作人员重新打开、未列入本月台账的未办结问题。不含这些问题的本月部分与本月整改台账工作簿汇总表一致。</li>
</ul><p class="meta">由 rollsweep ${ROLLSWEEP_VERSION} 生成。本文件含困难群众个人信息，请按规定保管，不得外传。</p></footer>
</body></html>
`;
  return page.markup;
}

/** The townships the ledger rows cover, for the title: a county-wide report names a few and counts the rest. */
function placeName(data: ReportData): string {
  const townships = [...new Set(data.villages.map((village) => village.township))].filter((name) => name !== NO_TOWNSHIP);
  if (townships.length === 0) return '';
  return townships.length <= 3 ? townships.join('、') : `${townships.slice(0, 3).join('、')}等 ${townships.length} 个乡镇`;
}
