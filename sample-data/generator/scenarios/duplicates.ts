// duplicate.*: one person on two households or programs, twice in one household, one account for two households.
import { toLegacy15 } from '../id-number.ts';
import type { Household, Person, RawCell, RollRow } from '../model.ts';
import { alteredName } from '../names.ts';
import { excelShows, ruralRoll, type Scenario, type ScenarioContext } from './context.ts';

/** Puts an existing recipient on another household's roll too; the host's amount stays computed without them. */
function addGuest(host: Household, guest: Person, hostHead: Person): RollRow {
  const older = hostHead.birth.getTime() - guest.birth.getTime() > 18 * 365.25 * 86_400_000;
  const relation = older ? (guest.male ? '父亲' : '母亲') : (guest.male ? '兄弟' : '姐妹');
  const row: RollRow = { person: guest, relation, status: '在保', filed: '否' };
  host.rows.push(row);
  return row;
}

export const dibaoAndTekun: Scenario = {
  kind: 'duplicate.dibao-and-tekun', variants: 1, weight: 1,
  run(context) {
    const tekun = context.household({ family: '特困', shape: 'single' });
    const person = tekun.rows[0]!.person;
    const dibao = context.household({ family: '低保', minSize: 2 });
    const guestRow = addGuest(dibao, person, dibao.rows[0]!.person);
    const note = 'on an active 特困 row and an active 低保 row';
    context.key.expect({ checkId: 'duplicate.dibao-and-tekun', person, household: tekun, row: tekun.rows[0]!, note });
    context.key.expect({ checkId: 'duplicate.dibao-and-tekun', person, household: dibao, row: guestRow, note });
  },
};

export const twoHouseholds: Scenario = {
  kind: 'duplicate.two-households', variants: 4, weight: 2,
  run(context, variant) {
    const { rng, key } = context;
    const first = context.household({ family: '低保', shape: variant === 2 ? 'elderCouple' : undefined, minSize: 2 });
    const person = first.rows[1]!.person;
    const place = (target: ScenarioContext) => {
      const second = target.household({ family: '低保', minSize: 1 });
      const guestRow = addGuest(second, person, second.rows[0]!.person);
      const crossVillage = second.village !== first.village;
      let note = `active in two 低保 households${crossVillage ? ' of different villages' : ''}`;
      if (variant === 2) {
        guestRow.idCell = { text: toLegacy15(person.id) };
        note += '; the second row carries the 15-digit form of the same ID';
        key.expect({ checkId: 'data_quality.id-legacy', person, household: second, row: guestRow, raw: toLegacy15(person.id), note: '15-digit ID on the roll' });
      }
      if (variant === 3) {
        guestRow.nameText = alteredName(rng, person.name, person.male);
        note += `; the second row names ${guestRow.nameText} (borrowed ID?)`;
        // Both households hold the ID under different names: each village is told.
        key.expect({ checkId: 'data_quality.id-name-conflict', person, household: first, row: first.rows[1]!, note: `roll ${person.name} vs roll ${guestRow.nameText}` });
        key.expect({ checkId: 'data_quality.id-name-conflict', person, household: second, row: guestRow, note: `roll ${person.name} vs roll ${guestRow.nameText}` });
      }
      key.expect({ checkId: 'duplicate.two-households', person, household: first, row: first.rows[1]!, note });
      key.expect({ checkId: 'duplicate.two-households', person, household: second, row: guestRow, note });
    };
    if (variant === 1) context.defer(place);
    else place(context);
  },
};

export const duplicateDecoy: Scenario = {
  kind: 'duplicate.decoy', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const first = context.household({ family: '低保', minSize: 2 });
    const person = first.rows[1]!.person;
    const second = context.household({ family: '低保', minSize: 1 });
    if (variant === 0) {
      const row = addGuest(second, person, second.rows[0]!.person);
      row.status = '停保';
      key.decoy({ kind: 'duplicate-one-row-stopped', mustNotFlag: ['duplicate.two-households'], person, household: second, row, note: 'also on a second household, but that row is 停保 (moved)' });
    } else {
      const namesake = context.people.namesake(rng, person.county, person);
      const row = addGuest(second, namesake, second.rows[0]!.person);
      key.decoy({ kind: 'duplicate-same-name-other-person', mustNotFlag: ['duplicate.two-households', 'duplicate.dibao-and-tekun', 'data_quality.id-name-conflict'], person: namesake, household: second, row, note: `same name as recipient ${person.id} of another household, different ID` });
    }
  },
};

export const sameHousehold: Scenario = {
  kind: 'duplicate.same-household', variants: 1, weight: 1,
  run(context) {
    const household = context.household({ family: '低保', minSize: 2 });
    const original = household.rows[1]!;
    const copy: RollRow = { ...original };
    household.rows.push(copy);
    for (const row of [original, copy]) {
      context.key.expect({ checkId: 'duplicate.same-household', person: original.person, household, row, note: 'the same member listed twice in one household' });
    }
  },
};

export const sharedAccount: Scenario = {
  kind: 'duplicate.shared-account', variants: 2, weight: 1,
  run(context, variant) {
    const first = context.household({ family: '低保', minSize: 1 });
    const place = (target: ScenarioContext) => {
      const second = target.household({ family: '低保', minSize: 1 });
      second.bankAccount = first.bankAccount;
      const note = `account ${first.bankAccount} is the payment account of two households`;
      for (const household of [first, second]) {
        context.key.expect({ checkId: 'duplicate.shared-account', person: household.rows[0]!.person, household, note });
      }
    };
    if (variant === 1) context.defer(place);
    else place(context);
  },
};

/**
 * A township's 敬老院: 集中供养 特困 residents, each a household of his own, all paid into the institution's account
 * (expected, never listed). v1: a 低保 household paid into the same account too: it alone is listed.
 */
export const institutionAccount: Scenario = {
  kind: 'duplicate.institution-account', variants: 2, weight: 1,
  run(context, variant) {
    const { key } = context;
    // A rural roll may say it in the program (集中供养特困); the city's 特困 roll says it in 供养方式.
    const program = context.work.village.area === 'rural' ? '集中供养特困' : '城市特困';
    const residents = [0, 1, 2].map(() => context.household({ family: '特困', shape: 'single', program }));
    for (const resident of residents) {
      resident.careMode = '集中供养';
      resident.bankAccount = residents[0]!.bankAccount;
      key.decoy({
        kind: 'shared-account-institution', mustNotFlag: ['duplicate.shared-account'], person: resident.rows[0]!.person, household: resident,
        row: resident.rows[0]!, note: `集中供养: paid into the 敬老院's account ${residents[0]!.bankAccount} with the other residents`,
      });
    }
    if (variant === 1) {
      const outsider = context.household({ family: '低保', minSize: 1 });
      outsider.bankAccount = residents[0]!.bankAccount;
      key.expect({
        checkId: 'duplicate.shared-account', person: outsider.rows[0]!.person, household: outsider,
        note: `a 低保 household paid into the 敬老院's account ${residents[0]!.bankAccount}`,
      });
    }
  },
};

/**
 * Two households' 16-digit cards, one digit apart, typed into number cells of the rural workbook: Excel kept 15 digits,
 * so both read 6228480012345670. They share no account (never duplicate.shared-account); each row's 发放账号 is
 * data_quality.bad-value. A roll written as text holds what Excel shows for such a cell (6.22848E+15), so every style
 * holds the same people and findings.
 */
export const accountTypedAsNumber: Scenario = {
  kind: 'duplicate.account-typed-as-number', variants: 1, weight: 1,
  run(context) {
    const { rng, key } = context;
    const { village: rural, workbook } = ruralRoll(context);
    const first15 = `622848${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
    const stored = Number(`${first15}0`);
    const cell: RawCell = workbook ? { number: stored } : { text: excelShows(stored) };
    for (const lastDigit of [rng.int(1, 4), rng.int(5, 9)]) {
      // Persons living alone: a finding per roll row, as many as the other scenarios yield.
      const household = context.household({ family: '低保', shape: 'single' }, rural);
      household.bankAccount = `${first15}${lastDigit}`;
      household.bankAccountCell = cell;
      const note = `card ${household.bankAccount} typed into a number cell: Excel kept ${stored}`;
      key.decoy({ kind: 'account-typed-as-number', mustNotFlag: ['duplicate.shared-account'], person: household.rows[0]!.person, household, note });
      for (const row of household.rows) key.expect({ checkId: 'data_quality.bad-value', person: row.person, household, row, note });
    }
  },
};
