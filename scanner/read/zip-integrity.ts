// Checks an XLSX (a zip) entry by entry — every part inflated and its CRC-32 compared — before exceljs reads it.
// exceljs' streaming reader loses some inflate errors and then simply never finishes; a damaged file must be
// refused with a message instead (found by tests/reliability). The scan's own reader checks each part as it reads it.
import { entryChunks, locatedEntries, ZipEntryDamage } from './zip-entry.ts';

/** The reason the zip is damaged, or null when every entry inflates to its recorded size and CRC. */
export async function zipDamage(path: string): Promise<string | null> {
  const entries = await locatedEntries(path);
  if (typeof entries === 'string') return entries;
  for (const entry of entries) {
    try {
      for await (const _chunk of entryChunks(path, entry));
    } catch (error) {
      if (error instanceof ZipEntryDamage) return error.message;
      throw error;
    }
  }
  return null;
}
