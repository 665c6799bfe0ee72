// How the report writes numbers: yuan from exact cents with thousands separators, counts, shares.

/** 1234567 cents → "12,345.67"; integer arithmetic, so no floating-point rounding and no locale surprises. */
export function formatYuan(cents: number): string {
  const absolute = Math.abs(Math.round(cents));
  const yuan = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}${yuan}.${String(absolute % 100).padStart(2, '0')}`;
}

export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A share as "42.5%", or "—" when there is nothing to divide (no findings is not 0% done). */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}
