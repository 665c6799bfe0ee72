// Reference rows that flag nothing: household kinship, harmless holdings of recipients, and the rest of the county.
import { addDays, dayOf, firstDay, lastDay, randomDateBetween, utcDate } from './calendar.ts';
import type { Household, Person, ReferenceDataset, ReferenceRow, RollRow } from './model.ts';
import { standardCents } from './programs.ts';
import {
  COUNTED_VEHICLE_TYPES, DEATH_SOURCES, EXEMPT_VEHICLE_TYPES, businessRow, deathRow, depositRow, employer, facility,
  kinshipRow, payrollRow, prisonerRow, propertyRow, vehicleRow,
} from './references.ts';
import type { ScenarioContext } from './scenarios/context.ts';

/** Rows per roll person for each reference list (quality-bars.md: deaths 2×, prisoners 0.2× …). */
export type ReferenceRatios = Record<Exclude<ReferenceDataset, 'cadres'>, number>;

const FORWARD: Record<string, [string, string]> = {
  配偶: ['配偶', '配偶'], 子: ['儿子', '儿子'], 女: ['女儿', '女儿'], 父亲: ['父亲', '父亲'], 母亲: ['母亲', '母亲'],
  孙子: ['孙子', '孙子'], 孙女: ['孙女', '孙女'], 儿媳: ['儿媳', '儿媳'], 女婿: ['女婿', '女婿'], 兄弟: ['兄弟', '兄弟'], 姐妹: ['姐妹', '姐妹'],
};

/** How the member sees the head: [if the head is male, if female]. */
const BACKWARD: Record<string, [string, string]> = {
  配偶: ['配偶', '配偶'], 子: ['父亲', '母亲'], 女: ['父亲', '母亲'], 父亲: ['儿子', '女儿'], 母亲: ['儿子', '女儿'],
  孙子: ['爷爷', '奶奶'], 孙女: ['祖父', '祖母'], 儿媳: ['公公', '婆婆'], 女婿: ['岳父', '岳母'], 兄弟: ['兄弟', '姐妹'], 姐妹: ['兄弟', '姐妹'],
};

function householdKinship(context: ScenarioContext, household: Household): void {
  const head = household.rows[0]!.person;
  const seen = new Set([head.id]);
  for (const row of household.rows.slice(1)) {
    if (seen.has(row.person.id) || !FORWARD[row.relation]) continue;
    seen.add(row.person.id);
    context.reference(kinshipRow(head, row.person, FORWARD[row.relation]![0]));
    if (context.rng.chance(0.5)) context.reference(kinshipRow(row.person, head, BACKWARD[row.relation]![head.male ? 0 : 1]));
  }
}

/** Holdings that are no finding: exempt vehicles, one home, small savings, old closed shops, past sentences. */
function harmlessHoldings(context: ScenarioContext, household: Household): void {
  const { rng, period, standards } = context;
  const head = household.rows[0]!.person;
  const beforePeriod = (minDays: number, maxDays: number) => addDays(firstDay(period), -rng.int(minDays, maxDays));
  if (rng.chance(household.area === 'rural' ? 0.07 : 0.02)) context.reference(vehicleRow(rng, head, rng.pick(EXEMPT_VEHICLE_TYPES), '正常', null));
  if (rng.chance(0.015)) context.reference(vehicleRow(rng, head, rng.pick(COUNTED_VEHICLE_TYPES), '注销', beforePeriod(30, 2000)));
  if (rng.chance(0.3)) {
    context.reference(propertyRow(rng, head, household.village, '住宅', beforePeriod(400, 8000)));
    if (rng.chance(0.1)) context.reference(propertyRow(rng, head, household.village, rng.pick(['车库', '储藏室']), beforePeriod(100, 3000)));
  }
  if (rng.chance(0.01)) context.reference(businessRow(rng, head, household.village.township, '个体工商户', '注销', beforePeriod(1500, 4000), beforePeriod(30, 1400)));
  if (household.area && rng.chance(0.55)) {
    // At most 12 months of the standard per member: the household stays under half its 24-month limit.
    const perMemberCap = 12 * standardCents(standards, household.area);
    for (const row of household.rows) {
      if (context.people.referenceYear - row.person.birth.getUTCFullYear() >= 18 && rng.chance(0.6)) {
        context.reference(depositRow(row.person, { cents: rng.int(0, perMemberCap) }, lastDay(period - 1)));
      }
    }
  }
  const adult: RollRow | undefined = household.rows.find((row) => context.people.referenceYear - row.person.birth.getUTCFullYear() >= 20);
  if (adult && rng.chance(0.003)) {
    const end = beforePeriod(1, 1500);
    context.reference(prisonerRow(adult.person, addDays(end, -rng.int(200, 2500)), end, facility(rng, adult.person.county)));
  }
  if (rng.chance(0.5)) {
    const relative = context.outsider(10, 80);
    context.reference(kinshipRow(head, relative, rng.pick(relative.male ? ['兄弟', '儿子', '哥哥', '弟弟'] : ['姐妹', '女儿', '姐姐', '妹妹'])));
  }
}

export interface FillerStream {
  count: number;
  next: () => ReferenceRow;
}

/**
 * The rest of the county: for each list, how many rows of people on no roll it still needs to reach
 * its ratio, and a maker for them. Rows are made while they are written, so a village never holds them.
 */
export function countyFiller(context: ScenarioContext, ratios: ReferenceRatios, villagePersons: number): Map<ReferenceDataset, FillerStream> {
  const { rng, period, work } = context;
  const counts = new Map<string, number>();
  for (const row of work.references) counts.set(row.dataset, (counts.get(row.dataset) ?? 0) + 1);
  const missing = (dataset: keyof ReferenceRatios) => Math.max(0, Math.round(ratios[dataset] * villagePersons) - (counts.get(dataset) ?? 0));
  const pool: Person[] = Array.from({ length: Math.max(20, Math.round(villagePersons * 1.2)) }, () => context.outsider(18, 85));
  const anyone = () => rng.pick(pool);
  const township = work.village.township;
  const someDay = (fromMonthsAgo: number, toMonthsAgo: number) => dayOf(period - rng.int(toMonthsAgo, fromMonthsAgo), rng.int(1, 28));
  const relations = ['配偶', '父亲', '母亲', '儿子', '女儿', '兄弟', '姐妹', '祖父', '孙子', '堂兄', '表妹', '儿媳', '女婿'];

  const makers: [keyof ReferenceRatios, () => ReferenceRow][] = [
    ['deaths', () => deathRow(context.outsider(40, 98), someDay(23, 0), rng.pick(DEATH_SOURCES))],
    ['prisoners', () => {
      const start = someDay(120, 0);
      const end = rng.weighted<Date | null>([[null, 0.3], [addDays(start, rng.int(180, 4000)), 0.7]]);
      return prisonerRow(anyone(), start, end, facility(rng, township.county));
    }],
    ['vehicles', () => {
      const type = rng.chance(0.75) ? rng.pick(COUNTED_VEHICLE_TYPES) : rng.pick(EXEMPT_VEHICLE_TYPES);
      const status = rng.weighted([['正常', 0.85], ['注销', 0.1], ['报废', 0.05]] as const);
      return vehicleRow(rng, anyone(), type, status, status === '正常' ? null : someDay(60, 0));
    }],
    ['properties', () => {
      const usage = rng.weighted([['住宅', 0.75], ['商业', 0.08], ['车库', 0.07], ['车位', 0.04], ['办公', 0.02], ['工业', 0.02], ['储藏室', 0.02]] as const);
      return propertyRow(rng, anyone(), rng.pick(township.villages), usage, randomDateBetween(() => rng.next(), utcDate(2000, 1, 1), lastDay(period - 1)));
    }],
    ['businesses', () => {
      const kind = rng.weighted([['个体工商户', 0.75], ['有限责任公司', 0.2], ['农民专业合作社', 0.05]] as const);
      const status = rng.weighted([['存续', 0.6], ['在业', 0.15], ['开业', 0.05], ['注销', 0.15], ['吊销', 0.05]] as const);
      const registered = someDay(240, 1);
      const closed = status === '注销' || status === '吊销' ? addDays(registered, rng.int(100, 3000)) : null;
      return businessRow(rng, anyone(), township, kind, status, registered, closed && closed < lastDay(period) ? closed : null);
    }],
    ['payroll', () => payrollRow(anyone(), employer(rng, township), rng.int(3000, 9500) * 100 + rng.pick([0, 0, 50]))],
    ['deposits', () => depositRow(anyone(), { cents: rng.int(1, 60000) * rng.int(1, 100) * 10 }, lastDay(period - 1))],
    ['kinship', () => {
      const person = anyone();
      let relative = anyone();
      while (relative === person) relative = anyone();
      return kinshipRow(person, relative, rng.pick(relations));
    }],
  ];
  return new Map(makers.map(([dataset, next]) => [dataset, { count: missing(dataset), next }]));
}

/** Rows about the village's own households: their kinship, and harmless holdings of unclaimed ones. */
export function addHouseholdBackground(context: ScenarioContext): void {
  for (const household of context.work.households) {
    householdKinship(context, household);
    if (!household.claimed) harmlessHoldings(context, household);
  }
}
