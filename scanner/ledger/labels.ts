// Chinese names of categories and severities for the workbooks, sheets and report.
import type { CATEGORIES, Severity } from '../engine/define-check.ts';

export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  deceased: '死亡人员仍享受救助',
  imprisoned: '服刑人员仍享受救助',
  over_asset: '财产状况超标',
  duplicate: '重复享受',
  cadre_relative: '干部近亲属',
  data_quality: '数据质量',
};

export const SEVERITY_LABELS: Record<Severity, string> = { high: '高', medium: '中', low: '低', info: '提示' };

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}
