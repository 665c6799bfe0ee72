// How wide text looks in a spreadsheet column: Chinese characters take two columns' worth, Latin letters and digits one.

/** CJK ideographs, punctuation and full-width forms are drawn twice as wide as ASCII in Excel's default fonts. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/** Tracks the widest text written to each column and turns it into Excel column widths. */
export class ColumnWidths {
  private readonly widest: number[];

  constructor(private readonly limits: readonly { min: number; max: number }[]) {
    this.widest = limits.map(() => 0);
  }

  /** `index` is 0-based. */
  see(index: number, text: string): void {
    const width = displayWidth(text);
    if (width > this.widest[index]!) this.widest[index] = width;
  }

  /** Widths with a little padding, never narrower than `min` nor wider than `max` (longer text wraps). */
  widths(): number[] {
    return this.widest.map((width, i) => Math.min(this.limits[i]!.max, Math.max(this.limits[i]!.min, width + 2)));
  }
}
