// The report's notice of the checks the month's scan did not run (scanner/ledger/checks-not-run.ts). Until 2026-12-07
// the report left them out: a December scan without 机动车登记信息 showed no new vehicle findings, and nothing said no
// vehicle was checked.
import type { CheckNotRun } from '../ledger/checks-not-run.ts';
import { maskIdsUnless } from '../mask-id.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Shown above the cards, so that no one reads a count without it: a check that did not run found nothing new, and
 * its open findings are carried as 未复查. A custom check's reason may quote its SQL, and an ID in it: masked as the
 * scan's own lines mask it, unless the report is unmasked.
 */
export function checksNotRunNotice(checks: readonly CheckNotRun[], unmask: boolean): SafeHtml {
  if (checks.length === 0) return html``;
  return html`<div class="notice" data-testid="checks-not-run"><strong>本月有 ${checks.length} 项检查未运行</strong>，这些检查没有排查本月数据：
    没有新发现不等于没有问题，原有未办结问题沿用此前结果（未复查）。<ul>
    ${checks.map((check) => html`<li data-check="${check.id}">未运行 ${check.id}：${maskIdsUnless(check.reason, unmask)}</li>`)}
    </ul></div>`;
}
