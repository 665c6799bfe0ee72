// The cadre roster: village committee members per village, township and county 低保经办人员, with terms and family.
import { addDays, dayOf, firstDay, utcDate } from './calendar.ts';
import type { Village } from './geography.ts';
import type { Person } from './model.ts';
import { cadreRow, kinshipRow, payrollRow } from './references.ts';
import type { Cadre, ScenarioContext } from './scenarios/context.ts';

function villagePositions(village: Village, count: number): string[] {
  const urban = village.area === 'urban';
  const fixed = urban
    ? ['社区党委书记', '社区居委会主任', '社区居委会副主任', '社区居委会委员', '社区居委会委员', '社区居务监督委员会主任']
    : ['村党支部书记', '村委会主任', '村委会副主任', '村委会委员', '村委会委员', '村务监督委员会主任'];
  const positions = fixed.slice(0, count);
  while (positions.length < count) positions.push(urban ? '网格员' : '村民小组长');
  return positions;
}

/**
 * A cadre with a spouse and children who are on no roll (so no relation links them to a recipient by
 * chance), unless the spouse is given (a cadre who is on the roll with the spouse: their household's
 * own kinship rows already say so).
 */
export function addCadre(
  context: ScenarioContext, person: Person, position: string, village: Village | null, start: Date, end: Date | null, knownSpouse?: Person,
): Cadre {
  const { rng } = context;
  const township = (village ?? context.work.village).township;
  const row = context.reference(cadreRow(person, township, village, position, start, end));
  if (knownSpouse) return { person, position, township, village, row, spouse: knownSpouse };
  const spouse = context.people.person(rng, person.county, { minAge: 28, maxAge: 62, male: !person.male });
  context.reference(kinshipRow(person, spouse, '配偶'));
  for (let i = rng.int(0, 2); i > 0; i--) {
    const child = context.people.person(rng, person.county, { minAge: 1, maxAge: 30 });
    context.reference(kinshipRow(person, child, child.male ? '儿子' : '女儿'));
  }
  return { person, position, township, village, row, spouse };
}

/** Serving cadres for one village (term overlapping the period); a township's first village also gets its 经办人员. */
export function createRoster(context: ScenarioContext, count: number, firstOfTownship: boolean, firstOfAll: boolean): void {
  const { rng, work, period } = context;
  const electedIn2021 = utcDate(2021, rng.int(1, 6), rng.int(1, 28));
  for (const position of villagePositions(work.village, count)) {
    const person = context.outsider(28, 62);
    const start = rng.chance(0.8) ? electedIn2021 : dayOf(period - rng.int(12, 40), rng.int(1, 28));
    work.cadres.push(addCadre(context, person, position, work.village, start, null));
  }
  // A former member whose term ended long ago: in the list, but no longer a cadre for the period.
  if (rng.chance(0.3)) {
    addCadre(context, context.outsider(40, 70), '村委会委员', work.village, utcDate(2016, 3, 1), addDays(firstDay(period - rng.int(10, 30)), -1));
  }
  const staff: [string, boolean][] = [];
  if (firstOfTownship) staff.push(['民政办主任', false], ['低保经办人员', false], ['低保经办人员', false]);
  if (firstOfAll) staff.push(['县民政局社会救助股股长', true], ['县民政局社会救助股经办人员', true]);
  for (const [position, county] of staff) {
    const person = context.outsider(26, 58);
    const cadre = addCadre(context, person, position, null, dayOf(period - rng.int(14, 80), rng.int(1, 28)), null);
    if (county) cadre.row.values['township'] = null;
    work.cadres.push(cadre);
    // Civil-affairs staff are on the public payroll: a non-recipient payroll row.
    context.reference(payrollRow(person, county ? `${work.village.township.county.name}民政局` : `${work.village.township.name}人民政府`, rng.int(4200, 7600) * 100));
  }
}
