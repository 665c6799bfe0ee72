// Monthly payments (发放明细) of a household and the deceased overpayment that checks.md defines over them.
import type { MonthIndex } from './calendar.ts';
import { monthOf } from './calendar.ts';
import type { Household } from './model.ts';

export const PAYMENT_MONTHS = 12;

/** Months paid: the 12 months ending at the period, from the start month, until the stop month. */
export function paidMonths(household: Household, period: MonthIndex): MonthIndex[] {
  const first = Math.max(period - PAYMENT_MONTHS + 1, monthOf(household.startDate));
  const last = household.stopMonth === null ? period : Math.min(period, household.stopMonth - 1);
  const months: MonthIndex[] = [];
  for (let month = first; month <= last; month++) months.push(month);
  return months;
}

/**
 * One member's share of one payment, in cents: amount ÷ members, rounded half up to the cent.
 * Done per payment in integer cents so the total never drifts (the rounding rule of the answer key).
 */
export function shareCents(amountCents: number, members: number): number {
  return Math.floor((2 * amountCents + members) / (2 * members));
}

/**
 * checks.md deceased.recipient: for each payment for a month after the month of death up to and
 * including the period, the amount paid ÷ the household's members on the roll; summed. A month written otherwise (a
 * refused row: unreadable, or returned by the bank) was not paid.
 */
export function deceasedOverpaymentCents(household: Household, death: Date, period: MonthIndex): number {
  const deathMonth = monthOf(death);
  let total = 0;
  for (const month of paidMonths(household, period)) {
    if (month > deathMonth && !household.paymentOverrides.has(month)) total += shareCents(household.amountCents, household.rows.length);
  }
  return total;
}
