// What the month's ledger says of the open findings a skipped check leaves unjudged (未复查：…, carry-over.ts).
import type { Config } from '../config/schema.ts';
import { datasetSpec, type DatasetName } from '../datasets/catalog.ts';
import type { DatasetCounts } from '../load/load-inputs.ts';
import type { CheckDefinition } from './define-check.ts';
import type { CheckOutcome } from './run-checks.ts';

/**
 * Why each check that did not run leaves its open findings unjudged, in the words of the month's ledger (未复查：…):
 * the lists it needs that were not delivered this month, or why it was skipped (skipReason: disabled in config first).
 */
export function notRunReasons(
  checks: readonly CheckDefinition[], outcomes: readonly CheckOutcome[], datasets: Record<DatasetName, DatasetCounts>, config: Config,
): { id: string; reason: string }[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return outcomes.filter((o) => !o.ran).map((outcome) => {
    const absent = config.checks[outcome.id]?.enabled === false ? []
      : (byId.get(outcome.id)?.inputs ?? []).filter((dataset) => datasets[dataset].files.length === 0);
    return {
      id: outcome.id,
      reason: absent.length > 0
        ? `本月缺少${absent.map((dataset) => datasetSpec(dataset).label).join('、')}`
        // '配置中已停用 (disabled in config)' → 检查未运行（配置中已停用）
        : `检查未运行（${(outcome.reason ?? '').replace(/ \([^)]*\)$/, '')}）`,
    };
  });
}
