// deceased.recipient: dead people still paid (hits, with the exact overpayment) and the near-misses that are not.
import { addDays, dayOf, firstDay, isoDate, lastDay, monthOf } from '../calendar.ts';
import { toLegacy15 } from '../id-number.ts';
import type { Household, Person } from '../model.ts';
import { alteredName, nameVariant } from '../names.ts';
import { deceasedOverpaymentCents } from '../payments.ts';
import { DEATH_SOURCES, deathRow } from '../references.ts';
import type { Scenario, ScenarioContext } from './context.ts';

const CHECK = 'deceased.recipient';

function dayIn(context: ScenarioContext, monthOffset: number): Date {
  return dayOf(context.period + monthOffset, context.rng.int(1, 28));
}

/** Admitted well before dying, so the story holds together. */
function admitBefore(context: ScenarioContext, household: Household, death: Date): void {
  if (household.startDate.getTime() > addDays(death, -200).getTime()) household.startDate = addDays(death, -200 - context.rng.int(0, 900));
}

/** The subject's death record, and the finding it must give with the household's exact overpayment. */
function expectDeath(context: ScenarioContext, household: Household, subject: Person, death: Date, note: string): void {
  const row = context.reference(deathRow(subject, death, context.rng.pick(DEATH_SOURCES)));
  context.key.expect({ checkId: CHECK, person: subject, household, row, note, overpaymentCents: () => deceasedOverpaymentCents(household, death, context.period) });
}

export const deceasedHit: Scenario = {
  kind: 'deceased.hit', variants: 8, weight: 5,
  run(context, variant) {
    const { rng, key, period } = context;
    const family = variant === 1 ? '特困' : '低保';
    const household = context.household(
      variant === 1 ? { family, shape: 'single' }
        : variant === 3 || variant === 5 || variant === 6 ? { family, shape: 'elderCouple' }
          : { family, minSize: variant === 0 ? 3 : 2 },
    );
    const subjectRow = household.rows[variant === 1 || variant === 3 ? 0 : 1]!;
    const subject = subjectRow.person;
    // v2 dies within the period (nothing overpaid yet); v3 before the payment window (all 12 months overpaid).
    const offsets = [-5, -8, 0, -14, -rng.int(1, 9), -rng.int(1, 9), -3, -rng.int(1, 9)];
    const death = dayIn(context, offsets[variant]!);
    admitBefore(context, household, death);
    const source = rng.pick(DEATH_SOURCES);
    let spelled: string | undefined;
    let note = `died ${isoDate(death)} (${source}), still 在保; paid after the month of death`;
    if (variant === 4) {
      spelled = alteredName(rng, subject.name, subject.male);
      note += `; death record names ${spelled}, roll ${subject.name} (需核实身份)`;
      key.expect({ checkId: 'data_quality.id-name-conflict', person: subject, household, note: `roll ${subject.name} vs deaths ${spelled}` });
    }
    if (variant === 5) {
      subjectRow.idCell = { text: toLegacy15(subject.id) };
      note += '; roll row has the legacy 15-digit ID, the death record the 18-digit one';
      key.expect({ checkId: 'data_quality.id-legacy', person: subject, household, row: subjectRow, raw: toLegacy15(subject.id), note: '15-digit ID on the roll' });
    }
    if (variant === 6) {
      // An odd number of cents over two members: each share ends in half a cent, rounded up.
      if (household.amountCents % 2 === 0) household.amountCents += 1;
      note += '; each share is x.xx5 元, rounded half up per payment';
    }
    if (variant === 7) {
      spelled = nameVariant(rng, subject.name) ?? subject.name;
      note += `; death record spells the name ${spelled} (same name after normalisation: no id-name-conflict)`;
    }
    const row = context.reference(deathRow(subject, death, source, spelled));
    key.expect({
      checkId: CHECK, person: subject, household, row, note,
      overpaymentCents: () => deceasedOverpaymentCents(household, death, period),
    });
  },
};

export const deceasedDecoy: Scenario = {
  kind: 'deceased.decoy', variants: 4, weight: 3,
  run(context, variant) {
    const { rng, key, period } = context;
    if (variant === 0) {
      const household = context.household({ family: '低保', minSize: 2 });
      const subject = household.rows[1]!.person;
      const death = dayOf(period + 1, rng.int(1, 28));
      const row = context.reference(deathRow(subject, death, rng.pick(DEATH_SOURCES)));
      key.decoy({ kind: 'death-after-period', mustNotFlag: [CHECK], person: subject, household, row, note: `died ${isoDate(death)}, after P.end ${isoDate(lastDay(period))}` });
    } else if (variant === 1) {
      const household = context.household({ family: '低保', minSize: 1 });
      const recipient = household.rows[0]!.person;
      const namesake = context.people.namesake(rng, recipient.county, recipient);
      const row = context.reference(deathRow(namesake, dayIn(context, -4), rng.pick(DEATH_SOURCES)));
      key.decoy({ kind: 'death-same-name-other-person', mustNotFlag: [CHECK, 'data_quality.id-name-conflict'], person: recipient, household, row, note: `${namesake.name} ${namesake.id} died; the recipient of the same name has another ID` });
    } else if (variant === 2) {
      const household = context.household({ family: '低保', minSize: 3 });
      const deadRow = household.rows[1]!;
      deadRow.status = '停保';
      context.householdFactory.reprice(rng, household, household.rows.length - 1);
      const death = dayIn(context, -6);
      const row = context.reference(deathRow(deadRow.person, death, rng.pick(DEATH_SOURCES)));
      key.decoy({ kind: 'death-row-stopped', mustNotFlag: [CHECK], person: deadRow.person, household, row, note: `died ${isoDate(death)}; that member's row is 停保, the rest of the household still 在保` });
    } else {
      const household = context.household({ family: rng.chance(0.5) ? '特困' : '低保', shape: 'single', status: '停保' });
      const death = dayIn(context, -5);
      household.stopMonth = monthOf(death) + 1;
      const subject = household.rows[0]!.person;
      const row = context.reference(deathRow(subject, death, rng.pick(DEATH_SOURCES)));
      key.decoy({ kind: 'death-household-stopped', mustNotFlag: [CHECK], person: subject, household, row, note: `died ${isoDate(death)}; household 停保 and unpaid from ${isoDate(firstDay(household.stopMonth))}` });
    }
  },
};

/** 公安's 注销户籍 list cancels 户口 for other reasons than death: a recipient listed so is not dead. */
export const cancelledNotDead: Scenario = {
  kind: 'deceased.cancelled-not-dead', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const household = context.household({ family: '低保', minSize: 2 });
    const subject = household.rows[1]!.person;
    const reason = variant === 0 ? rng.pick(['迁出', '户口迁往外省']) : rng.pick(['参军入伍', '出国（境）定居', '重复户口']);
    const cancelled = dayIn(context, -rng.int(1, 9));
    const row = context.reference(deathRow(subject, cancelled, '公安户籍注销', undefined, reason));
    key.decoy({ kind: 'cancelled-not-dead', mustNotFlag: [CHECK], person: subject, household, row, note: `户口 cancelled ${isoDate(cancelled)} for ${reason}, not death: refused as out of scope` });
  },
};

/**
 * A dead head's account is closed, so the bank returns the household's last payments (发放状态 退回, 失败:账户已销户):
 * only the payments made count in what the family is asked to repay.
 */
export const deceasedPaymentReturned: Scenario = {
  kind: 'deceased.payment-returned', variants: 1, weight: 1,
  run(context) {
    const { rng, period } = context;
    const household = context.household({ family: '低保', minSize: 2 });
    const subject = household.rows[0]!.person;
    const death = dayIn(context, -rng.int(4, 7));
    admitBefore(context, household, death);
    const returned = rng.int(1, 2);
    for (let month = period - returned + 1; month <= period; month++) household.paymentOverrides.set(month, { status: rng.pick(['退回', '失败:账户已销户']) });
    expectDeath(context, household, subject, death, `head died ${isoDate(death)}; the bank returned the last ${returned} month(s) of payments, which are not overpaid`);
  },
};

/** A household the bank pays through its head's ID (代发 file without 家庭编号): the payments still reach the overpayment. */
export const deceasedPaidByBank: Scenario = {
  kind: 'deceased.paid-by-bank', variants: 2, weight: 1,
  run(context, variant) {
    const { rng } = context;
    // v0: a 特困 person living alone, paid into his own account after his death; v1: a 低保 wife, paid through her husband.
    const household = context.household(variant === 0 ? { family: '特困', shape: 'single' } : { family: '低保', shape: 'elderCouple' });
    household.paidByBank = true;
    // The same account gets the 高龄津贴 of an old man living alone: not 低保/特困, so never asked back.
    if (variant === 0) household.otherBenefit = { item: '高龄津贴', cents: 10000 };
    const subject = household.rows[variant]!.person;
    const death = dayIn(context, -rng.int(2, 6));
    admitBefore(context, household, death);
    expectDeath(context, household, subject, death,
      `died ${isoDate(death)}; the household is paid by a bank file naming the head's ID, not the 家庭编号${variant === 0 ? ', with a 高龄津贴 beside it' : ''}`);
  },
};

/** A 低保 wife died; the household is paid by a bank's list that names only the account (户名, 账号), not even the head's ID. */
export const deceasedPaidToAccount: Scenario = {
  kind: 'deceased.paid-to-account', variants: 1, weight: 1,
  run(context) {
    const { rng } = context;
    const household = context.household({ family: '低保', shape: 'elderCouple' });
    household.paidByBank = true;
    household.paidToAccountOnly = true;
    const subject = household.rows[1]!.person;
    const death = dayIn(context, -rng.int(2, 6));
    admitBefore(context, household, death);
    expectDeath(context, household, subject, death, `died ${isoDate(death)}; the household is paid by a bank list naming only its account (发放账号)`);
  },
};

/**
 * The month a man died in was paid late, in the month after (a 补发): the messy 发放明细 states 发放月份 beside 所属期. It is
 * that month's money, not paid after his death (死亡次月起停发); read by 发放月份 it was one more month overpaid.
 */
export const deceasedBackPay: Scenario = {
  kind: 'deceased.back-pay', variants: 1, weight: 1,
  run(context) {
    const { rng } = context;
    const household = context.household({ family: '低保', minSize: 2 });
    const subject = household.rows[1]!.person;
    const death = dayIn(context, -rng.int(2, 6));
    admitBefore(context, household, death);
    household.paymentOverrides.set(monthOf(death), { paidMonth: monthOf(death) + 1 });
    expectDeath(context, household, subject, death, `died ${isoDate(death)}; that month's money paid the month after (发放月份 a month after its 所属期): not after the death, not overpaid`);
  },
};

/**
 * A 公安 注销户籍 row that leaves the 死亡日期 empty (v0) or writes 不详 (v1): the 注销日期 is read in its place, the
 * overpayment counted from it. Such a row was refused, and the dead man stayed on the roll with a data-quality finding.
 */
export const deceasedByCancellation: Scenario = {
  kind: 'deceased.by-cancellation', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const household = context.household({ family: '低保', minSize: 2 });
    const subject = household.rows[1]!.person;
    const cancelled = dayIn(context, -rng.int(2, 6));
    admitBefore(context, household, cancelled);
    const record = deathRow(subject, cancelled, '公安户籍注销');
    const row = context.reference({ ...record, values: { ...record.values, death_date: variant === 0 ? null : '不详', cancelled_on: cancelled } });
    key.expect({
      checkId: CHECK, person: subject, household, row, note: `户口 cancelled ${isoDate(cancelled)} for 死亡, 死亡日期 ${variant === 0 ? 'empty' : '不详'}: read by the 注销日期`,
      overpaymentCents: () => deceasedOverpaymentCents(household, cancelled, period),
    });
  },
};
