// The answer key: every finding the scanner must raise, every decoy it must not, resolved to IDs, files and lines.
import type { Household, Location, Person } from './model.ts';

/** Anything that was written somewhere: a roll row, a reference row, a payment override. */
export interface Located {
  location?: Location;
}

export interface ExpectedSpec {
  checkId: string;
  /** Subject; null for an unrecoverable ID. Its normalised (18-digit) ID goes in the key. */
  person: Person | null;
  household: Household | null;
  /** The row the finding points at, when it is about one row (data-quality faults). */
  row?: Located;
  raw?: string;
  /** Computed when the key is written, once every payment is known. */
  overpaymentCents?: () => number;
  note: string;
}

export interface DecoySpec {
  kind: string;
  /** Checks that must not flag this subject because of this fact. */
  mustNotFlag: string[];
  person: Person | null;
  household: Household | null;
  row?: Located;
  note: string;
}

export interface ExpectedEntry {
  check_id: string;
  id_number: string | null;
  household_id: string | null;
  file?: string;
  line?: number;
  raw?: string;
  overpayment_cents?: number;
  note: string;
}

export interface DecoyEntry {
  kind: string;
  must_not_flag: string[];
  id_number: string | null;
  household_id: string | null;
  file?: string;
  line?: number;
  note: string;
}

export interface NonDataRow {
  file: string;
  line: number;
  raw: string;
  note: string;
}

function locate(row: Located | undefined): { file?: string; line?: number } {
  return row?.location ? { file: row.location.file, line: row.location.line } : {};
}

export class AnswerKey {
  private readonly expected: ExpectedSpec[] = [];
  private readonly decoys: DecoySpec[] = [];
  private readonly nonData: NonDataRow[] = [];

  expect(spec: ExpectedSpec): void {
    this.expected.push(spec);
  }

  decoy(spec: DecoySpec): void {
    this.decoys.push(spec);
  }

  nonDataRow(row: NonDataRow): void {
    this.nonData.push(row);
  }

  resolveExpected(): ExpectedEntry[] {
    return this.expected.map((spec) => {
      const overpayment = spec.overpaymentCents?.();
      return {
        check_id: spec.checkId,
        id_number: spec.person?.id ?? null,
        household_id: spec.household?.id ?? null,
        ...locate(spec.row),
        ...(spec.raw === undefined ? {} : { raw: spec.raw }),
        ...(overpayment === undefined ? {} : { overpayment_cents: overpayment }),
        note: spec.note,
      };
    }).sort(compareEntries);
  }

  resolveDecoys(): DecoyEntry[] {
    return this.decoys.map((spec) => ({
      kind: spec.kind,
      must_not_flag: spec.mustNotFlag,
      id_number: spec.person?.id ?? null,
      household_id: spec.household?.id ?? null,
      ...locate(spec.row),
      note: spec.note,
    })).sort((a, b) => a.kind.localeCompare(b.kind) || compareEntries(a, b));
  }

  nonDataRows(): NonDataRow[] {
    return [...this.nonData];
  }
}

type Sortable = { household_id: string | null; id_number: string | null; file?: string; line?: number; check_id?: string };

function compareEntries(a: Sortable, b: Sortable): number {
  return (a.check_id ?? '').localeCompare(b.check_id ?? '')
    || (a.household_id ?? '').localeCompare(b.household_id ?? '')
    || (a.id_number ?? '').localeCompare(b.id_number ?? '')
    || (a.file ?? '').localeCompare(b.file ?? '')
    || (a.line ?? 0) - (b.line ?? 0);
}
