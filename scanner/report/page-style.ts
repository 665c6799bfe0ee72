// The report's inline stylesheet: system fonts only (nothing fetched), colours that survive printing, A4 pages.
import { SafeHtml } from './html.ts';

const CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee3; --open: #c0392b; --closed: #2e7d32; --false-positive: #9e9e9e;
  --auto-closed: #5c8dc4; --series-1: #9fbfdf; --series-2: #c0392b; --series-3: #e69b00; --warn-bg: #fdecea; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px 28px 40px; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1f4e79; }
.meta, .note { color: var(--muted); font-size: 12px; }
.note { margin: 6px 0 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .detail { font-size: 12px; color: var(--muted); }
.card.alert .value { color: var(--open); }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.evidence { min-width: 220px; overflow-wrap: anywhere; }
td.check { min-width: 7.5em; }
td.nowrap { white-space: nowrap; }
td.place, td.name { white-space: nowrap; }
td.note { min-width: 80px; overflow-wrap: anywhere; }
td.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 11px; white-space: nowrap; }
tr.overdue td { background: var(--warn-bg); }
.notice { border: 1px solid var(--open); background: var(--warn-bg); border-radius: 6px; padding: 8px 12px; margin: 8px 0 12px; }
.notice ul { margin: 4px 0 0; padding-left: 20px; }
.chart { max-width: 100%; height: auto; display: block; margin: 4px 0; }
.chart-label, .chart-axis, .chart-legend { font-size: 12px; fill: var(--ink); }
.chart-value { font-size: 11px; fill: var(--muted); }
.chart-grid { stroke: var(--line); stroke-width: 1; }
.progress-track { fill: #eef1f4; }
.fill-open { fill: var(--open); } .fill-closed { fill: var(--closed); } .fill-false-positive { fill: var(--false-positive); }
.fill-auto-closed { fill: var(--auto-closed); } .fill-series-1 { fill: var(--series-1); } .fill-series-2 { fill: var(--series-2); }
.fill-series-3 { fill: var(--series-3); }
.stroke-series-1 { stroke: var(--series-1); } .stroke-series-2 { stroke: var(--series-2); } .stroke-series-3 { stroke: var(--series-3); }
.two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 800px) { .two-columns { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 12mm 10mm; }
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  /* Sections may run over pages; a chart, a card or a table row never splits. */
  .chart, tr, .card, .two-columns { break-inside: avoid; }
  thead { display: table-header-group; }
  .two-columns { grid-template-columns: 1fr 1fr; }
}
`;

export const PAGE_STYLE = new SafeHtml(CSS);
