// Routes every generated row to its file for the chosen style and records where each row landed.
import { mkdirSync } from 'node:fs';
import type { DatasetName } from '../../../scanner/datasets/catalog.ts';
import { monthNumber, monthYear } from '../calendar.ts';
import type { MonthIndex } from '../calendar.ts';
import type { Township } from '../geography.ts';
import type { FieldValue, Household, Location, PaymentOverride, ReferenceDataset, ReferenceRow, RollRow } from '../model.ts';
import type { Random } from '../random.ts';
import { careModeText } from '../programs.ts';
import { canonicalAmount } from './spellings.ts';
import { canonicalSpec, messyRuralRollSpec, messySpecs } from './file-specs.ts';
import type { Style } from './file-specs.ts';
import { Table } from './table.ts';
import type { FileSummary, TableSpec } from './table.ts';

/** Household fields a clerk writes once, on the head's row, and as 同上 or 〃 on the members' (the messy CSV roll). */
const DITTO_FIELDS = ['county', 'township', 'village', 'village_code', 'household_id', 'program', 'monthly_amount', 'start_date', 'bank_account'];
/** Share of the messy CSV roll's households of two or more written so. */
const DITTO_SHARE = 0.25;

export interface FooterNote {
  location: Location;
  raw: string;
  note: string;
}

export class Layout {
  private readonly tables = new Map<string, Table>();
  private readonly summaries: FileSummary[] = [];
  private readonly messy: ReturnType<typeof messySpecs> | null;
  private ruralRoll: Table | null = null;
  private currentTownship: Township | null = null;
  private serial = 0;
  private urbanRollCents = 0;
  private urbanRollPersons = 0;
  readonly footers: FooterNote[] = [];
  /** Its own stream, so that the choice leaves every other draw (and so the rest of the sample) as it was. */
  private readonly dittoRng: Random;

  constructor(
    readonly style: Style,
    private readonly directory: string,
    private readonly rng: Random,
    private readonly townships: Township[],
    private readonly period: MonthIndex,
  ) {
    mkdirSync(directory, { recursive: true });
    this.dittoRng = rng.fork('ditto');
    this.messy = style === 'messy' ? messySpecs(townships, period) : null;
  }

  private table(key: string, spec: () => TableSpec): Table {
    let table = this.tables.get(key);
    if (!table) {
      table = new Table(spec(), this.directory, this.rng.fork(key));
      this.tables.set(key, table);
    }
    return table;
  }

  private datasetTable(dataset: Exclude<DatasetName, 'roll'>): Table {
    return this.table(dataset, () => (this.messy ? this.messy[dataset] : canonicalSpec(dataset, this.style as 'clean' | 'parquet')));
  }

  /** Messy style: one rural roll workbook per township, closed (with its 制表人 footer) when the next begins. */
  async beginTownship(township: Township): Promise<void> {
    if (!this.messy) return;
    await this.closeRuralRoll();
    this.currentTownship = township;
    const spec = messyRuralRollSpec(township, this.period, this.townships.length === 1);
    this.ruralRoll = new Table(spec, this.directory, this.rng.fork(spec.file));
  }

  private async closeRuralRoll(): Promise<void> {
    if (!this.ruralRoll) return;
    const text = `制表单位：${this.currentTownship!.name}民政办    审核人：    制表日期：${monthYear(this.period)}年${monthNumber(this.period)}月8日`;
    this.footers.push({ location: this.ruralRoll.writeFooter([text]), raw: text, note: '制表单位 footer row below the data: not a data row' });
    this.summaries.push(await this.ruralRoll.close());
    this.ruralRoll = null;
  }

  /** Messy style: rural 低保 households go to the township workbook, the rest (城市低保, all 特困) to the CSV. */
  private rollTable(toWorkbook: boolean): Table {
    if (toWorkbook) return this.ruralRoll!;
    if (this.messy) return this.table('urbanRoll', () => this.messy!.urbanRoll);
    return this.table('roll', () => canonicalSpec('roll', this.style as 'clean' | 'parquet'));
  }

  writeHousehold(household: Household): void {
    const toWorkbook = this.messy !== null && household.family === '低保' && household.area === 'rural';
    const table = this.rollTable(toWorkbook);
    // The CSV export leaves 在保 and 否 empty for some households (empty means the default).
    const terse = this.messy !== null && !toWorkbook && this.rng.chance(0.3);
    const ditto = this.messy !== null && !toWorkbook && household.rows.length > 1 && this.dittoRng.chance(DITTO_SHARE);
    let above: Record<string, FieldValue> | null = null;
    household.rows.forEach((row, index) => {
      const amountHere = row.amountCentsOverride ?? (toWorkbook && index > 0 ? null : household.amountCents);
      const values = this.rollRecord(household, row, amountHere, terse);
      const record = ditto && above ? this.withDittoMarks(values, above) : values;
      above = values;
      if (!toWorkbook && this.messy) {
        this.serial += 1;
        record['serial'] = String(this.serial);
        this.urbanRollPersons += 1;
        if (amountHere !== null && index === 0) this.urbanRollCents += amountHere;
      }
      row.location = table.write(record);
    });
  }

  /** 同上 (or 〃) wherever a household field repeats the row above; a member's own village or amount (an anomaly) stays. */
  private withDittoMarks(record: Record<string, FieldValue>, above: Record<string, FieldValue>): Record<string, FieldValue> {
    const marked = { ...record };
    for (const field of DITTO_FIELDS) {
      if (record[field] !== null && sameValue(record[field]!, above[field] ?? null)) marked[field] = { text: this.dittoRng.chance(0.3) ? '〃' : '同上' };
    }
    return marked;
  }

  private rollRecord(household: Household, row: RollRow, amountCents: number | null, terse: boolean): Record<string, FieldValue> {
    const village = row.villageOverride ?? household.village;
    return {
      county: village.township.county.name,
      township: row.townshipText ?? village.township.name,
      village: village.name,
      village_code: village.code,
      household_id: row.householdIdText ?? household.id,
      name: row.nameText ?? row.person.name,
      id_number: row.idCell ?? row.person.id,
      relation: row.relation,
      program: household.program,
      monthly_amount: amountCents === null ? null : { cents: amountCents },
      start_date: household.startDate,
      status: terse && row.status === '在保' ? null : row.status,
      bank_account: household.bankAccountCell ?? household.bankAccount,
      care_mode: careModeText(household),
      cadre_relative_filed: terse && row.filed === '否' ? null : row.filed,
    };
  }

  writePayment(household: Household, month: MonthIndex, override?: PaymentOverride): void {
    const bank = household.paidByBank === true;
    const location = this.paymentTable(household).write({
      household_id: bank ? null : household.id,
      payee_id: bank && !household.paidToAccountOnly ? household.rows[0]!.person.id : null,
      payee_account: bank ? household.bankAccount : null,
      head_name: household.rows[0]!.person.name,
      item: bank ? (household.family === '特困' ? '特困供养金' : '低保金') : null,
      month: override?.month ?? { month },
      paid_month: { month: override?.paidMonth ?? month },
      amount: override?.amount ?? { cents: household.amountCents },
      // A 代发 file states every row's result; the clean files leave the paid ones empty.
      status: override?.status ?? (this.style === 'messy' ? '成功' : null),
    });
    if (override) override.location = location;
  }

  /** The month's payment of the household's other benefit (高龄津贴), by the same bank file. */
  writeOtherBenefit(household: Household, month: MonthIndex): void {
    this.paymentTable(household).write({
      household_id: null, payee_id: household.rows[0]!.person.id, payee_account: household.bankAccount, head_name: household.rows[0]!.person.name,
      item: household.otherBenefit!.item, month: { month }, amount: { cents: household.otherBenefit!.cents }, status: this.style === 'messy' ? '成功' : null,
    });
  }

  /** A bank's 代发 file names the head (or only his account) instead of the 家庭编号: its own workbook in the messy sample. */
  private paymentTable(household: Household): Table {
    return household.paidByBank && this.messy ? this.table('bankPayments', () => this.messy!.bankPayments) : this.datasetTable('payments');
  }

  writeReference(row: ReferenceRow): void {
    row.location = this.datasetTable(row.dataset as ReferenceDataset).write(row.values);
  }

  async close(): Promise<FileSummary[]> {
    await this.closeRuralRoll();
    const urbanRoll = this.tables.get('urbanRoll');
    if (urbanRoll) {
      const cells = urbanRoll.spec.columns.map((column) =>
        column.field === 'serial' ? '合计' : column.field === 'name' ? `共${this.urbanRollPersons}人` : column.field === 'monthly_amount' ? canonicalAmount(this.urbanRollCents) : null);
      this.footers.push({ location: urbanRoll.writeFooter(cells), raw: cells.map((cell) => cell ?? '').join(','), note: '合计 footer row: totals, not a data row' });
    }
    for (const table of this.tables.values()) this.summaries.push(await table.close());
    return this.summaries.sort((a, b) => a.file.localeCompare(b.file));
  }
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}
