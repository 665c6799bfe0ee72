// data_quality.* row and household faults: missing fields, unknown programs, headless or split households, amounts, bad rows.
import { dayOf } from '../calendar.ts';
import type { PaymentOverride } from '../model.ts';
import { capCents } from '../programs.ts';
import { deathRow, depositRow, facility, prisonerRow } from '../references.ts';
import type { Scenario } from './context.ts';

export const missingField: Scenario = {
  kind: 'data_quality.missing-field', variants: 2, weight: 1,
  run(context, variant) {
    const household = context.household({ family: '低保', minSize: 3 });
    context.householdFactory.reprice(context.rng, household, household.rows.length - 1);
    const row = household.rows[1]!;
    if (variant === 0) row.nameText = '';
    else row.townshipText = '';
    context.key.expect({ checkId: 'data_quality.missing-field', person: row.person, household, row, note: variant === 0 ? 'name (姓名) empty' : 'township (乡镇) empty' });
  },
};

export const programUnknown: Scenario = {
  kind: 'data_quality.program-unknown', variants: 2, weight: 1,
  run(context, variant) {
    const household = context.household({ family: '低保', shape: 'single' });
    household.program = variant === 0 ? '临时救助' : '农村底保';
    household.family = null;
    household.area = null;
    household.amountCents = context.rng.int(20, 40) * 1000;
    context.key.expect({ checkId: 'data_quality.program-unknown', person: household.rows[0]!.person, household, row: household.rows[0]!, raw: household.program, note: `program ${household.program} does not normalise` });
  },
};

export const householdNoHead: Scenario = {
  kind: 'data_quality.household-no-head', variants: 1, weight: 1,
  run(context) {
    const household = context.household({ family: '低保', shape: 'coupleKids' });
    household.rows.shift();
    context.householdFactory.reprice(context.rng, household, household.rows.length);
    context.key.expect({ checkId: 'data_quality.household-no-head', person: null, household, note: `no 户主/本人 row; members: ${household.rows.map((row) => row.relation).join('、')}` });
  },
};

export const householdSplit: Scenario = {
  kind: 'data_quality.household-split', variants: 1, weight: 1,
  run(context) {
    const household = context.household({ family: '低保', minSize: 3 });
    // Another village of the same township, as when a member moved and only that row was updated.
    const villages = household.village.township.villages;
    const other = villages[(villages.indexOf(household.village) + 1) % villages.length] !== household.village
      ? villages[(villages.indexOf(household.village) + 1) % villages.length]!
      : context.neighbour;
    household.rows[2]!.villageOverride = other;
    // One finding for each village involved: each has to act on its part.
    for (const village of [household.village, other]) {
      context.key.expect({ checkId: 'data_quality.household-split', person: null, household, note: `one member's row is under ${other.name}, the rest under ${household.village.name}; this entry is for ${village.name}` });
    }
  },
};

export const amountInconsistent: Scenario = {
  kind: 'data_quality.amount-inconsistent', variants: 1, weight: 1,
  run(context) {
    const household = context.household({ family: '低保', minSize: 2 });
    household.rows[1]!.amountCentsOverride = household.amountCents - context.rng.int(3, 20) * 1000;
    context.key.expect({ checkId: 'data_quality.amount-inconsistent', person: null, household, note: 'one member row states a smaller amount than the head row' });
  },
};

export const amountOverStandard: Scenario = {
  kind: 'data_quality.amount-over-standard', variants: 2, weight: 1,
  run(context, variant) {
    const household = variant === 0
      ? context.household({ family: '低保', shape: 'elderCouple' })
      : context.household({ family: '特困', shape: 'single' });
    const cap = capCents(context.standards, household.family!, household.area!, household.rows.length);
    household.amountCents = cap + context.rng.int(5, 30) * 1000;
    context.key.expect({ checkId: 'data_quality.amount-over-standard', person: null, household, note: `amount ${household.amountCents / 100} 元 over the cap ${cap / 100} 元 (${household.family} ${household.area})` });
  },
};

export const badRow: Scenario = {
  kind: 'data_quality.bad-row', variants: 4, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    if (variant === 3) {
      const household = context.household({ family: '低保', minSize: 1 });
      const raw = `${Math.floor(period / 12)}-13`;
      const override: PaymentOverride = { month: { text: raw } };
      household.paymentOverrides.set(period - 3, override);
      key.expect({ checkId: 'data_quality.bad-row', person: null, household, row: override, raw, note: 'payments: month 13 does not exist' });
      return;
    }
    const person = context.outsider(30, 85);
    const rows = [
      () => deathRow(person, { text: '不详' }, '殡葬火化'),
      () => prisonerRow(person, { text: `${Math.floor(period / 12) - 1}-02-30` }, null, facility(rng, person.county)),
      () => depositRow(person, { text: '约5万' }, dayOf(period - 1, 28)),
    ];
    const row = context.reference(rows[variant]!());
    const raws = ['不详', `${Math.floor(period / 12) - 1}-02-30`, '约5万'];
    const what = ['deaths: death_date 不详', 'prisoners: sentence_start is not a real date', 'deposits: balance 约5万 is not an amount'];
    key.expect({ checkId: 'data_quality.bad-row', person: null, household: null, row, raw: raws[variant]!, note: `${what[variant]!} (row of ${person.id})` });
  },
};
