// The generator's in-memory records: people, households and their roll rows, reference-list rows.
import type { MonthIndex } from './calendar.ts';
import type { Area, County, Village } from './geography.ts';

export type Status = '在保' | '停保' | '退保';
export type Family = '低保' | '特困';

export interface Person {
  /** The true 18-digit ID (what a correct normaliser recovers). */
  readonly id: string;
  readonly name: string;
  readonly male: boolean;
  readonly birth: Date;
  readonly county: County;
}

/** Where a written row ended up: file name inside the output folder and its 1-based line/row number. */
export interface Location {
  file: string;
  line: number;
}

/** A cell written exactly as given, never reformatted by the layout (injected faults live here). */
export type RawCell = { readonly text: string } | { readonly number: number };

export interface RollRow {
  person: Person;
  /** 户主, 本人, 配偶, 子, 女 … */
  relation: string;
  status: Status;
  /** cadre_relative_filed: 是 only on near relatives of cadres whose relation was filed. */
  filed: '是' | '否';
  /** Overrides for injected faults. */
  villageOverride?: Village;
  townshipText?: string;
  /** The 家庭编号 cell as written when a scenario leaves it empty. */
  householdIdText?: string;
  nameText?: string;
  idCell?: RawCell;
  amountCentsOverride?: number;
  location?: Location;
}

export interface PaymentOverride {
  month?: RawCell;
  amount?: RawCell;
  /** 发放状态 of a payment the bank could not make (退回, 失败:账户已销户): refused, so never overpaid. */
  status?: string;
  /** 发放月份 of a month's money paid late (a 补发): the messy 发放明细 states it beside 所属期, which stays the month. */
  paidMonth?: MonthIndex;
  /** Set when written. */
  location?: Location;
}

export interface Household {
  village: Village;
  /** Assigned once the village's households are shuffled. */
  id: string;
  /** The program exactly as written on the roll. */
  program: string;
  /** Null when the program does not normalise (program-unknown). */
  family: Family | null;
  area: Area | null;
  amountCents: number;
  startDate: Date;
  /** First month no longer paid (停保/退保), null while 在保. */
  stopMonth: MonthIndex | null;
  status: Status;
  bankAccount: string;
  /** The 发放账号 cell when a scenario writes it otherwise (a card typed into a number cell). */
  bankAccountCell?: RawCell;
  /** 供养方式 of a 特困 household when a scenario sets it (集中供养: paid into its 敬老院's account); see careModeText. */
  careMode?: string;
  rows: RollRow[];
  paymentOverrides: Map<MonthIndex, PaymentOverride>;
  /** Paid through a bank's 代发 file that names the head (收款人身份证号码), not the 家庭编号. */
  paidByBank?: boolean;
  /** …by a bank's list that names only the account paid (户名, 账号): its rows give no 收款人身份证号码. */
  paidToAccountOnly?: boolean;
  /** Another benefit the same bank file pays every month (高龄津贴): not 低保/特困, never overpaid. */
  otherBenefit?: { item: string; cents: number };
  /** Built by a scenario: background reference rows leave it alone so the answer key stays exact. */
  claimed: boolean;
}

/** A canonical value of a reference-list cell; the layout decides how it is spelled. */
export type FieldValue = string | Date | { readonly cents: number } | { readonly month: MonthIndex } | RawCell | null;

export type ReferenceDataset =
  | 'deaths' | 'prisoners' | 'vehicles' | 'properties' | 'businesses' | 'payroll' | 'deposits' | 'cadres' | 'kinship';

export interface ReferenceRow {
  dataset: ReferenceDataset;
  /** Canonical column name → value; id_number is the true 18-digit ID unless a RawCell. */
  values: Record<string, FieldValue>;
  location?: Location;
}
