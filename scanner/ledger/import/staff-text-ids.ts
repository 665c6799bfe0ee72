// The staff text columns of a masked workbook show each ID masked (371329********1071); what staff send back is
// compared, and stored, with the full IDs the ledger holds, never with the masks written over them.
import { idsInText, maskIdsInText } from '../../mask-id.ts';

type StoredValue = string | number | null;

/** A stored value as a masked workbook shows it: the IDs in text masked, anything else as it is. */
export function asShownMasked(value: StoredValue): StoredValue {
  return typeof value === 'string' ? maskIdsInText(value) : value;
}

/**
 * Staff who add "，已上报" to a 备注 showing 「已核实 371329********1071 本人已死亡」 send the mask back with it: each
 * masked number in the new text that is the mask of exactly one ID in the value as exported is that ID again,
 * written as it stood there. A mask of none of them, or of two different IDs (same region and last four digits), is
 * kept as typed: nothing says which person it was. An ID typed in full is the staff's own, and stored as typed.
 */
export function restoreMaskedIds(typed: string, exported: string | null): string {
  if (exported === null) return typed;
  const idsByMask = new Map<string, Map<string, string>>();
  for (const id of idsInText(exported)) {
    const ids = idsByMask.get(id.masked) ?? new Map<string, string>();
    // One person's ID keyed twice, once with spaces, is one ID: kept as it was first written.
    if (!ids.has(id.compact.toUpperCase())) ids.set(id.compact.toUpperCase(), exported.slice(id.start, id.end));
    idsByMask.set(id.masked, ids);
  }
  const restorable = new Map([...idsByMask].filter(([, ids]) => ids.size === 1).map(([mask, ids]) => [mask, [...ids.values()][0]!]));
  if (restorable.size === 0) return typed;
  // Longest first, and never inside a longer number or mask: 371329********1071 is not a piece of 1371329********10712.
  const masks = [...restorable.keys()].sort((a, b) => b.length - a.length).map(escapeForPattern);
  const pattern = new RegExp(String.raw`(?<![0-9*])(?:${masks.join('|')})(?![0-9*])`, 'g');
  return typed.replace(pattern, (mask) => restorable.get(mask)!);
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
