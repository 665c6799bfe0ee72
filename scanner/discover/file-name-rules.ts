// Step 2 of dataset discovery: the datasets a file name points to, by English stem or Chinese keyword.
import { DATASETS, type DatasetName } from '../datasets/catalog.ts';

/**
 * 低保/特困 also appear in names of payment lists and the like (低保发放明细), so `roll`
 * counts only when no other dataset's keyword is in the name.
 */
export function datasetsNamedBy(fileName: string): DatasetName[] {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const hits = (name: DatasetName) => nameCarriesKeyword(stem, name);
  const others = DATASETS.map((d) => d.name).filter((name) => name !== 'roll' && hits(name));
  if (others.length > 0) return others;
  return hits('roll') ? ['roll'] : [];
}

/** Whether a name (a file's stem, a workbook sheet's) holds one of the dataset's file keywords (死亡 for deaths). */
export function nameCarriesKeyword(name: string, dataset: DatasetName): boolean {
  const lower = name.toLowerCase();
  return DATASETS.find((d) => d.name === dataset)!.fileKeywords.some((keyword) => lower.includes(keyword.toLowerCase()));
}
