// over_asset.*: household holdings over the limits (hits, one finding per household) and the exempt near-misses.
import { addDays, dayOf, firstDay, isoDate, lastDay } from '../calendar.ts';
import type { Household, Person } from '../model.ts';
import { nameVariant } from '../names.ts';
import { standardCents } from '../programs.ts';
import { COUNTED_VEHICLE_TYPES, bankOf, bankSpelledAnotherWay, businessRow, depositRow, employer, payrollRow, propertyRow, vehicleRow } from '../references.ts';
import type { Scenario, ScenarioContext } from './context.ts';

function pastDay(context: ScenarioContext, minMonths: number, maxMonths: number): Date {
  return dayOf(context.period - context.rng.int(minMonths, maxMonths), context.rng.int(1, 28));
}

function ownerHousehold(context: ScenarioContext): { household: Household; head: Person; other: Person } {
  const household = context.household({ family: '低保', minSize: 2, shape: context.rng.pick(['elderCouple', 'coupleKids', 'disabledChild'] as const) });
  return { household, head: household.rows[0]!.person, other: household.rows[1]!.person };
}

export const vehicleHit: Scenario = {
  kind: 'over_asset.vehicle', variants: 4, weight: 2,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head, other } = ownerHousehold(context);
    const owner = variant === 1 ? other : head;
    const type = variant === 1 ? '轻型普通货车' : rng.pick(COUNTED_VEHICLE_TYPES);
    const deregistered = variant === 2 ? dayOf(period, rng.int(2, 28)) : null;
    const row = context.reference(vehicleRow(rng, owner, type, variant === 2 ? '注销' : '正常', deregistered));
    let note = `${type}, ${deregistered ? `注销 ${isoDate(deregistered)} (not before P.start)` : '正常'}`;
    if (variant === 3) {
      context.reference(vehicleRow(rng, other, '中型普通客车', '正常', null));
      note += `; a second member also owns a 中型普通客车: still one finding for the household`;
    }
    key.expect({ checkId: 'over_asset.vehicle', person: owner, household, row, note });
  },
};

/**
 * A man living alone whose 家庭编号 the roll leaves empty owns a car: a data_quality.missing-field finding, and an
 * over_asset.vehicle finding of his own, without a household (until 2026-12-01 no asset check saw him).
 */
export const vehicleWithoutHousehold: Scenario = {
  kind: 'over_asset.vehicle-without-household', variants: 1, weight: 1,
  run(context) {
    const { rng, key } = context;
    const household = context.household({ family: '低保', shape: 'single' });
    const roll = household.rows[0]!;
    roll.householdIdText = '';
    key.expect({ checkId: 'data_quality.missing-field', person: roll.person, household: null, row: roll, note: '家庭编号 empty' });
    const type = rng.pick(COUNTED_VEHICLE_TYPES);
    const row = context.reference(vehicleRow(rng, roll.person, type, '正常', null));
    key.expect({ checkId: 'over_asset.vehicle', person: roll.person, household: null, row, note: `${type}, 正常; his 家庭编号 is empty: checked alone` });
  },
};

const EXEMPT_DECOYS = ['普通二轮摩托车', '三轮汽车', '低速货车', '变型拖拉机', '残疾人专用小型自动挡载客汽车'] as const;

export const vehicleDecoy: Scenario = {
  kind: 'over_asset.vehicle-decoy', variants: 7, weight: 2,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head } = ownerHousehold(context);
    let row;
    let note;
    if (variant < EXEMPT_DECOYS.length) {
      row = context.reference(vehicleRow(rng, head, EXEMPT_DECOYS[variant]!, '正常', null));
      note = `exempt vehicle type ${EXEMPT_DECOYS[variant]}`;
    } else if (variant === 5) {
      const date = addDays(firstDay(period), -rng.int(30, 600));
      row = context.reference(vehicleRow(rng, head, '小型轿车', '注销', date));
      note = `小型轿车 注销 ${isoDate(date)}, before P.start`;
    } else {
      row = context.reference(vehicleRow(rng, head, '小型轿车', '报废', null));
      note = '小型轿车 报废 with no date: deregistered';
    }
    key.decoy({ kind: 'vehicle-not-counted', mustNotFlag: ['over_asset.vehicle'], person: head, household, row, note });
  },
};

/** What a 车管 export may write instead of words (GA 24.4 车辆类型, GA 24.7 号牌种类, 机动车状态 letters). */
const EXEMPT_TYPE_CODES = ['M21', 'N11', 'H51', 'T22', '07', '13'] as const;
const DEREGISTERED_STATES = ['E', '注销(E)', 'E-注销', 'M'] as const;

export const vehicleCodedHit: Scenario = {
  kind: 'over_asset.vehicle-coded', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head } = ownerHousehold(context);
    if (variant === 0) {
      const state = rng.pick(['A', 'GQ', 'G,Q']);
      const row = context.reference(vehicleRow(rng, head, 'K33', state, null));
      key.expect({ checkId: 'over_asset.vehicle', person: head, household, row, note: `K33 (小型轿车), 机动车状态 ${state}: still registered` });
    } else {
      const deregistered = dayOf(period, rng.int(2, 28));
      const row = context.reference(vehicleRow(rng, head, '02', 'E', deregistered));
      key.expect({ checkId: 'over_asset.vehicle', person: head, household, row, note: `号牌种类 02 (小型汽车), E (注销) on ${isoDate(deregistered)}: not before P.start` });
    }
  },
};

export const vehicleCodedDecoy: Scenario = {
  kind: 'over_asset.vehicle-coded-decoy', variants: 3, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head } = ownerHousehold(context);
    let row;
    let note;
    if (variant === 0) {
      const type = rng.pick(EXEMPT_TYPE_CODES);
      row = context.reference(vehicleRow(rng, head, type, 'A', null));
      note = `exempt type written as the code ${type}`;
    } else if (variant === 1) {
      const state = rng.pick(DEREGISTERED_STATES);
      row = context.reference(vehicleRow(rng, head, 'K33', state, null));
      note = `K33 deregistered as 机动车状态 ${state}, undated`;
    } else {
      const date = addDays(firstDay(period), -rng.int(30, 600));
      row = context.reference(vehicleRow(rng, head, '02', 'E', date));
      note = `号牌种类 02, E (注销) on ${isoDate(date)}, before P.start`;
    }
    key.decoy({ kind: 'vehicle-coded-not-counted', mustNotFlag: ['over_asset.vehicle'], person: head, household, row, note });
  },
};

export const propertyHit: Scenario = {
  kind: 'over_asset.property', variants: 4, weight: 2,
  run(context, variant) {
    const { rng, key } = context;
    const { household, head, other } = ownerHousehold(context);
    const village = household.village;
    const usages = [['住宅', '住宅'], ['住宅'], ['商业'], ['办公']][variant]!;
    const row = context.reference(propertyRow(rng, head, village, usages[0]!, pastDay(context, 20, 200)));
    if (variant === 0) context.reference(propertyRow(rng, head, village, '住宅', pastDay(context, 20, 200)));
    if (variant === 1) context.reference(propertyRow(rng, other, village, '住宅', pastDay(context, 20, 200)));
    const notes = ['head holds two 住宅', 'head and another member hold one 住宅 each (2 > maxResidential 1)', 'a 商业 property', 'an 办公 property'];
    key.expect({ checkId: 'over_asset.property', person: head, household, row, note: notes[variant]! });
  },
};

export const propertyDecoy: Scenario = {
  kind: 'over_asset.property-decoy', variants: 2, weight: 2,
  run(context, variant) {
    const { rng, key } = context;
    const { household, head } = ownerHousehold(context);
    const row = context.reference(propertyRow(rng, head, household.village, '住宅', pastDay(context, 20, 200)));
    const extras = variant === 0 ? ['车库'] : ['储藏室', '车位'];
    for (const usage of extras) context.reference(propertyRow(rng, head, household.village, usage, pastDay(context, 5, 100)));
    key.decoy({ kind: 'property-ignored-usage', mustNotFlag: ['over_asset.property'], person: head, household, row, note: `one 住宅 plus ${extras.join('、')} (ignored usages)` });
  },
};

/** A 不动产 query returns the records of homes and shops sold long ago (权利状态 历史, 注销): not held. */
export const propertySold: Scenario = {
  kind: 'over_asset.property-sold', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const { household, head } = ownerHousehold(context);
    const row = context.reference(propertyRow(rng, head, household.village, '住宅', pastDay(context, 20, 200)));
    const [usage, status] = variant === 0 ? ['住宅', rng.pick(['历史', '已注销'])] : ['商业', rng.pick(['历史', '注销'])];
    context.reference(propertyRow(rng, head, household.village, usage, pastDay(context, 60, 200), status));
    key.decoy({ kind: 'property-no-longer-held', mustNotFlag: ['over_asset.property'], person: head, household, row, note: `one 住宅 held, and a ${usage} record whose 权利状态 is ${status}` });
  },
};

export const businessHit: Scenario = {
  kind: 'over_asset.business', variants: 4, weight: 2,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head } = ownerHousehold(context);
    const township = household.village.township;
    const closed = variant === 2 ? dayOf(period, rng.int(1, 28)) : null;
    const [kind, status] = ([['个体工商户', '存续'], ['有限责任公司', '在业'], ['个体工商户', '注销'], ['个体工商户', '开业']] as const)[variant]!;
    const row = context.reference(businessRow(rng, head, township, kind, status, pastDay(context, 6, 90), closed));
    key.expect({ checkId: 'over_asset.business', person: head, household, row, note: `${kind} ${status}${closed ? ` (closed ${isoDate(closed)}, within P: active during P)` : ''}` });
  },
};

export const businessDecoy: Scenario = {
  kind: 'over_asset.business-decoy', variants: 3, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, head } = ownerHousehold(context);
    const township = household.village.township;
    let row;
    let note;
    if (variant < 2) {
      const closed = addDays(firstDay(period), -rng.int(20, 700));
      row = context.reference(businessRow(rng, head, township, '个体工商户', variant === 0 ? '注销' : '吊销', pastDay(context, 40, 120), closed));
      note = `${variant === 0 ? '注销' : '吊销'} ${isoDate(closed)}, before P.start`;
    } else {
      const registered = addDays(lastDay(period), rng.int(1, 25));
      row = context.reference(businessRow(rng, head, township, '个体工商户', '存续', registered, null));
      note = `registered ${isoDate(registered)}, after P.end`;
    }
    key.decoy({ kind: 'business-not-active', mustNotFlag: ['over_asset.business'], person: head, household, row, note });
  },
};

export const payrollHit: Scenario = {
  kind: 'over_asset.payroll', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const { household, head, other } = ownerHousehold(context);
    const member = variant === 0 ? other : head;
    const row = context.reference(payrollRow(member, employer(rng, household.village.township), rng.int(3200, 7800) * 100 + rng.pick([0, 50])));
    key.expect({ checkId: 'over_asset.payroll', person: member, household, row, note: `on the public payroll (${String(row.values['employer'])})` });
  },
};

export const payrollDecoy: Scenario = {
  kind: 'over_asset.payroll-decoy', variants: 1, weight: 1,
  run(context) {
    const { rng, key } = context;
    const { household, head } = ownerHousehold(context);
    const namesake = context.people.namesake(rng, head.county, head);
    const row = context.reference(payrollRow(namesake, employer(rng, household.village.township), rng.int(3500, 7000) * 100));
    key.decoy({ kind: 'payroll-same-name-other-person', mustNotFlag: ['over_asset.payroll', 'data_quality.id-name-conflict'], person: head, household, row, note: `a namesake ${namesake.id} is on the payroll` });
  },
};

/** A payroll roster keeps those who left (人员状态 离职, 辞退, 减员): a member who left is not paid by the state. */
export const payrollLeft: Scenario = {
  kind: 'over_asset.payroll-left', variants: 1, weight: 1,
  run(context) {
    const { rng, key } = context;
    const { household, other } = ownerHousehold(context);
    const status = rng.pick(['离职', '辞退', '减员']);
    const row = context.reference(payrollRow(other, employer(rng, household.village.township), rng.int(3200, 6000) * 100, status));
    key.decoy({ kind: 'payroll-left', mustNotFlag: ['over_asset.payroll'], person: other, household, row, note: `on the roster with 人员状态 ${status}: no longer paid by it` });
  },
};

export const depositsScenario: Scenario = {
  kind: 'over_asset.deposits', variants: 4, weight: 2,
  run(context, variant) {
    const { rng, key, period, standards } = context;
    const { household, head, other } = ownerHousehold(context);
    const limitCents = 24 * standardCents(standards, household.area!) * household.rows.length;
    const asOf = lastDay(period - 1);
    if (variant === 0) {
      const row = context.reference(depositRow(head, { cents: limitCents + rng.int(200, 900) * 10000 }, asOf));
      key.expect({ checkId: 'over_asset.deposits', person: head, household, row, note: `balance over the limit ${limitCents / 100} 元 (24 × standard × ${household.rows.length})` });
    } else if (variant === 1) {
      const first = Math.floor(limitCents * 0.55);
      const row = context.reference(depositRow(head, { cents: first }, asOf));
      context.reference(depositRow(other, { cents: limitCents - first + 60000 }, asOf));
      key.expect({ checkId: 'over_asset.deposits', person: head, household, row, note: `two members' balances sum to limit + 600 元 (limit ${limitCents / 100} 元)` });
    } else if (variant === 2) {
      const row = context.reference(depositRow(head, { cents: limitCents - 50000 }, asOf));
      key.decoy({ kind: 'deposits-under-limit', mustNotFlag: ['over_asset.deposits'], person: head, household, row, note: `balance limit − 500 元 (limit ${limitCents / 100} 元)` });
    } else {
      const spelled = nameVariant(rng, head.name) ?? head.name;
      const row = context.reference(depositRow(head, { cents: rng.int(500, 3000) * 100 }, asOf, spelled));
      key.decoy({ kind: 'name-spelling-variant', mustNotFlag: ['data_quality.id-name-conflict', 'over_asset.deposits'], person: head, household, row, note: `deposits list spells ${head.name} as ${spelled}` });
    }
  },
};

/**
 * Two 核对 rounds' feedback in one folder (June's and September's). v0: one bank's June balance is over the limit,
 * its September balance under it: September's replaces June's (a decoy; summed, they were over). v1: two banks, each
 * under the limit, reporting in different rounds: both count, and together they are over (a hit).
 */
export const depositsTwoRounds: Scenario = {
  kind: 'over_asset.deposits-two-rounds', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period, standards } = context;
    const { household, head } = ownerHousehold(context);
    const limitCents = 24 * standardCents(standards, household.area!) * household.rows.length;
    const june = lastDay(period - 4);
    const september = lastDay(period - 1);
    if (variant === 0) {
      context.reference(depositRow(head, { cents: limitCents + rng.int(100, 900) * 10000 }, june));
      // September's round spells the bank another way (农行, a branch): the same institution, so it replaces June's.
      const septemberBank = bankSpelledAnotherWay(head);
      const row = context.reference(depositRow(head, { cents: limitCents - rng.int(5, 50) * 10000 }, september, undefined, septemberBank));
      key.decoy({
        kind: 'deposits-replaced-by-later-round', mustNotFlag: ['over_asset.deposits'], person: head, household, row,
        note: `${bankOf(head)} (June) and ${septemberBank} (September): June's balance over the limit ${limitCents / 100} 元, September's under it; only September's counts`,
      });
    } else {
      const first = Math.floor(limitCents * 0.6);
      const row = context.reference(depositRow(head, { cents: first }, june));
      context.reference(depositRow(head, { cents: limitCents - first + 60000 }, september, undefined, bankOf(head, 1)));
      key.expect({
        checkId: 'over_asset.deposits', person: head, household, row,
        note: `${bankOf(head)} (June) and ${bankOf(head, 1)} (September) sum to the limit + 600 元 (limit ${limitCents / 100} 元)`,
      });
    }
  },
};

/** A member holds a 乡村公益性岗位 (生态护林员, 保洁员): on the township's payroll list, but no 财政供养 post. */
export const payrollWelfarePost: Scenario = {
  kind: 'over_asset.payroll-welfare-post', variants: 1, weight: 1,
  run(context) {
    const { rng, key } = context;
    const { household, other } = ownerHousehold(context);
    const post = rng.pick(['生态护林员', '乡村公益性岗位', '村庄保洁员', '公益性岗位（护路员）']);
    const row = context.reference(payrollRow(other, `${household.village.township.name}人民政府`, rng.int(5, 12) * 10000, undefined, post));
    key.decoy({ kind: 'payroll-welfare-post', mustNotFlag: ['over_asset.payroll'], person: other, household, row, note: `on the payroll list as ${post}: no 财政供养 post` });
  },
};
