// Small inline-SVG charts (no chart library, nothing fetched): horizontal stacked bars and a month-by-month line chart.
// Colours come from the page's CSS classes `fill-<tone>` / `stroke-<tone>`, so they print the same as on screen.
import { formatCount } from './format.ts';
import { html, type SafeHtml } from './html.ts';

export type Tone = 'open' | 'closed' | 'false-positive' | 'auto-closed' | 'series-1' | 'series-2' | 'series-3';

export interface BarRow {
  label: string;
  segments: { value: number; tone: Tone }[];
}

export interface LegendEntry {
  label: string;
  tone: Tone;
}

const WIDTH = 680;
const LABEL_WIDTH = 180;
const VALUE_WIDTH = 60;
const BAR_HEIGHT = 16;
const ROW_HEIGHT = 24;
const LEGEND_HEIGHT = 26;

/** SVG text does not wrap: long place names are cut, the full name stays in the tooltip. */
function fit(label: string, characters: number): string {
  const glyphs = [...label];
  return glyphs.length <= characters ? label : `${glyphs.slice(0, characters - 1).join('')}…`;
}

function legend(entries: readonly LegendEntry[], y: number): SafeHtml[] {
  return entries.map((entry, i) => html`<g transform="translate(${LABEL_WIDTH + i * 120},${y})">
    <rect class="fill-${entry.tone}" width="12" height="12" rx="2"></rect><text class="chart-legend" x="18" y="11">${entry.label}</text></g>`);
}

/** One bar per row, segments stacked left to right; the total is printed at the end of the bar. */
export function stackedBarChart(options: { title: string; rows: readonly BarRow[]; legend: readonly LegendEntry[]; testId: string }): SafeHtml {
  const totals = options.rows.map((row) => row.segments.reduce((sum, segment) => sum + segment.value, 0));
  const largest = Math.max(1, ...totals);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest;
  const height = LEGEND_HEIGHT + options.rows.length * ROW_HEIGHT + 6;
  const bars = options.rows.map((row, i) => {
    const y = LEGEND_HEIGHT + i * ROW_HEIGHT;
    let x = LABEL_WIDTH;
    const segments = row.segments.filter((segment) => segment.value > 0).map((segment) => {
      const width = segment.value * scale;
      const rect = html`<rect class="fill-${segment.tone}" x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}"><title>${row.label}：${formatCount(segment.value)}</title></rect>`;
      x += width;
      return rect;
    });
    return html`<g><text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end"><title>${row.label}</title>${fit(row.label, 12)}</text>
      ${segments}<text class="chart-value" x="${(x + 6).toFixed(1)}" y="${y + 15}">${formatCount(totals[i]!)}</text></g>`;
  });
  return html`<svg class="chart" data-testid="${options.testId}" role="img" aria-label="${options.title}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
    <title>${options.title}</title>${legend(options.legend, 4)}${bars}</svg>`;
}

/** A step of 1, 2 or 5 × 10ⁿ giving about four grid lines up to `largest`. */
function gridStep(largest: number): number {
  const rough = Math.max(1, largest / 4);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * magnitude).find((step) => step >= rough)!;
}

export interface MonthlySeries {
  label: string;
  tone: Tone;
  values: readonly number[];
  /** Columns for the headline count, lines for the rest: two equal series would hide one another as lines. */
  shape: 'columns' | 'line';
}

/** Months along the x axis; each series as columns or as a line with a dot, and its value printed at every month. */
export function monthlyChart(options: { title: string; periods: readonly string[]; series: readonly MonthlySeries[]; testId: string }): SafeHtml {
  const height = 260;
  const left = 50;
  const right = WIDTH - 30;
  const top = LEGEND_HEIGHT + 14;
  const bottom = height - 30;
  const largest = Math.max(1, ...options.series.flatMap((series) => series.values));
  const step = gridStep(largest);
  const ceiling = step * Math.ceil(largest / step);
  // Months sit inside the axes, so the first and last columns clear the y-axis labels and the edge.
  const inset = 50;
  const xOf = (i: number) => (options.periods.length === 1 ? (left + right) / 2
    : left + inset + (i * (right - left - 2 * inset)) / (options.periods.length - 1));
  const yOf = (value: number) => bottom - (value / ceiling) * (bottom - top);
  const grid = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step).map((value) => html`
    <line class="chart-grid" x1="${left}" x2="${right}" y1="${yOf(value).toFixed(1)}" y2="${yOf(value).toFixed(1)}"></line>
    <text class="chart-axis" x="${left - 6}" y="${(yOf(value) + 4).toFixed(1)}" text-anchor="end">${formatCount(value)}</text>`);
  const months = options.periods.map((period, i) =>
    html`<text class="chart-axis" x="${xOf(i).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${period}</text>`);
  const columnWidth = Math.min(40, ((right - left - 2 * inset) / Math.max(1, options.periods.length)) * 0.5);
  const columns = options.series.filter((series) => series.shape === 'columns').map((series) => html`<g>${series.values.map((value, i) => html`
    <rect class="fill-${series.tone}" x="${(xOf(i) - columnWidth / 2).toFixed(1)}" y="${yOf(value).toFixed(1)}" width="${columnWidth.toFixed(1)}" height="${(bottom - yOf(value)).toFixed(1)}"><title>${series.label} ${options.periods[i]}：${formatCount(value)}</title></rect>
    <text class="chart-value" x="${(xOf(i) - columnWidth / 2 - 4).toFixed(1)}" y="${(yOf(value) + 12).toFixed(1)}" text-anchor="end">${formatCount(value)}</text>`)}</g>`);
  const lines = options.series.filter((series) => series.shape === 'line').map((series) => {
    const points = series.values.map((value, i) => `${xOf(i).toFixed(1)},${yOf(value).toFixed(1)}`).join(' ');
    const dots = series.values.map((value, i) => html`<circle class="fill-${series.tone}" cx="${xOf(i).toFixed(1)}" cy="${yOf(value).toFixed(1)}" r="3.5"><title>${series.label} ${options.periods[i]}：${formatCount(value)}</title></circle>
      <text class="chart-value" x="${(xOf(i) + 5).toFixed(1)}" y="${(yOf(value) - 6).toFixed(1)}">${formatCount(value)}</text>`);
    return html`<g><polyline class="stroke-${series.tone}" fill="none" stroke-width="2" points="${points}"></polyline>${dots}</g>`;
  });
  return html`<svg class="chart" data-testid="${options.testId}" role="img" aria-label="${options.title}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
    <title>${options.title}</title>${legend(options.series.map((series) => ({ label: series.label, tone: series.tone })), 4)}${grid}${months}${columns}${lines}</svg>`;
}

/** A single bar filled to part / whole, e.g. the share of findings closed or of the overpayment recovered. */
export function progressBar(options: { title: string; part: number; whole: number; tone: Tone }): SafeHtml {
  const width = 320;
  const filled = options.whole <= 0 ? 0 : Math.min(1, Math.max(0, options.part / options.whole)) * width;
  return html`<svg class="chart" role="img" aria-label="${options.title}" viewBox="0 0 ${width} 14" width="${width}" height="14">
    <title>${options.title}</title><rect class="progress-track" width="${width}" height="14" rx="3"></rect>
    <rect class="fill-${options.tone}" width="${filled.toFixed(1)}" height="14" rx="3"></rect></svg>`;
}
