// Spelling decoys: recipients whose IDs and names arrive in other forms that normalise to the same person.
import { dayOf, isoDate, lastDay } from '../calendar.ts';
import type { Household } from '../model.ts';
import { toFullWidth } from '../names.ts';
import { deceasedOverpaymentCents } from '../payments.ts';
import { deathRow, depositRow } from '../references.ts';
import type { Scenario } from './context.ts';

/** Deceased hits whose ID is spelled differently in one of the two lists: the match must survive normalisation. */
export const deceasedIdForms: Scenario = {
  kind: 'deceased.id-forms', variants: 5, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    let household: Household;
    let index: number;
    do {
      household = context.household({ family: '低保', minSize: 2 });
      index = household.rows.findIndex((row, i) => i > 0 && (variant !== 2 || row.person.id.endsWith('X')));
    } while (index < 0);
    const subjectRow = household.rows[index]!;
    const id = subjectRow.person.id;
    const forms = [toFullWidth(id), `\t${id} `, `${id.slice(0, 17)}x`, `'${id}`, toFullWidth(id)];
    const spelled = forms[variant]!;
    const death = dayOf(period - rng.int(1, 8), rng.int(1, 28));
    const row = context.reference(deathRow(subjectRow.person, death, '殡葬火化'));
    if (variant === 4) subjectRow.idCell = { text: spelled };
    else row.values['id_number'] = { text: spelled };
    const where = variant === 4 ? 'roll' : 'deaths list';
    key.expect({
      checkId: 'deceased.recipient', person: subjectRow.person, household, row,
      note: `died ${isoDate(death)}; the ${where} spells the ID ${JSON.stringify(spelled)}`,
      overpaymentCents: () => deceasedOverpaymentCents(household, death, period),
    });
    key.decoy({ kind: 'id-spelling-variant', mustNotFlag: ['data_quality.id-invalid'], person: subjectRow.person, household, row: variant === 4 ? subjectRow : row, note: `recoverable ID spelling ${JSON.stringify(spelled)}` });
  },
};

/** Minority names with a middle dot, foreign names with Latin letters: other spellings in reference lists. */
export const nameForms: Scenario = {
  kind: 'name-forms', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const household = context.household({ family: '低保', shape: 'elderCouple' });
    const row = household.rows[variant]!;
    const rollName = variant === 0 ? (row.person.male ? '买买提·艾力' : '阿依古丽·买买提') : `阮氏${rng.pick(['HOA', 'LAN', 'MAI'])}`;
    row.person = { ...row.person, name: rollName };
    const spelled = variant === 0 ? rollName.replace('·', rng.pick(['•', '．', '・'])) : toFullWidth(rollName);
    const deposit = context.reference(depositRow(row.person, { cents: rng.int(200, 3000) * 100 }, lastDay(period - 1), spelled));
    key.decoy({ kind: 'name-spelling-variant', mustNotFlag: ['data_quality.id-name-conflict'], person: row.person, household, row: deposit, note: `roll ${rollName}, deposits ${spelled}` });
  },
};
