// The same list read twice: last month's roll or payments left in the input folder beside this month's, or one file
// copied in twice. Several files of one dataset are unioned, so the roll's persons would all come back as paid twice
// (the demo with last month's roll beside it: 2,475 duplicate findings), and a deceased person's payments would be
// counted twice in what the family is asked to pay back. Two parts (files, or sheets of a workbook) that share most of
// the smaller one's persons, payments or balances stop the scan before anything is checked or recorded.
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.ts';

interface RepeatedListRule {
  dataset: 'roll' | 'payments' | 'deposits';
  /** What makes two rows the same person or payment, NULL for a row that cannot be compared. */
  key: string;
  /** What the shared keys are (given their count), and what reading both parts would do. */
  shared: (count: string) => string;
  harm: string;
}

const RULES: readonly RepeatedListRule[] = [
  {
    // Persons 在保 in both: people moved from the 低保 to the 特困 roll stay on the old one as 退保, and that is no list
    // read twice (a roll's copy shares its 在保 persons all the same).
    dataset: 'roll',
    key: 'CASE WHEN active THEN id_number END',
    shared: (count) => `有 ${count} 人相同`,
    harm: '一起读入会把这些人都当作重复享受',
  },
  {
    dataset: 'payments',
    key: `household_id || '|' || strftime(month, '%Y-%m') || '|' || amount_cents`,
    shared: (count) => `有 ${count} 条发放记录（家庭编号、月份、金额）相同`,
    harm: '一起读入会重复计算发放金额',
  },
  {
    // Balances are summed per household: the same feedback twice (a second download, 金融资产核对反馈 (1).csv) doubles them.
    dataset: 'deposits',
    key: `id_number || '|' || balance_cents || '|' || coalesce(strftime(as_of, '%Y-%m-%d'), '')`,
    shared: (count) => `有 ${count} 条存款记录（身份证号码、余额、截止日期）相同`,
    harm: '一起读入会把余额重复相加',
  },
];

/**
 * Below these, two parts sharing rows are left to the checks: a person on both the 低保 and the 特困 roll is a finding
 * (duplicate.dibao-and-tekun), not a list read twice, and a small supplement may repeat a few rows of the main list.
 */
const MIN_SHARED = 20;
const MIN_SHARE_OF_SMALLER = 0.5;

interface Overlap {
  fileA: string;
  sheetA: string | null;
  fileB: string;
  sheetB: string | null;
  shared: number;
  smaller: number;
}

/** Refuses (exit 2) a roll, payment or deposit list whose parts repeat each other; a dataset read from one part costs nothing. */
export async function refuseRepeatedLists(connection: DuckDBConnection, partsOf: (dataset: string) => number): Promise<void> {
  for (const rule of RULES) {
    if (partsOf(rule.dataset) < 2) continue;
    const overlap = await largestOverlap(connection, rule);
    if (!overlap) continue;
    const part = (file: string, sheet: string | null) => `「${file}」${sheet ? `工作表「${sheet}」` : ''}`;
    const share = Math.round((100 * overlap.shared) / overlap.smaller);
    throw new InputError(
      { file: `${overlap.fileA}、${overlap.fileB}` },
      `${part(overlap.fileA, overlap.sheetA)}与${part(overlap.fileB, overlap.sheetB)}${rule.shared(overlap.shared.toLocaleString('en-US'))}` +
        `（占较小一份的 ${share}%），像是同一份名单的两个版本（如上月和本月）或重复放入的文件；${rule.harm} (repeated list)`,
      '请只保留本期的一份：把其他的移出输入文件夹，或在 sweep.json 的 "ignore" 中列出它，再扫描。',
    );
  }
}

async function largestOverlap(connection: DuckDBConnection, rule: RepeatedListRule): Promise<Overlap | null> {
  const reader = await connection.runAndReadAll(`
    WITH keyed AS (SELECT DISTINCT _file, _sheet, ${rule.key} AS k FROM "${rule.dataset}" WHERE ${rule.key} IS NOT NULL),
    parts AS (SELECT _file, _sheet, count(*) AS n FROM keyed GROUP BY ALL),
    shared AS (
      SELECT a._file AS file_a, a._sheet AS sheet_a, b._file AS file_b, b._sheet AS sheet_b, count(*) AS n
      FROM keyed a JOIN keyed b ON a.k = b.k AND (a._file, coalesce(a._sheet, '')) < (b._file, coalesce(b._sheet, ''))
      GROUP BY ALL
    )
    SELECT s.file_a, s.sheet_a, s.file_b, s.sheet_b, s.n::BIGINT AS shared, least(pa.n, pb.n)::BIGINT AS smaller
    FROM shared s
    JOIN parts pa ON pa._file = s.file_a AND pa._sheet IS NOT DISTINCT FROM s.sheet_a
    JOIN parts pb ON pb._file = s.file_b AND pb._sheet IS NOT DISTINCT FROM s.sheet_b
    WHERE s.n >= ${MIN_SHARED} AND s.n >= ${MIN_SHARE_OF_SMALLER} * least(pa.n, pb.n)
    ORDER BY s.n DESC, s.file_a, s.file_b
    LIMIT 1`);
  const row = reader.getRowObjectsJson()[0];
  if (!row) return null;
  return {
    fileA: String(row['file_a']), sheetA: row['sheet_a'] == null ? null : String(row['sheet_a']),
    fileB: String(row['file_b']), sheetB: row['sheet_b'] == null ? null : String(row['sheet_b']),
    shared: Number(row['shared']), smaller: Number(row['smaller']),
  };
}
