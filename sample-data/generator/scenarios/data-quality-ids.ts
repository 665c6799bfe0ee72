// data_quality.id-invalid / id-legacy / id-name-conflict: unrecoverable, legacy and contradicted ID numbers.
import type { Located } from '../answer-key.ts';
import { checkCharacter, toLegacy15, withWrongCheck } from '../id-number.ts';
import type { Household, RawCell, RollRow } from '../model.ts';
import { alteredName } from '../names.ts';
import { deathRow, depositRow, vehicleRow } from '../references.ts';
import { lastDay } from '../calendar.ts';
import { excelShows, ruralRoll, type Scenario, type ScenarioContext } from './context.ts';

/**
 * A household written to the CSV roll in the messy style (城市低保 or 特困), whose amount ignores one row; the first one
 * drawn whose second member's ID `fits` (the others stay ordinary households).
 */
function csvHousehold(context: ScenarioContext, fits: (id: string) => boolean = () => true): Household {
  const urban = context.work.village.area === 'urban';
  let household: Household;
  do household = context.household(urban ? { family: '低保', minSize: 3 } : { family: '特困', shape: 'elderCouple' });
  while (!fits(household.rows[1]!.person.id));
  context.householdFactory.reprice(context.rng, household, household.rows.length - 1);
  return household;
}

function impossibleDate(id: string): string {
  const first17 = `${id.slice(0, 10)}0230${id.slice(14, 17)}`;
  return first17 + checkCharacter(first17);
}

function scientific(id: string): string {
  return excelShows(Number(id));
}

/** An 18-digit ID stored as an Excel number keeps only ~16 significant digits. */
function storedAsNumber(id: string): number | null {
  if (id.endsWith('X')) return null;
  const value = Number(id);
  return String(value) === id ? null : value;
}

export const idInvalid: Scenario = {
  kind: 'data_quality.id-invalid', variants: 7, weight: 2,
  run(context, variant) {
    const { rng, key } = context;
    const expect = (household: Household | null, row: Located, raw: string, note: string) =>
      key.expect({ checkId: 'data_quality.id-invalid', person: null, household, row, raw, note: `${note}; matched by nothing else` });
    if (variant === 4) {
      // The rural 低保 workbook: two members' IDs typed in as numbers (last digits lost). Other styles
      // have no workbook and write what Excel shows for such a cell, so every style holds the same people; so does a
      // township without a rural village, whose households are on the CSV roll. (Until 2026-12-05 that CSV got the
      // number as JavaScript prints it, 653127197211026800, which no Excel export writes, and which passes as a real ID
      // when its check character happens to hold: seed 36 of the sample preset.)
      const { village: rural, workbook: inWorkbook } = ruralRoll(context);
      let household: Household;
      let members: RollRow[];
      do {
        household = context.household({ family: '低保', minSize: 4 }, rural);
        members = household.rows.slice(1).filter((row) => storedAsNumber(row.person.id) !== null).slice(0, 2);
      } while (members.length < 2);
      context.householdFactory.reprice(rng, household, household.rows.length - 2);
      for (const row of members) {
        const value = storedAsNumber(row.person.id)!;
        if (inWorkbook) {
          row.idCell = { number: value };
          expect(household, row, String(value), 'ID stored as an Excel number (precision lost)');
        } else {
          row.idCell = { text: scientific(row.person.id) };
          expect(household, row, scientific(row.person.id), 'Excel scientific notation');
        }
      }
      return;
    }
    if (variant <= 3) {
      // Excel shows a number in scientific notation; an ID ending in X is no number (it stays text, and until 2026-12-05
      // was written NAN here).
      const household = csvHousehold(context, (id) => variant !== 3 || !id.endsWith('X'));
      const row = household.rows[1]!;
      const id = row.person.id;
      const forms: [string, string][] = [
        [withWrongCheck(id), 'check character does not match'],
        [impossibleDate(id), 'impossible birth date (Feb 30)'],
        [id.slice(0, 17), 'wrong length (17 characters)'],
        [scientific(id), 'Excel scientific notation'],
      ];
      const [raw, note] = forms[variant]!;
      row.idCell = { text: raw };
      expect(household, row, raw, note);
      return;
    }
    const outsider = context.outsider(30, 90);
    const raw = variant === 5 ? withWrongCheck(outsider.id) : `${outsider.id}7`;
    const cell: RawCell = { text: raw };
    const row = variant === 5
      ? context.reference(deathRow(outsider, lastDay(context.period - rng.int(1, 10)), '公安户籍注销'))
      : context.reference(vehicleRow(rng, outsider, '小型轿车', '正常', null));
    row.values['id_number'] = cell;
    expect(null, row, raw, variant === 5 ? 'deaths: check character does not match' : 'vehicles: wrong length (19 characters)');
  },
};

export const idLegacy: Scenario = {
  kind: 'data_quality.id-legacy', variants: 1, weight: 1,
  run(context) {
    const household = context.household({ family: '低保', shape: 'elderCouple' });
    const row = household.rows[1]!;
    const legacy = toLegacy15(row.person.id);
    row.idCell = { text: legacy };
    context.key.expect({ checkId: 'data_quality.id-legacy', person: row.person, household, row, raw: legacy, note: '15-digit ID on the roll, converted to its 18-digit form' });
  },
};

export const idNameConflict: Scenario = {
  kind: 'data_quality.id-name-conflict', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const household = context.household({ family: '低保', minSize: 2 });
    const person = household.rows[1]!.person;
    const other = alteredName(rng, person.name, person.male);
    // Reference rows that flag nothing else: a small deposit, an exempt motorcycle.
    const row = variant === 0
      ? context.reference(depositRow(person, { cents: rng.int(300, 2000) * 100 }, lastDay(period - 1), other))
      : context.reference(vehicleRow(rng, person, '普通二轮摩托车', '正常', null, other));
    key.expect({ checkId: 'data_quality.id-name-conflict', person, household, row, note: `roll ${person.name} vs ${variant === 0 ? 'deposits' : 'vehicles'} ${other}` });
  },
};
