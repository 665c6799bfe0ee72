// ID numbers in human-facing outputs are masked by default (ledger.md): 370481********123X.

/** Keeps the first 6 (region) and last 4 characters; anything too short to keep both is masked whole. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// ID numbers quoted inside free text (evidence names the other household's member, or the raw value that failed
// validation) are masked too, so a masked output shows no full ID anywhere.
/**
 * 18-character IDs (valid or not) and 15-digit legacy IDs standing on their own; longer digit runs such as
 * 16-digit 家庭编号 or bank accounts are left alone.
 */
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

export function maskIdsInText(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => maskIdNumber(id));
}
