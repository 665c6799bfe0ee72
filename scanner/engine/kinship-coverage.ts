// The cadre_relative checks run without a kinship list (亲属关系): sharing the cadre's roll household proves a near
// relative by itself. A supervisor must know that the relatives in other households were then not looked for.
import type { DatasetCounts, LoadWarning } from '../load/load-inputs.ts';
import type { DatasetName } from '../datasets/catalog.ts';
import type { CheckOutcome } from './run-checks.ts';

const KINSHIP_CHECKS = ['cadre_relative.unfiled', 'cadre_relative.filed'];

export function missingKinshipWarnings(outcomes: readonly CheckOutcome[], datasets: Record<DatasetName, DatasetCounts>): LoadWarning[] {
  const ran = outcomes.filter((o) => o.ran && KINSHIP_CHECKS.includes(o.id)).map((o) => o.id);
  if (ran.length === 0 || datasets.kinship.files.length > 0) return [];
  return [{
    file: '亲属关系（未提供）',
    message: `没有亲属关系名单，干部近亲属（${ran.join('、')}）只按与干部同在一个在保家庭核查；不在同一户的配偶、父母、子女、兄弟姐妹等未核查，请向公安部门索取亲属关系名单后再扫描`,
  }];
}
