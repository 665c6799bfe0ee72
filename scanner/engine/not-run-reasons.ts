// What the month's ledger says of the open findings a skipped check leaves unjudged (未复查：…, carry-over.ts).
import { datasetSpec } from '../datasets/catalog.ts';
import type { CheckDefinition } from './define-check.ts';
import { skipReason, type CheckOutcome, type CheckRunContext } from './run-checks.ts';

/**
 * Why each check that did not run leaves its open findings unjudged, in the words of the month's ledger (未复查：…):
 * the lists it needs that were not delivered this month, or why it was skipped — as skipReason gave it, which it asks again.
 * A custom check that ran with rows refused is among them: what it did not look at may still be there.
 */
export function notRunReasons(
  checks: readonly CheckDefinition[], outcomes: readonly CheckOutcome[], context: CheckRunContext,
): { id: string; reason: string }[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return outcomes.filter((o) => !o.ran || o.refused).map((outcome) => {
    // A custom check some of whose rows were refused ran, but did not look at everything (run-checks.ts).
    if (outcome.ran) return { id: outcome.id, reason: `自定义检查项有 ${outcome.refused!.reduce((n, r) => n + r.rows, 0)} 行结果无效，本月未完整复查` };
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
