// cadre_relative.*: recipients who are near relatives of serving cadres (by every kinship path) and the non-near ones.
import { addDays, firstDay, isoDate, lastDay } from '../calendar.ts';
import { addCadre } from '../cadres.ts';
import type { Household, Person } from '../model.ts';
import { surnameOf } from '../names.ts';
import { kinshipRow } from '../references.ts';
import type { Cadre, Scenario, ScenarioContext } from './context.ts';

function ageOf(context: ScenarioContext, person: Person): number {
  return context.people.referenceYear - person.birth.getUTCFullYear();
}

/** A serving cadre of this village old enough for the relation (a new one when none is). */
function servingCadre(context: ScenarioContext, minAge = 0): Cadre {
  const fits = context.work.cadres.filter((cadre) => cadre.village === context.work.village && ageOf(context, cadre.person) >= minAge);
  if (fits.length) return context.rng.pick(fits);
  const person = context.people.person(context.rng, context.work.village.township.county, { minAge: Math.max(minAge, 30), maxAge: Math.max(minAge, 30) + 8 });
  const cadre = addCadre(context, person, '村委会委员', context.work.village, firstDay(context.period - 30), null);
  context.work.cadres.push(cadre);
  return cadre;
}

/** The relative lives alone on the roll, so no household member is pulled in by the same-household rule. */
function relativeOnRoll(
  context: ScenarioContext, cadre: Cadre, ageShift: [number, number], male: boolean, surname?: string,
): { household: Household; relative: Person } {
  const age = ageOf(context, cadre.person);
  const relative = context.people.person(context.rng, cadre.person.county, {
    minAge: Math.max(1, age + ageShift[0]), maxAge: Math.min(96, Math.max(age + ageShift[0], age + ageShift[1])), male, ...(surname ? { surname } : {}),
  });
  const family = ageOf(context, relative) >= 60 && context.rng.chance(0.4) ? '特困' : '低保';
  const household = context.household({ family, members: [{ person: relative, relation: '本人' }] });
  return { household, relative };
}

const describe = (cadre: Cadre) => `${cadre.person.name} (${cadre.position}, ${cadre.village?.name ?? cadre.township.name})`;

export const cadreRelativeHit: Scenario = {
  kind: 'cadre_relative.unfiled', variants: 9, weight: 3,
  run(context, variant) {
    const { rng, key } = context;
    // Variants whose relative is younger than the cadre need a cadre old enough for an adult relative.
    const cadre = servingCadre(context, variant === 7 || variant === 8 ? 50 : 0);
    const c = cadre.person;
    const male = rng.chance(0.5);
    const olderShift: [number, number] = [20, 34];
    const sameShift: [number, number] = [-8, 8];
    let path: string;
    let relative: Person;
    let household: Household;
    if (variant === 8) {
      ({ household, relative } = relativeOnRoll(context, cadre, [-30, -20], male));
      household.rows[0]!.filed = '是';
      context.reference(kinshipRow(c, relative, male ? '儿子' : '女儿'));
      key.expect({ checkId: 'cadre_relative.filed', person: relative, household, note: `filed (是): ${male ? '儿子' : '女儿'} of cadre ${describe(cadre)}` });
      return;
    }
    const shifts: [number, number][] = [olderShift, olderShift, olderShift, [18, 30], olderShift, [20, 40], sameShift, [-32, -20]];
    ({ household, relative } = relativeOnRoll(context, cadre, shifts[variant]!, male));
    const r = relative;
    switch (variant) {
      case 0: context.reference(kinshipRow(c, r, male ? '父亲' : '母亲')); path = `(C, R, ${male ? '父亲' : '母亲'})`; break;
      case 1: { const rel = c.male ? '儿子' : '女儿'; context.reference(kinshipRow(r, c, rel)); path = `(R, C, ${rel}): R is C's parent`; break; }
      case 2: { const rel = c.male ? '女婿' : '儿媳'; context.reference(kinshipRow(r, c, rel)); path = `(R, C, ${rel}): R is C's parent-in-law`; break; }
      case 3: { const rel = c.male ? '侄子' : '侄女'; context.reference(kinshipRow(r, c, rel)); path = `(R, C, ${rel}): R is C's uncle/aunt`; break; }
      case 4: context.reference(kinshipRow(cadre.spouse, r, male ? '父亲' : '母亲')); path = `(C, S, 配偶) + (S, R, ${male ? '父亲' : '母亲'}): spouse's parent`; break;
      case 5: {
        const father = context.people.person(rng, c.county, { minAge: ageOf(context, c) + 22, maxAge: ageOf(context, c) + 32, male: true });
        context.reference(kinshipRow(c, father, '父亲'));
        context.reference(kinshipRow(father, r, male ? '兄弟' : '姐妹'));
        path = `(C, F, 父亲) + (F, R, ${male ? '兄弟' : '姐妹'}): parent's sibling`;
        break;
      }
      case 6: { const rel = male ? '兄弟' : '姐妹'; context.reference(kinshipRow(c, r, rel)); path = `(C, R, ${rel})`; break; }
      default: { const rel = male ? '长子' : '次女'; context.reference(kinshipRow(c, r, rel)); path = `(C, R, ${rel}): everyday spelling of 儿子/女儿`; break; }
    }
    key.expect({ checkId: 'cadre_relative.unfiled', person: relative, household, note: `near relative of cadre ${describe(cadre)}: ${path}; not filed` });
  },
};

export const cadreSelf: Scenario = {
  kind: 'cadre_relative.self', variants: 1, weight: 1,
  run(context) {
    const { rng, key, period } = context;
    const household = context.household({ family: '低保', shape: 'elderCouple' });
    const [head, spouse] = [household.rows[0]!.person, household.rows[1]!.person];
    const cadre = addCadre(context, head, '村委会委员', household.village, firstDay(period - rng.int(14, 60)), null, spouse);
    key.expect({ checkId: 'cadre_relative.self', person: head, household, note: `cadre ${describe(cadre)} is on the roll himself, not filed` });
    key.expect({ checkId: 'cadre_relative.unfiled', person: spouse, household, note: `spouse in the same roll household as cadre ${describe(cadre)}; not filed` });
  },
};

export const cadreDecoy: Scenario = {
  kind: 'cadre_relative.decoy', variants: 7, weight: 2,
  run(context, variant) {
    const { rng, key, period } = context;
    let cadre = servingCadre(context, variant === 1 || variant === 2 ? 50 : 0);
    const male = rng.chance(0.5);
    let note: string;
    if (variant === 3 || variant === 4) {
      // A cadre whose term does not overlap the period: relatives are not flagged.
      const ended = variant === 3;
      const start = ended ? addDays(firstDay(period), -1500) : addDays(lastDay(period), rng.int(1, 20));
      const end = ended ? addDays(firstDay(period), -rng.int(1, 100)) : null;
      cadre = addCadre(context, context.outsider(35, 60), '村委会委员', context.work.village, start, end);
      const { household, relative } = relativeOnRoll(context, cadre, [20, 34], male);
      context.reference(kinshipRow(cadre.person, relative, male ? '父亲' : '母亲'));
      note = ended ? `parent of ${describe(cadre)} whose term ended ${isoDate(end!)}` : `parent of ${describe(cadre)} whose term starts ${isoDate(start)}`;
      key.decoy({ kind: 'cadre-not-serving', mustNotFlag: ['cadre_relative.unfiled'], person: relative, household, note });
      return;
    }
    const shifts: [number, number][] = [[-8, 8], [-32, -18], [-30, -15], [0, 0], [0, 0], [22, 34], [-10, 10]];
    const { household, relative } = relativeOnRoll(context, cadre, shifts[variant]!, male);
    const c = cadre.person;
    if (variant === 0) { const rel = male ? '堂兄' : '堂姐'; context.reference(kinshipRow(c, relative, rel)); note = `(C, R, ${rel}): cousin`; }
    else if (variant === 1) { const rel = male ? '叔叔' : '姑姑'; context.reference(kinshipRow(relative, c, rel)); note = `(R, C, ${rel}): R is C's nephew/niece`; }
    else if (variant === 2) { const rel = male ? '外甥' : '外甥女'; context.reference(kinshipRow(c, relative, rel)); note = `(C, R, ${rel}): nephew/niece`; }
    else if (variant === 5) {
      const son = context.people.person(rng, c.county, { minAge: 24, maxAge: 36, male: true });
      context.reference(kinshipRow(c, son, '儿子'));
      context.reference(kinshipRow(son, relative, male ? '岳父' : '岳母'));
      note = `(C, Z, 儿子) + (Z, R, ${male ? '岳父' : '岳母'}): the son's parent-in-law (亲家), not near`;
    } else { context.reference(kinshipRow(c, relative, '其他')); note = '(C, R, 其他)'; }
    key.decoy({ kind: 'cadre-relative-not-near', mustNotFlag: ['cadre_relative.unfiled', 'cadre_relative.filed'], person: relative, household, note: `${note}; cadre ${describe(cadre)}` });
  },
};

/** The cadre's children's surname: the father's (the cadre's, or the cadre's husband's). */
const childrenSurname = (cadre: Cadre) => surnameOf(cadre.person.male ? cadre.person.name : cadre.spouse.name);

/** The cadre's son or daughter, on no roll: the middle of a two-hop path, written in the kinship list under the cadre. */
function childOf(context: ScenarioContext, cadre: Cadre, ages: [number, number], male: boolean): Person {
  const child = context.people.person(context.rng, cadre.person.county, {
    minAge: ages[0], maxAge: Math.max(ages[0], ages[1]), male, surname: childrenSurname(cadre),
  });
  context.reference(kinshipRow(cadre.person, child, male ? '儿子' : '女儿'));
  return child;
}

/**
 * A cadre's 儿媳/女婿 or grandchild on the roll, written in the kinship list only under the cadre's child (the child's
 * row names its 配偶 or its 儿子/女儿), never under the cadre: found by the two hops through a child (since 2026-12-03).
 */
export const cadreRelativeThroughChild: Scenario = {
  kind: 'cadre_relative.unfiled', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const grandchild = variant === 1;
    // A grandchild old enough to be on the roll alone (18 or more) needs a cadre of 60 or more.
    const cadre = servingCadre(context, grandchild ? 60 : 50);
    const c = cadre.person;
    const male = rng.chance(0.5);
    // The grandchild of a son bears the family's surname; a 儿媳 or 女婿 the own family's.
    const childMale = grandchild ? rng.chance(0.5) : !male;
    const surname = grandchild && childMale ? childrenSurname(cadre) : undefined;
    const { household, relative } = relativeOnRoll(context, cadre, grandchild ? [-42, -40] : [-30, -24], male, surname);
    const [cadreAge, relativeAge] = [ageOf(context, c), ageOf(context, relative)];
    const child = childOf(context, cadre, grandchild ? [relativeAge + 20, cadreAge - 20] : [Math.max(20, relativeAge - 4), relativeAge + 4], childMale);
    const rel = grandchild ? (male ? '儿子' : '女儿') : '配偶';
    context.reference(kinshipRow(child, relative, rel));
    const path = `(C, Z, ${childMale ? '儿子' : '女儿'}) + (Z, R, ${rel}): ${grandchild ? 'grandchild' : male ? '女婿' : '儿媳'}`;
    key.expect({ checkId: 'cadre_relative.unfiled', person: relative, household, note: `near relative of cadre ${describe(cadre)}: ${path}; not filed` });
  },
};

/** Two hops that reach no near relative: the child's spouse's sibling, and a sibling's child (侄子女/外甥子女). */
export const cadreTwoHopDecoy: Scenario = {
  kind: 'cadre_relative.decoy', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const cadre = servingCadre(context, 50);
    const c = cadre.person;
    const male = rng.chance(0.5);
    const otherMale = rng.chance(0.5);
    let note: string;
    let surname: string | undefined;
    // A brother's children bear the cadre's surname (the cadre's father's).
    if (variant === 1 && otherMale) surname = surnameOf(c.name);
    const { household, relative } = relativeOnRoll(context, cadre, [-30, -24], male, surname);
    const relativeAge = ageOf(context, relative);
    if (variant === 0) {
      // The child's 小舅子/小姨子 (wife's brother, sister) or 小叔子/小姑子 (husband's): kin of the child's spouse only.
      const child = childOf(context, cadre, [Math.max(20, relativeAge - 4), relativeAge + 4], otherMale);
      const rel = otherMale ? (male ? '小舅子' : '小姨子') : (male ? '小叔子' : '小姑子');
      context.reference(kinshipRow(child, relative, rel));
      note = `(C, Z, ${otherMale ? '儿子' : '女儿'}) + (Z, R, ${rel}): the child's spouse's sibling, not near`;
    } else {
      const sibling = context.people.person(rng, c.county, { minAge: relativeAge + 20, maxAge: relativeAge + 34, male: otherMale, surname: surnameOf(c.name) });
      const siblingRel = otherMale ? '兄弟' : '姐妹';
      const rel = male ? '儿子' : '女儿';
      context.reference(kinshipRow(c, sibling, siblingRel));
      context.reference(kinshipRow(sibling, relative, rel));
      note = `(C, B, ${siblingRel}) + (B, R, ${rel}): a sibling's child (${otherMale ? (male ? '侄子' : '侄女') : (male ? '外甥' : '外甥女')}), not near`;
    }
    key.decoy({ kind: 'cadre-relative-not-near', mustNotFlag: ['cadre_relative.unfiled', 'cadre_relative.filed'], person: relative, household, note: `${note}; cadre ${describe(cadre)}` });
  },
};
