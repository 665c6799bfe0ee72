// What the month's ledger says of the open findings a skipped check leaves unjudged (未复查：…, carry-over.ts).
import { datasetSpec } from '../datasets/catalog.ts';
import type { CheckDefinition } from './define-check.ts';
import { skipReason, type CheckOutcome, type CheckRunContext } from './run-checks.ts';

/**
 * Why each check that did not run leaves its open findings unjudged, in the words of the month's ledger (未复查：…):
 * the lists it needs that were not delivered this month, or why it was skipped — as skipReason gave it, which it asks again.
 */
export function notRunReasons(
  checks: readonly CheckDefinition[], outcomes: readonly CheckOutcome[], context: CheckRunContext,
): { id: string; reason: string }[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return outcomes.filter((o) => !o.ran).map((outcome) => {
    const check = byId.get(outcome.id);
    const absent = (check && skipReason(check, context)?.absent) ?? [];
    return {
      id: outcome.id,
      reason: absent.length > 0
        ? `本月缺少${absent.map((dataset) => datasetSpec(dataset).label).join('、')}`
        // '配置中已停用 (disabled in config)' → 检查未运行（配置中已停用）
        : `检查未运行（${(outcome.reason ?? '').replace(/ \([^)]*\)$/, '')}）`,
    };
  });
}
